"""Which part of the body a diagram shows for a step: the worked region with body round it.

Pure geometry in body centimetres, for any pose's Body. The window, the audience screen, `render`
and the handout all frame with `frame_for`, so every picture of a step shows the same part of the
body: the step's target zones and everywhere its hands travel, with enough of the body round them
(the neighbouring landmarks, a shoulder, the neck) to tell where on the body that is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.core.protocol.model import Step

Box = tuple[float, float, float, float]
T = TypeVar("T")
"""(x0, y0, x1, y1) in body centimetres."""

CONTEXT = 0.15
"""Body shown round the worked region on each side, as a share of the region's larger side."""
MIN_CONTEXT_CM = 4.0
MIN_SIDE_SHARE = 0.32
"""A frame is never smaller than this share of the body's larger side (about a shoulder's
width round a small zone: the view stays readable as a part of a body)."""
FULL_SHARE = 0.8
"""A frame that would span this share of the whole body (in both directions) shows all of it."""
SAMPLES = 8
"""Hand poses sampled per stroke to find where the hands travel."""


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def hands_box(step: Step, body: Body) -> Box | None:
    """Everything the hands cover over one whole loop of the step (their outlines, not only the
    touching points), or None when the step has no hand motion to draw."""
    xs: list[float] = []
    ys: list[float] = []
    for pose in motion.poses_of(step, body, SAMPLES):
        for hand, right in ((pose.left, False), (pose.right, True)):
            for part in motion.footprint(hand, right):
                xs.extend(p[0] for p in part)
                ys.extend(p[1] for p in part)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def worked_region(step: Step, body: Body) -> Box | None:
    """The step's target zones and the hands' travel, as one box; None for neither (worked out
    once per step and body: the hands' travel takes a few milliseconds)."""
    return _REGIONS.get(step, body, _region)


class _StepMemo(Generic[T]):
    """A value worked out once per (step, body): every frame asks, so the last answer is kept
    aside (no hashing of the whole step), and the table is emptied when it grows past 64."""

    def __init__(self) -> None:
        self._table: dict[tuple[int, Step], tuple[Body, T]] = {}
        self._last: tuple[Step, Body, T] | None = None

    def get(self, step: Step, body: Body, compute: Callable[[Step, Body], T]) -> T:
        last = self._last
        if last is not None and last[0] is step and last[1] is body:
            return last[2]
        key = (id(body), step)
        hit = self._table.get(key)
        if hit is None or hit[0] is not body:
            if len(self._table) > 64:
                self._table.clear()
            hit = (body, compute(step, body))
            self._table[key] = hit
        self._last = (step, body, hit[1])
        return hit[1]


_REGIONS: _StepMemo[Box | None] = _StepMemo()


def _region(step: Step, body: Body) -> Box | None:
    boxes = [body.zones[z].bbox() for z in step.target_zones if z in body.zones]
    hb = hands_box(step, body)
    if hb is not None:
        boxes.append(hb)
    return _union(boxes)


def _fit_span(lo: float, hi: float, min_len: float, e0: float, e1: float) -> tuple[float, float]:
    """[lo, hi] grown to at least min_len round its middle, then slid (not shrunk) inside [e0, e1]."""
    if hi - lo < min_len:
        mid = (lo + hi) / 2
        lo, hi = mid - min_len / 2, mid + min_len / 2
    if hi - lo >= e1 - e0:
        return e0, e1
    if lo < e0:
        lo, hi = e0, hi + (e0 - lo)
    if hi > e1:
        lo, hi = lo - (hi - e1), e1
    return lo, hi


def frame_for(step: Step | None, body: Body) -> Box:
    """The part of the body to show for `step`: its worked region with body round it, or the
    whole body (its extent) for no step or a step that works over most of the body."""
    if step is None:
        return body.extent
    key = (id(body), step)
    hit = _FRAMES.get(key)
    if hit is None or hit[0] is not body:
        if len(_FRAMES) > 64:
            _FRAMES.clear()
        hit = (body, _frame(step, body))
        _FRAMES[key] = hit
    return hit[1]


