"""The body coordinate system, its named zones and landmarks, and its drawing geometry, per pose.

Coordinates are centimetres on the page of a pose: x to the viewer's right, y downward. Lying
prone (the default) that is the receiver seen from above: x toward the receiver's right, y toward
the feet, (0, 0) the top of the head. The data lives in assets/body/ (`poses`): each pose places
the landmarks of shared/ANATOMY.md and its silhouette, and the zones are defined against the
landmarks so every pose has the same zone ids where that part of the body can be seen.
"""

from __future__ import annotations

from functools import cache

from massage_trainer.core.body.body_model import Body, Curve, Point, Segment, Zone
from massage_trainer.core.body.poses import POSES, parse_body, read_pose

__all__ = [
    "POSES",
    "Body",
    "Curve",
    "Point",
    "Segment",
    "Zone",
    "load_body",
    "parse_body",
    "zone_ids",
]


@cache
def load_body(pose: str = "prone") -> Body:
    """The body in one of POSES (read once per pose); ValueError for an unknown pose."""
    return read_pose(pose)


def zone_ids(pose: str = "prone") -> tuple[str, ...]:
    """The zone ids of a pose (prone has every zone)."""
    return tuple(load_body(pose).zones)
