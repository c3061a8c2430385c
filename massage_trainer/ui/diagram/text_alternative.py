"""The diagram in words, for a screen reader: where the hands are, what they do, how hard and how fast.

Made from the step's data (its zones, hand placement, motion, pressure and tempo) and the body's
zone names, in the UI language: the same facts the picture shows, never a fixed sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import (
    Coordination,
    Direction,
    Orientation,
    Pattern,
    Pressure,
)
from massage_trainer.ui.base.vocab_text import contact_name, technique_name

CONTEXT = "Diagram"
ORIENTATIONS = {
    Orientation.FINGERS_TOWARD_HEAD: QT_TRANSLATE_NOOP("Diagram", "fingers toward the head"),
    Orientation.FINGERS_TOWARD_FEET: QT_TRANSLATE_NOOP("Diagram", "fingers toward the feet"),
    Orientation.FINGERS_OUTWARD: QT_TRANSLATE_NOOP("Diagram", "fingers pointing outward"),
    Orientation.FINGERS_INWARD: QT_TRANSLATE_NOOP("Diagram", "fingers pointing to the spine"),
}
PATTERNS = {
    Pattern.LONG_STROKES: QT_TRANSLATE_NOOP("Diagram", "long strokes"),
    Pattern.SMALL_CIRCLES: QT_TRANSLATE_NOOP("Diagram", "small circles"),
    Pattern.DIAGONAL: QT_TRANSLATE_NOOP("Diagram", "diagonal strokes"),
    Pattern.SIDE_TO_SIDE: QT_TRANSLATE_NOOP("Diagram", "side to side"),
    Pattern.KNEADING_GRIP: QT_TRANSLATE_NOOP("Diagram", "grip, lift and knead"),
    Pattern.ALTERNATING_TAPS: QT_TRANSLATE_NOOP("Diagram", "quick alternating taps"),
    Pattern.CLAPS: QT_TRANSLATE_NOOP("Diagram", "claps with cupped palms"),
    Pattern.PRESS_AND_SLIDE: QT_TRANSLATE_NOOP("Diagram", "press and slide"),
    Pattern.PINCH_ROLL: QT_TRANSLATE_NOOP("Diagram", "pinch and roll the skin"),
    Pattern.VIBRATION: QT_TRANSLATE_NOOP("Diagram", "fine vibration"),
}
DIRECTIONS = {
    Direction.UP: QT_TRANSLATE_NOOP("Diagram", "upward, toward the head"),
    Direction.DOWN: QT_TRANSLATE_NOOP("Diagram", "downward, toward the feet"),
    Direction.UP_AND_DOWN: QT_TRANSLATE_NOOP("Diagram", "up and down"),
    Direction.OUTWARD: QT_TRANSLATE_NOOP("Diagram", "outward, away from the spine"),
    Direction.IN_PLACE: QT_TRANSLATE_NOOP("Diagram", "in place"),
}
COORDINATIONS = {
    Coordination.MIRRORED: QT_TRANSLATE_NOOP("Diagram", "both hands together, mirrored"),
    Coordination.ALTERNATING: QT_TRANSLATE_NOOP("Diagram", "the hands take turns"),
    Coordination.ONE_SIDE_AT_A_TIME: QT_TRANSLATE_NOOP("Diagram", "one side at a time"),
}
PRESSURES = {
    Pressure.LIGHT: QT_TRANSLATE_NOOP("Diagram", "light"),
    Pressure.MODERATE: QT_TRANSLATE_NOOP("Diagram", "moderate"),
    Pressure.FIRM: QT_TRANSLATE_NOOP("Diagram", "firm"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _name(table: Mapping[Any, str], key: object) -> str:
    """The translated name of a vocabulary word; a word added later reads as its id."""
    text = table.get(key)
    return _tr(text) if text is not None else str(key).replace("-", " ")


def zone_name(body: Body, zone_id: str, lang: str) -> str:
    zone = body.zones.get(zone_id)
    return zone.name.get(lang) if zone is not None else zone_id.replace("-", " ")


def describe_step(step: Step | None, body: Body, lang: str) -> str:
    """A few plain sentences saying what the diagram shows for `step` ("" without a step)."""
    if step is None:
        return QCoreApplication.translate("Diagram", "No step is shown.")
    h, m = step.hands, step.motion

    def where(zone_id: str) -> str:
        return zone_name(body, zone_id, lang)

    if h.left == h.right:
        hands = QCoreApplication.translate("Diagram", "Both your hands: %1.").replace(
            "%1", where(h.left)
        )
    else:
        hands = (
            QCoreApplication.translate("Diagram", "Your left hand: %1; your right hand: %2.")
            .replace("%1", where(h.left))
            .replace("%2", where(h.right))
        )
    touch = (
        QCoreApplication.translate("Diagram", "Hand contact: %1, %2.")
        .replace("%1", contact_name(h.contact))
        .replace("%2", _name(ORIENTATIONS, h.orientation))
    )
    moves = (
        QCoreApplication.translate("Diagram", "%1: %2, %3; %4.")
        .replace("%1", technique_name(step.technique))
        .replace("%2", _name(PATTERNS, m.pattern))
        .replace("%3", _name(DIRECTIONS, m.direction))
        .replace("%4", _name(COORDINATIONS, m.hands))
    )
    pace = (
        QCoreApplication.translate("Diagram", "Pressure %1, %2 strokes a minute.")
        .replace("%1", _name(PRESSURES, step.pressure))
        .replace("%2", f"{step.tempo:g}")
    )
    parts = [hands, touch, moves, pace]
    if step.target_zones:
        work = ", ".join(where(z) for z in step.target_zones)
        parts.append(QCoreApplication.translate("Diagram", "Work on: %1.").replace("%1", work))
    if step.avoid_zones:
        avoid = ", ".join(where(z) for z in step.avoid_zones)
        parts.append(QCoreApplication.translate("Diagram", "Keep off: %1.").replace("%1", avoid))
    return " ".join(parts)
