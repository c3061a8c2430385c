"""The safety panel, the pain stop and the disclaimer, alone and wired into the main window."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QSpinBox

from massage_trainer.core.protocol import catalog
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.safety.verdict import VerdictKind
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.safety import disclaimer, disclaimer_dialog
from massage_trainer.ui.safety.pain_dialog import PainDialog, PainReport
from massage_trainer.ui.safety.panel import SafetyPanel
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable
from massage_trainer.ui.session.main_window import MainWindow

OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""The offscreen platform says this whenever a dialog is shown; it is not our warning."""

RELIEF = catalog.bundled("back-pain-relief")
GENTLE = catalog.bundled("gentle-pregnancy")


def answer_all_clear(panel: SafetyPanel) -> None:
    for q in panel.rules.questions:
        panel.set_answer(q.id, False if q.kind == QuestionKind.YES_NO else 0)
    panel.set_answer("meal-minutes", 120)


def tick_all(panel: SafetyPanel) -> None:
    for pid in list(panel.checklist._checks):
        panel.set_answer(pid, True)


@pytest.fixture
def panel(qtbot) -> SafetyPanel:  # type: ignore[no-untyped-def]
    p = SafetyPanel(lang="en")
    qtbot.addWidget(p)
    p.playRequested.connect(lambda protocol, _why: p.set_protocol(protocol))
    p.set_protocol(RELIEF)
    return p


# --- the panel alone ---------------------------------------------------------------------------


def test_nothing_is_preanswered(panel: SafetyPanel) -> None:
    radios = panel.findChildren(QRadioButton)
    assert len(radios) == 2 * sum(1 for q in panel.rules.questions if q.kind == QuestionKind.YES_NO)
    assert not any(r.isChecked() for r in radios)
    for spin in panel.findChildren(QSpinBox):
        assert spin.value() == spin.minimum() and spin.text() == "—"
    assert not any(c.isChecked() for c in panel.checklist._checks.values())
    assert list(panel.checklist._checks) == list(RELIEF.preparation)
    v = panel.verdict()
    assert v is not None and v.kind is VerdictKind.INCOMPLETE and not panel.may_start()
    assert "Not ready yet" in panel.verdict_box.title.text()


def test_clicking_answers_and_ticks_reaches_go(qtbot, panel: SafetyPanel) -> None:  # type: ignore[no-untyped-def]
    answer_all_clear(panel)
    assert not panel.may_start()
    seen: list[object] = []
    panel.verdictChanged.connect(seen.append)
    tick_all(panel)
    assert len(seen) == len(RELIEF.preparation)  # one new verdict per tick
    assert seen[-1] is panel.verdict() and panel.verdict().kind is VerdictKind.GO  # type: ignore[union-attr]
    assert panel.may_start()
    assert "Go" in panel.verdict_box.title.text()
    assert panel.answers()["fever"] is False and panel.answers()["firm-surface"] is True


def test_a_click_on_yes_stops_with_the_reason_and_what_to_do(panel: SafetyPanel) -> None:
    answer_all_clear(panel)
    tick_all(panel)
    panel.checklist._groups["bleeding"].button(1).click()
    v = panel.verdict()
    assert v is not None and v.kind is VerdictKind.STOP and not panel.may_start()
    assert panel.verdict_box.title.text() == "Stop: no massage today"
    body = panel.verdict_box.body.text()
    assert "clotting" in body and "What to do instead" in body
    assert "bold" in panel.checklist._labels["bleeding"].styleSheet()
    assert panel.checklist._labels["fever"].styleSheet() == ""


def test_month_five_switches_protocol_and_lists_its_preparation(panel: SafetyPanel) -> None:
    answer_all_clear(panel)
    tick_all(panel)
    panel.set_answer("pregnancy-month", 5)
    assert panel.protocol() is not None and panel.protocol().id == "gentle-pregnancy"  # type: ignore[union-attr]
    assert list(panel.checklist._checks) == list(GENTLE.preparation)
    shown = [c for c in panel.checklist.prep_box.findChildren(QCheckBox) if c.isVisibleTo(panel)]
    assert len(shown) == len(GENTLE.preparation)  # the old protocol's rows are gone at once
    assert not panel.may_start()  # side-lying and the clean sheet are not ticked yet
    tick_all(panel)
    v = panel.verdict()
    assert v is not None and v.kind is VerdictKind.ADAPT and panel.may_start()
    body = panel.verdict_box.body.text()
    assert "instead of" in body and "Back-pain relief" in body and "fourth month" in body


def test_month_two_stops(panel: SafetyPanel) -> None:
    answer_all_clear(panel)
    tick_all(panel)
    panel.set_answer("pregnancy-month", 2)
    assert panel.verdict().kind is VerdictKind.STOP and not panel.may_start()  # type: ignore[union-attr]
    assert "three months" in panel.verdict_box.body.text()


def test_a_recent_meal_says_how_long_to_wait(panel: SafetyPanel) -> None:
    answer_all_clear(panel)
    tick_all(panel)
    panel.set_answer("meal-minutes", 45)
    assert panel.verdict_box.title.text() == "Wait 15 more minute(s)"
    assert not panel.may_start()


