"""What the safety panel does inside the main window: the pain stop, and pausing when the verdict turns.

The window pauses at once on P / the Pain button and emits painStopRequested; this asks about the
pain (window-modal, never blocking the event loop) and carries out the choice through the session
controller's gate. If the answers change so that the session is no longer allowed, it pauses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from massage_trainer.core.safety.pain import lightened
from massage_trainer.core.safety.rules_model import Rules
from massage_trainer.core.session.player import Event, EventKind, State
from massage_trainer.ui.safety.pain_dialog import PainDialog, PainReport

DialogFactory = Callable[..., QDialog]
ACTIVE = (State.GET_READY, State.RUNNING, State.WAITING)
NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)


class SafetyWiring(QObject):
    """Connects one SafetyPanel to one MainWindow (duck-typed, so either can be replaced in tests)."""

    painReported = Signal(object)  # noqa: N815 (Qt signal naming)
    """A PainReport, for the session record."""

    def __init__(
        self, window: Any, panel: Any, *, dialog_factory: DialogFactory = PainDialog
    ) -> None:
        super().__init__(panel)
        self.window, self.panel = window, panel
        self.dialog_factory = dialog_factory
        self.dialog: QDialog | None = None
        window.painStopRequested.connect(self.ask_about_pain)
        panel.verdictChanged.connect(self._on_verdict)
        window.controller.event.connect(self._on_event)

    @property
    def rules(self) -> Rules:
        rules: Rules = self.panel.rules
        return rules

    def _message(self, text: str, ms: int = 10000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def ask_about_pain(self) -> None:
        """Open the pain questions (once; a second P just brings them to the front)."""
        if self.window.controller.state in NOT_BEGUN:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        parent: QWidget = self.window
        step = self.window.controller.player.step if self.window.controller.player else None
        dialog = self.dialog_factory(
            self.rules,
            lang=getattr(self.window, "lang", "en"),
            parent=parent,
            pressure=None if step is None else step.pressure,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self.carry_out)  # type: ignore[attr-defined]
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.open()

    def _forget(self) -> None:
        self.dialog = None

    def carry_out(self, report: PainReport) -> None:
        """Do what the person chose; a warning sign or a sharp pain leaves only stopping."""
        self.painReported.emit(report)
        c = self.window.controller
        if report.stop_advised or report.decision == "stop":
            if report.see_doctor:  # Start stays locked from now on, whatever the history can do
                hold_now = getattr(self.panel, "hold_now", None)
                if callable(hold_now):
                    hold_now(" ".join(report.reasons), report.detail())
            c.stop("pain")
            if report.see_doctor:
                self._message(
                    self.tr(
                        "Session stopped. See a doctor before any further massage: Start stays "
                        "locked until a doctor's clearance is recorded."
                    ),
                    30000,
                )
            else:
                self._message(self.tr("Session stopped for pain."))
            return
        if report.decision == "lighten":
            player = c.player
            if player is not None and player.step is not None:
                c.replace_protocol(lightened(player.protocol, player.step_index), player.step_index)
            c.command("resume", c.get_ready_s)
            self._message(
                self.tr("Get ready: the step goes on one pressure level lighter. Stop if it hurts.")
            )
        elif report.decision == "skip":
            c.next()
            c.resume()
            self._message(self.tr("Step skipped. Stop at once if it hurts."))
        else:
            self._message(self.tr("Still paused. Press Space to carry on or Esc to stop."))

    def _on_event(self, e: Event) -> None:
        """A session ended: its minutes on the body count toward today's limits."""
        player = self.window.controller.player
        if e.kind in (EventKind.FINISHED, EventKind.STOPPED) and player is not None:
            add = getattr(self.panel, "add_massaged", None)
            if callable(add):
                add(player.massaged_s())

    def _on_verdict(self, _verdict: object) -> None:
        c = self.window.controller
        if c.state in ACTIVE and not self.panel.may_start():
            c.pause()
            self._message(self.tr("Paused: the safety check no longer allows this session."))
