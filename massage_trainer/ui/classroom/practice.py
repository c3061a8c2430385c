"""Practice mode for students: slow motion, loop a step, step through without a timer, the glossary,
and the minutes practised per technique in the history (sessions with mode="practice").

It is still a massage on a real person, so nothing here bypasses the safety check: every command
goes through the same SessionController gate as a guided session.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.history.log import History, HistoryError
from massage_trainer.core.history.records import minutes_text
from massage_trainer.core.session.player import Event, EventKind
from massage_trainer.core.session.practice import PracticeTally
from massage_trainer.ui.classroom.glossary_view import GlossaryDock
from massage_trainer.ui.session.host import SessionHost
from massage_trainer.ui.session.window_actions import SPEEDS


class ModeRecorder(Protocol):
    """The window's session recorder (ui/session/session_log.py) as practice mode uses it."""

    mode: str
    """'guided', or 'practice' while practice mode drives the window."""
    recorded: SignalInstance
    """A session record was closed."""


WRITE_ERRORS = (OSError, sqlite3.Error, ValueError, HistoryError)
"""What writing practice time can raise: reported once, never a crash."""


class PracticeRecorder(QObject):
    """Writes practice sessions to the history: one row per stretch of work on a step.

    Only used when the window has no session recorder (ui/session/session_log.py); with one,
    practice sessions go through it with mode="practice" so a session is never written twice."""

    recorded = Signal(str, float)
    """(technique, seconds) after each piece is written."""

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.history: History | None = None
        self.session_id: int | None = None
        self.tally = PracticeTally()
        self.enabled = False

    def on_event(self, e: Event) -> None:
        if e.kind is EventKind.GET_READY and self.enabled and self.session_id is None:
            self._begin()
        if self.session_id is None:
            return
        done = self.tally.feed(e)
        if done is not None:
            self._write_piece(*done)
        if e.kind in (EventKind.FINISHED, EventKind.STOPPED):
            self._end("completed" if e.kind is EventKind.FINISHED else "stopped", e.detail)

    def _begin(self) -> None:
        w = self.window
        protocol = w.controller.protocol
        if protocol is None:
            return
        panel = w.safety_panel
        answers = panel.answers() if panel is not None and hasattr(panel, "answers") else {}
        verdict = panel.verdict() if panel is not None and hasattr(panel, "verdict") else None
        try:
            if self.history is None:
                self.history, notice = History.open(w.data_dir)
                if notice:
                    w.notify_once(notice.get(w.lang))
            self.session_id = self.history.begin_session(
                protocol_id=protocol.id,
                protocol_version=protocol.version,
                answers=answers,
                verdict=str(verdict.kind) if verdict is not None else "",
                verdict_reasons=[r.get(w.lang) for r in verdict.reasons] if verdict else [],
                mode="practice",
            )
        except WRITE_ERRORS as exc:
            self._failed(exc)
            return
        self.tally = PracticeTally()

    def _write_piece(self, index: int, seconds: float) -> None:
        protocol = self.window.controller.protocol
        if self.history is None or self.session_id is None or protocol is None:
            return
        step = protocol.steps[min(index, len(protocol.steps) - 1)]
        try:
            self.history.step_completed(
                self.session_id, index, step.id, str(step.technique), seconds
            )
        except WRITE_ERRORS as exc:
            self._failed(exc)
            return
        self.recorded.emit(str(step.technique), seconds)

    def _end(self, status: str, reason: str) -> None:
        if self.history is not None and self.session_id is not None:
            try:
                self.history.end_session(self.session_id, status, reason)
            except WRITE_ERRORS as exc:
                self._failed(exc)
        self.session_id = None

    def _failed(self, exc: Exception) -> None:
        self.session_id = None
        self.window.notify_once(
            self.tr("Practice time cannot be saved in the history: %1").replace(
                "%1", exc.message(self.window.lang) if isinstance(exc, HistoryError) else str(exc)
            ),
            key="practice-history",
        )

    def close(self) -> None:
        if self.session_id is not None:
            self._end("stopped", "closed")
        if self.history is not None:
            self.history.close()
            self.history = None


