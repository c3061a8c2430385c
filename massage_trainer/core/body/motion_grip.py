"""Where a kneading grip can work in its area: carried up its stretch, over the part of it where
it fits, or in place (motion_plan asks once per step).

Beside a kidney area, one side of the lower back holds about one grip: rather than let the area
pull a hand up and down as its grip opens and closes, the hand travels only where the grip fits
open and closed, and where that is too short, kneads in place, closing only as far as fits.
"""

from __future__ import annotations

from dataclasses import replace

from massage_trainer.core.body.motion_hand import GRIP_CM, Hand


def held(h: Hand) -> Hand:
    """A kneading hand whose area cannot carry its grip up the stretch (on one side beside a
    kidney it holds about one) works in place instead of being pulled up and down as its grip
    opens and closes: where the area holds the open grip, or up to 1 cm further out or half a
    centimetre up or down (the pair's gap is 0.8 cm) if the grip can close further there,
    closing only as far as fits."""
    mid = (h.y_top + h.y_bottom) / 2
    x0, y0 = h.area.pull(h.anchor, h.lane_x, mid + h.dy)
    out = h.sx  # the grip closes toward the midline: room for it lies outward
    best = (x0, y0, 0.0)
    for x, y in ((x0, y0), (x0 + out * 0.5, y0), (x0 + out, y0), (x0, y0 - 0.5), (x0, y0 + 0.5)):
        if (x, y) != (x0, y0) and not _fits(h, x, y):
            continue
        closes = _closes(h, x, y)
        if closes > best[2]:
            best = (x, y, closes)
        if closes >= GRIP_CM:
            break
    x, y, closes = best
    return replace(h, anchor=(x, y), lane_x=x, dy=y - mid, y_top=mid, y_bottom=mid, grip=closes)


def _closes(h: Hand, x: float, y: float) -> float:
    """How far (in ninths of GRIP_CM) the grip can close from (x, y) and still fit (bisection)."""
    lo, hi = 0, 9
    while lo < hi:
        k = (lo + hi + 1) // 2
        if _fits(h, x - h.sx * GRIP_CM * k / 9, y):
            lo = k
        else:
            hi = k - 1
    return GRIP_CM * lo / 9


def _fits(h: Hand, x: float, y: float) -> bool:
    return h.area.allows(x, y) and h.area.fits(x, y)


MIN_TRAVEL_CM = 2.0
"""The shortest stretch a kneading hand travels up; less, and it works in place."""


def _grips_at(h: Hand, y: float) -> bool:
    """Whether the hand's grip, open and closed, fits its area with the contact at height y."""
    return _fits(h, h.lane_x, y) and _fits(h, h.lane_x - h.sx * h.grip, y)  # motion_patterns


def carried(h: Hand, samples: int = 9) -> bool:
    """Whether the hand's grip fits its area all the way up its stretch."""
    return len(_stretch_fits(h, samples)) == samples


def _stretch_fits(h: Hand, samples: int) -> list[float]:
    """The longest run of heights (bottom up, of `samples` along the stretch) where the grip fits."""
    span = h.y_bottom - h.y_top
    best: list[float] = []
    run: list[float] = []
    for i in range(samples):
        y = h.y_bottom - span * i / (samples - 1)
        run = [*run, y] if _grips_at(h, y + h.dy) else []
        if len(run) > len(best):
            best = run
    return best


def fitted(h: Hand, samples: int = 9) -> Hand:
    """A kneading hand on its own side travels the longest part of its stretch where its grip
    fits (an area cut short by a kidney's caution), or works in place (held) when that part is
    under MIN_TRAVEL_CM: a creep of a few millimetres would read as a slip, not as travel."""
    best = _stretch_fits(h, samples)
    if len(best) == samples:
        return h
    if len(best) < 2 or best[0] - best[-1] < MIN_TRAVEL_CM:
        return held(h)
    return replace(h, y_top=best[-1], y_bottom=best[0])
