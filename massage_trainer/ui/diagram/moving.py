"""A frame of the view's move from one step's framing to the next, drawn from two pictures.

Drawing the body anew takes tens of milliseconds, too long for every frame of a move. So a move
shows the still picture it came from and the one it goes to (each drawn once), each scaled and
shifted to the framing of the moment, the new one fading in: the wider one underneath, so no
corner is ever empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform

from massage_trainer.core.body import framing

Still = tuple[QPixmap, framing.Box]
"""A picture of the still layers and the part of the body (cm) it shows."""


def _area(box: framing.Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def layers(old: Still | None, new: Still | None, e: float) -> list[tuple[Still, float]]:
    """(picture, opacity) bottom first, `e` of the way (eased) from old to new."""
    if old is None or new is None:
        only = new or old
        return [(only, 1.0)] if only is not None else []
    if _area(new[1]) > _area(old[1]):  # zooming out: the new, wider picture underneath
        return [(new, 1.0), (old, 1.0 - e)]
    return [(old, 1.0), (new, e)]


def paint_move(  # noqa: PLR0917
    p: QPainter,
    rect: QRectF,
    background: QColor,
    now: QTransform,
    old: Still | None,
    new: Still | None,
    e: float,
    to_px: Callable[[framing.Box], QTransform],
) -> None:
    """Fill `rect`, then each picture mapped from its own framing (`to_px(frame)`, body cm to
    pixels) to the framing of the moment (`now`)."""
    p.fillRect(rect, background)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    for (pm, frame), opacity in layers(old, new, e):
        inv, _ok = to_px(frame).inverted()
        p.setTransform(inv * now)
        p.setOpacity(opacity)
        p.drawPixmap(QPointF(0, 0), pm)
