"""Where the app's data lives: bundled assets and protocols, and the user's own folder.

Installed (wheel or frozen bundle) the data sits in ``massage_trainer/_data``; in a source
checkout it is the top-level ``assets/`` and ``protocols/`` folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _data_root() -> Path:
    packaged = _PKG / "_data"
    if (packaged / "assets").is_dir():
        return packaged
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "massage_trainer" / "_data" / "assets").is_dir():
        return Path(frozen) / "massage_trainer" / "_data"
    return _PKG.parent


def assets_dir() -> Path:
    return _data_root() / "assets"


def protocols_dir() -> Path:
    return _data_root() / "protocols"


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """The per-user data folder (XDG on Linux), unless MASSAGE_TRAINER_DATA_DIR overrides it."""
    env = os.environ.get("MASSAGE_TRAINER_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "massage-trainer"
