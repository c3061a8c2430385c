"""The diagram's moving-part overlays: target glow, stroke arrows, hand trail, tap ripples.

Glow and arrows are pre-drawn once per step, size and theme into small images (a frame only blits
them); the trail reads a table of hand positions sampled once per step.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QRegion,
    QTransform,
)

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.model import Step
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram import work_area
from massage_trainer.ui.diagram.body_paint import zone_path
from massage_trainer.ui.diagram.layout import Layout

_TARGETS: dict[tuple[int, tuple[str, ...]], QPainterPath] = {}


def target_path(body: Body, step: Step | None) -> QPainterPath:
    """The step's target zones as one outline (cached: uniting paths is slow)."""
    if step is None:
        return QPainterPath()
    key = (id(body), step.target_zones)
    path = _TARGETS.get(key)
    if path is None:
        path = QPainterPath()
        for zid in step.target_zones:
            if zid in body.zones:
                path = path.united(zone_path(body.zones[zid]))
        _TARGETS[key] = path
    return path


def _arrow_head(painter: QPainter, tip: QPointF, frm: QPointF, size: float) -> None:
    dx, dy = tip.x() - frm.x(), tip.y() - frm.y()
    n = math.hypot(dx, dy)
    if n < 1e-6:
        return
    ux, uy = dx / n, dy / n
    p = QPainterPath(tip)
    p.lineTo(tip.x() - ux * size - uy * size * 0.55, tip.y() - uy * size + ux * size * 0.55)
    p.lineTo(tip.x() - ux * size * 0.6, tip.y() - uy * size * 0.6)
    p.lineTo(tip.x() - ux * size + uy * size * 0.55, tip.y() - uy * size - ux * size * 0.55)
    p.closeSubpath()
    painter.drawPath(p)


def _turns(run: list[QPointF]) -> list[int]:
    """Indices where a path doubles back (an arrowhead there shows the way it went)."""
    out = []
    for i in range(3, len(run) - 3):
        a, b, c = run[i - 3], run[i], run[i + 3]
        dot = (b.x() - a.x()) * (c.x() - b.x()) + (b.y() - a.y()) * (c.y() - b.y())
        if dot < 0 and (not out or i - out[-1] > 6):
            out.append(i)
    return out


