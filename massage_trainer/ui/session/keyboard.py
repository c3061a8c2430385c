"""Which key does what depends on where the focus is: the window's step keys never reach into an input.

The window's shortcuts (Space, the arrows, Page Up/Down, Home, B and ".") are window-wide; Qt
gives a focused widget the first say through a ShortcutOverride event. KeyGuard answers that
question for the focused widget of any window:

- P (pain) fires everywhere, also in number fields and radio groups; only in a free-text field is
  it typed as a letter (Ctrl+P is the pain key there, and the Pain button is always in the Tab
  order).
- Space starts, pauses and resumes everywhere but in a text field. Before a session begins it
  ticks a focused check box or radio button and presses a focused button (their standard key);
  once a session runs it always pauses, so oily hands can never tick a box by mistake.
- The arrows, Page Up/Down, Home/End and the single letters stay with inputs (text and number
  fields, check boxes, radio buttons, lists, sliders and the widgets that say they use them).
- A Yes/No pair is a radio group: every arrow moves to the other answer and chooses it.
- Enter presses a focused button, check box or radio button (tool buttons take no Enter by
  themselves).
- Tab goes through the main window by section (tab_order.py), and a control that gets the focus
  inside a scrolled list is scrolled into view.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from massage_trainer.core.session.player import State
from massage_trainer.ui.session.tab_order import next_stop
from massage_trainer.ui.session.window_actions import Actions, install_shortcuts

K = Qt.Key
ARROWS = (K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down)
NAVIGATION = (*ARROWS, K.Key_PageUp, K.Key_PageDown, K.Key_Home, K.Key_End)
LETTERS = (K.Key_B, K.Key_Period)
ENTER = (K.Key_Return, K.Key_Enter)
SHIFT = Qt.KeyboardModifier.ShiftModifier
OWNS_ARROWS = "ownsArrowKeys"
"""A widget with this property set to True uses the arrows itself (the timeline, the diagram)."""

NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)
LETTERS_KEY = "keys/single_letters"
TEXT, NUMBER, CHOICE, BUTTON, LIST, OTHER = "text", "number", "choice", "button", "list", "other"


def kind_of(w: QWidget) -> str:
    """What sort of control `w` is, for the key rules above."""
    if w.property(OWNS_ARROWS) is True:
        return LIST
    if isinstance(w, QLineEdit):
        return OTHER if w.isReadOnly() else TEXT
    if isinstance(w, (QTextEdit, QPlainTextEdit)):
        return OTHER if w.isReadOnly() else TEXT
    if isinstance(w, QComboBox):
        return TEXT if w.isEditable() else LIST
    if isinstance(w, QAbstractSpinBox):
        return NUMBER
    if isinstance(w, (QCheckBox, QRadioButton)):
        return CHOICE
    if isinstance(w, QAbstractButton):
        return BUTTON
    if isinstance(w, (QAbstractItemView, QAbstractSlider)):
        return LIST
    return OTHER


def widget_takes(kind: str, key: int, mods: Qt.KeyboardModifier, *, active: bool) -> bool | None:
    """True: the focused widget gets the key; False: the window's shortcut fires; None: Qt's
    own rule. `active`: a session is under way (Space then always pauses)."""
    plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
    if not plain and mods != Qt.KeyboardModifier.ShiftModifier:
        return None
    if key == K.Key_P and plain:
        return kind == TEXT
    if key == K.Key_Space:
        if kind == TEXT:
            return True
        return kind in (CHOICE, BUTTON) and not active
    if key in NAVIGATION or key in LETTERS:
        return True if kind in (TEXT, NUMBER, CHOICE, LIST) else None
    return None


def step_radio(button: QRadioButton, forward: bool) -> bool:
    """Move to the next (or previous) answer of `button`'s group, wrapping, and choose it."""
    group = button.group()
    buttons = (
        [b for b in group.buttons() if b.isEnabled() and b.isVisible()] if group is not None else []
    )
    if len(buttons) < 2 or button not in buttons:
        return False
    i = buttons.index(button)
    target = buttons[(i + (1 if forward else -1)) % len(buttons)]
    target.setFocus(Qt.FocusReason.TabFocusReason)
    target.setChecked(True)
    return True


