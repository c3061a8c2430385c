"""One hand as a step sets it out (motion_plan): where it works, its lane, its travel, its grip."""

from __future__ import annotations

from dataclasses import dataclass

from massage_trainer.core.body.geometry import Point
from massage_trainer.core.body.motion_area import Area

GRIP_CM = 0.9
"""How far a kneading grip closes sideways where its area has the room."""


@dataclass(frozen=True)
class Hand:
    area: Area
    anchor: Point
    sx: float
    """-1 for a hand working on the receiver's left side, +1 on the right (outward = sx)."""
    lane_x: float
    y_top: float
    y_bottom: float
    base_angle: float
    offset: float
    """Phase offset in strokes (0.5 for the second of two alternating hands)."""
    dy: float
    """Vertical offset when both hands share one side (one above the other)."""
    right: bool
    """The caregiver's right hand (drawn mirrored)."""
    clear: float
    """How far (cm) the whole hand must stay from the midline: off the spine column and off the
    other hand's side; 0 when the hand may cross it."""
    steady: bool = False
    """A steadying hand: it rests at its anchor while the other works."""
    placed: bool = False
    """Placed at a landmark: the work starts there, not at the zone's usual lane."""
    grip: float = GRIP_CM
    """How far (cm) a kneading grip closes sideways toward the midline."""
