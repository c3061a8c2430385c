"""The room a window has on its screen: every window and dialog opens within it, whatever the
screen's size and scale (at 200 % a 1280×800 screen is 640×400 for the widgets)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(widget: QWidget) -> QRect:
    """The available geometry of the screen the widget is on (the primary one before it shows)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def fit_to_screen(widget: QWidget, preferred: QSize, move: bool = True) -> None:
    """Give `widget` its preferred size or the screen's available size, whichever is smaller,
    and keep it on that screen (`move` False: a dialog, which Qt places over its parent and
    within the screen when it shows)."""
    room = available(widget)
    frame = widget.frameGeometry().size() - widget.size()  # the title bar and borders, once shown
    size = preferred.boundedTo(room.size() - frame)
    widget.resize(size)
    if not move:
        return
    size = widget.frameGeometry().size()
    geo = widget.frameGeometry()
    left = min(max(geo.left(), room.left()), room.right() - size.width() + 1)
    top = min(max(geo.top(), room.top()), room.bottom() - size.height() + 1)
    widget.move(left, top)