_FRAMES: dict[tuple[int, Step], tuple[Body, Box]] = {}
"""Frames by body and step (a step's frame is asked for on every paint); the entry keeps the
body itself so a reused id cannot return another body's frame."""


def _frame(step: Step, body: Body) -> Box:
    ext = body.extent
    region = worked_region(step, body)
    if region is None:
        return ext
    x0, y0, x1, y1 = region
    pad = max(MIN_CONTEXT_CM, CONTEXT * max(x1 - x0, y1 - y0))
    min_side = MIN_SIDE_SHARE * max(ext[2] - ext[0], ext[3] - ext[1])
    fx0, fx1 = _fit_span(x0 - pad, x1 + pad, min_side, ext[0], ext[2])
    fy0, fy1 = _fit_span(y0 - pad, y1 + pad, min_side, ext[1], ext[3])
    if (fx1 - fx0) >= FULL_SHARE * (ext[2] - ext[0]) and (fy1 - fy0) >= FULL_SHARE * (
        ext[3] - ext[1]
    ):
        return ext
    return fx0, fy0, fx1, fy1


def fit(frame: Box, width: float, height: float, extent: Box) -> tuple[float, float, float]:
    """(scale in pixels per centimetre, centre x, centre y) that shows `frame` whole in a
    width x height picture; the centre slides so the picture shows no more beyond the body's
    extent than it must."""
    fx0, fy0, fx1, fy1 = frame
    s = max(0.01, min(width / max(fx1 - fx0, 1e-6), height / max(fy1 - fy0, 1e-6)))
    vw, vh = width / s, height / s
    cx = _slide((fx0 + fx1) / 2, vw, extent[0], extent[2])
    cy = _slide((fy0 + fy1) / 2, vh, extent[1], extent[3])
    return s, cx, cy


def _slide(c: float, view: float, e0: float, e1: float) -> float:
    if view >= e1 - e0:
        return (e0 + e1) / 2
    return min(max(c, e0 + view / 2), e1 - view / 2)


def blend(a: Box, b: Box, k: float) -> Box:
    """The box k of the way from a to b (0..1); exactly b at 1."""
    if k >= 1.0:
        return b
    return (
        a[0] + (b[0] - a[0]) * k,
        a[1] + (b[1] - a[1]) * k,
        a[2] + (b[2] - a[2]) * k,
        a[3] + (b[3] - a[3]) * k,
    )


def ease(k: float) -> float:
    """Ease in and out (smoothstep: starts and ends at rest)."""
    k = min(1.0, max(0.0, k))
    return k * k * (3.0 - 2.0 * k)


def intersects(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def distance(a: Box, b: Box) -> float:
    """The gap between two boxes in centimetres (0 when they touch or overlap)."""
    dx = max(0.0, a[0] - b[2], b[0] - a[2])
    dy = max(0.0, a[1] - b[3], b[1] - a[3])
    return float((dx * dx + dy * dy) ** 0.5)


def body_of(protocol: object) -> Body:
    """The body a protocol is drawn on: its pose's (`Protocol.pose`), lying face down without one."""
    pose = getattr(protocol, "pose", None)
    return load_body() if pose is None else load_body(str(pose))


def quiet_cautions(step: Step | None, body: Body) -> tuple[str, ...]:
    """Caution zones far from the step's worked region (more than NEAR_CM away and not avoided
    by name in the step): drawn quieter, still visible. None quiet without a step."""
    if step is None:
        return ()
    return _QUIET.get(step, body, _quiet)


NEAR_CM = 3.0
_QUIET: _StepMemo[tuple[str, ...]] = _StepMemo()


def _quiet(step: Step, body: Body) -> tuple[str, ...]:
    region = worked_region(step, body)
    if region is None:
        return ()
    return tuple(
        z.id
        for z in body.zones.values()
        if z.is_caution and z.id not in step.avoid_zones and distance(z.bbox(), region) > NEAR_CM
    )
