"""Format 1 -> format 2: the same protocol written in the newer format.

The text is written from the loaded Protocol, so the upgraded file loads into exactly the same
protocol (`upgrade` checks that before it hands the text back), except that a preparation list
without the receiver's position gets it added, as format 2 asks. The comment lines at the top of
the file are kept; comments between the steps are not (a note says so).
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap

from massage_trainer.core.protocol import loader, yamlsafe
from massage_trainer.core.protocol.cross_checks_v2 import POSE_ITEMS
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import (
    Anchor,
    HandPlacement,
    ProjectChoice,
    Protocol,
    Step,
)
from massage_trainer.core.protocol.protocol_format import SCHEMA_VERSION
from massage_trainer.core.protocol.vocab import Role
from massage_trainer.core.protocol.yamlsafe import DocumentError, Problem

WIDTH = 96
_PLAIN = re.compile(r"[^\W_][\w .,()/'«»—–-]*")


class AlreadyCurrent(Exception):
    """The file is already written in the newest format."""


def _is_text(s: str, flow: bool) -> bool:
    try:
        node = yamlsafe.parse(f"{{k: {s}}}\n" if flow else f"k: {s}\n", "<check>")
    except DocumentError:
        return False
    assert isinstance(node, yamlsafe.Map)
    v = node.entries["k"]
    return isinstance(v, yamlsafe.Scalar) and v.value == s and not v.quoted


def scalar(s: str, *, flow: bool = False) -> str:
    """A text as a YAML scalar on one line: plain when that reads back as the same text."""
    if _PLAIN.fullmatch(s) and "  " not in s and not s.endswith(" ") and _is_text(s, flow):
        return s
    return json.dumps(s, ensure_ascii=False)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _text(key: str, t: LocalText, indent: int) -> list[str]:
    pad = " " * indent
    pairs = t.by_lang
    if len(pairs) == 1:
        return _line_text(f"{pad}{key}", pairs[0][1], indent)
    out = [f"{pad}{key}:"]
    for lang, value in pairs:
        out += _line_text(f"{pad}  {lang}", value, indent + 2)
    return out


def _line_text(head: str, value: str, indent: int) -> list[str]:
    one = f"{head}: {scalar(value)}"
    foldable = "\n" not in value and "  " not in value and value == value.strip()
    if len(one) <= WIDTH or not foldable:
        return [one]
    pad = " " * (indent + 2)
    return [f"{head}: >-", *textwrap.wrap(value, WIDTH, initial_indent=pad, subsequent_indent=pad)]


def _flow(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _hand(zone: str, role: Role, at: Anchor | None) -> str:
    pairs: list[tuple[str, str]] = []
    if at is not None:
        pairs.append(("landmark", at.landmark))
        if at.dx or at.dy:
            pairs.append(("offset", _flow([("x", _num(at.dx)), ("y", _num(at.dy))])))
    pairs.append(("zone", zone))
    if role is not Role.WORKING:
        pairs.append(("role", str(role)))
    return _flow(pairs)


def _hands(h: HandPlacement) -> list[str]:
    return [
        "    hands:",
        f"      contact: {h.contact}",
        f"      orientation: {h.orientation}",
        f"      left: {_hand(h.left, h.left_role, h.left_at)}",
        f"      right: {_hand(h.right, h.right_role, h.right_at)}",
    ]


def _step(s: Step) -> list[str]:
    out = [f"  - id: {s.id}"]
    out += _text("title", s.title, 4)
    out.append(f"    technique: {s.technique}")
    out += _text("instructions", s.instructions, 4)
    out += _text("cue", s.cue, 4)
    out.append(f"    target_zones: [{', '.join(s.target_zones)}]")
    if s.avoid_zones:
        out.append(f"    avoid_zones: [{', '.join(s.avoid_zones)}]")
    if s.practitioner is not None:
        out.append(f"    practitioner: {s.practitioner}")
    out += _hands(s.hands)
    m = s.motion
    motion = [("pattern", str(m.pattern)), ("direction", str(m.direction)), ("hands", str(m.hands))]
    if m.path:
        out.append("    motion:")
        out += [f"      {k}: {v}" for k, v in motion]
        out.append("      path:")
        out += [f"        - {_flow([('move', str(p.move)), ('cm', _num(p.cm))])}" for p in m.path]
    else:
        out.append(f"    motion: {_flow(motion)}")
    out.append(f"    pressure: {s.pressure}")
    out.append(f"    tempo: {_num(s.tempo)}")
    if s.repetitions is not None:
        out.append(f"    repetitions: {s.repetitions}")
    if s.duration_s is not None:
        out.append(f"    duration_s: {_num(s.duration_s)}")
    if s.until_next:
        out.append("    until_next: true")
    if s.cautions:
        out.append("    cautions:")
        for c in s.cautions:
            lines = _text("x", c, 6)
            if len(lines) == 1:  # English only: a plain list item
                out.append("      - " + lines[0].split(": ", 1)[1])
            else:
                first, *rest = lines[1:]
                out += ["      - " + first.strip(), *rest]
    src = [("id", s.source.id), ("section", scalar(s.source.section, flow=True))]
    if s.source.also:
        out += [
            "    source:",
            f"      id: {s.source.id}",
            f"      section: {src[1][1]}",
            "      also:",
        ]
        out += [
            f"        - {_flow([('id', a.id), ('section', scalar(a.section, flow=True))])}"
            for a in s.source.also
        ]
    else:
        out.append(f"    source: {_flow(src)}")
    out += _choices(s.project_choices, 4)
    return out


def _choices(choices: tuple[ProjectChoice, ...], indent: int) -> list[str]:
    if not choices:
        return []
    pad = " " * indent
    out = [f"{pad}project_choices:"]
    for c in choices:
        out.append(f"{pad}  - about: [{', '.join(c.about)}]")
        out += _text("why", c.why, indent + 4)
    return out


def write(p: Protocol, header: list[str]) -> str:
    """The protocol as format-2 YAML text, after the comment lines `header`."""
    out = list(header)
    out += [f"schema_version: {SCHEMA_VERSION}", f"id: {p.id}", f"version: {p.version}"]
    out += _text("title", p.title, 0)
    out += _text("summary", p.summary, 0)
    out.append(f"audience: [{', '.join(str(a) for a in p.audience)}]")
    out.append("sources:")
    for src in p.sources:
        out += [
            f"  - id: {src.id}",
            f"    file: {scalar(src.file)}",
            f"    title: {scalar(src.title)}",
        ]
    out.append(f"safety_profile: {p.safety_profile}")
    out.append(f"estimated_minutes: {_num(p.estimated_minutes)}")
    out.append(f"max_minutes: {_num(p.max_minutes)}")
    out.append(f"pose: {p.pose}")  # how the receiver lies: the preparation below agrees
    if p.preparation:
        out.append("preparation:")
        out += [f"  - {item}" for item in p.preparation]
    out += _choices(p.project_choices, 0)
    out.append("steps:")
    for i, s in enumerate(p.steps):
        if i:
            out.append("")
        out += _step(s)
    return "\n".join(out) + "\n"


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def upgrade(text: str, path: str = "<text>") -> str:
    """The format-2 text of a format-1 protocol; ProtocolError when the file is not a valid
    protocol, AlreadyCurrent when it is format 2 already."""
    root = yamlsafe.parse(text, path)
    if loader.format_of(root) != 1:
        raise AlreadyCurrent(path)
    before = loader.parse(text, path)
    want = before
    own = POSE_ITEMS[before.pose]
    if before.preparation and own not in before.preparation:
        # format 2 lists how the receiver is placed whenever there is a preparation list
        want = dataclasses.replace(before, preparation=(*before.preparation, own))
    out = write(want, _header(text))
    after = loader.parse(out, path)
    if dataclasses.replace(after, schema_version=1) != want:
        raise DocumentError(
            [Problem(path, 1, 1, "the upgraded text would not load as the same protocol")]
        )
    return out
