"""The prone back as drawn: silhouette, skin, muscles, shoulder blades, spine, head, and the
path helpers every body painter shares. All geometry comes from assets/body/ (cubic Beziers in
body centimetres); this module only decides how it looks. The other poses draw this same back
through their own transform (`pose_paint`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

from massage_trainer.core.body.geometry import Body, Curve, Zone
from massage_trainer.ui.base.themes import Theme

_PATHS: dict[tuple[int, str], QPainterPath] = {}


def curve_path(curve: Curve) -> QPainterPath:
    p = QPainterPath(QPointF(*curve.start))
    for c1, c2, end in curve.segments:
        p.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
    if curve.closed:
        p.closeSubpath()
    return p


def shape_path(body: Body, name: str) -> QPainterPath:
    """All curves of a named shape as one path (cached per body)."""
    key = (id(body), name)
    path = _PATHS.get(key)
    if path is None:
        path = QPainterPath()
        for c in body.shape(name):
            path.addPath(curve_path(c))
        _PATHS[key] = path
    return path


def outline_path(body: Body, names: tuple[str, ...]) -> QPainterPath:
    """The union of named shapes (the body's outline for its shadow and fade), cached per body:
    the union of curved paths takes a while, and a handout draws the body once per step."""
    key = (id(body), "+".join(names))
    path = _PATHS.get(key)
    if path is None:
        path = shape_path(body, names[0])
        for name in names[1:]:
            path = path.united(shape_path(body, name))
        _PATHS[key] = path
    return path


def zone_path(zone: Zone) -> QPainterPath:
    key = (id(zone), "zone")
    path = _PATHS.get(key)
    if path is None:
        path = QPainterPath(QPointF(*zone.polygon[0]))
        for pt in zone.polygon[1:]:
            path.lineTo(QPointF(*pt))
        path.closeSubpath()
        _PATHS[key] = path
    return path


def soft_line(
    painter: QPainter, path: QPainterPath, color: QColor, width: float, passes: int = 3
) -> None:
    """A blurred-looking line: a few widening strokes of falling opacity."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for i in range(passes, 0, -1):
        c = QColor(color)
        c.setAlpha(int(color.alpha() / (i + 0.5)))
        painter.setPen(
            QPen(c, width * i / passes * 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        painter.drawPath(path)


SHADOW_REACH = 1.6
"""Centimetres the body's shadow reaches beyond its outline (it falls 0.5 right, 0.9 down)."""
_BLUR = 3
"""The shadow is blurred over this many pixels each side of a small picture (see shadow)."""


def _box_blur(img: QImage, r: int) -> QImage:
    """`img` averaged over 2r+1 pixels across, then down (copies added up, each a share)."""
    for dx, dy in ((1, 0), (0, 1)):
        out = QImage(img.size(), QImage.Format.Format_ARGB32_Premultiplied)
        out.fill(Qt.GlobalColor.transparent)
        p = QPainter(out)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        p.setOpacity(1.0 / (2 * r + 1))
        for i in range(-r, r + 1):
            p.drawImage(i * dx, i * dy, img)
        p.end()
        img = out
    return img


def shadow(painter: QPainter, path: QPainterPath, th: Theme) -> None:
    """A soft drop shadow under `path`: the shape, grown by half the reach, drawn into a small
    picture (a pixel is a sixth of the reach), blurred there and scaled up smoothly, so it fades
    evenly from under the outline to SHADOW_REACH beyond it at any zoom (no stripes, no edge)."""
    to_px = painter.combinedTransform()
    px = math.hypot(to_px.m11(), to_px.m12())  # painter pixels per centimetre
    k = max(1.0, SHADOW_REACH * px / (2 * _BLUR))  # the small picture's pixel, in painter pixels
    shape = path.translated(0.5, 0.9)
    pad = SHADOW_REACH * px + 3 * k
    box = to_px.map(shape).boundingRect().adjusted(-pad, -pad, pad, pad)
    small = QImage(
        max(1, math.ceil(box.width() / k)),
        max(1, math.ceil(box.height() / k)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    small.fill(Qt.GlobalColor.transparent)
    p = QPainter(small)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(1 / k, 1 / k)
    p.translate(-box.left(), -box.top())
    p.setTransform(to_px, True)
    dark = QColor(0, 0, 0, min(255, round(62 * th.shadow_alpha / 70)))
    p.setPen(QPen(dark, SHADOW_REACH))  # half the reach beyond the outline, then the blur
    p.setBrush(dark)
    p.drawPath(shape)
    p.end()
    soft = _box_blur(small, _BLUR)
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(QRectF(box.left(), box.top(), soft.width() * k, soft.height() * k), soft)
    painter.restore()


def skin_fill(painter: QPainter, path: QPainterPath, th: Theme, x0: float, x1: float) -> None:
    """Skin with a rounded look: light down the middle of the shape, shaded at its sides."""
    g = QLinearGradient(x0, 0, x1, 0)
    g.setColorAt(0.0, th.c("skin_shade"))
    g.setColorAt(0.16, th.c("skin"))
    g.setColorAt(0.5, th.c("skin_light"))
    g.setColorAt(0.84, th.c("skin"))
    g.setColorAt(1.0, th.c("skin_shade"))
    painter.setBrush(QBrush(g))
    painter.setPen(QPen(th.c("outline", 200), 0.22))
    painter.drawPath(path)


def _fade_bottom(painter: QPainter, clip: QPainterPath, th: Theme, y0: float, y1: float) -> None:
    """The body continues below the picture: fade it into the background instead of a hard cut."""
    painter.save()
    painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    g = QLinearGradient(0, y0, 0, y1)
    bg = th.c("background2")
    g.setColorAt(0.0, QColor(bg.red(), bg.green(), bg.blue(), 0))
    g.setColorAt(1.0, bg)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(g))
    painter.drawRect(QRectF(-40, y0, 80, y1 - y0 + 2))
    painter.restore()


def _head(painter: QPainter, body: Body, th: Theme) -> None:
    head = shape_path(body, "head")
    skin_fill(painter, head, th, -8, 8)
    painter.setPen(QPen(th.c("outline", 200), 0.2))
    painter.setBrush(th.c("skin"))
    painter.drawPath(shape_path(body, "ear"))
    hair = shape_path(body, "hair")
    g = QRadialGradient(QPointF(-2.0, 6.0), 12.0)
    g.setColorAt(0.0, th.c("hair_light"))
    g.setColorAt(1.0, th.c("hair"))
    painter.setBrush(QBrush(g))
    painter.setPen(QPen(th.c("hair"), 0.15))
    painter.drawPath(hair)
    # strands radiating from the crown (the whorl) so the hair reads as hair, not a cap
    painter.save()
    painter.setClipPath(hair, Qt.ClipOperation.IntersectClip)
    crown = QPointF(1.2, 7.0)
    strand = th.c("hair_light", 150)
    painter.setPen(QPen(strand, 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for i in range(26):
        a = 2 * math.pi * i / 26
        end = QPointF(crown.x() + 13 * math.cos(a), crown.y() + 13 * math.sin(a))
        ctrl = QPointF(crown.x() + 6 * math.cos(a + 0.5), crown.y() + 6 * math.sin(a + 0.5))
        s = QPainterPath(crown)
        s.quadTo(ctrl, end)
        painter.drawPath(s)
    painter.restore()


def _spine(painter: QPainter, body: Body, th: Theme) -> None:
    levels = body.levels
    top, bottom = levels.get("C7", 28.0), levels.get("L4", 76.5) + 4.0
    groove = QPainterPath(QPointF(0, top))
    groove.lineTo(0, bottom)
    soft_line(painter, groove, th.c("skin_shade", 150), 1.4)
    for name, y in body.vertebrae:
        rx, ry = (0.85, 0.55) if name.startswith("L") else (0.7, 0.5)
        if name == "C7":
            rx, ry = 1.0, 0.7
        painter.setPen(QPen(th.c("landmark", 170), 0.12))
        painter.setBrush(th.c("bone", 230))
        painter.drawEllipse(QPointF(0, y), rx, ry)


def paint_back(painter: QPainter, body: Body, th: Theme, *, arms: bool, fade: bool) -> None:
    """The prone back in body centimetres (the painter already maps them): shadow, arms when
    wanted, skin, muscles, shoulder blades, sacrum, spine, and the head. Other poses draw this
    same back through their transform."""
    torso = shape_path(body, "torso")
    shadow(painter, outline_path(body, ("torso", "arm", "head") if arms else ("torso", "head")), th)
    for c in body.shape("arm") if arms else ():
        xs = [p[0] for p in c.points()]
        skin_fill(painter, curve_path(c), th, min(xs), max(xs))
    skin_fill(painter, torso, th, -19.0, 19.0)
    painter.save()
    painter.setClipPath(torso, Qt.ClipOperation.IntersectClip)
    # the broad muscles beside the spine catch the light; the groove between them stays darker
    soft_line(painter, shape_path(body, "erector"), th.c("skin_light", 120), 2.2)
    for name, col, w in (
        ("trapezius-lower", th.c("skin_shade", 80), 0.5),
        ("rib-edge", th.c("skin_shade", 110), 0.55),
        ("waist-fold", th.c("skin_shade", 120), 0.5),
        ("pelvic-crest", th.c("skin_shade", 150), 0.6),
        ("buttock", th.c("skin_shade", 160), 0.7),
    ):
        soft_line(painter, shape_path(body, name), col, w)
    # shoulder blades: a raised plate, lit from the top, shaded along its lower inner edge
    scap = shape_path(body, "scapula")
    g = QLinearGradient(0, 33, 0, 49)
    g.setColorAt(0.0, th.c("skin_light", 170))
    g.setColorAt(1.0, th.c("skin_shade", 90))
    painter.setBrush(QBrush(g))
    painter.setPen(QPen(th.c("skin_shade", 150), 0.25))
    painter.drawPath(scap)
    soft_line(painter, shape_path(body, "scapula-spine"), th.c("skin_light", 190), 0.45, 2)
    painter.setPen(QPen(th.c("skin_shade", 120), 0.18))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(shape_path(body, "scapula-spine").translated(0.15, 0.45))
    # sacrum: a flat bony triangle, and the two dimples at S2
    painter.setPen(QPen(th.c("skin_shade", 140), 0.2))
    painter.setBrush(th.c("skin_light", 120))
    painter.drawPath(shape_path(body, "sacrum"))
    dx, dy = body.landmarks.get("psis-right", (4.3, 84.5))
    for sx in (-1, 1):
        dg = QRadialGradient(QPointF(sx * dx, dy), 0.9)
        dg.setColorAt(0.0, th.c("skin_shade", 200))
        dg.setColorAt(1.0, th.c("skin_shade", 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(dg))
        painter.drawEllipse(QPointF(sx * dx, dy), 0.9, 0.9)
    soft_line(painter, shape_path(body, "cleft"), th.c("skin_shade", 200), 0.5)
    _spine(painter, body, th)
    painter.restore()
    soft_line(painter, shape_path(body, "trapezius"), th.c("skin_shade", 90), 0.4, 2)
    if fade:
        _fade_bottom(
            painter,
            outline_path(body, ("torso", "arm")),
            th,
            body.extent[3] - 9.0,
            body.extent[3] + 0.5,
        )
    _head(painter, body, th)