class KeyGuard(QObject):
    """Watches the focused widget of every window and settles which keys it keeps; keeps the
    single-letter keys switched on or off (`letters`, a checkable action) as the settings say."""

    def __init__(self, window: Any, actions: Actions, settings: QSettings) -> None:
        super().__init__(window)
        self._window, self._actions, self._settings = window, actions, settings
        letters = actions["letters"]
        letters.setChecked(str(settings.value(LETTERS_KEY, "true")).lower() == "true")
        letters.toggled.connect(self._letters_toggled)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        window.installEventFilter(self)  # Tab when nothing in the window has the focus
        focused = app.focusWidget()
        if focused is not None:
            focused.installEventFilter(self)

    def session_active(self) -> bool:
        return self._window.controller.state not in NOT_BEGUN

    def _letters_toggled(self, on: bool) -> None:
        self._settings.setValue(LETTERS_KEY, on)
        install_shortcuts(self._actions)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            new.installEventFilter(self)  # once: Qt keeps one entry per filter
            if self._window.startup.started:  # not before the first paint (it loads types)
                show_in_scroll_area(new)

    def tab_sections(self) -> list[QWidget | None]:
        """The main window's sections in Tab order (see tab_order.py)."""
        w = self._window
        view = w.view
        return [w.safety_panel, view.controls, view.panel, view.timeline, view.stack]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            takes = widget_takes(
                kind_of(watched), event.key(), event.modifiers(), active=self.session_active()
            )
            if takes is None:
                return False
            event.setAccepted(takes)
            return True
        return self._key_press(watched, event)

    def _key_press(self, w: QWidget, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if key in (K.Key_Tab, K.Key_Backtab) and not mods & chord and w.window() is self._window:
            return self._tab(w, forward=key == K.Key_Tab and not mods & SHIFT)
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            return False
        if isinstance(w, QRadioButton) and key in ARROWS:
            return step_radio(w, key in (K.Key_Right, K.Key_Down))
        if key in ENTER and isinstance(w, QAbstractButton) and not _in_dialog(w):
            w.click()  # a dialog's Enter stays its default button
            return True
        return False

    def _tab(self, w: QWidget, forward: bool) -> bool:
        if kind_of(w) == TEXT and isinstance(w, (QTextEdit, QPlainTextEdit)):
            return False  # a text editor may take Tab itself
        focused = QApplication.focusWidget()
        target = next_stop(self._window, self.tab_sections(), focused, forward)
        if target is None:
            return False
        target.setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        return True


def show_in_scroll_area(w: QWidget) -> None:
    """Scroll every scroll area holding `w` so that it can be seen."""
    child: QWidget = w
    parent = w.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            inner = parent.widget()
            if inner is w or inner.isAncestorOf(w):
                parent.ensureWidgetVisible(w, 8, 24)
        child, parent = parent, parent.parentWidget()


def _in_dialog(w: QWidget) -> bool:
    return isinstance(w.window(), QDialog)


def _what(action: QAction, keys: list[str]) -> str:
    """What an action does, in a few words: its status tip, else its tooltip or text, without a
    closing bracket that only repeats its keys ("… (F6)")."""
    text = (action.statusTip() or action.toolTip() or action.text()).replace("&", "")
    bracket = re.search(r"\s*\(([^()]*)\)\s*$", text)
    if bracket is not None and any(k in bracket.group(1) for k in keys):
        text = text[: bracket.start()]
    return text.strip()


def focus_rows() -> list[tuple[str, str]]:
    """The keys that act on the focused control, for Help > Keys."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("Keys", text)

    return [
        (
            tr("Tab, Shift+Tab"),
            tr("Move between safety check, session buttons, step, timeline and diagram"),
        ),
        (tr("Arrows (in a Yes/No answer)"), tr("Choose the other answer")),
        (tr("Enter"), tr("Press the focused button, tick the focused box")),
        (
            tr("Space (before a session, on a box, answer or button)"),
            tr("Tick it or press it (during a session Space always pauses)"),
        ),
        (tr("Left, Right, Enter (on the timeline)"), tr("Pick a step, then jump to it")),
        (tr("Arrows (on the diagram)"), tr("Say the names of the zones one by one")),
    ]


def key_rows(window: QWidget) -> list[tuple[str, str]]:
    """Every shortcut of `window`'s actions (made from the actions themselves, so none is left
    out), then the keys of the focused control."""
    native = QKeySequence.SequenceFormat.NativeText
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = [k.toString(native) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            rows.append((", ".join(keys), _what(action, keys)))
    return rows + focus_rows()
