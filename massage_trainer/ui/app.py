"""Composition root: builds the QApplication, settings, clock, session, cues and the window, and
attaches the features to the window: the safety check, the session log and the classroom tools.

Nothing else creates the main window or application-wide objects (an import-linter contract
keeps it so); the features know the window only as a SessionHost. Tests build the same parts
through `build_window` with a fake clock and their own settings file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from massage_trainer.core import files
from massage_trainer.core.session.clock import Clock, MonotonicClock
from massage_trainer.ui.base import i18n
from massage_trainer.ui.session import display_prefs, opening
from massage_trainer.ui.session.controller import SessionController
from massage_trainer.ui.session.cues import Cues
from massage_trainer.ui.session.main_window import MainWindow

if TYPE_CHECKING:
    from massage_trainer.ui.classroom.features import Classroom
    from massage_trainer.ui.session.announcements import Announcements


def settings_for(data_dir: Path) -> QSettings:
    """Settings in an ini file inside the data folder: easy to find, and isolated in tests. The
    folder is made private (0700) when new: it is where the session history goes."""
    files.private_folder(data_dir)
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def ui_language(settings: QSettings | None = None, wanted: str | None = None) -> str:
    """The interface language: the one asked for, else View ▸ Language, else the system's."""
    return i18n.resolve(wanted or i18n.stored_choice(settings))


def build_window(
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
    cues: Cues | None = None,
    get_ready_s: float = 5.0,
    safety: bool = True,
    defer: bool = True,
    record: bool = True,
    ask: bool = False,
) -> MainWindow:
    """Wire the session, cues and window together; the first protocol opens with the rest.

    The first paint shows the window with "Opening the protocol…"; right after it the protocol
    is read, then the diagram, the safety panel and the timeline are built (Start is locked until
    then). `defer=False` does all of it at once (tests, headless renders). `record` opens the
    session history after the first paint; `ask` adds the before/after questions.
    """
    data_dir: Path = args.data_dir
    # before the first paint, when Qt decides once whether to blend on a thread pool: the diagram
    # is built after that paint, too late for ui/diagram/blit.py, which says why it is off
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    settings = settings or settings_for(data_dir)
    lang = ui_language(settings, getattr(args, "lang", None))
    controller = SessionController(clock or MonotonicClock(), get_ready_s=get_ready_s)
    cues = cues or Cues(lang=lang)
    display_prefs.apply_saved(settings)  # the text size before any widget is built
    window = MainWindow(controller, cues, settings, data_dir, lang)
    display_prefs.DisplayPrefs(window, settings, window)
    controller.setParent(window)
    cues.setParent(window)
    features = _Features(window)
    wanted = getattr(args, "protocol", None)
    window.add_deferred(lambda: features.guard_keys(settings))  # before any key can arrive
    window.add_deferred(features.announce)  # before the first step is shown
    window.add_deferred(lambda: features.open_first_protocol(wanted, settings, data_dir))
    window.add_deferred(features.install_classroom)
    window.add_deferred(lambda: features.show_sound_status(cues))
    window.safety_gate.required = safety  # without a safety check Start stays locked
    if safety:
        window.add_deferred(lambda: features.attach_safety_panel(lang))
    if record:
        window.add_deferred(lambda: features.record_sessions(ask))
    if not defer:
        window.finish_startup()
    return window


class _Features:
    """Builds the features of one window right after its first paint and connects them to each
    other (they import ~0.1 s of modules the first paint does without)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.classroom: Classroom | None = None
        self.announcements: Announcements | None = None

    def guard_keys(self, settings: QSettings) -> None:
        """Which keys a focused control keeps (the window's shortcuts exist from now on)."""
        from massage_trainer.ui.session.keyboard import KeyGuard

        KeyGuard(self.window, self.window.actions_, settings)

    def announce(self) -> None:
        """A screen reader hears the steps, the safety check's verdicts and the locks."""
        from massage_trainer.ui.session.announcements import Announcements

        self.announcements = Announcements(self.window)

    def open_first_protocol(self, wanted: str | None, settings: QSettings, data_dir: Path) -> None:
        """The protocol asked for, else the last one, else the default (telling what failed)."""
        protocol, notice = opening.first_protocol(
            wanted, settings.value("session/protocol"), data_dir
        )
        if protocol is not None:
            self.window.load_protocol(protocol)
        else:
            self.window.show_no_protocol()
        if notice:
            self.window.notify_once(notice)

    def install_classroom(self) -> None:
        """Presenter, practice, authoring and handouts, in the window's menus."""
        from massage_trainer.ui.classroom import features

        self.classroom = features.install(self.window)

    def show_sound_status(self, cues: Cues) -> None:
        """A line above the diagram while sound is out; the workers end with the window."""
        from massage_trainer.ui.session import sound_notice

        sound_notice.attach(self.window, cues)

    def attach_safety_panel(self, lang: str) -> None:
        """Dock the safety checklist (it gates Start). When it cannot be built (the rules file
        is missing, empty or broken, or anything else fails) a locked panel says why instead:
        Start stays locked, and no traceback reaches the person."""
        from massage_trainer.ui.safety.locked import LockedSafetyPanel, why_locked
        from massage_trainer.ui.safety.panel import SafetyPanel

        try:
            panel: QWidget = SafetyPanel(self.window, lang=lang)
        except Exception as exc:
            why, details = why_locked(exc)
            panel = LockedSafetyPanel(self.window, why, details, lang)
        self.window.attach_safety_panel(panel)
        if self.announcements is not None:
            self.announcements.watch_panel(panel)

    def record_sessions(self, ask: bool) -> None:
        """Open the history in the data folder and record every session in it (practice too)."""
        from massage_trainer.ui.session.session_log import install

        recorder = install(self.window, ask=ask)
        if self.classroom is not None:
            self.classroom.practice.use_session_recorder(recorder)


def application() -> QApplication:
    """The QApplication, with the Fusion style that the themes are drawn for."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        existing.setStyle("Fusion")
        return existing
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setApplicationName("Massage Trainer")
    app.setOrganizationName("massage-trainer")
    return app


def run_app(args: argparse.Namespace) -> int:
    app = application()
    lang = ui_language(settings_for(args.data_dir), getattr(args, "lang", None))
    args.lang = lang if i18n.install(lang) else "en"  # before any widget is built
    from massage_trainer.ui.safety.disclaimer import ensure_acknowledged

    if not ensure_acknowledged(args.data_dir):  # a guide, not medical advice: shown once
        return 0
    try:
        window = build_window(args, ask=True)
    except OSError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            "Massage Trainer",
            QApplication.translate("App", "Cannot start: %1").replace("%1", str(exc)),
        )
        return 1
    window.show()
    code = int(app.exec())
    window.save_settings()
    return code
