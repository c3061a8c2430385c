"""Where the app's own data lives: the bundled assets and protocols. (The person's folder comes
from the desktop, see ui/base/paths.py, or from --data-dir.)

Installed (wheel or frozen bundle) the data sits in ``massage_trainer/_data``; in a source
checkout it is the top-level ``assets/`` and ``protocols/`` folders.
"""

from __future__ import annotations

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
