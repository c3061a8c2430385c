"""Repaints of the diagram's moving parts alone, from the pictures the last whole paint used.

Between two whole paints of a step only time changes: the hands move and the outline pulses. A
repaint the view asks for itself then needs no layout, pose or cache lookups: it copies the
still picture, blends the outline where the repaint meets it, blits the hands where set_time put
them, then the arrows, the vertebral levels and the legend over them: the order of
drawing.paint_diagram, which draws every other paint. tests/ui/test_body_view.py checks that
repaints made this way leave exactly the picture a whole paint gives.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPixmap, QRegion

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.model import Step
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram import hands, key_poses, level_labels, overlays
from massage_trainer.ui.diagram.blit import blit, blocks_of
from massage_trainer.ui.diagram.drawing import PULSE_LEVELS, legend_picture
from massage_trainer.ui.diagram.layout import Layout


@dataclass(frozen=True)
class Parts:
    """What a whole paint of a step drew that only a change other than time redraws."""

    inputs: tuple[object, ...]
    """Everything but time the whole paint depended on (the view's settings and size)."""
    picture: QPixmap
    glow: tuple[QImage, QRectF, QRegion]
    arrows: tuple[QImage, QRectF]
    arrow_blocks: QRegion
    """The blocks of the arrows' picture that hold a visible pixel (where they are blended)."""
    words: list[tuple[QImage, QPointF, QRect]]
    legend: tuple[QImage, QPointF] | None


def parts_of(  # noqa: PLR0917
    painter: QPainter,
    inputs: tuple[object, ...],
    picture: QPixmap,
    lay: Layout,
    body: Body,
    step: Step,
    th: Theme,
    *,
    legend: bool,
    marked: tuple[str, ...],
    lang: str,
) -> Parts:
    """The parts a whole paint at a device-pixel ratio of 1 used (all cached where they are made)."""
    arrows, at = overlays.arrow_image(painter, lay, body, step, th)
    return Parts(
        inputs,
        picture,
        overlays.glow_image(1.0, lay, body, step, th),
        (arrows, at),
        blocks_of(arrows, 1.0).translated(round(at.x()), round(at.y())),  # where blit puts it
        level_labels.placed_words(lay, body, th, 1.0),
        legend_picture(lay, body, step, th, legend=legend, marked=marked, lang=lang, dpr=1.0),
    )


def paint_moving(
    p: QPainter, parts: Parts, dirty: QRegion, level: int, sprites: Sequence[tuple[QImage, QPointF]]
) -> None:
    """Repaint `dirty` with the outline at pulse `level` and each hand's sprite at its place."""
    blit(p, QPointF(0, 0), parts.picture)
    glow, where, ring = parts.glow
    if dirty.intersects(ring):
        p.save()
        p.setClipRegion(dirty.intersected(ring))
        p.setOpacity(0.25 + 0.75 * level / PULSE_LEVELS)
        blit(p, where.topLeft(), glow)
        p.restore()
    for img, at in sprites:
        blit(p, at, img)
    if dirty.intersects(parts.arrow_blocks):  # the arrows' thin lines, not their whole box
        p.save()
        p.setClipRegion(dirty.intersected(parts.arrow_blocks))
        blit(p, parts.arrows[1].topLeft(), parts.arrows[0])
        p.restore()
    for img, top_left, covers in parts.words:
        if dirty.intersects(covers):
            blit(p, top_left, img)
    if parts.legend is not None:
        blit(p, parts.legend[1], parts.legend[0])


STEP_PX = 2.0
"""A hand that kept its sprite and slid by less than this many device pixels since it was last
drawn waits for the next frame: slow drift is drawn in 2-px steps (on at most every other frame),
a faster move, a lift or a squeeze at once. The hands drawn are never 2 px behind their place."""


Looks = tuple[tuple[int, float, float], ...]
"""Per hand: its sprite's cache key and the sprite's top-left corner (logical pixels)."""


@dataclass(frozen=True)
class Hands:
    """Both hands at one time: each sprite and its top-left corner (logical pixels), the blocks
    their shapes cover, and their looks."""

    sprites: list[tuple[QImage, QPointF]]
    region: QRegion
    looks: Looks


def moved(was: Looks, now: Looks, dpr: float) -> bool:
    """Whether a hand has another sprite now or is STEP_PX device pixels or more away."""
    for (key_a, xa, ya), (key_b, xb, yb) in zip(was, now, strict=True):
        if key_a != key_b or max(abs(xa - xb), abs(ya - yb)) * dpr >= STEP_PX:
            return True
    return False


def hands_at(lay: Layout, body: Body, step: Step, th: Theme, dpr: float, t: float) -> Hands:  # noqa: PLR0917
    """Pose both hands `t` seconds into `step` and find their sprites and pixel places."""
    pose = motion.pose_at(step, t, body)
    taps = step.motion.pattern in (motion.Pattern.ALTERNATING_TAPS, motion.Pattern.CLAPS)
    region, sprites = QRegion(), []
    looks: list[tuple[int, float, float]] = []
    for h, right in ((pose.left, False), (pose.right, True)):
        img, where = hands.placed(
            h, right, theme=th, level=step.pressure.level, to_px=lay.to_px, dpr=dpr, ripple=taps
        )
        at = (math.floor(where.x()), math.floor(where.y()))
        region = region.united(blocks_of(img, dpr).translated(*at))  # the hand's shape
        looks.append((img.cacheKey(), where.x(), where.y()))
        sprites.append((img, where.topLeft()))
    return Hands(sprites, region, tuple(looks))


class HandTable:
    """The hands of one step as drawn now, by time. A view draws at the points of the loop's grid
    (core.body.motion.on_loop_grid), a few hundred a loop, so from the second time round a frame
    looks its hands up here instead of posing them again and finding their sprites."""

    MAX_ROWS = 4096
    """A loop longer than 34 s starts over rather than keeping more rows."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] = ()
        self._rows: dict[float, Hands] = {}

    def at(  # noqa: PLR0917
        self, lay: Layout, body: Body, step: Step, th: Theme, dpr: float, t: float
    ) -> Hands:
        key = (lay, body, step, th.name, dpr)
        if key != self._key:  # the same objects: no deep comparison
            self._key, self._rows = key, {}
        row = self._rows.get(t)
        if row is None:
            if len(self._rows) >= self.MAX_ROWS:
                self._rows.clear()
            row = self._rows[t] = hands_at(lay, body, step, th, dpr, t)
        return row


@dataclass(frozen=True)
class Plan:
    """Where the moving parts are at one time: what set_time works out for the repaint."""

    t: float
    level: int
    """The pulsing outline's level."""
    hands: list[tuple[QImage, QPointF]]
    """Each hand's sprite and its top-left corner (logical pixels)."""
    region: QRegion
    """The outline's blocks (when its level changed) and the blocks each hand's sprite covers."""
    looks: Looks
    """The hands' looks (what STEP_PX compares)."""


def hands_time(step: Step | None, body: Body, t: float, *, still: bool) -> float:
    """When a view draws the hands at `t` seconds into `step`: at the key pose shown then (reduced
    motion), else at the loop's grid point nearest `t` (see HandTable)."""
    if step is None:
        return t
    if still:
        return key_poses.shown_time(step, body, t)
    return motion.on_loop_grid(step, t)


def plan(  # noqa: PLR0917
    table: HandTable,
    lay: Layout,
    body: Body,
    step: Step,
    th: Theme,
    dpr: float,
    t: float,
    shown_t: float,
    level: int,
    drawn: Plan | None,
) -> Plan:
    """The moving parts `t` seconds into `step`: the hands at `shown_t` (looked up in `table`),
    the outline at `level`; or `drawn`, the plan drawn last, while the outline keeps its level
    and no hand has moved enough to draw (see STEP_PX). The outline's ring is in the region only
    when its level changed."""
    at = table.at(lay, body, step, th, dpr, shown_t)
    if drawn is not None and drawn.level == level and not moved(drawn.looks, at.looks, dpr):
        return drawn
    region = at.region
    if drawn is None or level != drawn.level:  # the pulsing outline only, not the whole area
        region = overlays.glow_image(dpr, lay, body, step, th)[2].united(region)
    return Plan(t, level, at.sprites, region, at.looks)