def test_clearing_answers_asks_first_then_locks_again(
    panel: SafetyPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    answer_all_clear(panel)
    tick_all(panel)
    assert panel.may_start()
    said: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: said[0])
    panel.reset_button.click()
    assert panel.may_start(), "'No' keeps every answer"
    said[0] = QMessageBox.StandardButton.Yes
    panel.reset_button.click()
    assert not panel.may_start() and panel.answers() == {}
    assert not any(r.isChecked() for r in panel.findChildren(QRadioButton))


def test_a_verdict_for_another_protocol_does_not_start_this_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = SafetyPanel()
    qtbot.addWidget(p)
    p.set_protocol(RELIEF)
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("pregnancy-month", 6)  # nobody switches the protocol here
    assert not p.may_start()


# --- inside the main window ---------------------------------------------------------------------


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: test")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol="back-pain-relief")
    w = build_window(args, clock=clock, cues=cues, get_ready_s=5)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.safety_panel is not None)  # it may be docked after the first paint
    yield w
    w.controller.shutdown()


def safety(w: MainWindow) -> SafetyPanel:
    assert isinstance(w.safety_panel, SafetyPanel)
    return w.safety_panel


def try_every_way_to_start(w: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w.activateWindow()
    w.actions_["start"].trigger()
    w.actions_["pause"].trigger()
    w.play_pause()
    w.start()
    w.controller.start()
    w.view.timeline.stepClicked.emit(2)
    w.controller.next()
    qtbot.keyClick(w, Qt.Key.Key_Space)


def test_start_is_disabled_until_the_checklist_is_complete(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    assert not window.actions_["start"].isEnabled()
    answer_all_clear(p)
    assert not window.actions_["start"].isEnabled()
    tick_all(p)
    assert (
        window.actions_["start"].isEnabled() and window.view.controls.buttons["start"].isEnabled()
    )
    window.actions_["start"].trigger()
    assert window.controller.state is State.GET_READY


def test_no_shortcut_menu_jump_or_command_gets_past_a_stop(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("fever", True)
    assert not window.actions_["start"].isEnabled()
    try_every_way_to_start(window, qtbot)
    assert window.controller.state is State.IDLE
    assert not window.controller.timer.isActive()
    assert "fever" in p.verdict_box.body.text()


def test_month_five_in_the_window_plays_the_gentle_protocol(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("pregnancy-month", 5)
    assert window.controller.protocol is not None
    assert window.controller.protocol.id == "gentle-pregnancy"
    tick_all(p)
    assert window.actions_["start"].isEnabled()
    assert p.verdict_box.title.text() == "Go with the adapted massage"
    assert "instead of" in p.verdict_box.body.text()
    # choosing a general protocol again is turned back to the gentle one
    window.load_protocol(RELIEF)
    assert window.controller.protocol.id == "gentle-pregnancy"


def test_month_two_in_the_window_keeps_start_locked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("pregnancy-month", 2)
    assert not window.actions_["start"].isEnabled()
    try_every_way_to_start(window, qtbot)
    assert window.controller.state is State.IDLE


def running(w: MainWindow, clock: FakeClock) -> None:
    p = safety(w)
    answer_all_clear(p)
    tick_all(p)
    w.start()
    clock.advance(6)
    w.controller.poll()
    assert w.controller.state is State.RUNNING


@OFFSCREEN_NOISE
def test_p_pauses_at_once_and_asks_about_the_pain(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.controller.state is State.PAUSED
    wiring = safety(window).wiring
    qtbot.waitUntil(lambda: wiring.dialog is not None and wiring.dialog.isVisible())
    dialog = wiring.dialog
    assert isinstance(dialog, PainDialog)
    dialog.set_zone("lumbar-left")
    dialog.set_feeling("aching")
    assert "continue" not in dialog.buttons  # there should be no pain: never carry on as before
    assert not dialog.buttons["lighten"].isEnabled()  # the first step is already light
    with qtbot.waitSignal(wiring.painReported) as got:
        dialog.buttons["skip"].click()
    report: PainReport = got.args[0]
    assert report.decision == "skip" and report.zone == "lumbar-left"
    assert not report.stop_advised
    assert window.controller.state is State.RUNNING and window.controller.player.step_index == 1


@OFFSCREEN_NOISE
def test_a_red_flag_stops_the_session(qtbot, window: MainWindow, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    window.pain_stop()
    assert window.controller.state is State.PAUSED
    dialog = safety(window).wiring.dialog
    assert isinstance(dialog, PainDialog)
    dialog.set_feeling("aching")
    dialog.flag_boxes["pain-with-breathing"].setChecked(True)
    assert not dialog.buttons["lighten"].isEnabled()
    dialog.decide("lighten")  # refused past a warning sign
    assert dialog.report() is None and window.controller.state is State.PAUSED
    dialog.buttons["stop"].click()
    assert window.controller.state is State.STOPPED
    assert "doctor" in window.statusBar().currentMessage()


@OFFSCREEN_NOISE
def test_closing_the_pain_questions_stays_paused(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    window.pain_stop()
    dialog = safety(window).wiring.dialog
    assert dialog is not None
    dialog.reject()
    assert window.controller.state is State.PAUSED


def test_a_stop_answer_during_a_session_pauses_and_blocks_resuming(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    safety(window).set_answer("infection", True)
    assert window.controller.state is State.PAUSED
    window.controller.toggle_pause()
    window.controller.resume()
    window.controller.next()
    assert window.controller.state is State.PAUSED
    window.controller.stop("user")
    assert window.controller.state is State.STOPPED


def test_on_a_narrow_window_a_complete_check_collapses_to_the_verdict(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    window.resize(1000, 700)
    answer_all_clear(p)
    tick_all(p)
    assert p.is_collapsed() and not p.scroll.isVisible() and p.verdict_box.isVisible()
    p.set_answer("fever", True)
    assert not p.is_collapsed() and p.scroll.isVisible()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1280, 560)])
def test_every_word_of_a_long_stop_can_be_read(qtbot, window: MainWindow, size) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    answer_all_clear(p)
    tick_all(p)
    for q in ("fever", "heart-or-vessels", "skin-on-back", "bleeding", "infection", "cancer"):
        p.set_answer(q, True)
    window.resize(*size)
    QApplication.processEvents()
    QApplication.processEvents()
    box = p.verdict_box
    body = box.body
    assert body.width() > 0
    assert body.height() >= body.heightForWidth(body.width()), "the wrapped text is cut off"
    assert body.text().count("<li>") >= 12  # six reasons and six pieces of advice
    # what the box does not show at once, it scrolls to
    bar = box.scroll.verticalScrollBar()
    assert box.scroll.viewport().height() + bar.maximum() >= box.content.height()
    assert box.content.height() >= box.text_height()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    actions=st.lists(
        st.one_of(
            st.tuples(
                st.just("answer"),
                st.sampled_from(["cancer", "meal-minutes", "ointment"]),
                st.integers(0, 200),
            ),
            st.tuples(st.just("tick"), st.sampled_from(RELIEF.preparation), st.booleans()),
            st.tuples(
                st.sampled_from(["start", "space", "jump", "next", "pause", "reset-month"]),
                st.just(""),
                st.just(0),
            ),
        ),
        max_size=12,
    )
)
def test_no_sequence_of_ui_actions_starts_after_a_stop_answer(
    qtbot, window: MainWindow, actions: list[tuple[str, str, int]]
) -> None:  # type: ignore[no-untyped-def]
    p = safety(window)
    p.reset()
    answer_all_clear(p)
    tick_all(p)
    p.set_answer("heart-or-vessels", True)
    for what, key, n in actions:
        if what == "answer":
            p.set_answer(key, bool(n % 2) if key != "meal-minutes" else n)
        elif what == "tick":
            p.set_answer(key, bool(n))
        elif what == "start":
            window.actions_["start"].trigger()
        elif what == "space":
            window.play_pause()
        elif what == "jump":
            window.view.timeline.stepClicked.emit(1)
        elif what == "next":
            window.controller.next()
        elif what == "pause":
            window.controller.toggle_pause()
        else:
            p.set_answer("pregnancy-month", 0)
        assert window.controller.state is State.IDLE
        assert not window.actions_["start"].isEnabled()


# --- the pain dialog and the disclaimer ---------------------------------------------------------


def test_clicking_the_diagram_picks_the_zone(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = PainDialog(SafetyPanel().rules)
    qtbot.addWidget(d)
    assert d.body_view is not None
    d.body_view.zoneClicked.emit("sacrum")  # type: ignore[attr-defined]
    assert d.zone() == "sacrum"
    assert d.body_view.marked_zones() == ("sacrum",)  # type: ignore[attr-defined]
    assert not d.buttons["lighten"].isEnabled()  # not before saying what it feels like
    d.set_feeling("aching")
    assert d.buttons["lighten"].isEnabled()
    d.set_zone("spine")
    assert not d.buttons["lighten"].isEnabled() and "doctor" in d.advice.text()


def test_disclaimer_is_asked_once_and_remembered(tmp_path: Path) -> None:
    asked: list[object] = []

    def yes(parent: object) -> bool:
        asked.append(parent)
        return True

    assert disclaimer.ensure_acknowledged(tmp_path, ask=yes)
    assert disclaimer.ensure_acknowledged(tmp_path, ask=yes)
    assert len(asked) == 1 and disclaimer.acknowledged(tmp_path)


def test_declining_the_disclaimer_is_not_remembered(tmp_path: Path) -> None:
    assert not disclaimer.ensure_acknowledged(tmp_path, ask=lambda _p: False)
    assert not disclaimer.acknowledged(tmp_path)


def test_disclaimer_continue_needs_i_understand(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = disclaimer_dialog.DisclaimerDialog()
    qtbot.addWidget(d)
    assert not d.continue_button.isEnabled()
    d.accept()
    assert d.result() != d.DialogCode.Accepted
    d.understood.setChecked(True)
    assert d.continue_button.isEnabled()
    d.continue_button.click()
    assert d.result() == d.DialogCode.Accepted
