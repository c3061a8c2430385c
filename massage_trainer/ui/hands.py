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
    QImage,
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


_SPRITES: dict[tuple[object, ...], tuple[QImage, QRectF]] = {}
_LIFT_STEPS = 6
_PRESS_STEPS = 4


def _sprite(  # noqa: PLR0917 (a cache key, all positional on purpose)
    contact: Contact, theme: Theme, level: int, px: float, lift_q: int, press_q: int, right: bool
) -> tuple[QImage, QRectF]:
    """One hand with its shadow, pressure dent and touching part, pre-drawn in hand-local
    centimetres at `px` pixels per cm for a quantised lift and pressure (cached): a frame then
    draws each hand as a single image instead of many antialiased paths."""
    key = (contact, theme.name, level, round(px, 2), lift_q, press_q, right)
    hit = _SPRITES.get(key)
    if hit is not None:
        return hit
    g = glyph(contact)
    lift = lift_q / _LIFT_STEPS
    pressure = press_q / _PRESS_STEPS
    touch = max(0.0, 1.0 - lift * 1.6)
    off = 0.35 + 0.5 * (1 - pressure) + 3.2 * lift
    bounds = (
        g.outline.boundingRect().united(g.forearm.boundingRect()).adjusted(-6.0, -6.0, 6.0, 6.0)
    )
    w, h = max(1, math.ceil(bounds.width() * px)), max(1, math.ceil(bounds.height() * px))
    line_w = max(1.3, px / 7.0) / px
    press_col = QColor(theme.pressure[max(0, min(2, level - 1))])
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(px, px)
    p.translate(-bounds.left(), -bounds.top())
    if (
        touch > 0.05 and pressure > 0.01
    ):  # the skin gives way: a soft halo, wider and deeper with pressure
        r = 2.2 + 2.8 * pressure
        grad = QRadialGradient(g.anchor, r)
        c0 = QColor(press_col)
        c0.setAlpha(int(190 * touch * (0.45 + 0.55 * pressure)))
        c1 = QColor(press_col)
        c1.setAlpha(0)
        grad.setColorAt(0.0, c0)
        grad.setColorAt(1.0, c1)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(grad))
        p.drawEllipse(g.anchor, r, r)
    # shadow: tight and dark when pressing, far and faint when lifted
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, int(theme.shadow_alpha * (1.0 - 0.55 * lift))))
    p.drawPath(g.outline.translated(off * 0.6, off))
    fade = QLinearGradient(0, 4.0, 0, 14.0)
    c0 = QColor(theme.hand)
    c0.setAlpha(150)
    c1 = QColor(theme.hand)
    c1.setAlpha(0)
    fade.setColorAt(0.0, c0)
    fade.setColorAt(1.0, c1)
    p.setBrush(QBrush(fade))
    p.drawPath(g.forearm)
    fill = QColor(theme.hand)
    fill.setAlpha(190)
    p.setPen(QPen(QColor(theme.hand_line), line_w))
    p.setBrush(fill)
    p.drawPath(g.outline)
    if g.hollow is not None:
        p.setBrush(QColor(0, 0, 0, 60))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPath(g.hollow)
    detail = QColor(theme.hand_line)
    detail.setAlpha(150)
    p.setPen(QPen(detail, line_w * 0.7))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(g.detail)
    p.setOpacity(0.92 * (0.25 + 0.75 * touch))
    p.setPen(QPen(QColor(theme.hand_line), line_w * 0.8))
    p.setBrush(press_col)
    p.drawPath(g.contact)
    p.end()
    if len(_SPRITES) > 160:
        _SPRITES.clear()
    _SPRITES[key] = (img, bounds)
    return img, bounds


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

    `to_px` maps body centimetres to painter coordinates; `level` is Pressure.level (1..3)."""
    g = glyph(pose.contact)
    lift_q = round(pose.lift * _LIFT_STEPS)
    k = scale * (1.0 + 0.14 * lift_q / _LIFT_STEPS)
    dev = painter.device()
    dpr = float(dev.devicePixelRatioF()) if dev is not None else 1.0
    px = k * to_px.m11() * dpr
    img, bounds = _sprite(
        pose.contact, theme, level, px, lift_q, round(pose.pressure * _PRESS_STEPS), right
    )
    # sprite pixel of the anchor (mirrored for the right hand)
    ax = (g.anchor.x() - bounds.left()) * px
    if right:
        ax = img.width() - ax
    ay = (g.anchor.y() - bounds.top()) * px
    at = to_px.map(QPointF(pose.x, pose.y))
    painter.save()
    t = QTransform(painter.transform())
    if abs(pose.angle_deg % 360.0) < 1e-6 and t.isAffine() and t.m12() == 0 and t.m21() == 0:
        # upright hand: a plain blit at whole device pixels (fast path)
        dev_at = t.map(at)
        painter.resetTransform()
        painter.scale(1 / dpr, 1 / dpr)
        painter.drawImage(QPointF(round(dev_at.x() * dpr - ax), round(dev_at.y() * dpr - ay)), img)
    else:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.translate(at)
        painter.rotate(pose.angle_deg)
        painter.scale(1 / dpr, 1 / dpr)
        painter.drawImage(QPointF(-ax, -ay), img)
    painter.restore()
