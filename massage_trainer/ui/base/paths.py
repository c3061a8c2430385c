"""Where a person's files go, as their desktop says (QStandardPaths): the app's data folder and the
folder the file dialogs open in. The core never guesses a folder; it is handed one.

The data folder is the desktop's shared data location plus "massage-trainer": on Linux
~/.local/share/massage-trainer (or under $XDG_DATA_HOME), on macOS
~/Library/Application Support/massage-trainer, on Windows %LOCALAPPDATA%\\massage-trainer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_FOLDER = "massage-trainer"


def data_dir() -> Path:
    """The per-user folder for protocols, history and settings; OSError when the desktop names
    none (no home folder), so the person can be told to give one with --data-dir."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if not base:
        raise OSError("this system names no folder for your data; give one with --data-dir")
    return Path(base) / APP_FOLDER


def documents_dir() -> Path:
    """Where Open and Save dialogs start: the person's documents, else their home folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()
