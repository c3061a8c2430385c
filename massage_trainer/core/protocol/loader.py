"""Protocol files (YAML) -> Protocol, strictly: every problem reported at once with its location.

The format is described in protocol_format, the rules across fields are in cross_checks; this
reads the file, runs both and builds the Protocol.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.cross_checks import cross_checks
from massage_trainer.core.protocol.model import (
    HandPlacement,
    Motion,
    Protocol,
    Source,
    SourceRef,
    Step,
)
from massage_trainer.core.protocol.protocol_format import (
    PROTOCOL,
    json_schema,
    preparation_ids,
)
from massage_trainer.core.protocol.schema import INVALID, Ctx
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
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map

PROTOCOL_SUFFIXES = (".yaml", ".yml")

ProtocolError = DocumentError
"""Raised with `.problems`, each `PATH:LINE:COL: message`."""

__all__ = [
    "PROTOCOL_SUFFIXES",
    "ProtocolError",
    "json_schema",
    "load",
    "parse",
    "preparation_ids",
]


def parse(text: str, path: str = "<text>") -> Protocol:
    """Parse protocol text; raise ProtocolError listing every problem as PATH:LINE:COL: message."""
    root = yamlsafe.parse(text, path)
    ctx = Ctx(path)
    data = PROTOCOL.check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        cross_checks(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return _build(data, Path(path) if path != "<text>" else None)


def load(path: str | Path) -> Protocol:
    """Read and parse a protocol file (size-limited, UTF-8 only)."""
    text = yamlsafe.read_file(path)
    return parse(text, str(path))


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
