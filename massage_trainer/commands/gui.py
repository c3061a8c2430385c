"""The default command: open the window, or explain plainly why it cannot open here."""

from __future__ import annotations

import argparse
import os
import sys

NO_DISPLAY = """\
massage-trainer: there is no screen to open the window on (no DISPLAY or WAYLAND_DISPLAY).
  - On a desktop, start it from the desktop session.
  - On a server, run it on a virtual screen:  xvfb-run -a massage-trainer
  - Commands that need no window work anyway: massage-trainer --help"""


def display_problem(
    environ: dict[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why Qt would fail to open a window here, or None when it should work."""
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if not plat.startswith("linux"):
        return None
    if env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gui", help="open the window (the default when no command is given)")
    p.add_argument("protocol", nargs="?", help="protocol id or file to open")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from massage_trainer.ui.app import run_app

    return run_app(args)


def tell_in_a_window(message: str) -> None:
    """Show why the window cannot open, for a person who started it from a desktop launcher
    (where nobody reads stderr). Nothing is shown without a real screen."""
    if display_problem() or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "minimal"):
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.critical(None, "Massage Trainer", message)
