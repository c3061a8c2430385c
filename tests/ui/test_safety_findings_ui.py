"""Issue 13's findings that live in the window, each repeated as written (2, 3, 4, 5, 6, 8, 10)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.history.log import History
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.vocab import Pressure, Technique
from massage_trainer.core.safety import spatial
from massage_trainer.core.safety.rules import load as load_rules
from massage_trainer.core.safety.verdict import VerdictKind
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.classroom.handout_text import cover_html
from massage_trainer.ui.diagram import work_area
from massage_trainer.ui.safety import panel as panel_module
from massage_trainer.ui.safety.locked import LockedSafetyPanel
from massage_trainer.ui.safety.pain_dialog import PainDialog
from massage_trainer.ui.session.cues import Cues, CueSettings
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.test_safety_panel import answer_all_clear, running, safety, tick_all

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""The offscreen platform says this whenever a dialog is shown; it is not our warning."""


def _silent(*_a: object, **_k: object) -> None:
    return None


def make(qtbot, data_dir: Path, clock: FakeClock, protocol: str = "back-pain-relief") -> MainWindow:  # type: ignore[no-untyped-def]
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol=protocol)
    w = build_window(args, clock=clock, cues=cues, get_ready_s=5)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.safety_panel is not None)
    return w


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock)
    yield w
    w.controller.shutdown()


def every_way_to_start(w: MainWindow) -> None:
    w.actions_["start"].trigger()
    w.play_pause()
    w.controller.start()
    w.controller.next()


# 2. The window's gate fails open --------------------------------------------------------------


@pytest.mark.parametrize("how", ["empty", "unreadable", "panel-raises"])
def test_2_rules_that_cannot_be_read_keep_start_locked_and_say_why(  # type: ignore[no-untyped-def]  # noqa: PLR0917
    qtbot,
    data_dir: Path,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch,
    how: str,
) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("" if how == "empty" else "x: 1\n", encoding="utf-8")
    if how == "unreadable":
        bad.chmod(0)
    real = load_rules

    def broken(path: object = None) -> object:
        if how == "panel-raises":
            raise RuntimeError("the panel cannot be built")
        return real(bad)

    monkeypatch.setattr(panel_module, "load_rules", broken)
    w = make(qtbot, data_dir, clock)
    try:
        panel = w.safety_panel
        assert isinstance(panel, LockedSafetyPanel)
        assert "cannot" in panel.verdict_box.title.text() + panel.verdict_box.body.text()
        every_way_to_start(w)
        assert w.controller.state is State.IDLE
        assert not w.actions_["start"].isEnabled()
    finally:
        w.controller.shutdown()
        bad.chmod(0o600)


def test_2_without_a_safety_panel_nothing_starts(window: MainWindow) -> None:
    window.safety_gate.panel = None
    every_way_to_start(window)
    assert window.controller.state is State.IDLE


# 3. A "see a doctor" stop is forgotten --------------------------------------------------------


