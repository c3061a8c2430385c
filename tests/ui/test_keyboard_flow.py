"""A whole session by keyboard alone, in every theme: from the first launch, every safety answer
given with keys (arrows in the Yes/No pairs, digits in the number fields, Space for the ticks),
Start with Enter, Next, Pause, the pain stop with P from a number field, to the end of the session.

No answer is set by code: only key presses where the focus is, as a keyboard user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QSpinBox, QWidget

from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.base.window_style import THEME_NAMES
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.test_keyboard import open_window, panel_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
K = Qt.Key
SAFE_NUMBERS = {"meal-minutes": "120"}
"""What to type into a number field (others: Up once, the lowest value)."""


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "the focus got lost"
    return w


def press(qtbot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), k, mods)


def answer_by_keys(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Tab through the safety check once, answering each control as it comes."""
    p = panel_of(w)
    spins = {s: qid for qid, s in p.checklist._spins.items()}
    press(qtbot, K.Key_Tab)  # from nothing: the first stop of the window
    for _ in range(120):
        f = focused()
        if f is p.checklist.reset_button:
            return
        if isinstance(f, QRadioButton) and not any(b.isChecked() for b in f.group().buttons()):
            press(qtbot, K.Key_Right if f.text() == "Yes" else K.Key_Left)  # chooses "No"
            assert f.group().checkedButton().text() == "No"
        elif isinstance(f, QSpinBox):
            typed = SAFE_NUMBERS.get(spins[f])
            if typed is None:
                press(qtbot, K.Key_Up)
            else:
                qtbot.keyClicks(f, typed)
        elif isinstance(f, QCheckBox) and not f.isChecked():
            press(qtbot, K.Key_Space)
            assert f.isChecked()
        press(qtbot, K.Key_Tab)
    raise AssertionError("Tab never reached the end of the safety check")


def tab_to(qtbot, target: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _ in range(80):
        if focused() is target:
            return
        press(qtbot, K.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_a_whole_session_by_keyboard(qtbot, data_dir: Path, theme: str) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    w = open_window(qtbot, data_dir, clock)
    try:
        w.set_theme(theme)
        c = w.controller
        QApplication.focusWidget() and QApplication.focusWidget().clearFocus()  # type: ignore[func-returns-value]
        w.setFocus()
        answer_by_keys(qtbot, w)
        assert w.safety_gate.may_start(), panel_of(w).verdict_box.title.text()
        start = w.view.controls.buttons["start"]
        tab_to(qtbot, start)
        press(qtbot, K.Key_Return)
        assert c.state is State.GET_READY
        clock.advance(5)
        c.poll()
        assert c.state is State.RUNNING and c.player is not None
        press(qtbot, K.Key_Right)  # Next, from a button
        assert c.player.step_index == 1
        press(qtbot, K.Key_Space)  # during a session Space pauses, also on a button
        assert c.state is State.PAUSED
        press(qtbot, K.Key_Space)
        assert c.state is State.RUNNING
        spin = next(iter(panel_of(w).checklist._spins.values()))
        tab_to(qtbot, spin)
        press(qtbot, K.Key_P)  # pain, from a number field
        assert c.state is State.PAUSED
        wiring = panel_of(w).wiring
        qtbot.waitUntil(lambda: wiring.dialog is not None and wiring.dialog.isVisible())
        dialog = wiring.dialog
        qtbot.waitUntil(
            lambda: (
                QApplication.focusWidget() is not None
                and dialog.isAncestorOf(QApplication.focusWidget())
            )
        )
        press(qtbot, K.Key_Escape)  # "stay paused"
        qtbot.waitUntil(lambda: wiring.dialog is None or not wiring.dialog.isVisible())
        w.activateWindow()  # the window manager's part: the window gets the keyboard back
        qtbot.waitUntil(lambda: QApplication.focusWidget() is spin)
        press(qtbot, K.Key_Space)  # carry on, still from the number field
        assert c.state is State.RUNNING
        steps = len(c.player.protocol.steps)
        timeline = w.view.timeline
        tab_to(qtbot, timeline)
        press(qtbot, K.Key_End)
        press(qtbot, K.Key_Return)  # jump to the last step
        assert c.player.step_index == steps - 1
        clock.advance(c.player.protocol.steps[-1].planned_s + 5)
        c.poll()
        if c.state is State.WAITING:
            press(qtbot, K.Key_Right)
        assert c.state is State.FINISHED
        assert w.view.controls.progress.value() == steps
    finally:
        w.controller.shutdown()
