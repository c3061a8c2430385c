"""Practice mode: slow motion and loop on a fake clock, stepping through without a timer, the
glossary following the step, practice minutes in the history, and the safety gate still closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_trainer.core.history.log import History
from massage_trainer.core.protocol.vocab import Technique
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.classroom.practice import PracticeMode
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.conftest import classroom_of
from tests.ui.test_main_window import make_window

KNEADING = 5  # back-pain-relief step 6: kneading, 90 s


def practice(w: MainWindow) -> PracticeMode:
    return classroom_of(w).practice


def test_practice_loops_kneading_at_half_speed(
    window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    pm = practice(window)
    pm.action.trigger()
    assert pm.active and pm.dock.isVisible() and pm.glossary.isVisible()
    pm.dock.speed_buttons[0.5].click()
    assert window.actions_.speeds[0.5].isChecked()
    pm.dock.loop.click()
    assert window.actions_["loop"].isChecked()
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(KNEADING)
    p = c.player
    assert p is not None and p.speed == 0.5 and p.loop_step
    clock.advance(20)
    c.poll()
    assert p.step_time() == pytest.approx(10.0)  # half speed: the diagram moves in slow motion
    assert window.view.body_view.time() == pytest.approx(10.0)  # type: ignore[attr-defined]
    assert pm.glossary.current is Technique.KNEADING
    clock.advance(170)  # 190 clock s = 95 s of motion: past the 90 s step
    c.poll()
    assert p.step_index == KNEADING and p.state is State.RUNNING  # it began again
    assert p.step_time() == pytest.approx(5.0)
    c.stop()
    history, _ = History.open(data_dir)
    try:
        minutes = history.minutes_by_technique(mode="practice")
        # one completed 180 s pass of kneading, plus the 10 s of the next pass before Stop
        assert minutes["kneading"] == pytest.approx(190 / 60)
        assert minutes.get("stroking", 0) == pytest.approx(0.0)
        sessions = history.sessions()
        assert [r.mode for r in sessions] == ["practice"]  # one recorder, one session
    finally:
        history.close()
    assert "Practised so far: 3.2 min" in pm.dock.practised.text()  # 190 s: one decimal


def test_step_through_has_no_timer_and_waits_for_next(window: MainWindow, clock: FakeClock) -> None:
    pm = practice(window)
    pm.set_active(True)
    pm.dock.step_through.click()
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    clock.advance(75)  # step 1 is one minute long
    c.poll()
    p = c.player
    assert p is not None and p.step_index == 0 and p.state is State.RUNNING
    assert window.view.panel.countdown.text() == "0:15"  # counts up, no countdown pressure
    assert "press Next" in window.view.panel.status.text()
    c.next()
    assert p.step_index == 1
    pm.set_step_through(False)
    assert not p.loop_step and not window.view.panel.untimed


def test_leaving_practice_mode_restores_normal_play(window: MainWindow) -> None:
    pm = practice(window)
    pm.set_active(True)
    pm.set_speed(0.25)
    pm.dock.loop.setChecked(True)
    pm.action.trigger()
    p = window.controller.player
    assert not pm.active and p is not None and p.speed == 1.0 and not p.loop_step
    assert not pm.dock.isVisible()


def test_practice_still_needs_the_safety_check(qtbot, data_dir: Path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    w = make_window(data_dir, clock, safety=True)
    qtbot.addWidget(w)
    try:
        practice(w).set_active(True)
        w.actions_["pause"].trigger()  # Space: would start
        assert w.controller.state is State.IDLE
        assert not w.actions_["start"].isEnabled()
    finally:
        w.controller.shutdown()
        practice(w).shutdown()


def test_glossary_entries_show_names_hands_and_what_to_avoid(window: MainWindow) -> None:
    pm = practice(window)
    pm.glossary_action.trigger()
    html = pm.glossary.browser.toPlainText()
    for words in ("Kneading", "petrissage", "effleurage", "The hands:", "Avoid:"):
        assert words in html
    pm.glossary.set_current(Technique.TAPPING)
    assert "◀ now" in pm.glossary.browser.toPlainText()


def test_without_the_session_recorder_practice_time_is_logged_by_the_tally(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, clock: FakeClock
) -> None:
    import argparse

    from massage_trainer.ui.app import build_window
    from massage_trainer.ui.session.cues import Cues, CueSettings
    from tests.ui.test_main_window import _silent

    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol=None)
    w = build_window(args, clock=clock, cues=cues, safety=False, defer=False, record=False)
    qtbot.addWidget(w)
    try:
        pm = practice(w)
        pm.set_active(True)
        pm.set_speed(0.5)
        c = w.controller
        c.start()
        clock.advance(5)
        c.poll()
        c.jump_to(KNEADING)
        clock.advance(50)
        c.next()  # skipped after 50 s: the partial piece still counts
        clock.advance(10)
        c.stop()
        history, _ = History.open(data_dir)
        try:
            minutes = history.minutes_by_technique(mode="practice")
        finally:
            history.close()
        assert minutes["kneading"] == pytest.approx(50 / 60)
        assert minutes["tapping"] == pytest.approx(10 / 60)
    finally:
        w.controller.shutdown()
        practice(w).shutdown()


def test_speed_and_loop_show_where_the_student_looks(window: MainWindow, clock: FakeClock) -> None:
    pm = practice(window)
    pm.set_active(True)
    panel, view = window.view.panel, window.view
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(KNEADING)  # kneading: 30 a minute
    assert "Tempo: <b>30</b> per minute" in panel.pressure.text()
    assert view.pace_badge.isHidden() and "·" not in panel.counter.text()
    assert panel.next_preview.text().startswith("Next: <b>")
    pm.dock.speed_buttons[0.5].click()
    pm.dock.loop.click()
    assert panel.counter.text().endswith("0.5× · loop")
    assert not view.pace_badge.isHidden() and view.pace_badge.text() == "0.5× · loop"
    assert "Tempo: <b>15</b> per minute" in panel.pressure.text()  # the rate the hands move at
    assert "(30 at full speed)" in panel.pressure.text()
    assert "this step again" in panel.next_preview.text()
    pm.dock.loop.click()
    pm.set_speed(1.0)
    assert view.pace_badge.isHidden() and "·" not in panel.counter.text()
    assert "this step again" not in panel.next_preview.text()


def test_one_technique_shows_the_same_minutes_everywhere(
    qtbot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.ui.history.view import HistoryView

    pm = practice(window)
    pm.set_active(True)
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(KNEADING)
    clock.advance(100)  # the 90 s step completes: 90 s, then 10 s into the next step
    c.poll()
    c.jump_to(KNEADING)  # back to kneading, practised 37 s and left early
    clock.advance(37)
    c.poll()
    c.stop()
    history, _ = History.open(data_dir)
    try:
        record = history.sessions()[-1]
        kneading = record.minutes_by_technique["kneading"]
        assert kneading == pytest.approx((90 + 37) / 60)  # the piece left early counts too
        assert history.minutes_by_technique(mode="practice")["kneading"] == kneading
        assert not record.counts_for_course  # practice is not a session of the course
        hv = HistoryView(history)
        qtbot.addWidget(hv)
        chart = hv.minutes_plot
        bars = [item for item in chart.listDataItems() if hasattr(item, "opts")]
        names = [label for _, label in chart.getAxis("left")._tickLevels[0]]
        row = names.index("Kneading")
        practice_bar = next(b for b in bars if b.name() == "practice")
        assert practice_bar.opts["width"][row] == pytest.approx(kneading)  # the chart
        assert hv.cell(0, 6) == f"{record.minutes:.1f}"  # the table, one decimal
    finally:
        history.close()
    pm._show_practised()
    total = sum(pm.minutes_practised().values())
    assert f"{total:.1f} min" in pm.dock.practised.text()  # the panel
    assert f"Practised: {kneading:.1f} min" in pm.glossary.browser.toPlainText()  # the card
