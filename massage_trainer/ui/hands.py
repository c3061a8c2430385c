"""Hand glyphs seen from above, with the touching part filled, drawn at a motion.HandPose.

Glyphs are built once in hand-local centimetres (palm centre at the origin, fingers toward -y,
a LEFT hand palm-down, so its thumb is on +x) and cached; the right hand is the mirror image.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
    QTransform,
)

from massage_trainer.core.motion import HandPose
from massage_trainer.core.vocab import Contact
from massage_trainer.ui.themes import Theme

# (base x, base y, length, width, tilt degrees) of index, middle, ring, little finger (left hand)
_FINGERS = (
    (2.85, -4.3, 7.0, 1.85, -5.0),
    (0.95, -4.7, 7.8, 1.9, -1.0),
    (-0.95, -4.5, 7.3, 1.8, 3.5),
    (-2.75, -3.9, 5.9, 1.6, 9.0),
)
_THUMB = (3.3, 2.2, 5.6, 2.5, 36.0)


@dataclass(frozen=True)
class Glyph:
    outline: QPainterPath
    contact: QPainterPath
    hollow: QPainterPath | None
    anchor: QPointF
    """The hand-local point that touches the skin: placed at HandPose (x, y)."""
    detail: QPainterPath
    """Lines between the fingers and knuckles, drawn thin."""
    forearm: QPainterPath
    """The wrist and forearm stub, drawn fading out (shows where the caregiver's arm comes from)."""


def _capsule(base: QPointF, length: float, width: float, tilt: float) -> QPainterPath:
    p = QPainterPath()
    p.addRoundedRect(QRectF(-width / 2, -length, width, length + width / 2), width / 2, width / 2)
    t = QTransform()
    t.translate(base.x(), base.y())
    t.rotate(tilt)
    return t.map(p)


def _tip(base: QPointF, length: float, tilt: float, back: float) -> QPointF:
    a = math.radians(tilt)
    d = length - back
    return QPointF(base.x() + math.sin(a) * d, base.y() - math.cos(a) * d)


def _palm() -> QPainterPath:
    p = QPainterPath()
    p.moveTo(-3.6, 5.2)
    p.cubicTo(-4.6, 2.0, -4.4, -2.5, -3.9, -4.2)
    p.cubicTo(-2.0, -5.6, 2.5, -5.6, 3.9, -4.6)
    p.cubicTo(4.6, -1.5, 4.6, 2.0, 3.3, 5.2)
    p.cubicTo(1.0, 6.0, -1.6, 6.0, -3.6, 5.2)
    p.closeSubpath()
    return p


def _forearm() -> QPainterPath:
    p = QPainterPath()
    p.moveTo(-3.0, 4.0)
    p.cubicTo(-3.0, 7.0, -3.4, 10.0, -3.7, 14.0)
    p.lineTo(3.7, 14.0)
    p.cubicTo(3.4, 10.0, 3.0, 7.0, 2.9, 4.0)
    p.closeSubpath()
    return p


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    p = QPainterPath()
    p.addEllipse(QPointF(cx, cy), rx, ry)
    return p


def _flat_hand(
    curl: float = 1.0, thumb_tilt: float = _THUMB[4]
) -> tuple[QPainterPath, list[QPointF], QPointF, QPainterPath]:
    """Palm, fingers (shortened by `curl`), thumb; returns outline, finger tips, thumb tip, details."""
    palm = _palm()
    shape = QPainterPath(palm)
    tips = []
    detail = QPainterPath()
    for bx, by, ln, w, tilt in _FINGERS:
        base = QPointF(bx, by)
        finger = _capsule(base, ln * curl, w, tilt)
        shape = shape.united(finger)
        detail.addPath(finger.subtracted(palm))
        tips.append(_tip(base, ln * curl, tilt, w * 0.55))
    tb = QPointF(_THUMB[0], _THUMB[1])
    thumb = _capsule(tb, _THUMB[2], _THUMB[3], thumb_tilt)
    shape = shape.united(thumb)
    detail.addPath(thumb.subtracted(palm))
    thumb_tip = _tip(tb, _THUMB[2], thumb_tilt, _THUMB[3] * 0.55)
    return shape.simplified(), tips, thumb_tip, detail


def _edge_hand() -> Glyph:
    """A hand standing on its little-finger edge: seen from above it is a narrow profile."""
    p = QPainterPath()
    p.moveTo(-1.3, 12.0)
    p.cubicTo(-1.5, 8.0, -1.9, 4.0, -1.8, 0.0)
    p.cubicTo(-1.7, -5.0, -1.3, -9.0, -0.7, -12.3)
    p.cubicTo(-0.3, -13.3, 0.5, -13.3, 0.8, -12.3)
    p.cubicTo(1.3, -9.0, 1.6, -5.0, 1.7, -1.0)
    p.cubicTo(3.6, -0.3, 4.2, 2.5, 2.2, 3.6)  # the thumb resting on top
    p.cubicTo(1.9, 7.0, 1.6, 9.0, 1.4, 12.0)
    p.closeSubpath()
    contact = QPainterPath()
    contact.addRoundedRect(QRectF(-0.55, -12.0, 1.1, 16.5), 0.55, 0.55)
    detail = QPainterPath()
    for y in (-8.4, -5.2):
        detail.moveTo(-1.5, y)
        detail.lineTo(1.4, y - 0.3)
    arm = QPainterPath()
    arm.addRoundedRect(QRectF(-1.6, 11.0, 3.2, 8.0), 1.2, 1.2)
    return Glyph(p, contact, None, QPointF(0.0, -2.0), detail, arm)


@cache
def glyph(contact: Contact) -> Glyph:
    """The left-hand glyph for one kind of contact."""
    if contact is Contact.PALM_EDGE:
        return _edge_hand()
    if contact is Contact.CUPPED_PALM:
        shape, tips, thumb, detail = _flat_hand(curl=0.72, thumb_tilt=18.0)
        hollow = _ellipse(0.0, -1.6, 2.6, 3.4)
        rim = _ellipse(0.0, -1.6, 4.0, 5.2).subtracted(hollow)
        return Glyph(shape, rim.intersected(shape), hollow, QPointF(0.0, -1.6), detail, _forearm())
    if contact is Contact.GRIP:
        shape, tips, thumb, detail = _flat_hand(curl=0.55, thumb_tilt=8.0)
        pads = QPainterPath()
        for tp in tips:
            pads.addEllipse(tp, 0.9, 0.8)
        pads.addEllipse(thumb, 1.1, 1.0)
        fold = _ellipse((tips[0].x() + thumb.x()) / 2, (tips[1].y() + thumb.y()) / 2, 2.2, 1.2)
        anchor = QPointF((tips[1].x() + thumb.x()) / 2, (tips[1].y() + thumb.y()) / 2)
        return Glyph(shape, pads.united(fold), None, anchor, detail, _forearm())
    shape, tips, thumb, detail = _flat_hand()
    if contact is Contact.PALM:
        return Glyph(shape, _palm(), None, QPointF(0.0, 0.0), detail, _forearm())
    if contact is Contact.PALM_HEEL:
        return Glyph(
            shape, _ellipse(0.0, 3.3, 3.3, 1.9), None, QPointF(0.0, 3.3), detail, _forearm()
        )
    if contact is Contact.THUMBS:
        return Glyph(
            shape, _ellipse(thumb.x(), thumb.y(), 1.15, 1.35), None, thumb, detail, _forearm()
        )
    pads = QPainterPath()
    r = 0.55 if contact is Contact.FINGERTIPS else 0.85
    back = 0.35 if contact is Contact.FINGERTIPS else 0.9
    for (bx, by, ln, w, tilt), _tp in zip(_FINGERS, tips, strict=True):
        tip = _tip(QPointF(bx, by), ln, tilt, back)
        pads.addEllipse(tip, r * w / 1.8, r * 1.25)
    mid = _tip(QPointF(_FINGERS[1][0], _FINGERS[1][1]), _FINGERS[1][2], _FINGERS[1][4], back + 1.0)
    return Glyph(shape, pads, None, mid, detail, _forearm())


def draw_hand(
    painter: QPainter,
    pose: HandPose,
    right: bool,
    *,
    theme: Theme,
    level: int,
    to_px: QTransform,
    scale: float = 0.92,
) -> None:
    """Draw one hand (shadow, pressure dent, translucent hand, touching part) at its pose.

    `to_px` maps body centimetres to device pixels; `level` is Pressure.level (1..3)."""
    g = glyph(pose.contact)
    lift = pose.lift
    k = scale * (1.0 + 0.14 * lift)
    local = QTransform()
    local.translate(pose.x, pose.y)
    local.rotate(pose.angle_deg)
    local.scale(-k if right else k, k)
    local.translate(-g.anchor.x(), -g.anchor.y())
    m = local * to_px
    touch = max(0.0, 1.0 - lift * 1.6)
    press_col = QColor(theme.pressure[max(0, min(2, level - 1))])

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # pressure dent on the skin: a soft coloured halo, wider and deeper with pressure
    if touch > 0.05 and pose.pressure > 0.01:
        centre = to_px.map(QPointF(pose.x, pose.y))
        r = to_px.m11() * (2.2 + 2.8 * pose.pressure)
        grad = QRadialGradient(centre, r)
        c0 = QColor(press_col)
        c0.setAlpha(int(190 * touch * (0.45 + 0.55 * pose.pressure)))
        c1 = QColor(press_col)
        c1.setAlpha(0)
        grad.setColorAt(0.0, c0)
        grad.setColorAt(1.0, c1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(grad))
        painter.drawEllipse(centre, r, r)
    # shadow: tight and dark when pressing, far and faint when lifted
    off = (0.35 + 0.5 * (1 - pose.pressure) + 3.2 * lift) * to_px.m11()
    shadow = QColor(0, 0, 0, int(theme.shadow_alpha * (1.0 - 0.55 * lift)))
    painter.setTransform(m * QTransform.fromTranslate(off * 0.6, off))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(shadow)
    painter.drawPath(g.outline)
    painter.setTransform(m)
    fade = QLinearGradient(0, 4.0, 0, 14.0)
    c0 = QColor(theme.hand)
    c0.setAlpha(150)
    c1 = QColor(theme.hand)
    c1.setAlpha(0)
    fade.setColorAt(0.0, c0)
    fade.setColorAt(1.0, c1)
    painter.setBrush(QBrush(fade))
    painter.drawPath(g.forearm)
    # the hand itself, semi-transparent so the zone shows through
    painter.setTransform(m)
    fill = QColor(theme.hand)
    fill.setAlpha(185)
    line_w = 1.6 / max(0.01, m.m11() ** 2 + m.m12() ** 2) ** 0.5 * max(1.0, to_px.m11() / 8)
    painter.setPen(QPen(QColor(theme.hand_line), line_w))
    painter.setBrush(fill)
    painter.drawPath(g.outline)
    if g.hollow is not None:
        painter.setBrush(QColor(0, 0, 0, 60))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(g.hollow)
    detail = QColor(theme.hand_line)
    detail.setAlpha(150)
    painter.setPen(QPen(detail, line_w * 0.7))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(g.detail)
    # the touching part, in the pressure colour
    col = QColor(press_col)
    col.setAlpha(int(235 * (0.25 + 0.75 * touch)))
    painter.setPen(QPen(QColor(theme.hand_line), line_w * 0.8))
    painter.setBrush(col)
    painter.drawPath(g.contact)
    painter.restore()
