"""Surface landmarks by name, for hands placed "at C7" or "two centimetres out from T3", and the
body of each pose a protocol names.

The names are core.body's (assets/body/: vertebral levels C7..S2, the shoulder-blade angles and
borders, the acromion, the 12th rib, the iliac crest, the midline...), the same in every pose.
"""

from __future__ import annotations

from massage_trainer.core.body.geometry import Body, Point, load_body


def landmark_names() -> tuple[str, ...]:
    """Every landmark name a protocol may place a hand at."""
    return tuple(load_body("prone").landmarks)


def landmark(body: Body, name: str) -> Point:
    """Where the landmark `name` is on `body` (cm); KeyError for a name it does not have."""
    return body.landmark(name)


def body_for(pose: str) -> Body:
    """The body drawn in `pose` ('prone', 'side-left', 'side-right', 'seated')."""
    return load_body(pose)
