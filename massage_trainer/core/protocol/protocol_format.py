"""The protocol format, described once in the schema language: what each key of a protocol file
may hold. The loader checks files against it, and format_v2.json_schema gives editors the same
rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from massage_trainer.core.body.geometry import zone_ids
from massage_trainer.core.protocol.model import PROTOCOL_CHOICES, STEP_CHOICES
from massage_trainer.core.protocol.schema import (
    Bool,
    Choice,
    F,
    Id,
    ListOf,
    Number,
    Obj,
    Str,
    Text,
)
from massage_trainer.core.protocol.vocab import (
    Audience,
    Contact,
    Coordination,
    Direction,
    Orientation,
    Pattern,
    Pressure,
    SafetyProfile,
    Technique,
)
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety import rules as safety_rules

SCHEMA_VERSION = 2
"""The newest format this app reads (and `upgrade` writes); format 1 still loads."""
SCHEMA_VERSIONS = (1, 2)


def values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(e) for e in enum)


def zone_choice(description: str) -> Choice:
    return Choice(description, zone_ids, what="zone")


_zone = zone_choice("A zone of the body diagram (assets/body/zones.json).")


@cache
def preparation_ids() -> tuple[str, ...]:
    """Preparation item ids known to the bundled safety rules (a protocol may only list these,
    or its checklist could never be completed). Empty when the rules themselves cannot load."""
    try:
        return tuple(p.id for p in safety_rules.load().preparation)
    except DocumentError:
        return ()


SOURCE = Obj(
    {
        "id": F(Id("Short name the steps use to cite this source."), required=True),
        "file": F(Str("The source document's file name.", max_len=200), required=True),
        "title": F(Str("The source document's title.", max_len=200), required=True),
    },
    "A document the protocol's facts come from.",
)


def _project_choices(allowed: tuple[str, ...], where: str) -> ListOf:
    return ListOf(
        Obj(
            {
                "about": F(
                    ListOf(
                        Choice(f"What {where} the project chose.", allowed, what="choice"),
                        min_items=1,
                        unique=True,
                    ),
                    required=True,
                ),
                "why": F(Text("Why, in one or two plain sentences.", max_len=500), required=True),
            },
            "A value the sources do not give: the project's careful choice, and why.",
        ),
        "What is the project's choice here rather than a source fact (shown with the step).",
        max_items=10,
    )


_CITE = Obj(
    {
        "id": F(Id("A source id from the protocol's sources."), required=True),
        "section": F(Str("Where in the source the facts are.", max_len=200), required=True),
    },
    "A further source a part of this step (such as a caution) comes from.",
)

HANDS = Obj(
    {
        "contact": F(
            Choice("Which part of the hand touches the skin.", values(Contact)), required=True
        ),
        "orientation": F(
            Choice("Where the fingers point on the diagram.", values(Orientation)), required=True
        ),
        "left": F(zone_choice("Zone where the left hand starts."), required=True),
        "right": F(zone_choice("Zone where the right hand starts."), required=True),
    },
    "Where and how the hands are placed.",
)

MOTION = Obj(
    {
        "pattern": F(
            Choice("The movement the hands repeat.", values(Pattern), what="motion pattern"),
            required=True,
        ),
        "direction": F(Choice("Which way the movement goes.", values(Direction)), required=True),
        "hands": F(
            Choice("How the two hands move relative to each other.", values(Coordination)),
            required=True,
        ),
    },
    "How the hands move.",
)

STEP = Obj(
    {
        "id": F(Id("Short unique name of the step."), required=True),
        "title": F(Text("Step title shown large on screen.", max_len=80), required=True),
        "technique": F(
            Choice("The technique.", values(Technique), what="technique"), required=True
        ),
        "instructions": F(Text("What to do, in plain words.", max_len=1500), required=True),
        "cue": F(Text("A short sentence spoken when the step begins.", max_len=200), required=True),
        "target_zones": F(
            ListOf(_zone, "Zones this step works on.", min_items=1, max_items=20, unique=True),
            required=True,
        ),
        "avoid_zones": F(
            ListOf(_zone, "Zones to spare during this step.", max_items=20, unique=True),
            default=(),
        ),
        "hands": F(HANDS, required=True),
        "motion": F(MOTION, required=True),
        "pressure": F(Choice("How hard to press.", values(Pressure)), required=True),
        "tempo": F(
            Number("Motion cycles per minute.", minimum=1, maximum=300, unit="per minute"),
            required=True,
        ),
        "repetitions": F(Number("How many motion cycles.", minimum=1, maximum=500, integer=True)),
        "duration_s": F(
            Number("How long the step lasts, in seconds.", minimum=1, maximum=3600, unit="seconds")
        ),
        "until_next": F(
            Bool("Wait for the user to press Next instead of moving on by itself."),
            default=False,
        ),
        "cautions": F(
            ListOf(Text("A caution.", max_len=300), "What to watch out for.", max_items=10),
            default=(),
        ),
        "source": F(
            Obj(
                {
                    "id": F(Id("A source id from the protocol's sources."), required=True),
                    "section": F(
                        Str("Where in the source the facts are.", max_len=200), required=True
                    ),
                    "also": F(ListOf(_CITE, max_items=10), default=()),
                },
                "Which source this step comes from.",
            ),
            required=True,
        ),
        "project_choices": F(_project_choices(STEP_CHOICES, "in this step"), default=()),
    },
    "One step of the massage.",
)

SCHEMA_VERSION_FIELD = F(
    Number(
        "Format version: 1 (the first format) or 2 (poses, hand roles, landmarks, paths); "
        "`massage-trainer upgrade` turns 1 into 2.",
        minimum=1,
        maximum=2,
        integer=True,
    ),
    required=True,
)

PROTOCOL = Obj(
    {
        "schema_version": SCHEMA_VERSION_FIELD,
        "id": F(Id("Unique name of the protocol."), required=True),
        "version": F(
            Number(
                "Version of this protocol; raise it when you change it.",
                minimum=1,
                maximum=100000,
                integer=True,
            ),
            required=True,
        ),
        "title": F(Text("Title of the protocol.", max_len=100), required=True),
        "summary": F(Text("One or two sentences: what it is for.", max_len=600), required=True),
        "audience": F(
            ListOf(Choice("Who it is for.", values(Audience)), min_items=1, unique=True),
            required=True,
        ),
        "sources": F(ListOf(SOURCE, min_items=1, max_items=20), required=True),
        "safety_profile": F(
            Choice(
                "general: needs an all-clear screening and no pregnancy; "
                "pregnancy: made for pregnancy from the fourth month.",
                values(SafetyProfile),
            ),
            required=True,
        ),
        "estimated_minutes": F(
            Number("About how long it takes.", minimum=1, maximum=180, unit="minutes"),
            required=True,
        ),
        "max_minutes": F(
            Number("It never runs longer than this.", minimum=1, maximum=180, unit="minutes"),
            required=True,
        ),
        "preparation": F(
            ListOf(
                Choice(
                    "A preparation item id from the safety rules.",
                    preparation_ids,
                    what="preparation item",
                ),
                unique=True,
                max_items=30,
            ),
            default=(),
        ),
        "steps": F(ListOf(STEP, min_items=1, max_items=100), required=True),
        "project_choices": F(
            _project_choices(PROTOCOL_CHOICES, "for every step (or max_minutes)"), default=()
        ),
    },
    "A guided back-massage protocol for Massage Trainer.",
    title="Massage Trainer protocol (format 1)",
)
