"""Format 2 of protocol files (`schema_version: 2`), in the schema language.

Everything of format 1, plus: the receiver's `pose`; per step where the practitioner stands;
per hand its role (working or steadying) and its place, by zone or at a landmark with an offset;
a composite path (up, then out, around the blade, inward). Format 1 keeps its own description
(protocol_format) and loads as before; `upgrade` turns it into this.
"""

from __future__ import annotations

from typing import Any

from massage_trainer.core.body.motion_anchor import landmark_names
from massage_trainer.core.protocol.format_json import with_cross_field_rules
from massage_trainer.core.protocol.protocol_format import (
    MOTION,
    PROTOCOL,
    SCHEMA_VERSION_FIELD,
    STEP,
    values,
    zone_choice,
)
from massage_trainer.core.protocol.schema import Choice, F, ListOf, Number, Obj
from massage_trainer.core.protocol.vocab import (
    BodyPose,
    Contact,
    Move,
    Orientation,
    Role,
    Stand,
)

OFFSET = Obj(
    {
        "x": F(
            Number(
                "Centimetres toward the receiver's right (negative: toward the left).",
                minimum=-30,
                maximum=30,
                unit="cm",
            ),
            default=0.0,
        ),
        "y": F(
            Number(
                "Centimetres toward the feet (negative: toward the head).",
                minimum=-30,
                maximum=30,
                unit="cm",
            ),
            default=0.0,
        ),
    },
    "How far from the landmark the hand's touching part sits.",
)

HAND = Obj(
    {
        "zone": F(
            zone_choice(
                "The zone where this hand starts (with a landmark: optional, found from the point)."
            )
        ),
        "landmark": F(
            Choice(
                "A surface landmark the hand is placed at (C7, T1..T12, L1..L5, S1, S2, "
                "acromion-left, scapula-inferior-angle-right, ...).",
                landmark_names,
                what="landmark",
            )
        ),
        "offset": F(OFFSET),
        "role": F(
            Choice(
                "working: this hand does the technique; steadying: it rests and keeps the body "
                "still while the other works.",
                values(Role),
            ),
            default=str(Role.WORKING),
        ),
    },
    "One of the practitioner's hands: where it starts and what it does.",
)

HANDS = Obj(
    {
        "contact": F(
            Choice("Which part of the hand touches the skin.", values(Contact)), required=True
        ),
        "orientation": F(
            Choice("Where the fingers point on the diagram.", values(Orientation)), required=True
        ),
        "left": F(HAND, required=True),
        "right": F(HAND, required=True),
    },
    "Where and how the practitioner's left and right hands are placed.",
)

MOVE = Obj(
    {
        "move": F(
            Choice(
                "up, down, outward (toward the hand's own flank), inward (toward the spine), or "
                "around (half a circle bulging outward while going down, as round a shoulder "
                "blade).",
                values(Move),
            ),
            required=True,
        ),
        "cm": F(
            Number(
                "How long the move is (for around: how far it goes down).",
                minimum=1,
                maximum=60,
                unit="cm",
            ),
            required=True,
        ),
    },
    "One piece of a composite path.",
)

MOTION_V2 = Obj(
    {
        **MOTION.fields,
        "path": F(
            ListOf(
                MOVE,
                "A composite path each stroke follows, from where the hand starts: for example "
                "up, then outward over the shoulder.",
                min_items=1,
                max_items=8,
            ),
            default=(),
        ),
    },
    MOTION.description,
)

STEP_V2 = Obj(
    {
        **STEP.fields,
        "hands": F(HANDS, required=True),
        "motion": F(MOTION_V2, required=True),
        "practitioner": F(
            Choice(
                "Where the practitioner stands: at-head, at-feet, at-left-side, at-right-side "
                "(the receiver's sides), or behind (a seated or side-lying receiver).",
                values(Stand),
            )
        ),
    },
    STEP.description,
)

PROTOCOL_V2 = Obj(
    {
        "schema_version": SCHEMA_VERSION_FIELD,
        "id": PROTOCOL.fields["id"],
        "version": PROTOCOL.fields["version"],
        "pose": F(
            Choice(
                "How the receiver lies or sits: prone (on the stomach), side-left or side-right "
                "(on that side, with pillows), seated (leaning forward onto a table).",
                values(BodyPose),
            ),
            default=str(BodyPose.PRONE),
        ),
        **{
            k: f
            for k, f in PROTOCOL.fields.items()
            if k not in ("schema_version", "id", "version", "steps")
        },
        "steps": F(ListOf(STEP_V2, min_items=1, max_items=100), required=True),
    },
    PROTOCOL.description,
    title="Massage Trainer protocol (format 2)",
)


def json_schema() -> dict[str, Any]:
    """Both protocol formats as JSON Schema (draft 2020-12), for editors: `schema_version: 1`
    files against format 1, every other file against format 2."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://massage-trainer.invalid/protocol.schema.json",
        "title": "Massage Trainer protocol",
        "description": "A guided massage protocol for Massage Trainer (format 1 or 2).",
        "type": "object",
        "required": ["schema_version"],
        "if": {"properties": {"schema_version": {"const": 1}}},
        "then": {"$ref": "#/$defs/format-1"},
        "else": {"$ref": "#/$defs/format-2"},
        "$defs": {
            "format-1": with_cross_field_rules(PROTOCOL.json()),
            "format-2": with_cross_field_rules(PROTOCOL_V2.json()),
        },
    }
