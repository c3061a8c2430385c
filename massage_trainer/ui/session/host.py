"""What a feature beside the session (classroom tools, the session log) may use of the main window.

The main window implements SessionHost. A feature is handed the window typed as this Protocol, so
it never imports MainWindow, and the window never knows the feature's type: the composition root
(ui/app.py) builds both and connects them. A feature that needs more of the window asks for a
method here rather than reaching into its widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

    from massage_trainer.core.protocol.model import Protocol as MassageProtocol
    from massage_trainer.ui.base.window_style import Colours
    from massage_trainer.ui.session.controller import SessionController
    from massage_trainer.ui.session.window_actions import Actions


class FileOpener(Protocol):
    """Opens protocol files for the window (File ▸ Open); authoring replaces the plain one."""

    def open_file(self) -> None:
        """Ask for a file and open it."""

    def open_path(self, path: Path) -> bool:
        """Open `path`; False when it could not be used (the person has been told why)."""


class SessionHost(Protocol):
    """The main window as its features see it."""

    controller: SessionController
    actions_: Actions
    settings: QSettings
    data_dir: Path
    lang: str
    theme: str
    colours: Colours

    @property
    def safety_panel(self) -> QWidget | None:
        """The docked safety check (answers(), verdict()), once it is built."""

    closing: SignalInstance
    """Emitted when the window closes, before the session is shut down."""

    def notify_once(self, text: str, key: str | None = "") -> None:
        """Tell the person something once per run, in the banner above the diagram."""

    def show_status(self, text: str, ms: int = 10000) -> None:
        """A passing message in the status bar."""

    def load_protocol(self, protocol: MassageProtocol) -> None:
        """Show `protocol` and make it the session's."""

    def play_pause(self) -> None:
        """Start when nothing runs yet, else pause or resume (through the safety gate)."""

    def menu(self, name: str) -> QMenu | None:
        """A menu of the menu bar by its name: "file", "view", "session", "cues" or "help"."""

    def add_banner(self, banner: QWidget) -> None:
        """Put a bar above the diagram, under the notice banner."""

    def set_presenting(self, on: bool) -> None:
        """Presenter mode on or off: while on, blanking leaves the instructor's diagram alone."""

    def set_untimed(self, on: bool) -> None:
        """Show steps without a countdown (practice: step through without the timer)."""

    def set_file_opener(self, opener: FileOpener) -> None:
        """Let `opener` open protocol files from now on."""

    def as_widget(self) -> QMainWindow:
        """The window itself: the parent of a feature's objects, widgets, docks and dialogs."""
