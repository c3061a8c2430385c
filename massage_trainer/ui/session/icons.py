"""The window's icons: the session commands' SVGs drawn in the theme's colours, and the app icon.

Drawn icons are kept as PNG files in the data folder's cache, so a later start loads them
without Qt's SVG plugin.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from massage_trainer.ui.session.window_actions import Actions


ICONS = {
    "start": "start",
    "pause": "pause",
    "next": "next",
    "previous": "previous",
    "restart": "restart",
    "stop": "stop",
    "pain": "pain",
    "choose": "choose",
}


ICON_PX = 48
"""Icons are drawn at 48 px: sharp at twice their 24 px size on high-density screens."""

_ICON_CACHE: dict[tuple[str, str, str], QIcon] = {}
_icon_dir: list[Path] = []


def set_icon_cache(folder: Path | None) -> None:
    """Keep drawn icons as PNG files in `folder` (the data folder's cache), so that a later start
    loads them without Qt's SVG plugin (~5 ms before the first paint); None: keep none."""
    _icon_dir[:] = [folder] if folder is not None else []


def themed_icon(name: str, colour: str, disabled: str) -> QIcon:
    """An icon from assets/icons/<name>.svg drawn in `colour`, and in `disabled` for its
    disabled look (readable in every theme)."""
    key = (name, colour, disabled)
    if key in _ICON_CACHE:
        return _ICON_CACHE[key]
    from massage_trainer.resources import asset

    try:
        svg = asset("icons", f"{name}.svg").read_bytes()
    except OSError:
        return QIcon()
    icon = QIcon()
    for mode, col in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled)):
        pm = _drawn(name, svg, col)
        if pm is not None:
            icon.addPixmap(pm, mode)
    _ICON_CACHE[key] = icon
    return icon


def _drawn(name: str, svg: bytes, colour: str) -> QPixmap | None:
    """The SVG drawn in `colour` at ICON_PX, from the icon cache when it holds it."""
    from PySide6.QtGui import QPixmap

    kept = None
    if _icon_dir:
        stamp = zlib.crc32(svg)
        kept = _icon_dir[0] / f"{name}-{colour.lstrip('#').lower()}-{ICON_PX}-{stamp:08x}.png"
    pm = QPixmap()
    if kept is not None and pm.load(str(kept), "PNG"):
        return pm
    data = svg.replace(b"currentColor", colour.encode())
    px = str(ICON_PX).encode()
    data = data.replace(b'width="24" height="24"', b'width="' + px + b'" height="' + px + b'"')
    if not pm.loadFromData(data, "SVG"):
        return None
    if kept is not None:
        _keep_png(pm, kept)
    return pm


def _keep_png(pm: QPixmap, where: Path) -> None:
    """Write the drawn icon for the next start; a cache that cannot be written is skipped."""
    tmp = where.with_suffix(f".{os.getpid()}.tmp")
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        if pm.save(str(tmp), "PNG"):
            os.replace(tmp, where)
    except OSError:
        tmp.unlink(missing_ok=True)  # e.g. a folder where the file should go: leave no litter


def apply_icons(acts: Actions, colour: str, disabled: str, paused: bool) -> None:
    """Give the session actions icons in the current theme's text colour."""
    for action, icon in ICONS.items():
        acts[action].setIcon(themed_icon(icon, colour, disabled))
    acts["pause"].setIcon(themed_icon("start" if paused else "pause", colour, disabled))


def app_icon() -> QIcon:
    """The window icon from the packaging assets, when present."""
    from massage_trainer.resources import asset

    for candidate in (asset("icons", "massage-trainer.svg"), asset("icon.svg")):
        if candidate.exists():
            return QIcon(str(candidate))
    return QIcon()