def _stop_with_a_warning_sign(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w.pain_stop()
    dialog = safety(w).wiring.dialog
    assert isinstance(dialog, PainDialog)
    dialog.set_feeling("aching")
    dialog.flag_boxes["pain-after-spine-injury"].setChecked(True)
    dialog.buttons["stop"].click()


def test_3_a_see_a_doctor_stop_locks_start_with_its_date_until_a_clearance(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    running(window, clock)
    _stop_with_a_warning_sign(qtbot, window)
    assert window.controller.state is State.STOPPED
    p = safety(window)
    v = p.verdict()
    assert v is not None and v.kind is VerdictKind.STOP and v.holds
    assert "see a doctor" in p.verdict_box.title.text().lower()
    assert "Go" not in p.verdict_box.title.text()
    assert p.clearance_button.isVisible()
    every_way_to_start(window)
    assert window.controller.state is State.STOPPED
    with History.open(data_dir)[0] as h:  # kept in the log, for the unnamed receiver
        assert [x.reason for x in h.open_holds(None)]
    p.record_clearance("Dr Petrova, 25 November")
    v = p.verdict()
    assert v is not None and v.kind is VerdictKind.GO and not p.clearance_button.isVisible()
    with History.open(data_dir)[0] as h:
        assert h.open_holds(None) == []


def test_3_the_stop_stays_in_a_new_window(qtbot, data_dir: Path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    first = make(qtbot, data_dir, clock)
    running(first, clock)
    _stop_with_a_warning_sign(qtbot, first)
    first.controller.shutdown()
    first.close()
    second = make(qtbot, data_dir, clock)
    try:
        p = safety(second)
        answer_all_clear(p)
        tick_all(p)
        v = p.verdict()
        assert v is not None and v.kind is VerdictKind.STOP and v.holds
        every_way_to_start(second)
        assert second.controller.state is State.IDLE
    finally:
        second.controller.shutdown()


# 4. Corrected answers keep the adaptation -----------------------------------------------------


def test_4_an_adaptation_is_announced_and_undone_when_its_reason_goes(window: MainWindow) -> None:
    p = safety(window)
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("pregnancy-month", 5)
    assert window.controller.protocol is not None
    assert window.controller.protocol.id == "gentle-pregnancy"
    assert "Switched to" in p.last_switch and "fourth month" in p.last_switch
    assert p.last_switch in window.view.banner.text()
    p.set_answer("pregnancy-month", 0)
    assert window.controller.protocol.id == "back-pain-relief"
    assert "Back to" in p.last_switch
    assert "receiver-side-lying" not in p.checklist._checks
    tick_all(p)
    v = p.verdict()
    assert v is not None and v.kind is VerdictKind.GO and p.may_start()


# 5. Time limits count slowed time -------------------------------------------------------------


@pytest.mark.parametrize("loop", [False, True])
def test_5_the_pregnancy_massage_ends_at_40_real_minutes_at_a_quarter_speed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, clock: FakeClock, loop: bool
) -> None:
    p = safety(window)
    answer_all_clear(p)
    p.set_answer("pregnancy-month", 5)
    tick_all(p)
    assert p.may_start()
    window.controller.set_speed(0.25)
    window.controller.set_loop_step(loop)
    window.start()
    began = clock.now()
    while window.controller.state is not State.STOPPED:
        clock.advance(30)
        window.controller.poll()
        assert clock.now() - began < 45 * 60, "the session ran past the 40-minute limit"
    assert window.controller.player is not None
    assert window.controller.player.massaged_s() == pytest.approx(40 * 60)
    assert "time limit" in window.view.banner.text().lower()
    v = p.verdict()
    assert v is not None and v.kind is VerdictKind.STOP  # 40 minutes done: no more today


# 6. The diagram invites unsafe work -----------------------------------------------------------


def test_6_the_drawn_work_area_leaves_out_the_kidneys_in_tapping_and_kneading() -> None:
    body = load_body()
    rules = load_rules()
    for step in catalog.bundled("back-pain-relief").steps:
        path, carved = work_area.work_path(body, step)
        area = spatial.work_area(rules.zones, step, body)
        if step.technique in (Technique.TAPPING, Technique.KNEADING):
            assert {"kidney-left", "kidney-right"} <= set(carved)
        for i in range(0, 60):
            for j in range(0, 120):
                x, y = -20 + i * 0.67, 20 + j * 0.67
                if any(z.contains(x, y) for z in area.exclude):
                    assert not path.contains(QPointF(x, y)), (step.id, x, y)


# 8. The handout leaves out a stop rule --------------------------------------------------------


def test_8_the_handout_prints_every_stop_wait_and_adapt_rule_from_the_rules_file() -> None:
    rules = load_rules()
    text = cover_html(catalog.bundled("back-pain-relief"), rules, "en")
    for rule in rules.rules:
        if rule.outcome.value in ("stop", "wait", "adapt"):
            assert rule.reason.get("en")[:40] in text, rule.id
    assert "first three months of pregnancy" in text


# 10. Lighten shows the step one level lower ---------------------------------------------------


def test_10_lighten_goes_on_after_a_lead_in_one_pressure_level_lower(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, clock: FakeClock
) -> None:
    w = make(qtbot, data_dir, clock, protocol="therapeutic-lower-back")
    try:
        running(w, clock)
        w.controller.next()  # step 2, firmer stroking: moderate
        assert w.controller.player is not None
        assert w.controller.player.step is not None
        assert w.controller.player.step.pressure is Pressure.MODERATE
        w.pain_stop()
        dialog = safety(w).wiring.dialog
        assert isinstance(dialog, PainDialog)
        dialog.set_feeling("aching")
        assert "continue" not in dialog.buttons and dialog.buttons["lighten"].isEnabled()
        dialog.buttons["lighten"].click()
        assert w.controller.state is State.GET_READY
        step = w.controller.player.step
        assert (
            step is not None
            and step.pressure is Pressure.LIGHT
            and w.controller.player.step_index == 1
        )
        assert "light" in w.view.panel.pressure.text().lower()
        assert safety(w).may_start()
        clock.advance(6)
        w.controller.poll()
        assert w.controller.state is State.RUNNING
    finally:
        w.controller.shutdown()