class PracticeDock(QDockWidget):
    """Speed, loop and step-through switches for practice."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(self.tr("Practice"), parent)
        self.setObjectName("practiceDock")
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(10, 8, 10, 10)
        lay.setSpacing(8)
        caption = QLabel(self.tr("Speed of the moving hands and the timer"), body)
        lay.addWidget(caption)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.speed_group = QButtonGroup(self)
        self.speed_group.setExclusive(True)
        self.speed_buttons: dict[float, QToolButton] = {}
        for k in sorted(SPEEDS):
            b = QToolButton(body)
            times = QLocale().toString(k, "g", 6) + "×"  # 0,5× in Russian
            b.setText(times)
            b.setCheckable(True)
            b.setObjectName(f"speed_{k:g}")
            b.setAccessibleName(self.tr("Speed %1").replace("%1", times))
            b.setToolTip(self.tr("Play at %1 of the real tempo").replace("%1", times))
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # never elided
            self.speed_group.addButton(b)
            self.speed_buttons[k] = b
            row.addWidget(b)
        lay.addLayout(row)
        self.loop = QCheckBox(self.tr("Loop this step"), body)
        self.loop.setToolTip(self.tr("When the step ends it begins again instead of moving on"))
        self.step_through = QCheckBox(self.tr("Step through without the timer"), body)
        self.step_through.setToolTip(
            self.tr("No countdown: each step goes on until you press Next (Right or Page Down)")
        )
        self.practised = QLabel(body)
        self.practised.setObjectName("practisedLabel")
        self.practised.setWordWrap(True)
        for w in (self.loop, self.step_through, self.practised):
            lay.addWidget(w)
        lay.addStretch(1)
        self.setWidget(body)


class PracticeMode(QObject):
    """Switches practice mode on and off for one main window and keeps its controls in step."""

    activeChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        main = window.as_widget()
        self.active = False
        self.session_recorder: ModeRecorder | None = None
        self.action = QAction(self.tr("&Practice mode"), main)
        self.action.setObjectName("action_practice")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F6"))
        self.action.setToolTip(
            self.tr("Slow motion, loop a step, no timer, the glossary; minutes go to the log (F6)")
        )
        self.action.toggled.connect(self.set_active)
        main.addAction(self.action)
        self.glossary_action = QAction(self.tr("Technique &glossary"), main)
        self.glossary_action.setObjectName("action_glossary")
        self.glossary_action.setCheckable(True)
        self.glossary_action.setShortcut(QKeySequence("Ctrl+G"))
        self.glossary_action.setToolTip(
            self.tr("Classical names, what the hands do and what to avoid (Ctrl+G)")
        )
        main.addAction(self.glossary_action)
        self.recorder = PracticeRecorder(window)
        self.dock = PracticeDock(main)
        self.glossary = GlossaryDock(main, window.lang)
        for dock in (self.dock, self.glossary):
            main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
        self.dock.setMaximumHeight(230)
        self.glossary_action.toggled.connect(self.glossary.setVisible)
        self.glossary.visibilityChanged.connect(self._glossary_shown)
        self._wire()

    def _wire(self) -> None:
        w, d = self.window, self.dock
        for k, b in d.speed_buttons.items():
            b.clicked.connect(lambda _=False, k=k: w.actions_.speeds[k].trigger())
            w.actions_.speeds[k].toggled.connect(lambda on, b=b: on and b.setChecked(True))
            b.setChecked(w.actions_.speeds[k].isChecked())
        loop = w.actions_["loop"]
        d.loop.setChecked(loop.isChecked())
        d.loop.toggled.connect(loop.setChecked)
        loop.toggled.connect(d.loop.setChecked)
        d.step_through.toggled.connect(self.set_step_through)
        c = w.controller
        c.event.connect(self._on_event)
        c.protocolChanged.connect(lambda _p: self._follow_step())
        self.recorder.recorded.connect(lambda _t, _s: self._show_practised())

    def use_session_recorder(self, recorder: ModeRecorder) -> None:
        """Record practice through the window's session recorder (one record per session)."""
        self.session_recorder = recorder
        self.recorder.enabled = False
        recorder.mode = "practice" if self.active else "guided"
        recorder.recorded.connect(lambda _sid: self._show_practised())

    # ---- switching -----------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Practice on: the controls and glossary show, and sessions are logged as practice."""
        if on == self.active:
            return
        self.active = on
        if self.session_recorder is not None:
            self.session_recorder.mode = "practice" if on else "guided"  # no double sessions
        else:
            self.recorder.enabled = on
        if self.action.isChecked() != on:
            self.action.setChecked(on)
        self.dock.setVisible(on)
        self.glossary_action.setChecked(on)
        if on:
            c = self.window.colours
            self.dock.setStyleSheet(
                f"QToolButton {{ padding: 4px 6px; border: 1px solid {c.border}; border-radius: 5px; }}"
                f"QToolButton:checked {{ background: {c.accent}; color: {c.window}; font-weight: 700; }}"
            )
            main = self.window.as_widget()
            main.resizeDocks([self.dock, self.glossary], [200, 800], Qt.Orientation.Vertical)
            main.resizeDocks([self.dock], [400], Qt.Orientation.Horizontal)
        if not on:
            self.window.actions_.speeds[1.0].trigger()
            self.window.actions_["loop"].setChecked(False)
            self.dock.step_through.setChecked(False)
        self._follow_step()
        self._show_practised()
        self.window.show_status(
            self.tr(
                "Practice mode: the safety check still comes first. Sessions count as practice."
            )
            if on
            else self.tr("Practice mode off: sessions are guided again."),
            8000,
        )
        self.activeChanged.emit(on)

    def set_speed(self, k: float) -> None:
        self.window.actions_.speeds[k].trigger()

    def set_step_through(self, on: bool) -> None:
        """No countdown pressure: each step loops until Next (the diagram keeps moving)."""
        w = self.window
        if self.dock.step_through.isChecked() != on:
            self.dock.step_through.setChecked(on)
        self.dock.loop.setEnabled(not on)
        w.controller.set_loop_step(on or w.actions_["loop"].isChecked())
        w.set_untimed(on)

    @property
    def step_through(self) -> bool:
        return self.dock.step_through.isChecked()

    # ---- following the session -----------------------------------------------------------

    def _on_event(self, e: Event) -> None:
        self.recorder.on_event(e)
        if e.kind is EventKind.STEP_STARTED:
            self._follow_step()
        if self.step_through:  # a new player (another protocol) must loop as well
            self.window.controller.set_loop_step(True)

    def _follow_step(self) -> None:
        player = self.window.controller.player
        if player is not None and not self.glossary.isHidden():
            self.glossary.set_current(player.protocol.steps[player.step_index].technique)

    def _glossary_shown(self, visible: bool) -> None:
        if self.glossary_action.isChecked() != visible:
            self.glossary_action.setChecked(visible)
        if visible:
            self._follow_step()

    def _show_practised(self) -> None:
        """The minutes practised per technique so far (from the history), under the switches."""
        if not self.active:
            return
        totals = self.minutes_practised()
        self.glossary.set_minutes(totals)
        if not totals:
            self.dock.practised.setText(self.tr("No practice logged yet."))
            return
        total = sum(totals.values())
        self.dock.practised.setText(
            self.tr("Practised so far: %1 min in all").replace("%1", minutes_text(total))
        )

    def minutes_practised(self) -> dict[str, float]:
        rec = self.recorder
        try:
            if rec.history is None:
                rec.history, _notice = History.open(self.window.data_dir)
            return rec.history.minutes_by_technique(mode="practice")
        except WRITE_ERRORS:
            return {}

    def shutdown(self) -> None:
        self.recorder.close()
