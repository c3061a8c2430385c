"""Protocol files (YAML) -> Protocol, strictly: every problem reported at once with its location."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from massage_trainer.core.body.geometry import zone_ids
from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.model import (
    HandPlacement,
    Motion,
    Protocol,
    Source,
    SourceRef,
    Step,
)
from massage_trainer.core.protocol.schema import (
    INVALID,
    Bool,
    Choice,
    Ctx,
    F,
    Id,
    ListOf,
    Number,
    Obj,
    Str,
    Text,
    locate,
)
from massage_trainer.core.protocol.vocab import (
    PERCUSSION,
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
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map, Seq
from massage_trainer.core.safety import rules as safety_rules

SCHEMA_VERSION = 1
PROTOCOL_SUFFIXES = (".yaml", ".yml")
PREGNANCY_MAX_MINUTES = 40
PREGNANCY_TECHNIQUES = frozenset({Technique.STROKING, Technique.VIBRATION})

ProtocolError = DocumentError
"""Raised with `.problems`, each `PATH:LINE:COL: message`."""


def _values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(e) for e in enum)


_zone = Choice("A zone of the body diagram (assets/body.json).", zone_ids, what="zone")


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

HANDS = Obj(
    {
        "contact": F(
            Choice("Which part of the hand touches the skin.", _values(Contact)), required=True
        ),
        "orientation": F(
            Choice("Where the fingers point on the diagram.", _values(Orientation)), required=True
        ),
        "left": F(Choice("Zone where the left hand starts.", zone_ids, what="zone"), required=True),
        "right": F(
            Choice("Zone where the right hand starts.", zone_ids, what="zone"), required=True
        ),
    },
    "Where and how the hands are placed.",
)

MOTION = Obj(
    {
        "pattern": F(
            Choice("The movement the hands repeat.", _values(Pattern), what="motion pattern"),
            required=True,
        ),
        "direction": F(Choice("Which way the movement goes.", _values(Direction)), required=True),
        "hands": F(
            Choice("How the two hands move relative to each other.", _values(Coordination)),
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
            Choice("The technique.", _values(Technique), what="technique"), required=True
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
        "pressure": F(Choice("How hard to press.", _values(Pressure)), required=True),
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
                },
                "Which source this step comes from.",
            ),
            required=True,
        ),
    },
    "One step of the massage.",
)

PROTOCOL = Obj(
    {
        "schema_version": F(
            Number("Format version; this app reads 1.", minimum=1, maximum=1, integer=True),
            required=True,
        ),
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
            ListOf(Choice("Who it is for.", _values(Audience)), min_items=1, unique=True),
            required=True,
        ),
        "sources": F(ListOf(SOURCE, min_items=1, max_items=20), required=True),
        "safety_profile": F(
            Choice(
                "general: needs an all-clear screening and no pregnancy; "
                "pregnancy: made for pregnancy from the fourth month.",
                _values(SafetyProfile),
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
    },
    "A guided back-massage protocol for Massage Trainer.",
    title="Massage Trainer protocol",
)


def json_schema() -> dict[str, Any]:
    """The protocol format as JSON Schema (draft 2020-12), for editors."""
    schema = PROTOCOL.json()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://massage-trainer.invalid/protocol.schema.json",
        **schema,
    }


def parse(text: str, path: str = "<text>") -> Protocol:
    """Parse protocol text; raise ProtocolError listing every problem as PATH:LINE:COL: message."""
    root = yamlsafe.parse(text, path)
    ctx = Ctx(path)
    data = PROTOCOL.check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        _cross_checks(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return _build(data, Path(path) if path != "<text>" else None)


def load(path: str | Path) -> Protocol:
    """Read and parse a protocol file (size-limited, UTF-8 only)."""
    text = yamlsafe.read_file(path)
    return parse(text, str(path))


def _cross_checks(root: Map, d: dict[str, Any], ctx: Ctx) -> None:
    """Rules that span several fields: consistency and the safety limits taken from the sources."""
    source_ids = [s["id"] for s in d["sources"]]
    for i, s in enumerate(d["sources"], start=1):
        if source_ids.count(s["id"]) > 1:
            ctx.add(
                locate(root, "sources", i, "id"), f"sources[{i}].id", f"'{s['id']}' is used twice"
            )
    if d["max_minutes"] < d["estimated_minutes"]:
        ctx.add(
            locate(root, "max_minutes"),
            "max_minutes",
            f"{d['max_minutes']} is shorter than estimated_minutes ({d['estimated_minutes']})",
        )
    pregnancy = d["safety_profile"] == SafetyProfile.PREGNANCY
    if pregnancy and d["max_minutes"] > PREGNANCY_MAX_MINUTES:
        ctx.add(
            locate(root, "max_minutes"),
            "max_minutes",
            f"a pregnancy protocol lasts at most {PREGNANCY_MAX_MINUTES} minutes",
        )
    seen: dict[str, int] = {}
    planned = 0.0
    for i, st in enumerate(d["steps"], start=1):
        w = f"steps[{i}]"

        def at(*keys: str | int, _i: int = i) -> Any:
            return locate(root, "steps", _i, *keys)

        if st["id"] in seen:
            ctx.add(at("id"), f"{w}.id", f"'{st['id']}' is already the id of step {seen[st['id']]}")
        else:
            seen[st["id"]] = i
        if st["source"]["id"] not in source_ids:
            ctx.add(
                at("source", "id"),
                f"{w}.source.id",
                f"'{st['source']['id']}' is not one of this protocol's sources "
                f"({', '.join(source_ids)})",
            )
        has_reps = st["repetitions"] is not None
        has_dur = st["duration_s"] is not None
        if has_reps and has_dur:
            ctx.add(at("duration_s"), w, "give either repetitions or duration_s, not both")
        elif not (has_reps or has_dur or st["until_next"]):
            ctx.add(at(), w, "give repetitions or duration_s (or until_next: true)")
        if has_reps:
            planned += st["repetitions"] * 60.0 / st["tempo"]
        elif has_dur:
            planned += st["duration_s"]
        targets = set(st["target_zones"])
        both = targets & set(st["avoid_zones"])
        if both:
            ctx.add(
                at("avoid_zones"),
                f"{w}.avoid_zones",
                f"{', '.join(sorted(both))} cannot be both a target and a zone to avoid",
            )
        if "spine" in targets:
            ctx.add(
                at("target_zones"),
                f"{w}.target_zones",
                "the spine is a caution zone: work beside it, never target it",
            )
        technique = Technique(st["technique"])
        kidneys = targets & {"kidney-left", "kidney-right"}
        if technique in PERCUSSION and kidneys:
            ctx.add(
                at("target_zones"),
                f"{w}.target_zones",
                f"{technique} must never be done over the kidney areas ({', '.join(sorted(kidneys))})",
            )
        if technique in PERCUSSION and not {"kidney-left", "kidney-right"} <= set(
            st["avoid_zones"]
        ):
            ctx.add(
                at("avoid_zones") if "avoid_zones" in _keys(root, i) else at(),
                f"{w}.avoid_zones",
                f"{technique} must list kidney-left and kidney-right as zones to avoid",
            )
        if pregnancy:
            if st["pressure"] != Pressure.LIGHT:
                ctx.add(
                    at("pressure"),
                    f"{w}.pressure",
                    "a pregnancy protocol uses no pressure: only 'light' is allowed",
                )
            if technique not in PREGNANCY_TECHNIQUES:
                ctx.add(
                    at("technique"),
                    f"{w}.technique",
                    f"'{technique}' is not allowed in a pregnancy protocol "
                    "(only slow stroking and finger vibration)",
                )
    if planned > d["max_minutes"] * 60 + 1e-6:
        ctx.add(
            locate(root, "max_minutes"),
            "max_minutes",
            f"the steps add up to {planned / 60:.1f} minutes, more than max_minutes "
            f"({d['max_minutes']})",
        )


def _keys(root: Map, i: int) -> set[str]:
    steps = root.entries.get("steps")
    if isinstance(steps, Seq) and 1 <= i <= len(steps.items):
        node = steps.items[i - 1]
        if isinstance(node, Map):
            return set(node.entries)
    return set()


def _build(d: dict[str, Any], path: Path | None) -> Protocol:
    steps = tuple(
        Step(
            id=s["id"],
            title=s["title"],
            technique=Technique(s["technique"]),
            instructions=s["instructions"],
            cue=s["cue"],
            target_zones=s["target_zones"],
            avoid_zones=s["avoid_zones"],
            hands=HandPlacement(
                contact=Contact(s["hands"]["contact"]),
                orientation=Orientation(s["hands"]["orientation"]),
                left=s["hands"]["left"],
                right=s["hands"]["right"],
            ),
            motion=Motion(
                pattern=Pattern(s["motion"]["pattern"]),
                direction=Direction(s["motion"]["direction"]),
                hands=Coordination(s["motion"]["hands"]),
            ),
            pressure=Pressure(s["pressure"]),
            tempo=float(s["tempo"]),
            repetitions=s["repetitions"],
            duration_s=None if s["duration_s"] is None else float(s["duration_s"]),
            until_next=bool(s["until_next"]),
            cautions=s["cautions"],
            source=SourceRef(s["source"]["id"], s["source"]["section"]),
        )
        for s in d["steps"]
    )
    return Protocol(
        schema_version=d["schema_version"],
        id=d["id"],
        version=d["version"],
        title=d["title"],
        summary=d["summary"],
        audience=tuple(Audience(a) for a in d["audience"]),
        sources=tuple(Source(s["id"], s["file"], s["title"]) for s in d["sources"]),
        safety_profile=SafetyProfile(d["safety_profile"]),
        estimated_minutes=float(d["estimated_minutes"]),
        max_minutes=float(d["max_minutes"]),
        preparation=d["preparation"],
        steps=steps,
        path=path,
    )