def _stroke_arrows(painter: QPainter, lay: Layout, body: Body, step: Step, th: Theme) -> None:
    """Where the stroke goes: solid arrows while touching, dotted while the hand lifts back."""
    per = 24
    poses = motion.poses_of(step, body, per)
    s = lay.scale
    col = th.c("trail", 200)
    for side in ("left", "right"):
        pts = [(getattr(p, side).x, getattr(p, side).y, getattr(p, side).lift) for p in poses]
        runs: list[tuple[bool, list[QPointF]]] = []
        for x, y, lift in pts:
            touching = lift < 0.35
            q = lay.to_px.map(QPointF(x, y))
            if not runs or runs[-1][0] != touching:
                runs.append((touching, [runs[-1][1][-1]] if runs else []))
            runs[-1][1].append(q)
        for touching, run in runs:
            if len(run) < 2:
                continue
            path = QPainterPath(run[0])
            for q in run[1:]:
                path.lineTo(q)
            if touching:
                halo = QPen(th.c("panel", 210), max(3.0, 0.8 * s))
                halo.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(halo)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                painter.setPen(
                    QPen(col, max(1.5, 0.38 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                )
            else:
                painter.setPen(
                    QPen(
                        th.c("trail", 140),
                        max(1.0, 0.2 * s),
                        Qt.PenStyle.DotLine,
                        Qt.PenCapStyle.RoundCap,
                    )
                )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            length = sum(
                math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in itertools.pairwise(run)
            )
            if touching and length > 1.5 * s:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(col)
                marks = list(range(per, len(run), per)) if len(run) > per * 1.5 else []
                turns = _turns(run)
                if len(turns) <= 4:  # an up-and-down stroke shows both ways (not every wiggle)
                    marks += turns
                for i in sorted({*marks, len(run) - 1}):
                    j = max(0, i - 3)
                    painter.setPen(QPen(th.c("panel", 210), max(1.5, 0.25 * s)))
                    _arrow_head(painter, run[i], run[j], max(6.0, 1.5 * s))
                    painter.setPen(Qt.PenStyle.NoPen)


RING_BLOCK = 16
"""The pulsing outline's repaint region is made of blocks this many pixels wide."""


def _blocks(ring: QPainterPath, size: tuple[int, int]) -> QRegion:
    """The pixels of `ring` (within a picture of `size`) rounded out to RING_BLOCK-wide blocks: a
    little more than the ring itself, in a few hundred rectangles instead of one per pixel row of
    every slanted edge (a paint clipped to thousands of rectangles costs more than the few pixels
    it saves). The ring is drawn at one pixel per block, half a pixel wider all round, and
    every pixel it touches is a block (a touched corner gets a fifth of its pixel: never 0)."""
    b = RING_BLOCK
    cols, rows = size[0] // b + 2, size[1] // b + 2
    small = QImage(cols, rows, QImage.Format.Format_Alpha8)
    small.fill(0)
    p = QPainter(small)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(1 / b, 1 / b)
    p.setPen(QPen(Qt.GlobalColor.black, b))  # half a block wider all round
    p.setBrush(Qt.GlobalColor.black)
    p.drawPath(ring)
    p.end()
    bits = bytes(small.constBits())
    stride = small.bytesPerLine()
    region = QRegion()
    for y in range(rows):
        line = bits[y * stride : y * stride + cols]
        x = 0
        while x < cols:  # runs of touched blocks along the row: one rectangle per run
            if not line[x]:
                x += 1
                continue
            start = x
            while x < cols and line[x]:
                x += 1
            region = region.united(QRegion(start * b, y * b, (x - start) * b, b))
    return region


_GLOWS: dict[tuple[object, ...], tuple[QImage, QRectF, QRegion]] = {}

GLOW_CM = 0.6
"""Width of the pulsing outline round the work area, in body centimetres."""


def glow_image(
    dpr: float, lay: Layout, body: Body, step: Step, th: Theme
) -> tuple[QImage, QRectF, QRegion]:
    """The work area's pulsing outline at full strength, pre-drawn once per step, size and theme
    (a frame blits it at the pulse's opacity), where it goes, and the pixels it covers (all a
    change of the pulse repaints: the outline only, not the whole area, which keeps its tint)."""
    s = lay.scale
    key = (id(body), step.target_zones, step.avoid_zones, step.technique, step.pressure)
    key += (th.name, round(s, 3), dpr)
    hit = _GLOWS.get(key)
    if hit is None:
        path, _carved = work_area.work_path(body, step)
        box = path.boundingRect().adjusted(-GLOW_CM, -GLOW_CM, GLOW_CM, GLOW_CM)
        img = QImage(
            max(1, math.ceil(box.width() * s * dpr)),
            max(1, math.ceil(box.height() * s * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        img.setDevicePixelRatio(dpr)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(s, s)
        p.translate(-box.left(), -box.top())
        p.setPen(QPen(th.c("target", 240), GLOW_CM))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.end()
        to_local = QTransform(s, 0, 0, s, -box.left() * s, -box.top() * s)
        ring = QPainterPathStroker()
        ring.setWidth(GLOW_CM + 0.3)
        logical = (math.ceil(box.width() * s), math.ceil(box.height() * s))
        region = _blocks(to_local.map(ring.createStroke(path)), logical)
        where = QRectF(box.left() * s, box.top() * s, box.width() * s, box.height() * s)
        if len(_GLOWS) > 8:
            _GLOWS.clear()
        hit = (img, where, region)
        _GLOWS[key] = hit
    img, where, region = hit
    dx, dy = lay.to_px.dx(), lay.to_px.dy()
    at = where.translated(dx, dy)
    return img, at, region.translated(round(at.left()), round(at.top()))


_ARROWS: dict[tuple[object, ...], tuple[Step, tuple[QImage, QRectF]]] = {}
"""Keyed by the step's id (hashing a whole step each frame is slow); the entry keeps the step
itself so a reused id cannot return another step's arrows."""


def arrow_image(
    painter: QPainter, lay: Layout, body: Body, step: Step, th: Theme
) -> tuple[QImage, QRectF]:
    """The step's stroke arrows pre-drawn once into an image just big enough for them (drawn
    over the hands each frame, so a palm never hides which way the stroke goes)."""
    dev = painter.device()
    dpr = float(dev.devicePixelRatioF()) if dev is not None else 1.0
    s = lay.scale
    key = (id(body), id(step), th.name, round(s, 3), dpr)
    got = _ARROWS.get(key)
    hit = got[1] if got is not None and got[0] is step else None
    if hit is None:
        xs, ys = [], []
        for p in motion.poses_of(step, body, 8):
            for h in (p.left, p.right):
                xs.append(h.x)
                ys.append(h.y)
        pad = 3.0
        box = QRectF(
            min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
        )
        img = QImage(
            max(1, math.ceil(box.width() * s * dpr)),
            max(1, math.ceil(box.height() * s * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        img.setDevicePixelRatio(dpr)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        local = QTransform(s, 0, 0, s, -box.left() * s, -box.top() * s)

        p.setOpacity(0.8)  # over the hands, a little see-through
        _stroke_arrows(p, Layout(lay.rect, lay.body_rect, None, local), body, step, th)
        p.end()
        where = QRectF(box.left() * s, box.top() * s, box.width() * s, box.height() * s)
        if len(_ARROWS) > 16:
            _ARROWS.clear()
        hit = (img, where)
        _ARROWS[key] = (step, hit)
    img, where = hit
    return img, where.translated(lay.to_px.dx(), lay.to_px.dy())
