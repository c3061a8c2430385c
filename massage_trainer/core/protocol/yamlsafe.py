"""Safe, bounded YAML reading that remembers where every value came from.

We never let PyYAML construct objects. We walk its event stream (an iterative parser, so deep
nesting cannot exhaust the Python stack), build a small tree of located nodes ourselves, and
refuse anything a protocol file has no business containing: tags, anchors and aliases, several
documents, duplicate keys, nesting deeper than a limit, files over a size limit, non-UTF-8 text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from massage_trainer.core.protocol import safe_text, yaml_layout

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located for a person to find and fix."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DocumentError(Exception):
    """A file could not be accepted; `problems` lists every reason, each with its location."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Loc(NamedTuple):
    """1-based line and column (a tuple: made for every value, so it must be cheap)."""

    line: int
    col: int


@dataclass(slots=True)
class Scalar:
    value: object
    loc: Loc
    quoted: bool = False
    text: str | None = None
    """The number as written, for floats (3.9999999999999999 must not pass as the whole 4)."""


@dataclass(slots=True)
class Seq:
    items: list[Node]
    loc: Loc


@dataclass(slots=True)
class Map:
    """A mapping whose keys are strings; key locations are kept for precise 'unknown key' errors."""

    entries: dict[str, Node]
    key_locs: dict[str, Loc]
    loc: Loc
    order: list[str] = field(default_factory=list)


Node = Scalar | Seq | Map

