"""The receiver's poses, read from assets/body/: each pose's landmarks, silhouette and drawing
shapes (``<pose>.json``) and the zones every pose shares (``zones.json``), defined against the
landmarks so each pose resolves them onto its own drawing.

Poses: "prone" (lying face down), "side-left" (lying on the left side, the right side up),
"side-right" (its mirror), "seated" (sitting, leaning forward onto a table, arms folded on it).
A pose lists in "hidden_zones" the zones it cannot show (the lower flank when lying on the side).
"""

from __future__ import annotations

import json
from typing import Any

from massage_trainer.core.body.body_model import Body, Curve, Point, Zone, flatten
from massage_trainer.core.body.landmarks import (
    Frame,
    mirror_pose_data,
    mirror_spec,
    mirrored_marks,
    resolve_point,
    unit,
)
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.resources import asset

POSES: tuple[str, ...] = ("prone", "side-left", "side-right", "seated")
VERTEBRAE: tuple[str, ...] = (
    "C7",
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
)
"""The spinous processes drawn and labelled, from the base of the neck to the last lumbar."""


def _text(value: Any) -> LocalText:
    if isinstance(value, str):
        return LocalText((("en", value),))
    en = value["en"]
    return LocalText((("en", en), *sorted((k, v) for k, v in value.items() if k != "en")))


def _pt(v: Any) -> Point:
    return float(v[0]), float(v[1])


def curves_of(d: dict[str, Any]) -> tuple[Curve, ...]:
    """One curve, or for mirror=true the given right half plus its reflection (joined when it is
    a half outline running from the midline back to the midline)."""
    segs = tuple(
        ((float(c[0]), float(c[1])), (float(c[2]), float(c[3])), (float(c[4]), float(c[5])))
        for c in d["curves"]
    )
    closed = bool(d.get("closed", False))
    right = Curve(_pt(d["start"]), segs, closed)
    if not d.get("mirror", False):
        return (right,)
    if abs(right.start[0]) < 1e-9 and abs(right.end[0]) < 1e-9:
        left = right.mirrored().reversed()
        return (Curve(right.start, right.segments + left.segments, True),)
    return (right, right.mirrored())


def zone_specs(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The zone list with every "mirror_of" entry expanded into its own polygon spec."""
    by_id = {z["id"]: z for z in data["zones"]}
    out = []
    for z in data["zones"]:
        src = z.get("mirror_of")
        poly = (
            z["polygon"]
            if src is None
            else [mirror_spec(p) for p in reversed(by_id[src]["polygon"])]
        )
        out.append({**z, "polygon": poly})
    return out


def parse_body(data: dict[str, Any], zones: list[dict[str, Any]] | None = None) -> Body:
    """A Body from one pose's data and the shared zone specs (or the pose's own "zones")."""
    pose = str(data.get("pose", "prone"))
    raw_marks = data.get("landmarks", {})
    old_style = isinstance(raw_marks.get("vertebrae"), list)
    if old_style:
        marks = {str(v["name"]): (0.0, float(v["y"])) for v in raw_marks["vertebrae"]}
    else:
        marks = {str(k): _pt(v) for k, v in raw_marks.items()}
        if data.get("mirror_landmarks", False):
            marks = mirrored_marks(marks)
    bt = data.get("back_transform")
    back = None if bt is None else (*(float(v) for v in bt),)
    if back is not None and "frame" not in data:
        frame: Frame = ((back[0], back[1]), (back[2], back[3]))
    else:
        fr = data.get("frame", {"right": [1, 0], "feet": [0, 1]})
        frame = (_pt(fr["right"]), _pt(fr["feet"]))
    hidden = set(data.get("hidden_zones", ()))
    found: dict[str, Zone] = {}
    for z in zones if zones is not None else zone_specs(data):
        if z["id"] in hidden:
            continue
        where = f"{pose}: zone {z['id']}"
        poly = tuple(resolve_point(p, marks, frame, where) for p in z["polygon"])
        found[z["id"]] = Zone(
            z["id"], _text(z["name"]), z["kind"], z["side"], poly, bool(z.get("fine", False))
        )
    shapes = {name: curves_of(d) for name, d in data.get("shapes", {}).items()}
    if old_style:
        levels = {str(k): float(v) for k, v in raw_marks.get("levels", {}).items()}
        vertebrae = tuple((str(v["name"]), float(v["y"])) for v in raw_marks["vertebrae"])
        ext = raw_marks.get("extent", (-27.0, -1.5, 27.0, 110.0))
    else:
        names = data.get("levels", ())
        levels = {n: marks[n][1] for n in names if n in marks}
        vertebrae = tuple((n, marks[n][1]) for n in VERTEBRAE if n in marks)
        ext = data.get("extent", (-27.0, -1.5, 27.0, 110.0))
    sil = shapes.get("silhouette", ())
    outline = tuple(p for c in sil for p in flatten(c)) if sil else ()
    return Body(
        found,
        data,
        shapes,
        vertebrae,
        levels,
        (float(ext[0]), float(ext[1]), float(ext[2]), float(ext[3])),
        pose=pose,
        landmarks=marks,
        outline=outline,
        right_dir=unit(frame[0]),
        feet_dir=unit(frame[1]),
        back_transform=back if back is None or len(back) == 6 else None,
    )


def read_pose(pose: str) -> Body:
    """Read one pose from assets/body/ (a pose with "mirror_of" is drawn as that pose's mirror)."""
    if pose not in POSES:
        raise ValueError(f"unknown pose {pose!r}: one of {', '.join(POSES)}")
    data = _read(f"{pose}.json")
    src = data.get("mirror_of")
    if src:
        data = {**mirror_pose_data(_with_back(_read(f"{src}.json")), pose), **data}
    return parse_body(_with_back(data), zone_specs(_read("zones.json")))


def _with_back(data: dict[str, Any]) -> dict[str, Any]:
    """A pose drawn from another's back ("back_from", "back_transform") takes that pose's
    landmarks through the transform; its own "landmarks" move or add single ones."""
    src = data.get("back_from")
    if not src or "back_transform" not in data:
        return data
    base = _read(f"{src}.json")
    marks = {str(k): _pt(v) for k, v in base["landmarks"].items()}
    if base.get("mirror_landmarks", False):
        marks = mirrored_marks(marks)
    a, b, c, d, e, f = (float(v) for v in data["back_transform"])
    moved = {n: [a * x + c * y + e, b * x + d * y + f] for n, (x, y) in marks.items()}
    return {**data, "back_from": None, "landmarks": {**moved, **data.get("landmarks", {})}}


def _read(name: str) -> dict[str, Any]:
    with asset("body", name).open(encoding="utf-8") as fh:
        result: dict[str, Any] = json.load(fh)
    return result
