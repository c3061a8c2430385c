"""The poses other than prone: the furniture (mattress and pillows, or table and stool), the
limbs the pose shows, and the prone back drawn through the pose's transform, so every pose has
the same careful back. Shapes come from the pose's file in assets/body/ (page centimetres).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen, QTransform

from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram.back_paint import (
    paint_back,
    shadow,
    shape_path,
    skin_fill,
    soft_line,
)

_DRAW = {
    "furniture": ("mattress", "table", "table-front", "stool"),
    "cloth": ("pillow",),
    "limbs": (),
    "cloth-front": (),
}
"""The order of a scene, behind the receiver's back first; a pose's "draw" in its file says which
of its shapes go in each layer."""


_WOOD = "#9a7550"
"""Table and stool: a plain wood brown, mixed into each theme's background."""


def _mix(a: QColor, b: QColor, t: float, alpha: int = 255) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
        alpha,
    )


def _furniture(painter: QPainter, body: Body, th: Theme, name: str) -> None:
    path = shape_path(body, name)
    if path.isEmpty():
        return
    r = path.boundingRect()
    g = QLinearGradient(r.topLeft(), r.bottomLeft())
    wood = name in ("table", "table-front", "stool")
    base = (
        _mix(th.c("background2"), QColor(_WOOD), 0.5)
        if wood
        else _mix(th.c("background2"), th.c("text"), 0.12)
    )
    g.setColorAt(0.0, _mix(base, th.c("background"), 0.35))
    g.setColorAt(1.0, base)
    painter.setBrush(QBrush(g))
    painter.setPen(QPen(_mix(base, th.c("text"), 0.45, 200), 0.3))
    painter.drawPath(path)
    edge = shape_path(body, f"{name}-edge")
    if not edge.isEmpty():
        soft_line(painter, edge, _mix(base, th.c("text"), 0.5, 150), 0.5, 2)


def _cloth(painter: QPainter, body: Body, th: Theme, name: str) -> None:
    path = shape_path(body, name)
    if path.isEmpty():
        return
    r = path.boundingRect()
    g = QLinearGradient(r.topLeft(), r.bottomLeft())
    light = _mix(th.c("background"), QColor("white"), 0.6)
    g.setColorAt(0.0, light)
    g.setColorAt(1.0, _mix(light, th.c("text"), 0.18))
    painter.setBrush(QBrush(g))
    painter.setPen(QPen(_mix(light, th.c("text"), 0.4, 200), 0.25))
    painter.drawPath(path)


def _limb(painter: QPainter, body: Body, th: Theme, name: str) -> None:
    path = shape_path(body, name)
    if path.isEmpty():
        return
    r = path.boundingRect()
    horizontal = r.width() > r.height()
    if horizontal:
        painter.save()
        # shade across the limb: turn the page so skin_fill's sideways gradient runs top to bottom
        g = QLinearGradient(QPointF(0, r.top()), QPointF(0, r.bottom()))
        g.setColorAt(0.0, th.c("skin_shade"))
        g.setColorAt(0.2, th.c("skin"))
        g.setColorAt(0.5, th.c("skin_light"))
        g.setColorAt(0.85, th.c("skin"))
        g.setColorAt(1.0, th.c("skin_shade"))
        painter.setBrush(QBrush(g))
        painter.setPen(QPen(th.c("outline", 200), 0.22))
        painter.drawPath(path)
        painter.restore()
    else:
        skin_fill(painter, path, th, r.left(), r.right())
    fold = shape_path(body, f"{name}-fold")
    if not fold.isEmpty():
        soft_line(painter, fold, th.c("skin_shade", 170), 0.5)


def _layer(body: Body, name: str) -> tuple[str, ...]:
    draw = body.raw.get("draw", {})
    return tuple(draw.get(name, _DRAW[name]))


def paint_pose(painter: QPainter, body: Body, th: Theme) -> None:
    """The scene of a pose in page centimetres (the painter already maps them to pixels)."""
    for name in _layer(body, "furniture"):
        _furniture(painter, body, th, name)
    for name in _layer(body, "cloth"):
        _cloth(painter, body, th, name)
    limbs = QPainterPath()
    for name in _layer(body, "limbs"):
        limbs.addPath(shape_path(body, name))
    shadow(painter, limbs, th)
    for name in _layer(body, "limbs"):
        if name in _layer(body, "cloth-front"):
            _cloth(painter, body, th, name)
        else:
            _limb(painter, body, th, name)
    a, b, c, d, e, f = body.back_transform or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    painter.save()
    clip = shape_path(body, "back-clip")
    if not clip.isEmpty():
        painter.setClipPath(clip)
    painter.setTransform(QTransform(a, b, c, d, e, f), True)
    paint_back(
        painter, load_body(str(body.raw.get("back_body", "prone"))), th, arms=False, fade=False
    )
    painter.restore()
    end = shape_path(body, "back-end")
    if not end.isEmpty():
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(th.c("outline", 200), 0.22))
        painter.drawPath(end)
