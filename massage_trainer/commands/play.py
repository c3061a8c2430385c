"""`play PROTOCOL --headless --answers FILE`: a guided session without a window, behind the safety gate.

Exit codes: 0 the protocol finished, 1 an error (bad file, unknown protocol), 2 a usage error,
3 the safety check refused to start (reasons on stderr), 4 the session was stopped (a signal, the
protocol's time limit).
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety.answers import load_answers
from massage_trainer.core.safety.checked import problems_of
from massage_trainer.core.safety.holds import Hold
from massage_trainer.core.safety.rules import Rules
from massage_trainer.core.safety.verdict import (
    Answer,
    Verdict,
    VerdictKind,
    evaluate,
    load_rules,
    may_start,
)
from massage_trainer.core.session import headless
from massage_trainer.core.session.clock import MonotonicClock, ScaledClock
from massage_trainer.core.session.player import Event, EventKind, Player
from massage_trainer.core.words import problem_line, say
from massage_trainer.core.words import reason as reason_words
from massage_trainer.core.words import technique as technique_words

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_STOPPED = 4
MAX_SPEED = 1000.0
NOT_RECORDED = LocalText.of(
    "massage-trainer play: " + say("play.not_recorded", "en"),
    ru="massage-trainer play: " + say("play.not_recorded", "ru"),
)


def _speed(text: str) -> float:
    try:
        k = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not (math.isfinite(k) and 0 < k <= MAX_SPEED):
        raise argparse.ArgumentTypeError(f"must be above 0 and at most {MAX_SPEED:g}, not {text}")
    return k


def _seconds(text: str) -> float:
    try:
        s = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not (math.isfinite(s) and 0 <= s <= 600):
        raise argparse.ArgumentTypeError(f"must be from 0 to 600 seconds, not {text}")
    return s


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "play",
        help="play a protocol without a window (--headless), after the safety check",
        description="Play PROTOCOL (an id or a .yaml path) headless. The answers file holds "
        "'ID: yes|no|NUMBER' lines for every question and preparation item listed by "
        "'massage-trainer questions'. Exit 0 finished, 1 error, 2 usage, 3 refused by the "
        "safety check, 4 stopped.",
    )
    p.add_argument("protocol", metavar="PROTOCOL", help="protocol id or path to a .yaml file")
    p.add_argument("--headless", action="store_true", help="play without a window (required)")
    p.add_argument("--answers", metavar="FILE", help="YAML file with the safety answers")
    p.add_argument("--speed", type=_speed, default=1.0, metavar="K", help="run K times faster")
    p.add_argument(
        "--get-ready", type=_seconds, default=5.0, metavar="S", help="countdown before step 1"
    )
    p.add_argument(
        "--no-history",
        action="store_true",
        help="a dry run: write nothing to the session history (by default a headless play is "
        "kept there as a trial, which never counts toward a course)",
    )
    p.add_argument(
        "--receiver",
        metavar="NAME",
        help="who receives the massage (their 'see a doctor first' stops apply; default: no name)",
    )
    p.set_defaults(handler=run)


def _out(line: str) -> None:
    print(line, flush=True)


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _duration(step: Step, lang: str = "en") -> str:
    s = round(step.planned_s)
    if step.until_next and s <= 0:
        return say("play.until_next", lang)
    return f"{s // 60}:{s % 60:02d}"


def _problems(exc: DocumentError, lang: str) -> None:
    for p in exc.problems:
        _err(problem_line(p, lang))


def _refuse(verdict: Verdict, rules: Rules, lang: str) -> None:
    """Say on stderr why the session does not start, and what to do instead."""
    head = {
        VerdictKind.STOP: "refuse.stop",
        VerdictKind.WAIT: "refuse.wait",
        VerdictKind.INCOMPLETE: "refuse.incomplete",
        VerdictKind.BLOCKED: "refuse.blocked",
    }.get(verdict.kind, "refuse.other")
    _err(f"massage-trainer play: {say(head, lang)}")
    if verdict.kind is VerdictKind.WAIT and verdict.wait_minutes is not None:
        _err(say("refuse.wait_minutes", lang, n=math.ceil(verdict.wait_minutes)))
    for reason in verdict.reasons:
        _err(f"  - {reason.get(lang)}")
    for advice in verdict.advice:
        _err(say("refuse.what_to_do", lang, text=advice.get(lang)))
    if verdict.kind is not VerdictKind.STOP and verdict.missing:
        questions = {q.id for q in rules.questions}
        unanswered = [m for m in verdict.missing if m in questions]
        unticked = [m for m in verdict.missing if m not in questions]
        if unanswered:
            _err(say("refuse.unanswered", lang, ids=", ".join(unanswered)))
        if unticked:
            _err(say("refuse.unticked", lang, ids=", ".join(unticked)))
        _err(say("refuse.see_ids", lang))


@contextmanager
def _stop_on_signals(flag: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM ask the run to stop cleanly instead of killing it mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        flag.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


class _History:
    """The session log, or nothing (with one warning) when it cannot be used: the session plays
    either way, and the person is told whether it is being recorded."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.log: headless.SessionLog | None = None
        self.receiver_id: int | None = None
        self._history: Any = None
        """The open log even when it is not written to: its holds still apply."""
        self._folder: Path = args.data_dir
        self._closer: Callable[[], None] | None = None
        self._lang = args.lang
        self._errors: tuple[type[Exception], ...] = ()
        self._unsaved: list[str] = []
        """What to say once it is known that the session plays: why it is not saved."""
        if args.no_history:
            return
        from massage_trainer.core.history.log import History, HistoryError

        self._errors = (HistoryError,)
        try:
            history, notice = History.open(args.data_dir)
        except HistoryError as exc:
            self._unsaved = [exc.message(self._lang), NOT_RECORDED.get(self._lang)]
            return
        if notice:
            _err(f"massage-trainer play: {notice.get(self._lang)}")
        self._closer = history.close
        self._history = history
        if history.read_only:
            self._unsaved = [NOT_RECORDED.get(self._lang)]
            return
        self.log = history

    def announce(self) -> None:
        """Say why the session is not saved, once it is clear what happens to it."""
        for line in self._unsaved:
            _err(line if line.startswith("massage-trainer") else f"massage-trainer play: {line}")
        self._unsaved = []

    def holds(self, receiver: str | None) -> list[Hold]:
        """The receiver's open "see a doctor first" stops (read even for a dry run).

        LookupError for an unknown name, or when a log exists but cannot be read: then the
        stops kept in it cannot be checked, and nothing is played (fail closed)."""
        from massage_trainer.commands.clearance import receiver_id
        from massage_trainer.core.history.log import FILE_NAME, History, HistoryError

        history = self._history
        opened_here = False
        if history is None:
            if not (self._folder / FILE_NAME).is_file():  # no log file: no stops kept
                if receiver is not None:
                    raise LookupError(say("err.no_receiver_yet", self._lang, name=receiver))
                return []
            try:
                history, _notice = History.open(self._folder)
            except HistoryError as exc:
                raise LookupError(
                    say("err.holds_unreadable", self._lang, message=exc.message(self._lang))
                ) from None
            opened_here = True
        try:
            rid = receiver_id(history, receiver)
            self.receiver_id = rid
            return list(history.open_holds(rid))
        finally:
            if opened_here:
                history.close()

    def call(self, fn: Callable[[], object]) -> None:
        if self.log is None:
            return
        try:
            fn()
        except self._errors as exc:
            message = exc.message(self._lang) if hasattr(exc, "message") else str(exc)
            _err(
                "massage-trainer play: "
                + say("play.recording_stopped", self._lang, message=message)
            )
            self.log = None

    def close(self) -> None:
        if self._closer is not None:
            self._closer()


