"""Every interactive widget a screen reader can reach has a name: the accessibility tree of the
main window with its docks, and of every dialog, walked through QAccessible's own interfaces.

A combo box named only by its current value counts as nameless unless a label is tied to it
(Qt on Linux reads a combo box's value as its name and its label through a relation, as Orca does). "Interactive" is what a person can operate or what Tab stops at: buttons, boxes, fields, lists,
tables, sliders, the progress bar and any widget that takes the keyboard focus.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from massage_trainer.core.history.log import History
from massage_trainer.core.protocol import catalog
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.history.receivers import AfterDialog, BeforeDialog, ReceiversDialog
from massage_trainer.ui.history.view import HistoryView
from massage_trainer.ui.safety.pain_dialog import PainDialog
from massage_trainer.ui.session.cue_dialog import CueDialog
from massage_trainer.ui.session.cues import CueSettings
from massage_trainer.ui.session.main_window import MainWindow
from massage_trainer.ui.session.picker import ProtocolPicker
from tests.ui.test_keyboard import answer_everything_by_hand, open_window, panel_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
R = QAccessible.Role
LABELLED = QAccessible.Relation.Label
INTERACTIVE = {
    R.PushButton,
    R.CheckBox,
    R.RadioButton,
    R.ComboBox,
    R.SpinBox,
    R.Slider,
    R.Dial,
    R.EditableText,
    R.List,
    R.Table,
    R.Tree,
    R.ProgressBar,
    R.PageTab,
    R.ButtonMenu,
    R.ButtonDropDown,
    R.Link,
}


def walk(iface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    yield iface
    if depth > 40:
        return
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from walk(child, depth + 1)


def unnamed(top: QWidget) -> list[str]:
    """What is interactive, shown and nameless under `top`, as 'class role' for the message."""
    root = QAccessible.queryAccessibleInterface(top)
    assert root is not None and root.isValid()
    missing = []
    for iface in walk(root):
        state = iface.state()
        if state.invisible or (state.offscreen and not state.focusable):
            continue
        obj = iface.object()
        widget = obj if isinstance(obj, QWidget) else None
        if widget is not None and (not widget.isVisible() or widget.focusProxy() is not None):
            continue
        takes_tab = widget is not None and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if iface.role() not in INTERACTIVE and not (takes_tab and widget is not top):
            continue
        if iface.role() in (
            R.ScrollBar,
            R.Cell,
            R.ListItem,
            R.TreeItem,
            R.ColumnHeader,
            R.RowHeader,
        ):
            continue
        name = iface.text(QAccessible.Text.Name).strip()
        value = iface.text(QAccessible.Text.Value).strip()
        labels = [r[0].text(QAccessible.Text.Name) for r in iface.relations(LABELLED)]
        if any(text.strip() for text in labels):
            continue  # named by its label (how Qt names a combo box on Linux)
        if not name or (iface.role() == R.ComboBox and name == value):  # a value is no name
            what = type(obj).__name__ if obj is not None else "?"
            missing.append(f"{what} {iface.role().name} {widget.objectName() if widget else ''}")
    return missing


@pytest.fixture
def window(qtbot, data_dir: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, data_dir, FakeClock())
    answer_everything_by_hand(panel_of(w))
    yield w
    w.controller.shutdown()


def show(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_main_window_and_its_docks_name_every_control(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.ui.classroom.features import Classroom

    classroom = window.findChild(Classroom)
    if classroom is not None:  # the glossary and practice docks too
        classroom.practice.glossary_action.setChecked(True)
        classroom.practice.action.setChecked(True)
    QApplication.processEvents()
    assert unnamed(window) == []
    if classroom is not None:
        classroom.practice.action.setChecked(False)


def test_every_dialog_names_every_control(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    history, notice = History.open(data_dir)
    assert notice is None
    try:
        rules = __import__("massage_trainer.ui.safety.panel", fromlist=["SafetyPanel"])
        dialogs: list[QWidget] = [
            PainDialog(rules.SafetyPanel().rules),
            BeforeDialog(history, today=date(2025, 2, 10)),
            AfterDialog(pain_before=6),
            ReceiversDialog(history),
            CueDialog(CueSettings(), []),
            ProtocolPicker(catalog.scan(data_dir), "back-pain-relief"),
        ]
        view = HistoryView(history)
        qtbot.addWidget(view)
        view.show()
        dialogs.append(view)
        found = {}
        for d in dialogs:
            if isinstance(d, QDialog):
                show(qtbot, d)
            found[type(d).__name__] = unnamed(d)
        assert all(not v for v in found.values()), {k: v for k, v in found.items() if v}
        for d in dialogs:
            d.close()
    finally:
        history.close()
