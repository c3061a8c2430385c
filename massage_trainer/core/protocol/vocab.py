"""The trade's vocabulary: techniques, hand contacts, motion patterns, pressure, with plain names."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Technique(StrEnum):
    STROKING = "stroking"
    DEEP_STROKING = "deep-stroking"
    RUBBING = "rubbing"
    KNEADING = "kneading"
    TAPPING = "tapping"
    CLAPPING = "clapping"
    SPINE_STRETCH = "spine-stretch"
    PINCH_ROLL = "pinch-roll"
    VIBRATION = "vibration"
    TOWEL_RUB = "towel-rub"


class Contact(StrEnum):
    """Which part of the hand touches the skin."""

    PALM = "palm"
    PALM_HEEL = "palm-heel"
    THUMBS = "thumbs"
    FINGER_PADS = "finger-pads"
    PALM_EDGE = "palm-edge"
    CUPPED_PALM = "cupped-palm"
    GRIP = "grip"
    FINGERTIPS = "fingertips"


class Orientation(StrEnum):
    """Where the fingers point, seen on the diagram (head at the top)."""

    FINGERS_TOWARD_HEAD = "fingers-toward-head"
    FINGERS_TOWARD_FEET = "fingers-toward-feet"
    FINGERS_OUTWARD = "fingers-outward"
    FINGERS_INWARD = "fingers-inward"


class Pattern(StrEnum):
    LONG_STROKES = "long-strokes"
    SMALL_CIRCLES = "small-circles"
    DIAGONAL = "diagonal"
    SIDE_TO_SIDE = "side-to-side"
    KNEADING_GRIP = "kneading-grip"
    ALTERNATING_TAPS = "alternating-taps"
    CLAPS = "claps"
    PRESS_AND_SLIDE = "press-and-slide"
    PINCH_ROLL = "pinch-roll"
    VIBRATION = "vibration"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    UP_AND_DOWN = "up-and-down"
    OUTWARD = "outward"
    IN_PLACE = "in-place"


class Coordination(StrEnum):
    """How the two hands move relative to each other."""

    MIRRORED = "mirrored"
    ALTERNATING = "alternating"
    ONE_SIDE_AT_A_TIME = "one-side-at-a-time"


class BodyPose(StrEnum):
    """How the receiver lies or sits; the diagram draws the body in this pose."""

    PRONE = "prone"
    SIDE_LEFT = "side-left"
    """Lying on the left side (the receiver's left side down), the back toward the practitioner."""
    SIDE_RIGHT = "side-right"
    SEATED = "seated"
    """Sitting, leaning forward onto a table, the back toward the practitioner."""


class Role(StrEnum):
    """What a hand does during a step."""

    WORKING = "working"
    STEADYING = "steadying"
    """Rests on the body and keeps it still while the other hand works."""


class Stand(StrEnum):
    """Where the practitioner stands (or sits), seen from the receiver."""

    AT_HEAD = "at-head"
    AT_FEET = "at-feet"
    AT_LEFT_SIDE = "at-left-side"
    AT_RIGHT_SIDE = "at-right-side"
    BEHIND = "behind"
    """Behind the receiver's back: a seated or side-lying receiver."""


class Move(StrEnum):
    """One piece of a composite path, as the hand working on the receiver's left or right side
    sees it: outward is toward that hand's own flank, inward toward the spine."""

    UP = "up"
    DOWN = "down"
    OUTWARD = "outward"
    INWARD = "inward"
    AROUND = "around"
    """Half a circle bulging outward while travelling down: round the outer edge of a shoulder
    blade from its top to its lower angle."""


class Pressure(StrEnum):
    LIGHT = "light"
    MODERATE = "moderate"
    FIRM = "firm"

    @property
    def level(self) -> int:
        return {"light": 1, "moderate": 2, "firm": 3}[self.value]


class Audience(StrEnum):
    CAREGIVER = "caregiver"
    STUDENT = "student"
    INSTRUCTOR = "instructor"


class SafetyProfile(StrEnum):
    """Who a protocol is meant for; the safety rules pick a protocol by this."""

    GENERAL = "general"
    PREGNANCY = "pregnancy"


@dataclass(frozen=True, slots=True)
class TechniqueInfo:
    plain: str
    classical: str
    family: str


TECHNIQUES: dict[Technique, TechniqueInfo] = {
    Technique.STROKING: TechniqueInfo("Stroking", "effleurage", "stroking"),
    Technique.DEEP_STROKING: TechniqueInfo("Deep stroking", "effleurage (deep)", "stroking"),
    Technique.RUBBING: TechniqueInfo("Rubbing", "friction", "rubbing"),
    Technique.KNEADING: TechniqueInfo("Kneading", "petrissage", "kneading"),
    Technique.TAPPING: TechniqueInfo("Tapping", "tapotement", "percussion"),
    Technique.CLAPPING: TechniqueInfo("Clapping", "tapotement (cupping)", "percussion"),
    Technique.SPINE_STRETCH: TechniqueInfo("Spine stretch", "traction stroke", "stretching"),
    Technique.PINCH_ROLL: TechniqueInfo(
        "Skin pinch-rolling", "skin rolling (petrissage)", "kneading"
    ),
    Technique.VIBRATION: TechniqueInfo("Finger vibration", "vibration", "vibration"),
    Technique.TOWEL_RUB: TechniqueInfo("Towel rub", "friction with a towel", "rubbing"),
}

PERCUSSION = frozenset({Technique.TAPPING, Technique.CLAPPING})

CONTACT_NAMES: dict[Contact, str] = {
    Contact.PALM: "whole palm",
    Contact.PALM_HEEL: "heel of the palm",
    Contact.THUMBS: "thumb pads",
    Contact.FINGER_PADS: "finger pads",
    Contact.PALM_EDGE: "edge of the palm (little-finger side)",
    Contact.CUPPED_PALM: "cupped palm",
    Contact.GRIP: "thumb and fingers gripping",
    Contact.FINGERTIPS: "fingertips",
}