def _load(args: argparse.Namespace) -> tuple[Rules, Protocol, dict[str, Answer]] | int:
    lang = args.lang
    try:
        rules = load_rules()
    except DocumentError as exc:
        _problems(exc, lang)
        _err("massage-trainer play: " + say("err.rules", lang))
        return EXIT_ERROR
    try:
        protocol = catalog.resolve(args.protocol, args.data_dir)
    except catalog.NotFound as exc:
        _err(f"massage-trainer play: {exc.message(lang)}")
        return EXIT_ERROR
    except DocumentError as exc:
        _problems(exc, lang)
        return EXIT_ERROR
    located = problems_of(protocol, rules, lang)
    if located:
        for p in located:
            _err(problem_line(p, lang))
        _err("massage-trainer play: " + say("err.breaks_rule", lang))
        return EXIT_ERROR
    try:
        answers = load_answers(args.answers, rules)
    except DocumentError as exc:
        _problems(exc, lang)
        _err("massage-trainer play: " + say("err.answers", lang))
        return EXIT_ERROR
    return rules, protocol, answers


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        _err("massage-trainer play: " + say("err.headless_only", args.lang))
        return EXIT_USAGE
    if not args.answers:
        _err("massage-trainer play: " + say("err.answers_required", args.lang))
        return EXIT_USAGE
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    rules, asked, answers = loaded
    history = _History(args)
    try:
        try:
            holds = history.holds(getattr(args, "receiver", None))
        except LookupError as exc:
            _err(f"massage-trainer play: {exc}")
            return EXIT_ERROR
        verdict = evaluate(rules, answers, asked, holds=holds)
        history.announce()
        if not may_start(verdict):
            _refuse(verdict, rules, args.lang)
            log = history.log
            if log is not None:
                history.call(
                    lambda: headless.record_refused(log, asked, answers, verdict, trial=True)
                )
            return EXIT_REFUSED
        protocol = verdict.protocol  # the one the verdict approved by its content
        if protocol is None or not may_start(verdict, protocol):
            _err("massage-trainer play: " + say("err.no_protocol", args.lang))
            return EXIT_ERROR
        return _play(args, protocol, asked=asked, answers=answers, verdict=verdict, history=history)
    finally:
        history.close()


