"""Vector paths of one hand (palm, fingers, thumb, nails, knuckles, touching part, skin fold).

Built once per contact and hand shape from core.hand_shape's proportions, in hand-local
centimetres (a left hand palm down: fingers toward -y, thumb on +x), and cached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QTransform

from massage_trainer.core.body import hand_shape as hs
from massage_trainer.core.protocol.vocab import Contact


@dataclass(frozen=True)
class Part:
    """A finger or thumb: its outline and a segment across it (for the rounded shading)."""

    path: QPainterPath
    axis: tuple[QPointF, QPointF]
    edge: QPainterPath
    """The outline to stroke: sides and tip, not the base hidden in the palm."""


@dataclass
class HandPaths:
    anchor: QPointF
    fingers: list[Part]
    thumb: Part
    palm: QPainterPath
    palm_light: QPointF
    palm_radius: float
    silhouette: QPainterPath
    touch: QPainterPath
    touch_glow: QPainterPath
    tendons: QPainterPath = field(default_factory=QPainterPath)
    creases: QPainterPath = field(default_factory=QPainterPath)
    nails: QPainterPath = field(default_factory=QPainterPath)
    knuckles: list[QPointF] = field(default_factory=list)
    over: list[Part] = field(default_factory=list)
    """Parts drawn over the palm (the thumb lying on top of a hand that stands on its edge)."""
    fold: QPainterPath | None = None
    fold_crest: QPainterPath = field(default_factory=QPainterPath)
    fold_axis: tuple[QPointF, QPointF] = (QPointF(), QPointF(0, 1))
    fold_box: QRectF = field(default_factory=QRectF)


def _smooth_closed(pts: tuple[hs.Point, ...] | list[hs.Point]) -> QPainterPath:
    """A closed Catmull-Rom curve through the points, as cubic Beziers."""
    n = len(pts)
    p = QPainterPath(QPointF(*pts[0]))
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = QPointF(p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = QPointF(p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        p.cubicTo(c1, c2, QPointF(*p2))
    p.closeSubpath()
    return p


def _digit(
    base: hs.Point,
    length: float,
    width: float,
    tilt: float,
    *,
    nail: bool,
    joints: tuple[float, ...],
) -> tuple[Part, QPainterPath, QPainterPath]:
    """A finger (or thumb) from its knuckle: tapered outline, nail, joint creases."""
    w, ln = width, length
    path = QPainterPath(QPointF(-w / 2, 0.9))
    path.cubicTo(
        QPointF(-w * 0.52, -ln * 0.3),
        QPointF(-w * 0.46, -ln * 0.7),
        QPointF(-w * 0.43, -ln + w * 0.45),
    )
    path.cubicTo(
        QPointF(-w * 0.42, -ln - w * 0.08),
        QPointF(w * 0.42, -ln - w * 0.08),
        QPointF(w * 0.43, -ln + w * 0.45),
    )
    path.cubicTo(QPointF(w * 0.46, -ln * 0.7), QPointF(w * 0.52, -ln * 0.3), QPointF(w / 2, 0.9))
    edge = QPainterPath(path)
    path.closeSubpath()
    nails = QPainterPath()
    if nail:
        nails.addRoundedRect(
            QRectF(-w * 0.29, -ln + w * 0.12, w * 0.58, w * 0.62), w * 0.26, w * 0.22
        )
    creases = QPainterPath()
    for j in joints:
        y = -ln * j
        for dy, k in ((0.0, 0.3), (0.22, 0.2)):
            creases.moveTo(-w * k, y + dy)
            creases.quadTo(0.0, y + dy - 0.12, w * k, y + dy)
    t = QTransform()
    t.translate(base[0], base[1])
    t.rotate(tilt)
    part = Part(
        t.map(path), (t.map(QPointF(-w / 2, -ln / 2)), t.map(QPointF(w / 2, -ln / 2))), t.map(edge)
    )
    return part, t.map(nails), t.map(creases)


def _ellipse(c: hs.Point, rx: float, ry: float, deg: float = 0.0) -> QPainterPath:
    e = QPainterPath()
    e.addEllipse(QPointF(0, 0), rx, ry)
    t = QTransform()
    t.translate(c[0], c[1])
    t.rotate(deg)
    return t.map(e)


def _ring(shape: QPainterPath, width: float) -> QPainterPath:
    s = QPainterPathStroker()
    s.setWidth(width)
    return s.createStroke(shape).intersected(shape)


def _fold(h: HandPaths, contact: Contact, shape: hs.Shape) -> None:
    got = hs.fold_of(contact, shape)
    if got is None:
        return
    (cx, cy), a, b, deg = got
    lens = QPainterPath()  # a roll of skin, thicker in the middle where it is held
    lens.moveTo(-a, 0)
    lens.cubicTo(QPointF(-a, -b * 0.8), QPointF(-a * 0.5, -b * 1.1), QPointF(0, -b * 1.1))
    lens.cubicTo(QPointF(a * 0.5, -b * 1.1), QPointF(a, -b * 0.8), QPointF(a, 0))
    lens.cubicTo(QPointF(a, b * 0.8), QPointF(a * 0.5, b * 1.1), QPointF(0, b * 1.1))
    lens.cubicTo(QPointF(-a * 0.5, b * 1.1), QPointF(-a, b * 0.8), QPointF(-a, 0))
    lens.closeSubpath()
    crest = QPainterPath(QPointF(-a * 0.8, -b * 0.1))
    crest.quadTo(QPointF(0, -b * 0.45), QPointF(a * 0.8, -b * 0.1))
    for k in (-0.75, -0.45, 0.45, 0.75):  # wrinkles where the skin gathers
        crest.moveTo(a * k, -b * 0.75)
        crest.lineTo(a * k * 1.06, b * 0.7)
    t = QTransform()
    t.translate(cx, cy)
    t.rotate(deg)
    h.fold = t.map(lens)
    h.fold_crest = t.map(crest)
    h.fold_axis = (t.map(QPointF(0, -b)), t.map(QPointF(0, b)))
    h.fold_box = h.fold.boundingRect()
    h.touch_glow = h.touch_glow.united(h.fold)


def _hull(pts: list[hs.Point]) -> list[hs.Point]:
    """Convex hull (monotone chain), counter-clockwise."""
    pts = sorted(set(pts))

    def half(seq: list[hs.Point]) -> list[hs.Point]:
        out: list[hs.Point] = []
        for q in seq:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (q[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (q[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(q)
        return out

    lo, hi = half(pts), half(pts[::-1])
    return lo[:-1] + hi[:-1]


def _squash(h: HandPaths, t: QTransform) -> HandPaths:
    """The same hand seen edge-on (all paths mapped by `t`)."""

    def part(pt: Part) -> Part:
        return Part(t.map(pt.path), (t.map(pt.axis[0]), t.map(pt.axis[1])), t.map(pt.edge))

    return HandPaths(
        anchor=t.map(h.anchor),
        fingers=[part(f) for f in h.fingers],
        thumb=part(h.thumb),
        palm=t.map(h.palm),
        palm_light=t.map(h.palm_light),
        palm_radius=h.palm_radius,
        silhouette=t.map(h.silhouette),
        touch=t.map(h.touch),
        touch_glow=t.map(h.touch_glow),
        tendons=t.map(h.tendons),
        creases=t.map(h.creases),
        nails=t.map(h.nails),
        knuckles=[t.map(k) for k in h.knuckles],
    )


def _edge_hand() -> HandPaths:
    """A hand standing on its little-finger edge: the flat hand foreshortened to a narrow
    profile, the thumb tucked along the index finger, the little-finger side touching."""
    flat = hand_paths(Contact.FINGER_PADS, hs.Shape(3.0, 1.0))
    h = _squash(flat, QTransform.fromScale(0.46, 1.0))
    strip = QPainterPath()
    strip.addRect(QRectF(-2.6, -12.0, 1.3, 17.5))
    h.touch = strip.intersected(h.silhouette)
    h.touch_glow = QPainterPath(h.touch)
    h.anchor = QPointF(*hs.anchor(Contact.PALM_EDGE, hs.Shape(0.0, 1.0)))
    h.palm_radius = 3.5
    return h


@lru_cache(maxsize=64)
def hand_paths(contact: Contact, shape: hs.Shape) -> HandPaths:
    """All paths of a left hand for one contact and hand shape (cached)."""
    if contact is Contact.PALM_EDGE:
        return _edge_hand()
    cupped = contact is Contact.CUPPED_PALM
    fingers, nails, creases = [], QPainterPath(), QPainterPath()
    tendons, knuckles = QPainterPath(), []
    for i, f in enumerate(hs.FINGERS):
        x, tilt = f.x, f.tilt
        if cupped:  # fingers held together
            x, tilt = f.x * 0.93, (1.5, 0.0, -1.5, -3.5)[i]
        length = f.length * shape.curl
        part, nail, crease = _digit(
            (x, f.y), length, f.width, tilt, nail=shape.curl >= 0.7, joints=(0.5, 0.77)
        )
        fingers.append(part)
        nails.addPath(nail)
        creases.addPath(crease)
        knuckles.append(QPointF(x, f.y + 0.25))
        tendons.moveTo(x * 0.45, 3.4)
        tendons.quadTo(QPointF(x * 0.8, 0.0), QPointF(x, f.y + 0.9))
    thumb, t_nail, t_crease = _digit(
        hs.THUMB_BASE, hs.THUMB_LEN, hs.THUMB_W, shape.thumb_deg, nail=True, joints=(0.62,)
    )
    nails.addPath(t_nail)
    creases.addPath(t_crease)
    palm = _smooth_closed(hs.PALM)
    silhouette = QPainterPath(palm)
    for part in (*fingers, thumb):
        silhouette = silhouette.united(part.path)
    touch = QPainterPath()
    if contact is Contact.PALM:
        touch = QPainterPath(palm)
    elif contact is Contact.PALM_HEEL:
        touch = _ellipse((0.0, 2.9), 3.3, 1.7).intersected(palm)
    elif contact is Contact.THUMBS:
        touch = _ellipse(hs.thumb_tip(shape, 1.0), 0.95, 1.3, shape.thumb_deg)
    elif contact is Contact.CUPPED_PALM:  # the rim: heel, finger pads and thumb edge
        rim = [*hs.PALM, hs.thumb_tip(shape)]
        rim += [hs.finger_tip(f, shape.curl) for f in hs.FINGERS]
        touch = _ring(_smooth_closed(_hull(rim)), 1.1)
    else:  # finger pads, fingertips, grip: the pads of the fingers (and thumb)
        back = 0.45 if contact is Contact.FINGERTIPS else 0.85
        for f in hs.FINGERS:
            touch.addPath(
                _ellipse(hs.finger_tip(f, shape.curl, back), f.width * 0.36, 0.75, f.tilt)
            )
        if contact is not Contact.FINGER_PADS:
            touch.addPath(_ellipse(hs.thumb_tip(shape, 0.9), 0.85, 1.1, shape.thumb_deg))
    h = HandPaths(
        anchor=QPointF(*hs.anchor(contact, shape)),
        fingers=fingers,
        thumb=thumb,
        palm=palm,
        palm_light=QPointF(0.2, -1.8 if cupped else -0.8),
        palm_radius=4.2 if cupped else 5.6,
        silhouette=silhouette,
        touch=touch,
        touch_glow=QPainterPath(touch),
        tendons=tendons,
        creases=creases,
        nails=nails,
        knuckles=knuckles,
    )
    _fold(h, contact, shape)
    return h


__all__ = ["HandPaths", "Part", "hand_paths"]
_ = math
