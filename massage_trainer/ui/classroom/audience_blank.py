"""B in presenter mode: the audience screen goes blank, the instructor's window does not.

The instructor keeps the diagram and sees a clear "Audience screen blanked" bar above it. A
session that is under way pauses while the class cannot follow: a pause is the safe state on a
real receiver (the hands rest, no cue moves them on, and resting time does not count toward the
time limit). B again shows the screen and goes on after the get-ready countdown, so the hands are
back in place before the timer runs, as after a pain pause; a session paused by hand stays paused.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from massage_trainer.core.session.player import State
from massage_trainer.ui.session.host import SessionHost

UNDER_WAY = (State.GET_READY, State.RUNNING, State.WAITING)


class AudienceBlank(QObject):
    """Follows the window's blank action while presenter mode is on."""

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.paused_by_blank = False
        self.label = QLabel(window.as_widget())
        self.label.setObjectName("audienceBlanked")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(
            "#audienceBlanked { background: #1f2328; color: white; font-weight: 700;"
            " font-size: 15px; padding: 8px 14px; }"
        )
        self.label.hide()
        window.add_banner(self.label)
        window.set_presenting(True)
        window.actions_["blank"].toggled.connect(self.on_blank)
        window.controller.stateChanged.connect(self.show_label)
        self.on_blank(window.actions_["blank"].isChecked())

    @property
    def blanked(self) -> bool:
        return self.window.actions_["blank"].isChecked()

    def on_blank(self, on: bool) -> None:
        c = self.window.controller
        if on and c.state in UNDER_WAY:
            self.paused_by_blank = c.pause()
        elif not on:
            if self.paused_by_blank and c.state is State.PAUSED:
                c.command("resume", c.get_ready_s)
            self.paused_by_blank = False
        self.show_label()

    def show_label(self, _state: object = None) -> None:
        if not self.blanked:
            self.label.hide()
            return
        state = self.window.controller.state
        text = self.tr("Audience screen blanked")
        if state is State.PAUSED:
            text += " · " + self.tr("the session is paused. Press B to show it and go on.")
        elif state in UNDER_WAY:
            text += " · " + self.tr("the session is running. Press B to show it.")
        else:
            text += " · " + self.tr("press B to show it.")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.label.show()

    def close(self) -> None:
        """Presenter mode ends: the screen comes back, a paused session stays paused."""
        w = self.window
        w.actions_["blank"].toggled.disconnect(self.on_blank)
        w.controller.stateChanged.disconnect(self.show_label)
        if self.blanked:
            w.actions_["blank"].setChecked(False)
        w.set_presenting(False)
        self.label.hide()
        self.label.deleteLater()
        self.deleteLater()
