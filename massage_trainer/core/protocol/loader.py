"""Protocol files (YAML) -> Protocol, strictly: every problem reported at once with its location.

The format is described in protocol_format, the rules across fields are in cross_checks; this
reads the file, runs both and builds the Protocol. Whether a protocol is safe to play (what a
pregnancy protocol may contain, where each technique may touch) is decided by core.safety;
`read` keeps the parsed document so those findings can be located too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.cross_checks import cross_checks
from massage_trainer.core.protocol.model import (
    HandPlacement,
    Motion,
    ProjectChoice,
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
from massage_trainer.core.protocol.schema import INVALID, Ctx, locate
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
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map, Problem

PROTOCOL_SUFFIXES = (".yaml", ".yml")

ProtocolError = DocumentError
"""Raised with `.problems`, each `PATH:LINE:COL: message`."""

__all__ = [
    "PROTOCOL_SUFFIXES",
    "ProtocolError",
    "bundled_path",
    "json_schema",
    "load",
    "parse",
    "preparation_ids",
    "read",
    "refuse_shadowing",
]


def parse(text: str, path: str = "<text>") -> Protocol:
    """Parse protocol text; raise ProtocolError listing every problem as PATH:LINE:COL: message."""
    return _parse_root(yamlsafe.parse(text, path), path)


def _parse_root(root: yamlsafe.Node, path: str) -> Protocol:
    ctx = Ctx(path)
    data = PROTOCOL.check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        cross_checks(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return _build(data, Path(path) if path != "<text>" else None)


def read(path: str | Path) -> tuple[Protocol, Map]:
    """Read and parse a protocol file (size-limited, UTF-8 only); also the parsed document, so
    later checks can say PATH:LINE:COL. A file that is not the bundled one but takes a bundled
    protocol's id is refused: the list, play and the history name protocols by id."""
    text = yamlsafe.read_file(path)
    root = yamlsafe.parse(text, str(path))
    protocol = _parse_root(root, str(path))
    assert isinstance(root, Map)  # a protocol was built from it
    refuse_shadowing(protocol, root, Path(path))
    return protocol, root


def load(path: str | Path) -> Protocol:
    """Read and parse a protocol file; see `read`."""
    return read(path)[0]


def bundled_path(protocol_id: str) -> Path | None:
    """The file of the bundled protocol with this id (bundled files are named by their id)."""
    from massage_trainer.resources import protocols_dir

    path = protocols_dir() / f"{protocol_id}.yaml"
    return path if path.is_file() else None


def refuse_shadowing(protocol: Protocol, root: Map, path: Path | None) -> None:
    """Raise when a file other than the bundled one takes a bundled protocol's id (`path` None:
    the file is about to be copied elsewhere, so any bundled id is taken)."""
    bundled = bundled_path(protocol.id)
    if bundled is None:
        return
    try:
        same = path is not None and bundled.resolve() == path.resolve()
    except OSError:
        same = False
    if not same:
        loc = locate(root, "id")
        raise DocumentError(
            [
                Problem(
                    str(path or bundled),
                    loc.line,
                    loc.col,
                    f"id: '{protocol.id}' is the id of a protocol that comes with Massage "
                    "Trainer; give this file an id of its own (for example "
                    f"'my-{protocol.id}'), so that the list, play and the history never mix "
                    "the two up",
                )
            ]
        )


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
            source=SourceRef(
                s["source"]["id"],
                s["source"]["section"],
                tuple(SourceRef(a["id"], a["section"]) for a in s["source"]["also"]),
            ),
            project_choices=_choices(s["project_choices"]),
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
        project_choices=_choices(d["project_choices"]),
    )


def _choices(items: Any) -> tuple[ProjectChoice, ...]:
    return tuple(ProjectChoice(tuple(c["about"]), c["why"]) for c in items)
