"""The first-run notice: a guide for learning massage, not medical advice. Shown once, remembered.

The acknowledgement is a small file in the data folder, so it follows --data-dir and tests stay
isolated; the question itself is injectable so tests never see a dialog unless they test it.
The dialog lives in ui/disclaimer_dialog.py: a start after the first one only reads the mark.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from massage_trainer.core import files

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

VERSION = 1
"""Raise when the text changes materially, so everyone is asked again."""
MARK_FILE = "disclaimer-accepted"


def _mark(data_dir: Path) -> Path:
    return data_dir / MARK_FILE


def acknowledged(data_dir: Path) -> bool:
    """Has the current notice been acknowledged in this data folder?"""
    try:
        text = _mark(data_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return text.isdigit() and int(text) >= VERSION


def remember(data_dir: Path) -> bool:
    """Note the acknowledgement; False when the folder cannot be written (asked again next time)."""
    try:
        files.private_folder(data_dir)  # made private when new: the history goes here too
        _mark(data_dir).write_text(f"{VERSION}\n", encoding="utf-8")
    except OSError:
        return False
    return True


def ask_with_dialog(parent: QWidget | None) -> bool:
    from massage_trainer.ui.safety.disclaimer_dialog import ask_with_dialog as ask

    return ask(parent)


def ensure_acknowledged(
    data_dir: Path,
    parent: QWidget | None = None,
    *,
    ask: Callable[[QWidget | None], bool] = ask_with_dialog,
) -> bool:
    """True when the person has acknowledged the notice (now or before); False means do not go on."""
    if acknowledged(data_dir):
        return True
    if not ask(parent):
        return False
    remember(data_dir)
    return True
