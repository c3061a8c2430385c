"""Start follows the safety check: the window's side of the docked safety panel.

Every session command passes `SafetyGate.gate` (the SessionController asks it). Nothing may start
before the window has finished its start-up, nor while the docked panel says no, nor before a
panel is docked at all (a safety check that could not be built leaves Start locked); stopping and
pausing are always allowed. A session starts with the verdict's time limit (wall-clock minutes on
the body). The panel is duck-typed (set_protocol, set_theme, verdictChanged, playRequested,
may_start, verdict, attach_to), so the window never imports ui.safety.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from massage_trainer.core.session.player import State
from massage_trainer.ui.session.controller import SessionController

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)


class SafetyGate(QObject):
    """Holds the docked safety panel (if any) and answers "may this command run now?"."""

    def __init__(
        self,
        parent: QObject,
        controller: SessionController,
        *,
        started: Callable[[], bool],
        changed: Callable[[], None],
        load: Callable[[Protocol], None],
        notify: Callable[[str], None],
        data_dir: Path,
        required: bool = True,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.panel: QWidget | None = None
        self._started = started
        """False until the window has finished its start-up: nothing starts before."""
        self._changed, self._load, self._notify = changed, load, notify
        self._data_dir = data_dir
        self.required = required
        """Without a docked panel Start stays locked (only tests of other parts turn this off)."""

    def attach(self, panel: QWidget, host: object, theme: str) -> None:
        """Follow `panel` from now on; it gets the protocol, the theme and its own wiring."""
        self.panel = panel
        set_protocol = getattr(panel, "set_protocol", None)
        if callable(set_protocol):
            set_protocol(self.controller.protocol)
            self.controller.protocolChanged.connect(set_protocol)
        self.set_theme(theme)
        verdict = getattr(panel, "verdictChanged", None)
        if verdict is not None:
            verdict.connect(lambda _v: self._changed())
        play = getattr(panel, "playRequested", None)
        if play is not None:
            play.connect(self.play_instead)
        attach = getattr(panel, "attach_to", None)
        if callable(attach):
            attach(host)  # the panel's own wiring: pain questions, pausing when the verdict turns
        self._changed()

    def set_theme(self, theme: str) -> None:
        set_theme = getattr(self.panel, "set_theme", None)
        if callable(set_theme):
            set_theme(theme)

    def play_instead(self, protocol: Protocol, why: str) -> None:
        """The verdict wants this very protocol played (the pregnancy adaptation, or back to the
        chosen one): load it and say why, now."""
        self._load(protocol)
        self._notify(why)

    def may_start(self) -> bool:
        """May a session start now? The safety panel decides; without one, no."""
        if not self._started():
            return False
        if self.panel is None:
            return not self.required
        may_start = getattr(self.panel, "may_start", None)
        return bool(may_start()) if callable(may_start) else True

    def _apply_limit(self, command: str) -> None:
        """A session that begins gets the verdict's limit: the minutes left on the body today."""
        player = self.controller.player
        begins = command == "start" or (
            command == "toggle_pause" and self.controller.state in NOT_BEGUN
        )
        verdict = getattr(self.panel, "verdict", None)
        v = verdict() if callable(verdict) else None
        if player is not None and begins and v is not None and v.limit_s is not None:
            player.set_limit(v.limit_s)

    def gate(self, command: str) -> str | None:
        """Why `command` may not run now, or None: nothing starts or goes on while the safety
        check says no."""
        if command in ("stop", "pause"):
            return None
        if self.may_start():
            self._apply_limit(command)
            return None
        state = self.controller.state
        pausing = command == "toggle_pause" and state is not State.PAUSED
        if command == "start" or (state not in NOT_BEGUN and not pausing):
            return QCoreApplication.translate(
                "MainWindow", "Locked by the safety check: see the Safety check panel on the left."
            )
        return None
