"""Points given against landmarks, and one pose drawn as the mirror of another.

A zone's corner in the data is a landmark plus an offset in the receiver's own directions:
``["acromion-right", -1.0, 0.5]`` is one centimetre toward the receiver's left of the right
acromion and half a centimetre toward the feet; ``["T3", "T7", 0.5, 6.0, 0.0]`` is 6 cm to the
receiver's right of the point halfway between T3 and T7. Each pose places its landmarks and says
which page directions are the receiver's right and feet (its "frame"), so the same zone data
resolves onto every pose. A plain ``[x, y]`` is a page point (old data only).
"""

from __future__ import annotations

import math
from typing import Any

from massage_trainer.core.body.body_model import Point

Frame = tuple[Point, Point]
"""(receiver's right, toward the feet) as page vectors; their length scales the offsets."""


class LandmarkError(ValueError):
    """A zone names a landmark its pose does not place, or a point is malformed."""


def resolve_point(spec: Any, marks: dict[str, Point], frame: Frame, where: str = "") -> Point:
    """One point of a zone polygon on the page of a pose."""
    (rx, ry), (fx, fy) = frame
    if isinstance(spec, (list, tuple)) and spec and isinstance(spec[0], str):
        if len(spec) == 3:
            base = _mark(marks, spec[0], where)
            dr, df = float(spec[1]), float(spec[2])
        elif len(spec) == 5 and isinstance(spec[1], str):
            a, b = _mark(marks, spec[0], where), _mark(marks, spec[1], where)
            t = float(spec[2])
            base = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            dr, df = float(spec[3]), float(spec[4])
        else:
            raise LandmarkError(f"{where}: a point is [landmark, dx, dy] or [a, b, t, dx, dy]")
        return base[0] + dr * rx + df * fx, base[1] + dr * ry + df * fy
    if isinstance(spec, (list, tuple)) and len(spec) == 2:
        return float(spec[0]), float(spec[1])
    raise LandmarkError(f"{where}: cannot read the point {spec!r}")


def _mark(marks: dict[str, Point], name: str, where: str) -> Point:
    try:
        return marks[name]
    except KeyError:
        raise LandmarkError(f"{where}: the pose has no landmark {name!r}") from None


def swap_side(name: str) -> str:
    """'acromion-left' <-> 'acromion-right'; names without a side are unchanged."""
    if name.endswith("-left"):
        return name[: -len("-left")] + "-right"
    if name.endswith("-right"):
        return name[: -len("-right")] + "-left"
    return name


def mirror_spec(spec: Any) -> Any:
    """A point spec for the other side: landmark names swapped, the sideways offset negated."""
    if isinstance(spec, list) and spec and isinstance(spec[0], str):
        if len(spec) == 3:
            return [swap_side(spec[0]), -float(spec[1]), float(spec[2])]
        if len(spec) == 5:
            return [swap_side(spec[0]), swap_side(spec[1]), spec[2], -float(spec[3]), spec[4]]
    if isinstance(spec, list) and len(spec) == 2:
        return [-float(spec[0]), float(spec[1])]
    return spec


def mirrored_marks(marks: dict[str, Point]) -> dict[str, Point]:
    """Every '-right' landmark copied to the left by x -> -x (a symmetric pose about x = 0)."""
    out = dict(marks)
    for name, (x, y) in marks.items():
        if name.endswith("-right") and swap_side(name) not in out:
            out[swap_side(name)] = (-x, y)
    return out


def unit(v: Point) -> Point:
    n = math.hypot(v[0], v[1]) or 1.0
    return v[0] / n, v[1] / n


def mirror_pose_data(data: dict[str, Any], pose: str) -> dict[str, Any]:
    """The data of a pose drawn as the page mirror (x -> -x) of another, with the receiver's sides
    swapped: lying on the right side is lying on the left side seen in a mirror."""

    def m(p: Any) -> list[float]:
        return [-float(p[0]), float(p[1])]

    def mirror_shape(d: dict[str, Any]) -> dict[str, Any]:
        out = dict(d)
        out["start"] = m(d["start"])
        out["curves"] = [[-c[0], c[1], -c[2], c[3], -c[4], c[5]] for c in d["curves"]]
        return out

    if "frame" in data:
        right, feet = data["frame"]["right"], data["frame"]["feet"]
    else:
        a, b, c, d = data["back_transform"][:4]
        right, feet = [a, b], [c, d]
    x0, y0, x1, y1 = data["extent"]
    out = {
        **data,
        "pose": pose,
        "mirror_of": None,
        "frame": {"right": [right[0], -right[1]], "feet": m(feet)},
        "landmarks": {swap_side(k): m(v) for k, v in data["landmarks"].items()},
        "hidden_zones": [swap_side(z) for z in data.get("hidden_zones", [])],
        "shapes": {swap_side(k): mirror_shape(v) for k, v in data.get("shapes", {}).items()},
        "extent": [-x1, y0, -x0, y1],
        "mirrored_page": True,
    }
    if "back_transform" in data:
        a, b, c, d, e, f = data["back_transform"]
        # prone point (x, y) -> its other side (-x, y) through the old transform -> page mirror:
        # still a turn (lying on the other side), never a mirror, so each hand stays itself
        out["back_transform"] = [a, -b, -c, d, -e, f]
    return out
