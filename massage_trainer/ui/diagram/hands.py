"""The caregiver's hands seen from above, drawn at a motion.HandPose as cached sprites.

The proportions come from core.hand_shape (the same footprint motion keeps off the spine). Each
sprite is a hand with its shadow, already turned, mirrored and scaled: a frame only blits two
images at whole device pixels. Paths live in hand_paths.py; this module paints and caches.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import NamedTuple

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

from massage_trainer.core.body import hand_shape
from massage_trainer.core.body.motion import HandPose
from massage_trainer.core.protocol.vocab import Contact
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram.blit import blit, trimmed
from massage_trainer.ui.diagram.hand_paths import HandPaths, Part, hand_paths


@dataclass(frozen=True)
class HandStyle:
    """Colours of the caregiver's hands: warmer and darker than the receiver's skin."""

    fill: str
    light: str
    shade: str
    line: str
    nail: str
    crease: str
    touch: str
    """The touching part: a bright, colour-blind-safe accent."""
    touch_line: str
    line_px: float
    shadow: int


STYLES = {
    "light": HandStyle(
        "#c4875a", "#dba67e", "#9c6541", "#4a2612", "#efcdbb", "#7b4627", "#ffd21f", "#5a3a00",
        1.4, 95,
    ),
    "dark": HandStyle(
        "#b97c50", "#d49d73", "#8a5634", "#150a04", "#e9c4b0", "#5e321a", "#3fe0ff", "#000000",
        1.5, 150,
    ),
    "high-contrast": HandStyle(
        "#b5733f", "#cf935f", "#8a5228", "#000000", "#f0d0c0", "#3a1d0a", "#00e5ff", "#000000",
        2.6, 170,
    ),
}  # fmt: skip

LIFT_STEPS = 6
PRESS_STEPS = 4
ANGLE_STEP = 2.5
THUMB_STEP = 4.0
LIFT_GROW = 0.12
"""A lifted hand is drawn up to this much larger (closer to the viewer)."""


def style_of(theme: Theme) -> HandStyle:
    """The theme's hand colours; the touching part takes the theme's `touch` colour, the one
    the legend shows, so its meaning is the same in every window."""
    base = STYLES.get(theme.name, STYLES["light"])
    if base.touch == theme.touch and base.touch_line == theme.touch_line:
        return base
    return replace(base, touch=theme.touch, touch_line=theme.touch_line)


def _c(name: str, alpha: int | None = None) -> QColor:
    col = QColor(name)
    if alpha is not None:
        col.setAlpha(alpha)
    return col


class _Key(NamedTuple):
    """What a sprite looks like (a tuple: built and hashed for every hand of every frame)."""

    contact: Contact
    right: bool
    angle_q: int
    lift_q: int
    press_q: int
    thumb_q: int
    curl: float
    theme: str
    level: int
    px: float
    ripple: bool


_SPRITES: OrderedDict[_Key, tuple[QImage, QPointF]] = OrderedDict()
_LAST: dict[bool, tuple[HandPose, str, int, float, bool, tuple[QImage, QPointF]]] = {}
"""Per hand, the last pose asked for and its sprite: a view asks for the same pose twice a frame
(where to repaint, then the paint itself)."""
_MAX_SPRITES = 120
STATS = {"builds": 0}
"""How many sprites were drawn so far (tests check that frames reuse them)."""


def _local(key: _Key, hp: HandPaths, scale: float) -> QTransform:
    """Hand-local cm -> sprite pixels relative to the anchor (mirror, turn, scale)."""
    t = QTransform()
    t.scale(scale, scale)
    t.rotate(key.angle_q * ANGLE_STEP)
    t.scale(-1.0 if key.right else 1.0, 1.0)
    t.translate(-hp.anchor.x(), -hp.anchor.y())
    return t


def _blurred(
    shape: QPainterPath, to_px: QTransform, size: tuple[int, int], color: QColor, r: float
) -> QImage:
    """`shape` filled with `color` and softened by about r pixels (drawn small, scaled up)."""
    k = max(1.0, r / 1.5)
    w, h = max(1, math.ceil(size[0] / k)), max(1, math.ceil(size[1] / k))
    small = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    small.fill(Qt.GlobalColor.transparent)
    p = QPainter(small)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(1 / k, 1 / k)
    p.setTransform(to_px, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPath(shape)
    p.end()
    return small.scaled(
        size[0],
        size[1],
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _paint_fold(p: QPainter, hp: HandPaths, theme: Theme, st: HandStyle, lw: float) -> None:
    """The receiver's skin gathered into a fold (grip, pinch): a shaded ridge with a crest line."""
    if hp.fold is None:
        return
    grad = QLinearGradient(hp.fold_axis[0], hp.fold_axis[1])
    grad.setColorAt(0.0, theme.c("skin_shade").darker(115))
    grad.setColorAt(0.4, theme.c("skin_light"))
    grad.setColorAt(0.6, theme.c("skin"))
    grad.setColorAt(1.0, theme.c("skin_shade").darker(125))
    p.setPen(QPen(_c(st.crease, 220), lw * 0.9))
    p.setBrush(QBrush(grad))
    p.drawPath(hp.fold)
    p.setPen(
        QPen(QColor(255, 255, 255, 150), lw * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(hp.fold_crest)


def _paint_hand(p: QPainter, hp: HandPaths, st: HandStyle, lw: float) -> None:
    """Fingers, thumb, palm, nails, knuckles and creases, skin-toned with a dark outline."""
    outline = QPen(_c(st.line), lw, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)

    def digit(part: Part) -> None:
        grad = QLinearGradient(part.axis[0], part.axis[1])
        grad.setColorAt(0.0, _c(st.shade))
        grad.setColorAt(0.45, _c(st.light))
        grad.setColorAt(1.0, _c(st.fill))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(grad))
        p.drawPath(part.path)
        p.setPen(outline)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(part.edge)

    digit(hp.thumb)  # the thumb comes from under the palm's edge
    # the back of the hand: a gentle dome, lit from the top left
    g = QRadialGradient(hp.palm_light, hp.palm_radius)
    g.setColorAt(0.0, _c(st.light))
    g.setColorAt(0.7, _c(st.fill))
    g.setColorAt(1.0, _c(st.shade))
    p.setPen(outline)
    p.setBrush(QBrush(g))
    p.drawPath(hp.palm)
    for part in hp.fingers:  # fingers over the knuckle line, bases hidden in the palm
        digit(part)
    for part in hp.over:
        digit(part)
    p.setPen(QPen(_c(st.crease, 90), lw * 0.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(hp.tendons)
    for k in hp.knuckles:  # knuckle highlights where the fingers start
        kg = QRadialGradient(k, 0.75)
        kg.setColorAt(0.0, _c(st.light, 230))
        kg.setColorAt(1.0, _c(st.light, 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(kg))
        p.drawEllipse(k, 0.75, 0.6)
    p.setPen(QPen(_c(st.crease, 170), lw * 0.75, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(hp.creases)
    p.setPen(QPen(_c(st.crease, 200), lw * 0.6))
    p.setBrush(_c(st.nail))
    p.drawPath(hp.nails)


def _hand_layer(
    hp: HandPaths, st: HandStyle, lw: float, to_px: QTransform, size: tuple[int, int]
) -> QImage:
    """The hand alone, its wrist fading out (no cut-off glove cuff)."""
    img = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setTransform(to_px)
    _paint_hand(p, hp, st, lw)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    fade = QLinearGradient(QPointF(0, 3.4), QPointF(0, 5.3))
    fade.setColorAt(0.0, QColor(0, 0, 0, 255))
    fade.setColorAt(1.0, QColor(0, 0, 0, 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(fade))
    p.drawRect(hp.silhouette.boundingRect().adjusted(-2, -2, 2, 2))
    p.end()
    return img


def _build(key: _Key, theme: Theme) -> tuple[QImage, QPointF]:
    """Draw one sprite: dent, shadow, contact glow, fold, hand, touching part."""
    STATS["builds"] += 1
    st = style_of(theme)
    hp = hand_paths(key.contact, hand_shape.Shape(key.thumb_q * THUMB_STEP, key.curl))
    lift = key.lift_q / LIFT_STEPS
    pressure = key.press_q / PRESS_STEPS
    touch = max(0.0, 1.0 - lift * 1.8)
    scale = key.px * (1.0 + LIFT_GROW * lift)
    to_anchor = _local(key, hp, scale)
    # where everything lands, relative to the anchor: hand, fold, shadow offset, glow
    off = (0.22 + 0.3 * (1.0 - pressure) + 2.6 * lift) * key.px
    blur = (0.25 + 0.9 * lift) * key.px + 1.0
    box = to_anchor.mapRect(hp.silhouette.boundingRect().united(hp.fold_box))
    ring = (1.5 + 6.0 * lift) * key.px if key.ripple and lift < 0.35 else 0.0
    if ring:
        box = box.united(QRectF(-ring - 3, -ring - 3, 2 * ring + 6, 2 * ring + 6))
    pad = 0.9 * key.px + 2
    box = box.adjusted(-pad, -pad, off * 0.6 + blur + pad, off + blur + pad)
    w, h = max(1, math.ceil(box.width())), max(1, math.ceil(box.height()))
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    origin = QTransform.fromTranslate(-box.left(), -box.top())
    to_px = to_anchor * origin
    lw = st.line_px / scale
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if touch > 0.05 and pressure > 0.01:  # the skin gives way: a dent, deeper with pressure
        p.setTransform(to_px)
        r = 1.6 + 2.4 * pressure
        dent = QRadialGradient(hp.anchor, r)
        col = QColor(theme.pressure[max(0, min(2, key.level - 1))])
        col.setAlpha(int(150 * touch * (0.4 + 0.6 * pressure)))
        dent.setColorAt(0.0, col)
        col.setAlpha(0)
        dent.setColorAt(1.0, col)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(dent))
        p.drawEllipse(hp.anchor, r, r)
    p.resetTransform()
    if ring:  # a tap lands: a ripple spreads on the skin
        pen = QPen(theme.c("trail", int(220 * (1 - lift * 2.5))), max(1.5, 0.3 * key.px))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(-box.left(), -box.top()), ring, ring)
    alpha = int(st.shadow * (0.6 + 0.4 * pressure) * (1.0 - 0.45 * lift))
    shadow = _blurred(
        hp.silhouette,
        to_px * QTransform.fromTranslate(off * 0.6, off),
        (w, h),
        QColor(0, 0, 0, alpha),
        blur,
    )
    p.drawImage(0, 0, shadow)
    if touch > 0.05:  # a soft accent glow where the hand touches, peeking out round its edge
        glow = _blurred(
            hp.touch_glow, to_px, (w, h), _c(st.touch, int(235 * touch)), 0.35 * key.px + 1
        )
        p.drawImage(0, 0, glow)
    p.setTransform(to_px)
    _paint_fold(p, hp, theme, st, lw)
    p.resetTransform()
    p.drawImage(0, 0, _hand_layer(hp, st, lw, to_px, (w, h)))
    p.setTransform(to_px)
    p.setOpacity(0.35 + 0.6 * touch)
    big = hp.touch.boundingRect()
    p.setBrush(_c(st.touch, 100 if big.width() * big.height() > 12 else 225))
    p.setPen(QPen(_c(st.touch_line, 200), lw * 0.9))
    p.drawPath(hp.touch)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(_c(st.touch), lw * 1.6))
    p.drawPath(hp.touch)
    p.end()
    img, dx, dy = trimmed(img)  # the padding that stayed clear is neither copied nor repainted
    return img, QPointF(-box.left() - dx, -box.top() - dy)


def sprite(  # noqa: PLR0917
    pose: HandPose, right: bool, theme: Theme, level: int, px: float, ripple: bool = False
) -> tuple[QImage, QPointF]:
    """The cached sprite for a pose and where its anchor (the touching point) sits in it."""
    last = _LAST.get(right)
    if last is not None and last[0] is pose and last[1:5] == (theme.name, level, px, ripple):
        return last[5]
    key = _Key(
        pose.contact,
        right,
        round((pose.angle_deg % 360.0) / ANGLE_STEP) % round(360 / ANGLE_STEP),
        round(pose.lift * LIFT_STEPS),
        round(pose.pressure * PRESS_STEPS),
        round(pose.thumb_deg / THUMB_STEP),
        round(pose.curl, 2),
        theme.name,
        level,
        round(px, 2),
        ripple,
    )
    hit = _SPRITES.get(key)
    if hit is not None:
        _SPRITES.move_to_end(key)
    else:
        hit = _build(key, theme)
        _SPRITES[key] = hit
        while len(_SPRITES) > _MAX_SPRITES:
            _SPRITES.popitem(last=False)
    _LAST[right] = (pose, theme.name, level, px, ripple, hit)
    return hit


def placed(
    pose: HandPose,
    right: bool,
    *,
    theme: Theme,
    level: int,
    to_px: QTransform,
    dpr: float,
    ripple: bool = False,
) -> tuple[QImage, QRectF]:
    """The sprite draw_hand would blit for this pose and where (logical coordinates of an
    untransformed painter): a view repaints only that, and nothing when neither changed."""
    img, anchor = sprite(pose, right, theme, level, to_px.m11() * dpr, ripple)
    at = to_px.map(QPointF(pose.x, pose.y))
    x = round(at.x() * dpr - anchor.x())
    y = round(at.y() * dpr - anchor.y())
    return img, QRectF(x / dpr, y / dpr, img.width() / dpr, img.height() / dpr)


def draw_hand(
    painter: QPainter,
    pose: HandPose,
    right: bool,
    *,
    theme: Theme,
    level: int,
    to_px: QTransform,
    ripple: bool = False,
) -> QRectF:
    """Draw one hand at its pose (a single unscaled blit at whole device pixels); returns the
    painter-coordinate rectangle it covered. `to_px` maps body cm to painter coordinates."""
    t = painter.transform()
    dev = painter.device()
    dpr = float(dev.devicePixelRatioF()) if dev is not None else 1.0
    px = to_px.m11() * t.m11() * dpr
    img, anchor = sprite(pose, right, theme, level, px, ripple)
    at = t.map(to_px.map(QPointF(pose.x, pose.y)))
    x = round(at.x() * dpr - anchor.x())
    y = round(at.y() * dpr - anchor.y())
    if dpr == 1.0 and t.isIdentity():  # the window's and the bench's case: a plain blit
        blit(painter, QPointF(x, y), img)
        return QRectF(x, y, img.width(), img.height())
    painter.save()
    painter.resetTransform()
    painter.scale(1 / dpr, 1 / dpr)
    blit(painter, QPointF(x, y), img)
    painter.restore()
    inv, _ok = t.inverted()
    return inv.mapRect(QRectF(x / dpr, y / dpr, img.width() / dpr, img.height() / dpr))
