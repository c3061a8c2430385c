"""The window's icons: the session commands' SVGs drawn in the theme's colours, and the app icon.

Each icon is drawn once per colour and run (kept in memory); nothing is written to disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon, QPixmap

if TYPE_CHECKING:
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


def themed_icon(name: str, colour: str, disabled: str) -> QIcon:
    """An icon from assets/icons/<name>.svg drawn in `colour`, and in `disabled` for its
    disabled look (readable in every theme); an empty icon when the SVG cannot be read."""
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
        pm = _drawn(svg, col)
        if pm is not None:
            icon.addPixmap(pm, mode)
    _ICON_CACHE[key] = icon
    return icon


def _drawn(svg: bytes, colour: str) -> QPixmap | None:
    """The SVG drawn in `colour` at ICON_PX."""
    data = svg.replace(b"currentColor", colour.encode())
    px = str(ICON_PX).encode()
    data = data.replace(b'width="24" height="24"', b'width="' + px + b'" height="' + px + b'"')
    pm = QPixmap()
    return pm if pm.loadFromData(data, "SVG") else None


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
