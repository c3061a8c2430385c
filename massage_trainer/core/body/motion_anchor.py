"""Surface landmarks by name, for hands placed "at C7" or "two centimetres out from T3".

The names are core.body's (vertebral levels C7..S2, the shoulder-blade angles, the acromion, the
12th rib, the iliac crest, the midline). A body that carries its own landmarks answers for itself
(`Body.landmark`); for the drawn prone body without them the spine levels come from its vertebrae
and the paired landmarks from the textbook proportions of ../shared/ANATOMY.md, so the same names
work in every pose.
"""

from __future__ import annotations

from massage_trainer.core.body.geometry import Body, Point

SPINE = ("C7", *(f"T{i}" for i in range(1, 13)), *(f"L{i}" for i in range(1, 6)), "S1", "S2")
PAIRED = (
    "acromion",
    "scapula-superior-angle",
    "scapula-spine-root",
    "scapula-inferior-angle",
    "rib12",
    "iliac-crest",
    "psis",
)
LANDMARKS: tuple[str, ...] = (
    *SPINE,
    "midline",
    *(f"{name}-{side}" for name in PAIRED for side in ("left", "right")),
)
"""Every landmark name a protocol may place a hand at."""

_PAIRED_PRONE: dict[str, tuple[float, str]] = {
    # outward distance from the midline (cm) and the spine level it lies at
    "acromion": (17.5, "T1"),
    "scapula-superior-angle": (7.5, "T2"),
    "scapula-spine-root": (6.5, "T3"),
    "scapula-inferior-angle": (8.0, "T7"),
    "rib12": (9.0, "L1"),
    "iliac-crest": (12.5, "L4"),
    "psis": (4.0, "S2"),
}


def landmark_names() -> tuple[str, ...]:
    return LANDMARKS


def _spine_y(body: Body, name: str) -> float:
    ys = dict(body.vertebrae)
    if name in ys:
        return ys[name]
    if name in body.levels:
        return body.levels[name]
    l5 = ys.get("L5", body.levels.get("L4", 76.5) + 3.5)
    s2 = body.levels.get("S2", l5 + 6.0)
    if name == "S1":
        return (l5 + s2) / 2
    raise KeyError(name)


def landmark(body: Body, name: str) -> Point:
    """Where the landmark `name` is on `body` (cm); KeyError for a name it does not have."""
    own = getattr(body, "landmark", None)
    if callable(own):
        point: Point = own(name)
        return point
    if name == "midline":
        return 0.0, (_spine_y(body, "C7") + _spine_y(body, "S2")) / 2
    if name in SPINE:
        return 0.0, _spine_y(body, name)
    base, _, side = name.rpartition("-")
    if base in _PAIRED_PRONE and side in ("left", "right"):
        out, level = _PAIRED_PRONE[base]
        return (-out if side == "left" else out), _spine_y(body, level)
    raise KeyError(name)


def body_for(pose: str) -> Body:
    """The body drawn in `pose` ('prone', 'side-left', 'side-right', 'seated')."""
    from massage_trainer.core.body.geometry import load_body

    if pose == "prone":
        return load_body()
    try:
        return load_body(pose=pose)
    except (TypeError, ValueError):  # a geometry without this pose yet: the prone one stands in
        return load_body()