_BOMS = (
    (b"\xef\xbb\xbf", None),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode_text(data: bytes, path: str) -> str:
    """Bytes -> text, with a plain explanation when the file is not UTF-8 text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name is None:
                data = data[len(bom) :]
                break
            raise DocumentError(
                [Problem(path, 1, 1, f"the file is saved as {name}; save it as UTF-8 text instead")]
            )
    nul = data.find(b"\x00")
    if 0 <= nul < 1024:
        raise DocumentError(
            [Problem(path, 1, 1, "this is not a text file (it contains binary data)")]
        )
    if nul >= 0:  # text with binary data further on: say where
        line_start = data.rfind(b"\n", 0, nul) + 1
        line = data.count(b"\n", 0, nul) + 1
        col = len(data[line_start:nul].decode("utf-8", "replace")) + 1
        raise DocumentError(
            [
                Problem(
                    path,
                    line,
                    col,
                    "binary data (a NUL byte) in the text here; save the file as plain UTF-8 text",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DocumentError(
            [Problem(path, line, col, "the file is not valid UTF-8 text; save it as UTF-8")]
        ) from None


def read_file(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a text file with a size limit, reporting problems as DocumentError."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise DocumentError([Problem(name, 1, 1, "this is not a file")])
        if size > max_bytes:
            raise DocumentError(
                [
                    Problem(
                        name,
                        1,
                        1,
                        f"the file is too large ({size:,} bytes; the limit is {max_bytes:,})",
                    )
                ]
            )
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError([Problem(name, 1, 1, "no such file")]) from None
    except IsADirectoryError:
        raise DocumentError([Problem(name, 1, 1, "this is a folder, not a file")]) from None
    except OSError as exc:
        raise DocumentError(
            [Problem(name, 1, 1, f"cannot read the file: {exc.strerror}")]
        ) from None
    if len(data) > max_bytes:
        raise DocumentError([Problem(name, 1, 1, f"the file is larger than {max_bytes:,} bytes")])
    return decode_text(data, name)


# libyaml's event parser is ~20x faster than the pure-Python one; both are iterative.
_EVENT_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = Resolver()
_constructor = SafeConstructor()
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _loc(mark: Any) -> Loc:
    if mark is None:
        return Loc(1, 1)
    return Loc(mark.line + 1, mark.column + 1)


@lru_cache(maxsize=4096)
def _plain_value(value: str, implicit: tuple[bool, bool]) -> object:
    """Resolve an untagged, unquoted scalar the YAML 1.1 way (int, float, bool, null or text)."""
    tag = _resolver.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    if tag in ("tag:yaml.org,2002:str", _TIMESTAMP):
        return value
    try:
        result: object = _constructor.construct_object(yaml.ScalarNode(tag, value), deep=True)
    except (ConstructorError, ValueError, OverflowError):
        return value
    return result


_SHORT_TAG = re.compile(r"^tag:yaml\.org,2002:")
_QUOTED_STYLES = frozenset({"'", '"', "|", ">"})
_BLOCK_STYLES = frozenset({"|", ">"})


def _index_loc(text: str, index: int) -> Loc:
    """1-based line and column of a character index in the text (as PyYAML counts lines)."""
    line_start = text.rfind("\n", 0, index) + 1
    return Loc(text.count("\n", 0, index) + 1, index - line_start + 1)


def parse(text: str, path: str, max_depth: int = MAX_DEPTH) -> Node:
    """Parse one YAML document into located nodes, or raise DocumentError naming where and why."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise DocumentError(
            [Problem(path, 1, 1, f"the text is larger than {MAX_FILE_BYTES:,} bytes")]
        )
    stack: list[Seq | Map] = []
    pending_key: list[tuple[str, Loc] | None] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    problems: list[Problem] = []

    def fail(loc: Loc, message: str) -> DocumentError:
        return DocumentError([*problems, Problem(path, loc.line, loc.col, message)])

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
            return
        key = pending_key[-1]
        if key is None:  # scalar keys never get here (see the scalar branch)
            raise fail(node.loc, "a key must be a plain word, not a list or a mapping")
        name, key_loc = key
        if name in parent.entries:
            first = parent.key_locs[name]
            problems.append(
                Problem(
                    path,
                    key_loc.line,
                    key_loc.col,
                    f"'{name}' appears twice in the same section (first on line {first.line})",
                )
            )
        else:
            parent.entries[name] = node
            parent.key_locs[name] = key_loc
            parent.order.append(name)
        pending_key[-1] = None

    try:
        events: Any = yaml.parse(text, Loader=_EVENT_LOADER)
        for ev in events:
            kind = type(ev)
            if (
                kind is yaml.ScalarEvent
                or kind is yaml.SequenceStartEvent
                or kind is yaml.MappingStartEvent
            ):
                mark = ev.start_mark
                loc = Loc(mark.line + 1, mark.column + 1)
                nodes += 1
                if nodes > MAX_NODES:
                    raise fail(loc, "the file has too many values to be a protocol")
                if ev.anchor is not None:
                    raise fail(
                        loc, f"anchors ('&{ev.anchor}') are not allowed; write values out in full"
                    )
                tag = ev.tag
                if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
                    shown = _SHORT_TAG.sub("!!", tag)
                    raise fail(loc, f"the tag '{shown}' is not allowed; remove it")
                if kind is yaml.ScalarEvent:
                    bad = safe_text.first_unsafe(ev.value, block=ev.style in _BLOCK_STYLES)
                    if bad >= 0:
                        ch = ev.value[bad]
                        at = safe_text.offset_in_source(
                            text, ev.start_mark.index, ev.end_mark.index, ch
                        )
                        raise fail(_index_loc(text, at), safe_text.describe(ch))
                    quoted = ev.style in _QUOTED_STYLES
                    if quoted or tag == "tag:yaml.org,2002:str":
                        value: object = ev.value
                    else:
                        value = _plain_value(ev.value, tuple(ev.implicit))
                    if stack and pending_key[-1] is None and stack[-1].__class__ is Map:
                        if value is None:
                            raise fail(loc, "a key is missing before the colon")
                        pending_key[-1] = (str(value), loc)  # a key: kept until its value comes
                        continue
                    number_text = ev.value if value.__class__ is float else None
                    attach(Scalar(value, loc, quoted, number_text))
                    continue
                if len(stack) >= max_depth:
                    raise fail(loc, f"the file is nested too deeply (more than {max_depth} levels)")
                container: Seq | Map = (
                    Seq([], loc) if kind is yaml.SequenceStartEvent else Map({}, {}, loc)
                )
                attach(container)
                stack.append(container)
                pending_key.append(None)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                stack.pop()
                pending_key.pop()
            elif kind is yaml.AliasEvent:
                raise fail(
                    _loc(ev.start_mark),
                    "aliases ('*name') are not allowed; write the value out in full",
                )
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(
                        _loc(ev.start_mark),
                        "the file holds more than one document ('---'); keep one protocol per file",
                    )
    except yaml.reader.ReaderError as exc:  # a character YAML itself refuses, e.g. a raw ESC
        ch = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise fail(_index_loc(text, exc.position), safe_text.describe(ch)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "this is not valid YAML"
        if "maximum nesting depth" in reason:  # PyYAML 6.0.4 counts flow nesting while scanning
            raise fail(_loc(mark), "the file is nested too deeply") from None
        layout = yaml_layout.explain(text, _loc(mark), _loc(exc.context_mark), reason)
        if layout is not None:
            (line, col), message = layout
            raise fail(Loc(line, col), message) from None
        if "mapping values are not allowed" in reason:
            reason += " (a text containing ': ' must be put in quotes)"
        raise fail(_loc(mark), f"not valid YAML here: {reason}") from None
    except yaml.YAMLError as exc:
        raise fail(Loc(1, 1), f"not valid YAML: {exc}") from None
    except RecursionError:
        raise fail(Loc(1, 1), "the file is nested too deeply") from None
    if problems:
        raise DocumentError(problems)
    if root is None:
        raise DocumentError([Problem(path, 1, 1, "the file is empty")])
    return root
