"""Keys by focus (ui/session/keyboard.py): radio groups keep their arrows, P pauses from a number
field, step keys stay out of inputs, the single-letter keys can be switched off, F1 lists them all.

Keys go to the focused widget as a real key press would (QTest sends the shortcut check there).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QButtonGroup, QRadioButton, QSpinBox, QWidget

from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.safety.panel import SafetyPanel
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable
from massage_trainer.ui.session.keyboard import key_rows, kind_of, widget_takes
from massage_trainer.ui.session.main_window import MainWindow

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: test")


def open_window(qtbot, data_dir: Path, clock: FakeClock) -> MainWindow:  # type: ignore[no-untyped-def]
    """The whole window with its safety panel, shown and active (keys need the focus)."""
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol="back-pain-relief")
    w = build_window(args, clock=clock, cues=cues, get_ready_s=5, defer=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


@pytest.fixture
def window(qtbot, data_dir: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, data_dir, FakeClock())
    yield w
    w.controller.shutdown()


def panel_of(w: MainWindow) -> SafetyPanel:
    assert isinstance(w.safety_panel, SafetyPanel)
    return w.safety_panel


def press(qtbot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key press where the focus is, as the keyboard would send it."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the focus"
    qtbot.keyClick(focused, k, mods)


def pair(p: SafetyPanel, qid: str) -> tuple[QRadioButton, QRadioButton]:
    group: QButtonGroup = p.checklist._groups[qid]
    yes, no = group.button(1), group.button(0)
    assert isinstance(yes, QRadioButton) and isinstance(no, QRadioButton)
    return yes, no


def first_yes_no(p: SafetyPanel) -> str:
    return next(q.id for q in p.rules.questions if q.kind == QuestionKind.YES_NO)


def first_number(p: SafetyPanel) -> QSpinBox:
    qid = next(q.id for q in p.rules.questions if q.kind == QuestionKind.NUMBER)
    return p.checklist._spins[qid]


def test_arrows_choose_within_a_yes_no_pair_and_leave_the_step_alone(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    p = panel_of(window)
    qid = first_yes_no(p)
    yes, no = pair(p, qid)
    yes.setFocus()
    step = window.controller.player.step_index  # type: ignore[union-attr]
    press(qtbot, K.Key_Right)
    assert no.isChecked() and no.hasFocus() and p.answers()[qid] is False
    press(qtbot, K.Key_Up)  # Up and Down work in a side-by-side pair too
    assert yes.isChecked() and p.answers()[qid] is True
    press(qtbot, K.Key_Down)
    assert no.isChecked()
    press(qtbot, K.Key_Left)
    assert yes.isChecked()
    press(qtbot, K.Key_PageDown)
    press(qtbot, K.Key_Home)
    assert window.controller.player.step_index == step  # type: ignore[union-attr]


def answer_everything_by_hand(p: SafetyPanel) -> None:
    for q in p.rules.questions:  # every answer the safe one; the meal long ago
        p.set_answer(q.id, False if q.kind == QuestionKind.YES_NO else 0)
    p.set_answer("meal-minutes", 120)
    for pid in list(p.checklist._checks):
        p.set_answer(pid, True)
    QApplication.processEvents()  # rows rebuilt for the verdict's protocol show from the loop


def test_p_pauses_from_a_number_field_mid_session_and_space_starts_from_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    p = panel_of(window)
    answer_everything_by_hand(p)
    spin = first_number(p)
    spin.setFocus()
    value = spin.value()
    press(qtbot, K.Key_Space)
    assert window.controller.state is State.GET_READY
    press(qtbot, K.Key_Right)  # the number field keeps its arrows: no step change
    assert window.controller.player.step_index == 0  # type: ignore[union-attr]
    asked: list[bool] = []
    window.painStopRequested.connect(lambda: asked.append(True))
    press(qtbot, K.Key_P)
    assert window.controller.state is State.PAUSED and asked
    assert spin.value() == value, "P typed nothing into the number"


def test_rules_per_kind_of_control() -> None:
    none = Qt.KeyboardModifier.NoModifier
    for kind in ("number", "choice", "button", "list", "other"):
        assert widget_takes(kind, K.Key_P, none, active=True) is False  # P: pain everywhere
    assert widget_takes("text", K.Key_P, none, active=True) is True  # typed; Ctrl+P is pain
    assert widget_takes("choice", K.Key_Space, none, active=False) is True  # ticks the box
    assert widget_takes("choice", K.Key_Space, none, active=True) is False  # pauses
    assert widget_takes("number", K.Key_Space, none, active=False) is False
    for kind in ("text", "number", "choice", "list"):
        for k in (K.Key_Left, K.Key_Right, K.Key_PageUp, K.Key_Home, K.Key_B):
            assert widget_takes(kind, k, none, active=True) is True
    assert widget_takes("other", K.Key_Right, none, active=True) is None
    assert kind_of(QWidget()) == "other"


def test_single_letter_keys_can_be_switched_off_and_ctrl_p_still_pauses(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    p = panel_of(window)
    answer_everything_by_hand(p)
    window.actions_["start"].trigger()
    window.actions_["letters"].setChecked(False)
    window.view.timeline.setFocus()
    press(qtbot, K.Key_P)
    press(qtbot, K.Key_B)
    assert window.controller.state is State.GET_READY and not window.actions_["blank"].isChecked()
    assert window.settings.value("keys/single_letters") in (False, "false")
    press(qtbot, K.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.state is State.PAUSED
    window.actions_["letters"].setChecked(True)
    press(qtbot, K.Key_Space)
    press(qtbot, K.Key_P)
    assert window.controller.state is State.PAUSED


def test_f1_lists_every_shortcut_of_the_window(window: MainWindow) -> None:
    listed = " | ".join(k for k, _ in key_rows(window))
    for k in ("F1", "F5", "F6", "F11", "Ctrl+G", "Ctrl+H", "Ctrl+Return", "Ctrl+P", "Space", "Esc"):
        assert k in listed, k
    assert all(what for _, what in key_rows(window))


def section_of(w: MainWindow, widget: QWidget) -> str:
    view = w.view
    for name, root in (
        ("safety", w.safety_panel),
        ("controls", view.controls),
        ("step", view.panel),
        ("timeline", view.timeline),
        ("diagram", view.stack),
    ):
        if root is not None and (root is widget or root.isAncestorOf(widget)):
            return name
    return "other"


def test_tab_walks_safety_panel_controls_step_timeline_diagram_and_wraps(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    answer_everything_by_hand(panel_of(window))  # Start is a stop once it is enabled
    window.view.controls.protocol_button.setFocus()
    press(qtbot, K.Key_Backtab)  # back into the safety check's last control
    seen: list[QWidget] = []
    for _ in range(80):
        press(qtbot, K.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused in seen:
            break
        seen.append(focused)
    sections = [section_of(window, f) for f in seen]
    order = [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s]
    if order[0] == order[-1]:  # the walk began inside a section: the same cycle
        order = order[1:]
    i = order.index("controls")
    assert order[i:] + order[:i] == ["controls", "step", "timeline", "diagram", "safety"], order
    pain = window.view.controls.buttons["pain"]
    assert pain in seen and window.view.controls.buttons["start"] in seen
    p = panel_of(window)
    for qid, group in p.checklist._groups.items():  # a Yes/No pair is one stop
        assert sum(b in seen for b in group.buttons()) == 1, qid
    assert p.scroll not in seen and p.checklist.reset_button in seen
    assert seen.index(p.checklist.reset_button) > max(
        seen.index(b) for b in p.checklist._checks.values()
    ), "Clear all answers comes after the preparation list"


def test_focus_in_the_preparation_list_scrolls_it_into_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1000, 600)
    p = panel_of(window)
    last = list(p.checklist._checks.values())[-1]
    p.scroll.verticalScrollBar().setValue(0)
    last.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(last.hasFocus)
    top_left = last.mapTo(p.scroll.viewport(), last.rect().topLeft())
    assert 0 <= top_left.y() <= p.scroll.viewport().height() - last.height()


def test_timeline_picks_a_step_by_keys_and_enter_jumps_there(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    timeline = window.view.timeline
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    assert timeline.picked() == 0
    press(qtbot, K.Key_Right)
    press(qtbot, K.Key_Right)
    assert timeline.picked() == 2 and "Step 3 of" in timeline.accessibleDescription()
    assert window.controller.player.step_index == 0  # type: ignore[union-attr]
    press(qtbot, K.Key_Return)
    assert window.controller.player.step_index == 2  # type: ignore[union-attr]
    press(qtbot, K.Key_End)
    assert timeline.picked() == len(window.controller.protocol.steps) - 1  # type: ignore[union-attr]


def test_the_diagram_names_zones_by_arrow_and_describes_the_step(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = window.view.body_view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    described = view.accessibleDescription()
    assert "Your left hand" in described and "strokes a minute" in described
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    press(qtbot, K.Key_Down)
    first = view.hovered_zone()
    assert first and view.accessibleDescription().startswith(
        view._body.zones[first].name.get("en")  # type: ignore[attr-defined]
    )
    press(qtbot, K.Key_Down)
    assert view.hovered_zone() not in ("", first) and shown
    window.actions_["next"].trigger()
    assert view.accessibleDescription() != described, "each step has its own words"


def test_the_docs_keyboard_map_lists_every_key_f1_shows(window: MainWindow) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "accessibility.md").read_text("utf-8")
    for keys, what in key_rows(window):
        assert f"| {keys} | {what} |" in doc, f"docs/accessibility.md lacks {keys}"


def test_the_before_dialog_marks_the_painful_area_by_keys(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from massage_trainer.core.history.log import History
    from massage_trainer.ui.history.receivers import BeforeDialog

    history, notice = History.open(data_dir)
    assert notice is None
    try:
        dialog = BeforeDialog(history, today=date(2025, 2, 10))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        view = dialog.body_view
        assert view is not None
        view.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(view.hasFocus)
        press(qtbot, K.Key_Down)
        press(qtbot, K.Key_Down)
        press(qtbot, K.Key_Space)
        zone = view.hovered_zone()  # type: ignore[attr-defined]
        assert dialog.result_values().pain_map == (zone,)
        assert "Marked:" in view.accessibleDescription()
        press(qtbot, K.Key_Return)  # again: unmarked
        assert dialog.result_values().pain_map == ()
        dialog.close()
    finally:
        history.close()


def test_the_glossary_scrolls_by_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.ui.classroom.features import Classroom

    classroom = window.findChild(Classroom)
    assert classroom is not None
    classroom.practice.glossary_action.setChecked(True)
    browser = classroom.practice.glossary.browser
    qtbot.waitUntil(browser.isVisible)
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(browser.hasFocus)
    bar = browser.verticalScrollBar()
    assert bar.maximum() > 0
    step = window.controller.player.step_index  # type: ignore[union-attr]
    press(qtbot, K.Key_PageDown)
    assert bar.value() > 0 and window.controller.player.step_index == step  # type: ignore[union-attr]
