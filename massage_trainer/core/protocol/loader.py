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
from massage_trainer.core.protocol.cross_checks_v2 import POSE_ITEMS, cross_checks_v2
from massage_trainer.core.protocol.format_v2 import PROTOCOL_V2, json_schema
from massage_trainer.core.protocol.model import (
    Anchor,
    HandPlacement,
    Motion,
    PathMove,
    ProjectChoice,
    Protocol,
    Source,
    SourceRef,
    Step,
)
from massage_trainer.core.protocol.protocol_format import (
    PROTOCOL,
    preparation_ids,
)
from massage_trainer.core.protocol.schema import INVALID, Ctx, locate
from massage_trainer.core.protocol.vocab import (
    Audience,
    BodyPose,
    Contact,
    Coordination,
    Direction,
    Move,
    Orientation,
    Pattern,
    Pressure,
    Role,
    SafetyProfile,
    Stand,
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


def format_of(root: yamlsafe.Node) -> int:
    """Which format a parsed file is written in: 1 when it says `schema_version: 1`, else 2 (the
    format-2 description then says what is wrong with its schema_version, if anything)."""
    if isinstance(root, Map):
        v = root.entries.get("schema_version")
        if isinstance(v, yamlsafe.Scalar) and v.value == 1 and not isinstance(v.value, bool):
            return 1
    return 2


def check(root: yamlsafe.Node, path: str) -> tuple[int, dict[str, Any]]:
    """The file's format and its checked data; ProtocolError listing every problem."""
    ctx = Ctx(path)
    fmt = format_of(root)
    data = (PROTOCOL if fmt == 1 else PROTOCOL_V2).check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        cross_checks(root, data, ctx)
        if fmt == 2 and not ctx.problems:
            cross_checks_v2(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return fmt, data


def _parse_root(root: yamlsafe.Node, path: str) -> Protocol:
    fmt, data = check(root, path)
    where = Path(path) if path != "<text>" else None
    return _build(data, where) if fmt == 2 else _build_v1(data, where)


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


def _pose_v1(preparation: tuple[str, ...]) -> BodyPose:
    """Format 1 has no pose: a file whose preparation lays the receiver on her side is drawn
    side-lying (on the left side, the usual one), every other file prone."""
    if POSE_ITEMS[BodyPose.SIDE_LEFT] in preparation:
        return BodyPose.SIDE_LEFT
    return BodyPose.PRONE


def _build_v1(d: dict[str, Any], path: Path | None) -> Protocol:
    """A format-1 file as format 2 would say it. Its `left:` and `right:` name the receiver's
    sides the hands go to; with the fingers toward the feet the practitioner stands at the head
    and reaches the receiver's left side with the right hand (the thumbs toward the spine, not
    crossed arms), so the two hands swap."""
    steps = []
    for s in d["steps"]:
        h = s["hands"]
        left, right = h["left"], h["right"]
        if h["orientation"] == Orientation.FINGERS_TOWARD_FEET:
            left, right = right, left
        steps.append(
            {
                **s,
                "hands": {
                    **h,
                    "left": {"zone": left, "landmark": None, "offset": None, "role": "working"},
                    "right": {"zone": right, "landmark": None, "offset": None, "role": "working"},
                },
                "motion": {**s["motion"], "path": ()},
                "practitioner": None,
            }
        )
    return _build({**d, "steps": tuple(steps), "pose": str(_pose_v1(d["preparation"]))}, path)


def _hand_anchor(hand: dict[str, Any]) -> Anchor | None:
    if hand["landmark"] is None:
        return None
    off = hand["offset"] or {"x": 0.0, "y": 0.0}
    return Anchor(hand["landmark"], float(off["x"]), float(off["y"]))


def _hands(h: dict[str, Any]) -> HandPlacement:
    return HandPlacement(
        contact=Contact(h["contact"]),
        orientation=Orientation(h["orientation"]),
        left=h["left"]["zone"],
        right=h["right"]["zone"],
        left_role=Role(h["left"]["role"]),
        right_role=Role(h["right"]["role"]),
        left_at=_hand_anchor(h["left"]),
        right_at=_hand_anchor(h["right"]),
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
            hands=_hands(s["hands"]),
            motion=Motion(
                pattern=Pattern(s["motion"]["pattern"]),
                direction=Direction(s["motion"]["direction"]),
                hands=Coordination(s["motion"]["hands"]),
                path=tuple(PathMove(Move(m["move"]), float(m["cm"])) for m in s["motion"]["path"]),
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
            practitioner=None if s["practitioner"] is None else Stand(s["practitioner"]),
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
        pose=BodyPose(d["pose"]),
    )


def _choices(items: Any) -> tuple[ProjectChoice, ...]:
    return tuple(ProjectChoice(tuple(c["about"]), c["why"]) for c in items)
