"""Presenter mode: an audience window for a class (diagram, step title, countdown; nothing personal).

The audience window only ever reads the protocol and the player, never the receiver, the answers,
the pain map or notes, so nothing personal can reach the projector. With two screens it fills the
second one and the instructor keeps the main window; with one screen it fills that one and a bar of
controls shows while the mouse moves. Clicker keys work in both windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from massage_trainer.ui.classroom.audience import AudienceWindow
from massage_trainer.ui.classroom.audience_blank import AudienceBlank
from massage_trainer.ui.session.host import SessionHost

S = TypeVar("S")
CONTROLS_HIDE_MS = 3000


@dataclass(frozen=True)
class ScreenPlan(Generic[S]):
    """Where each window goes: the audience view, the instructor's controls, and whether they share."""

    audience: S
    controls: S
    shared: bool


def assign_screens(screens: Sequence[S], controls_on: S | None = None) -> ScreenPlan[S] | None:
    """Pick the audience screen: any screen but the one the instructor's window is on (the first
    such, in the system's order); with a single screen both share it. None without any screen."""
    if not screens:
        return None
    controls = controls_on if controls_on in screens else screens[0]
    others = [s for s in screens if s is not controls and s != controls]
    if not others:
        return ScreenPlan(controls, controls, True)
    return ScreenPlan(others[0], controls, False)


class PresenterMode(QObject):
    """Runs the audience window for one main window: screens, keys, blanking, auto-hiding controls."""

    activeChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.audience: AudienceWindow | None = None
        self.blank: AudienceBlank | None = None
        self.plan: ScreenPlan[QScreen] | None = None
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.setInterval(CONTROLS_HIDE_MS)
        self.hide_timer.timeout.connect(lambda: self._set_controls(False))
        self._filtering = False

    @property
    def active(self) -> bool:
        return self.audience is not None

    def toggle(self) -> None:
        if self.active:
            self.stop()
        else:
            self.start()

    def start(self, screens: Sequence[QScreen] | None = None) -> None:
        """Open the audience window, full screen on the second screen (or the only one)."""
        if self.active:
            return
        w, main = self.window, self.window.as_widget()
        screens = list(QGuiApplication.screens()) if screens is None else list(screens)
        plan = assign_screens(screens, main.screen())
        audience = AudienceWindow(w.lang)
        self.audience, self.plan = audience, plan
        audience.keyPressed.connect(self.handle_key)
        audience.closed.connect(self.stop)
        b = audience.buttons
        b["previous"].clicked.connect(w.actions_["previous"].trigger)
        b["next"].clicked.connect(w.actions_["next"].trigger)
        b["pause"].clicked.connect(w.play_pause)
        b["blank"].clicked.connect(w.actions_["blank"].toggle)
        b["leave"].clicked.connect(self.stop)
        c = w.controller
        c.frame.connect(self._on_frame)
        c.protocolChanged.connect(self._on_protocol)
        c.stateChanged.connect(self._on_state)
        w.actions_["blank"].toggled.connect(audience.set_blank)
        audience.set_blank(w.actions_["blank"].isChecked())
        self.blank = AudienceBlank(w)
        if plan is not None:
            audience.setScreen(plan.audience)
            audience.setGeometry(plan.audience.geometry())
            if not plan.shared and main.screen() is plan.audience:
                main.move(plan.controls.availableGeometry().topLeft())
        audience.showFullScreen()
        if self.shared:  # it covers the instructor's window: keys go to it
            audience.activateWindow()
            self._filtering = True
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self._set_controls(True)
        self._on_state()
        w.show_status(
            self.tr(
                "Presenter mode: the audience view is on the same screen; move the mouse for controls, Esc leaves."
            )
            if self.shared
            else self.tr(
                "Presenter mode: the audience view is on the other screen. F5 or Esc there leaves."
            ),
            8000,
        )
        self.activeChanged.emit(True)

    @property
    def shared(self) -> bool:
        return self.plan is None or self.plan.shared

    def stop(self) -> None:
        """Close the audience window; the session goes on in the main window."""
        audience = self.audience
        if audience is None:
            return
        self.audience = None
        self.hide_timer.stop()
        if self._filtering:
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            self._filtering = False
        c = self.window.controller
        c.frame.disconnect(self._on_frame)
        c.protocolChanged.disconnect(self._on_protocol)
        c.stateChanged.disconnect(self._on_state)
        if self.blank is not None:
            self.blank.close()
            self.blank = None
        self.window.actions_["blank"].toggled.disconnect(audience.set_blank)
        audience.closed.disconnect(self.stop)
        audience.close()
        audience.deleteLater()
        self.window.as_widget().activateWindow()
        self.activeChanged.emit(False)

    # ---- following the session -----------------------------------------------------------

    def _on_frame(self, t: float) -> None:
        player = self.window.controller.player
        if self.audience is not None and player is not None:
            self.audience.update_from(player, t)

    def _on_protocol(self, _protocol: object) -> None:
        self._on_state()

    def _on_state(self, _state: object = None) -> None:
        player = self.window.controller.player
        if self.audience is not None and player is not None:
            self.audience.update_from(player, player.step_time())

    # ---- keys and the mouse --------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> None:
        """Clicker keys in the audience window do what they do in the main window; Esc leaves."""
        a, k = self.window.actions_, event.key()
        if k in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.stop()
        elif k in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            a["next"].trigger()
        elif k in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            a["previous"].trigger()
        elif k in (Qt.Key.Key_B, Qt.Key.Key_Period):
            a["blank"].toggle()
        elif k in (Qt.Key.Key_Space, Qt.Key.Key_MediaPlay, Qt.Key.Key_MediaPause):
            self.window.play_pause()
        elif k == Qt.Key.Key_Home:
            a["restart"].trigger()
        elif k == Qt.Key.Key_P:
            if self.shared:
                self.stop()  # the pain questions open on the instructor's window: uncover it
            a["pain"].trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """One screen: any mouse movement over the audience view brings the controls back."""
        if (
            event.type() == QEvent.Type.MouseMove
            and self.audience is not None
            and isinstance(watched, QWidget)
            and watched.window() is self.audience
        ):
            self._set_controls(True)
        return False

    def _set_controls(self, on: bool) -> None:
        if self.audience is None:
            return
        self.audience.show_controls(on)
        if on:
            self.hide_timer.start()
        else:
            self.hide_timer.stop()
