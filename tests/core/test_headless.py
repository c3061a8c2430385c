"""Headless play on a fake clock: sleeps only to deadlines, moves on by itself, stops on request."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety.answers import parse_answers
from massage_trainer.core.safety.verdict import evaluate, load_rules
from massage_trainer.core.session import headless
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import Event, EventKind, Player
from tests.conftest import BUNDLED

RULES = load_rules()


@pytest.fixture(params=BUNDLED, ids=lambda p: p.stem)
def protocol(request: pytest.FixtureRequest) -> Protocol:
    path: Path = request.param
    return loader.load(path)


class Sleeper:
    """An injected sleep that moves the fake clock (scaled by `speed`) and remembers each nap."""

    def __init__(self, clock: FakeClock, speed: float = 1.0) -> None:
        self.clock = clock
        self.speed = speed
        self.naps: list[float] = []

    def __call__(self, seconds: float) -> None:
        assert seconds > 0
        self.naps.append(seconds)
        self.clock.advance(seconds * self.speed)


def test_every_bundled_protocol_plays_to_the_end(protocol: Protocol) -> None:
    clock = FakeClock(100.0)
    sleep = Sleeper(clock)
    events: list[Event] = []
    player = Player(protocol, clock, get_ready_s=5)
    out = headless.run(player, clock, sleep, on_event=events.append, max_sleep_s=float("inf"))
    assert out.completed and out.events == len(events)
    started = [e.step_index for e in events if e.kind is EventKind.STEP_STARTED]
    assert started == list(range(len(protocol.steps)))
    assert events[-1].kind is EventKind.FINISHED
    assert player.completed_steps() == tuple(range(len(protocol.steps)))
    planned = sum(s.planned_s for s in protocol.steps)
    assert clock.now() - 100.0 == pytest.approx(5 + planned)
    # one sleep per due moment, never busy-waiting: no more naps than events
    assert len(sleep.naps) <= len(events)


def test_speed_divides_the_real_sleeping(protocol: Protocol) -> None:
    clock = FakeClock()
    sleep = Sleeper(clock, speed=1000)
    player = Player(protocol, clock, get_ready_s=5)
    out = headless.run(player, clock, sleep, speed=1000, max_sleep_s=float("inf"))
    assert out.completed
    real = sum(sleep.naps)
    assert real == pytest.approx((5 + protocol.planned_s) / 1000)
    assert real < 1.0


def test_long_sleeps_are_cut_into_short_naps_so_a_stop_is_noticed() -> None:
    p = loader.load(BUNDLED[0])
    clock = FakeClock()
    sleep = Sleeper(clock)
    headless.run(Player(p, clock, get_ready_s=0), clock, sleep, max_sleep_s=0.25)
    assert max(sleep.naps) <= 0.25


def test_a_stop_request_stops_cleanly_between_naps() -> None:
    p = loader.load(BUNDLED[0])
    clock = FakeClock()
    sleep = Sleeper(clock)
    events: list[Event] = []
    player = Player(p, clock, get_ready_s=0)

    def stop_after_first_step() -> bool:
        return any(e.kind is EventKind.STEP_COMPLETED for e in events)

    out = headless.run(
        player, clock, sleep, on_event=events.append, should_stop=stop_after_first_step
    )
    assert not out.completed and out.reason == "signal"
    assert events[-1].kind is EventKind.STOPPED
    assert player.completed_steps() == (0,)


def test_until_next_steps_move_on_by_themselves() -> None:
    p = loader.load(BUNDLED[0])
    first = dataclasses.replace(p.steps[0], until_next=True, repetitions=None, duration_s=None)
    p = dataclasses.replace(p, steps=(first, *p.steps[1:]))
    clock = FakeClock()
    events: list[Event] = []
    out = headless.run(
        Player(p, clock, get_ready_s=0), clock, Sleeper(clock), on_event=events.append
    )
    assert out.completed
    assert EventKind.WAITING_FOR_USER in {e.kind for e in events}


def test_the_time_limit_ends_as_stopped() -> None:
    p = loader.load(BUNDLED[0])
    p = dataclasses.replace(p, max_minutes=1.0)
    clock = FakeClock()
    events: list[Event] = []
    out = headless.run(
        Player(p, clock, get_ready_s=0), clock, Sleeper(clock), on_event=events.append
    )
    assert not out.completed and out.reason == "max-duration"
    assert clock.now() == pytest.approx(60.0)


def test_bad_speed_is_refused() -> None:
    p = loader.load(BUNDLED[0])
    clock = FakeClock()
    with pytest.raises(ValueError, match="speed"):
        headless.run(Player(p, clock), clock, Sleeper(clock), speed=0)


# --- recording ------------------------------------------------------------------------------------


class FakeLog:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def begin_session(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        verdict_reasons: Sequence[str],
        trial: bool = False,
    ) -> int:
        self.trial = trial
        self.calls.append(("begin", (protocol_id, dict(answers), verdict, list(verdict_reasons))))
        return 7

    def step_completed(
        self, session_id: int, index: int, step_id: str, technique: str, seconds: float
    ) -> None:
        self.calls.append(("step", (session_id, index, step_id, technique, seconds)))

    def note_event(self, session_id: int, kind: str, detail: str = "") -> None:
        self.calls.append(("note", (kind, detail)))

    def end_session(self, session_id: int, status: str, reason: str = "") -> None:
        self.calls.append(("end", (session_id, status, reason)))

    def record_refused(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        reasons: Sequence[str],
        trial: bool = False,
    ) -> int:
        self.trial = trial
        self.calls.append(("refused", (protocol_id, dict(answers), verdict, list(reasons))))
        return 8


CLEAR = """
fever: no
low-temperature: no
heart-or-vessels: no
skin-on-back: no
bleeding: no
infection: no
varicose-or-thrombosis: no
cancer: no
spine-injury: no
warning-pain: no
pregnancy-month: 0
breastfeeding: no
ointment: no
meal-minutes: 90
firm-surface: yes
clean-sheet: yes
towels-ready: yes
unscented-oil: yes
hands-washed: yes
oil-warmed: yes
receiver-prone: yes
receiver-side-lying: yes
receiver-relaxed: yes
"""


def test_recorder_keeps_answers_verdict_and_every_completed_step() -> None:
    p = loader.load(BUNDLED[0])
    answers = parse_answers(CLEAR, "a.yaml", RULES)
    verdict = evaluate(RULES, answers, p)
    log = FakeLog()
    clock = FakeClock()
    rec = headless.Recorder(log, p, answers, verdict)
    out = headless.run(
        Player(p, clock, get_ready_s=3), clock, Sleeper(clock), on_event=rec.on_event
    )
    rec.finish(out)
    begin = log.calls[0]
    assert begin[0] == "begin" and begin[1] == (p.id, answers, "go", [])  # type: ignore[comparison-overlap]
    steps = [c[1] for c in log.calls if c[0] == "step"]
    assert [s[1] for s in steps] == list(range(len(p.steps)))  # type: ignore[index]
    for (_, _i, sid, technique, seconds), step in zip(steps, p.steps, strict=True):  # type: ignore[misc]
        assert sid == step.id and technique == str(step.technique)
        assert seconds == pytest.approx(step.planned_s)
    assert log.calls[-1] == ("end", (7, "completed", ""))


def test_refused_sessions_are_recorded_with_their_reasons() -> None:
    p = loader.load(BUNDLED[0])
    answers = parse_answers(CLEAR.replace("fever: no", "fever: yes"), "a.yaml", RULES)
    verdict = evaluate(RULES, answers, p)
    log = FakeLog()
    assert headless.record_refused(log, p, answers, verdict) == 8
    kind, (pid, saved, v, reasons) = log.calls[0]  # type: ignore[misc]
    assert kind == "refused" and pid == p.id and saved["fever"] is True and v == "stop"
    assert any("fever" in r for r in reasons)


# --- answers files --------------------------------------------------------------------------------


def test_answers_file_parses_yes_no_and_numbers() -> None:
    a = parse_answers(CLEAR, "a.yaml", RULES)
    assert a["fever"] is False and a["firm-surface"] is True and a["meal-minutes"] == 90


def test_empty_answer_counts_as_unanswered() -> None:
    a = parse_answers(CLEAR.replace("fever: no", "fever:"), "a.yaml", RULES)
    assert "fever" not in a


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("- fever\n", "a.yaml:1:1", "expected 'ID: answer' lines"),
        ("fevr: no\n", "a.yaml:1:1", "did you mean 'fever'?"),
        ("fever: maybe\n", "a.yaml:1:8", "fever: expected yes or no, found 'maybe'"),
        ("fever: 'no'\n", "a.yaml:1:8", "expected yes or no"),
        ("meal-minutes: soon\n", "a.yaml:1:15", "expected a number"),
        ("pregnancy-month: 11\n", "a.yaml:1:18", "from 0 to 10"),
        ("pregnancy-month: 4.5\n", "a.yaml:1:18", "whole number"),
        ("fever: [no]\n", "a.yaml:1:8", "expected a single answer"),
        ("fever: !!python/object:os.system no\n", "a.yaml:1:8", "not allowed"),
    ],
)
def test_answers_file_problems_are_located(text: str, where: str, message: str) -> None:
    with pytest.raises(DocumentError) as err:
        parse_answers(text, "a.yaml", RULES)
    assert any(str(p).startswith(where) and message in str(p) for p in err.value.problems), str(
        err.value
    )
