"""Random sequences of window commands never get a step running past the safety check.

Answers change, Start, Next, restart, pause, stop, pain stops of every kind, practice speed, loop,
protocol switches and time passing, on a window whose rules may be unreadable from the start. After
every command: no step runs (get-ready, running or waiting) while the verdict is stop or wait or
locked, after an uncleared "see a doctor" stop, past a wall-clock limit, or with a protocol whose
content breaks the receiver's constraints (pregnancy).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from massage_trainer.core.protocol import catalog
from massage_trainer.core.safety import content
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.safety.rules import load as load_rules
from massage_trainer.core.safety.verdict import VerdictKind
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.safety.locked import LockedSafetyPanel
from massage_trainer.ui.safety.pain_dialog import PainDialog
from massage_trainer.ui.safety.panel import SafetyPanel
from massage_trainer.ui.session.cues import Cues, CueSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RULES = load_rules()
PROTOCOLS = [
    catalog.bundled(p) for p in ("back-pain-relief", "therapeutic-lower-back", "gentle-pregnancy")
]
PREGNANCY = next(r for r in RULES.rules if r.requires is not None)
RUNNING = (State.GET_READY, State.RUNNING, State.WAITING)
YES_NO = [q.id for q in RULES.questions if q.kind is QuestionKind.YES_NO]
PREP = [p.id for p in RULES.preparation]
FEELINGS = [f.id for f in RULES.pain.feelings]
FLAGS = [f.id for f in RULES.pain.red_flags]


RUNS = [0]
SEEN_RUNNING = [0]
"""Checks made while a step ran: the machine must really reach sessions, not only locked ones."""


def _silent(*_a: object, **_k: object) -> None:
    return None


class WindowCommands(RuleBasedStateMachine):
    data_dir: Path
    qtbot: Any

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
        RUNS[0] += 1  # a fresh data folder each run: one run's "see a doctor" stops stay in it
        folder = self.data_dir / f"run-{RUNS[0]}"
        args = argparse.Namespace(data_dir=folder, protocol="back-pain-relief")
        self.w = build_window(args, clock=self.clock, cues=cues, get_ready_s=5, defer=False)
        self.qtbot.addWidget(self.w)

    @initialize(readable=st.sampled_from([True, True, True, False]))
    def safety_check(self, readable: bool) -> None:
        if not readable:  # the rules file could not be read: a locked panel is docked instead
            self.w.attach_safety_panel(LockedSafetyPanel(self.w, "unreadable", [], "en"))
        else:
            self.all_clear()

    @rule()
    def all_clear(self) -> None:
        """Everything answered safely and ticked (a person correcting the answers)."""
        p = self.panel()
        if p is None:
            return
        for q in RULES.questions:
            p.set_answer(q.id, False if q.kind is QuestionKind.YES_NO else 0)
        p.set_answer("meal-minutes", 120)
        for pid in PREP:
            p.set_answer(pid, True)

    def panel(self) -> SafetyPanel | None:
        p = self.w.safety_panel
        return p if isinstance(p, SafetyPanel) else None

    # ---- commands --------------------------------------------------------------------

    @rule(qid=st.sampled_from(YES_NO), value=st.sampled_from([True, False, None]))
    def answer_yes_no(self, qid: str, value: bool | None) -> None:
        if (p := self.panel()) is not None:
            p.set_answer(qid, value)

    @rule(month=st.sampled_from([0, 0, 2, 4, 5, 9]))
    def pregnancy(self, month: int) -> None:
        if (p := self.panel()) is not None:
            p.set_answer("pregnancy-month", month)

    @rule(minutes=st.sampled_from([0, 30, 59, 60, 120]))
    def meal(self, minutes: int) -> None:
        if (p := self.panel()) is not None:
            p.set_answer("meal-minutes", minutes)

    @rule(pid=st.sampled_from(PREP), on=st.booleans())
    def tick(self, pid: str, on: bool) -> None:
        if (p := self.panel()) is not None:
            p.set_answer(pid, on)

    @rule()
    def answer_safely_and_start(self) -> None:
        """A person puts the answers right and presses Start (most sessions begin so)."""
        self.all_clear()
        self.w.play_pause()

    @rule(
        command=st.sampled_from(
            ["start", "next", "previous", "restart_step", "toggle_pause", "stop"]
        )
    )
    def session_command(self, command: str) -> None:
        if command == "start":
            self.w.play_pause()
        else:
            self.w.controller.command(command, *(("user",) if command == "stop" else ()))

    @rule(seconds=st.sampled_from([1.0, 5.0, 30.0, 120.0, 600.0]))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.w.controller.poll()

    @rule(k=st.sampled_from([0.25, 0.5, 1.0]))
    def speed(self, k: float) -> None:
        self.w.controller.set_speed(k)

    @rule(on=st.booleans())
    def loop(self, on: bool) -> None:
        self.w.controller.set_loop_step(on)

    @rule(index=st.integers(0, len(PROTOCOLS) - 1))
    def switch_protocol(self, index: int) -> None:
        self.w.load_protocol(PROTOCOLS[index])

    @rule(
        feeling=st.sampled_from(FEELINGS),
        flags=st.lists(st.sampled_from(FLAGS), max_size=2, unique=True),
        decision=st.sampled_from(["stop", "lighten", "skip", "paused"]),
    )
    def pain(self, feeling: str, flags: list[str], decision: str) -> None:
        self.w.pain_stop()
        p = self.panel()
        dialog = getattr(getattr(p, "wiring", None), "dialog", None)
        if not isinstance(dialog, PainDialog):
            return
        dialog.set_feeling(feeling)
        for f in flags:
            dialog.flag_boxes[f].setChecked(True)
        dialog.decide(decision)
        if dialog.isVisible():
            dialog.decide("stop")

    @rule()
    def clearance(self) -> None:
        if (p := self.panel()) is not None and p.holds():
            p.record_clearance("Dr Test")

    # ---- the invariant ---------------------------------------------------------------

    @invariant()
    def nothing_runs_past_the_safety_check(self) -> None:
        c = self.w.controller
        if c.state not in RUNNING:
            return
        event("a step was running")
        SEEN_RUNNING[0] += 1
        p = self.panel()
        assert p is not None, "a session runs without a working safety check"
        v = p.verdict()
        assert v is not None and v.kind in (VerdictKind.GO, VerdictKind.ADAPT), v
        assert not p.holds(), "a session runs after an uncleared see-a-doctor stop"
        player, protocol = c.player, c.protocol
        assert player is not None and protocol is not None
        assert player.massaged_s() <= player.limit_s + 1e-6
        assert p.massaged_s() + player.massaged_s() <= protocol.max_minutes * 60 + 1e-6
        month = p.answers().get("pregnancy-month")
        if isinstance(month, (int, float)) and month >= 4:
            assert PREGNANCY.requires is not None
            assert content.meets(PREGNANCY.requires, protocol), protocol.id
            assert p.massaged_s() + player.massaged_s() <= 40 * 60 + 1e-6

    def teardown(self) -> None:
        self.w.controller.shutdown()
        self.w.close()


def test_no_command_sequence_runs_a_step_past_the_safety_check(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    WindowCommands.data_dir = data_dir
    WindowCommands.qtbot = qtbot
    run = WindowCommands.TestCase
    run.settings = settings(
        max_examples=40,
        stateful_step_count=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    SEEN_RUNNING[0] = 0
    run().runTest()
    assert SEEN_RUNNING[0] > 15, SEEN_RUNNING
