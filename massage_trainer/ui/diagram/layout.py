"""Where the diagram goes in a rectangle: the body's frame, the caption's room and the
centimetres-to-pixels transform that every painter of the diagram shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from massage_trainer.core.body.geometry import Body


@dataclass(frozen=True)
class Layout:
    rect: QRectF
    body_rect: QRectF
    caption_rect: QRectF | None
    to_px: QTransform
    """Body centimetres -> painter (logical pixel) coordinates."""

    @property
    def scale(self) -> float:
        return self.to_px.m11()

    def to_cm(self, p: QPointF) -> tuple[float, float]:
        inv, _ok = self.to_px.inverted()
        q = inv.map(p)
        return q.x(), q.y()


def compute_layout(rect: QRectF, body: Body, caption: bool) -> Layout:
    """Where the body and the caption go: caption on the left of a wide picture, on top of a tall one."""
    cap: QRectF | None = None
    area = QRectF(rect)
    if caption:
        if rect.width() >= rect.height() * 1.1:
            w = rect.width() * 0.42
            cap = QRectF(rect.left(), rect.top(), w, rect.height())
            area = QRectF(rect.left() + w, rect.top(), rect.width() - w, rect.height())
        else:
            h = rect.height() * 0.26
            cap = QRectF(rect.left(), rect.top(), rect.width(), h)
            area = QRectF(rect.left(), rect.top() + h, rect.width(), rect.height() - h)
    x0, y0, x1, y1 = body.extent
    margin = 0.03 * min(area.width(), area.height())
    s = min((area.width() - 2 * margin) / (x1 - x0), (area.height() - 2 * margin) / (y1 - y0))
    s = max(s, 0.01)
    cx = area.center().x() - s * (x0 + x1) / 2
    cy = area.center().y() - s * (y0 + y1) / 2
    to_px = QTransform(s, 0, 0, s, cx, cy)
    return Layout(QRectF(rect), area, cap, to_px)