def _play(
    args: argparse.Namespace,
    protocol: Protocol,
    *,
    asked: Protocol,
    answers: dict[str, Answer],
    verdict: Verdict,
    history: _History,
) -> int:
    lang = args.lang
    if verdict.kind is VerdictKind.ADAPT:
        changed = (
            say("play.instead", lang, id=asked.id, title=asked.title.get(lang))
            if verdict.adapted_from is not None
            else ""
        )
        title = protocol.title.get(lang)
        _out(say("play.adapted", lang, id=protocol.id, title=title, instead=changed))
        for reason in verdict.reasons:
            _out(say("play.why", lang, text=reason.get(lang)))
    for warning in verdict.warnings:
        _out(say("play.caution", lang, text=warning.get(lang)))
    recorder: headless.Recorder | None = None
    if history.log is not None:
        log = history.log

        def begin() -> None:
            nonlocal recorder
            recorder = headless.Recorder(log, protocol, answers, verdict, trial=True)

        history.call(begin)
    n = len(protocol.steps)

    def on_event(e: Event) -> None:
        if e.kind is EventKind.STEP_STARTED:
            step = protocol.steps[e.step_index]
            _out(
                say(
                    "play.step",
                    lang,
                    i=e.step_index + 1,
                    n=n,
                    title=step.title.get(lang),
                    technique=technique_words(step.technique, lang),
                    length=_duration(step, lang),
                )
            )
        elif e.kind is EventKind.MAX_DURATION:
            _out(say("play.time_limit", lang, detail=e.detail))
        if recorder is not None:
            rec = recorder
            history.call(lambda: rec.on_event(e))

    stop = threading.Event()
    clock = ScaledClock(MonotonicClock(), args.speed)
    player = Player(protocol, clock, get_ready_s=args.get_ready, limit_s=verdict.limit_s)
    title = protocol.title.get(lang)
    _out(say("play.playing", lang, id=protocol.id, title=title, n=n, m=protocol.length_minutes))
    with _stop_on_signals(stop):
        outcome = headless.run(
            player, clock, time.sleep, speed=args.speed, on_event=on_event, should_stop=stop.is_set
        )
    if recorder is not None:
        rec = recorder
        history.call(lambda: rec.finish(outcome))
    done = len(player.completed_steps())
    if outcome.completed:
        _out(say("play.finished", lang, done=done, n=n))
        return EXIT_OK
    _out(say("play.stopped", lang, reason=reason_words(outcome.reason, lang), done=done, n=n))
    return EXIT_STOPPED
