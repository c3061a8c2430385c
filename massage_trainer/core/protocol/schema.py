"""A small declarative schema for our YAML files.

One description serves three purposes: it checks a located YAML tree and collects every problem
with its line and column, it turns valid input into plain Python values, and it exports the same
rules as JSON Schema for editors (protocols/schema.json is generated from it).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.yamlsafe import Loc, Map, Node, Problem, Scalar, Seq

LANGUAGES = ("en", "ru")


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Ctx:
    """Where we are in the file and the problems found so far."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, loc: Loc, where: str, message: str) -> None:
        prefix = f"{where}: " if where else ""
        self.problems.append(Problem(self.path, loc.line, loc.col, prefix + message))


def _kind(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping (key: value lines)"
    if isinstance(node, Seq):
        return "a list"
    v = node.value
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "yes/no (true/false)"
    if isinstance(v, (int, float)):
        return f"the number {v}"
    return f"the text '{_short(str(v))}'"


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def join(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


class Type:
    """Base of every schema type."""

    description: str = ""

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError

    def _json(self, d: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            d["description"] = self.description
        return d


class Str(Type):
    def __init__(
        self,
        description: str = "",
        *,
        min_len: int = 1,
        max_len: int = 2000,
        pattern: str | None = None,
        pattern_help: str = "",
    ) -> None:
        self.description = description
        self.min_len = min_len
        self.max_len = max_len
        self.pattern = pattern
        self._re = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            if (
                isinstance(node, Scalar)
                and isinstance(node.value, (int, float))
                and not isinstance(node.value, bool)
            ):
                value = str(node.value)
            else:
                ctx.add(node.loc, where, f"expected text, found {_kind(node)}")
                return INVALID
        else:
            value = node.value
        value = value.strip()
        if len(value) < self.min_len:
            ctx.add(node.loc, where, "must not be empty")
            return INVALID
        if len(value) > self.max_len:
            ctx.add(
                node.loc, where, f"is too long ({len(value)} characters; at most {self.max_len})"
            )
            return INVALID
        if self._re is not None and not self._re.fullmatch(value):
            ctx.add(node.loc, where, f"'{_short(value)}' is not valid: {self.pattern_help}")
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "string", "minLength": self.min_len, "maxLength": self.max_len}
        if self.pattern:
            d["pattern"] = f"^(?:{self.pattern})$"
        return self._json(d)


ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_HELP = "use lowercase letters, digits and single dashes, like 'lower-back-stroking'"


def Id(description: str = "") -> Str:
    return Str(description, max_len=64, pattern=ID_PATTERN, pattern_help=ID_HELP)


class Text(Type):
    """Plain text (English), or a mapping of language code to text that includes 'en'."""

    def __init__(self, description: str = "", *, max_len: int = 2000) -> None:
        self.description = description
        self._str = Str(max_len=max_len)

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        if isinstance(node, Map):
            out: dict[str, str] = {}
            ok = True
            for key in node.order:
                sub = join(where, key)
                if key not in LANGUAGES:
                    ctx.add(
                        node.key_locs[key],
                        sub,
                        f"'{key}' is not a supported language; use {', '.join(LANGUAGES)}",
                    )
                    ok = False
                    continue
                v = self._str.check(node.entries[key], sub, ctx)
                if v is INVALID:
                    ok = False
                else:
                    out[key] = v
            if "en" not in node.entries:
                ctx.add(node.loc, where, "the English text ('en:') is required")
                return INVALID
            if not ok:
                return INVALID
            return LocalText((("en", out.pop("en")), *sorted(out.items())))
        v = self._str.check(node, where, ctx)
        return INVALID if v is INVALID else LocalText((("en", v),))

    def json(self) -> dict[str, Any]:
        s = self._str.json()
        return self._json(
            {
                "oneOf": [
                    s,
                    {
                        "type": "object",
                        "properties": {lang: s for lang in LANGUAGES},
                        "required": ["en"],
                        "additionalProperties": False,
                    },
                ]
            }
        )


class Number(Type):
    def __init__(
        self,
        description: str = "",
        *,
        minimum: float,
        maximum: float,
        integer: bool = False,
        exclusive_min: bool = False,
        unit: str = "",
    ) -> None:
        self.description = description
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.exclusive_min = exclusive_min
        self.unit = unit

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        want = "a whole number" if self.integer else "a number"
        if (
            not isinstance(node, Scalar)
            or isinstance(node.value, bool)
            or not isinstance(node.value, (int, float))
            or node.quoted
        ):
            ctx.add(node.loc, where, f"expected {want}, found {_kind(node)}")
            return INVALID
        v = node.value
        if isinstance(v, float) and not math.isfinite(v):
            ctx.add(node.loc, where, f"expected {want}, found '{v}'")
            return INVALID
        if self.integer and not isinstance(v, int):
            if float(v).is_integer():
                v = int(v)
            else:
                ctx.add(node.loc, where, f"expected a whole number, found {v}")
                return INVALID
        unit = f" {self.unit}" if self.unit else ""
        lo = self.minimum
        if (self.exclusive_min and v <= lo) or v < lo:
            bound = "above" if self.exclusive_min else "at least"
            ctx.add(node.loc, where, f"{v} is too small; it must be {bound} {_num(lo)}{unit}")
            return INVALID
        if v > self.maximum:
            ctx.add(
                node.loc, where, f"{v} is too large; it must be at most {_num(self.maximum)}{unit}"
            )
            return INVALID
        return v

    def json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.exclusive_min:
            d["exclusiveMinimum"] = self.minimum
        else:
            d["minimum"] = self.minimum
        d["maximum"] = self.maximum
        return self._json(d)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


class Bool(Type):
    def __init__(self, description: str = "") -> None:
        self.description = description

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        if not isinstance(node, Scalar) or not isinstance(node.value, bool):
            ctx.add(node.loc, where, f"expected true or false, found {_kind(node)}")
            return INVALID
        return node.value

    def json(self) -> dict[str, Any]:
        return self._json({"type": "boolean"})


class Choice(Type):
    """One of a fixed list of words; `choices` may be a callable so data files can extend it."""

    def __init__(
        self,
        description: str,
        choices: Iterable[str] | Callable[[], Iterable[str]],
        *,
        what: str = "",
    ) -> None:
        self.description = description
        self._choices = choices
        self.what = what

    @property
    def choices(self) -> tuple[str, ...]:
        c = self._choices() if callable(self._choices) else self._choices
        return tuple(c)

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        choices = self.choices
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            ctx.add(node.loc, where, f"expected one of {', '.join(choices)}, found {_kind(node)}")
            return INVALID
        value = node.value.strip()
        if value in choices:
            return value
        what = f"a known {self.what}" if self.what else "one of the allowed words"
        if len(choices) <= 8:
            msg = f"'{_short(value)}' is not one of {', '.join(choices)}"
        else:
            msg = f"'{_short(value)}' is not {what}"
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            msg += f" (did you mean '{close[0]}'?)"
        elif len(choices) > 8:
            msg += f"; known: {', '.join(choices)}"
        ctx.add(node.loc, where, msg)
        return INVALID

    def json(self) -> dict[str, Any]:
        return self._json({"type": "string", "enum": list(self.choices)})


class ListOf(Type):
    def __init__(
        self,
        item: Type,
        description: str = "",
        *,
        min_items: int = 0,
        max_items: int = 1000,
        unique: bool = False,
    ) -> None:
        self.item = item
        self.description = description
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        if not isinstance(node, Seq):
            ctx.add(node.loc, where, f"expected a list ('- item' lines), found {_kind(node)}")
            return INVALID
        if len(node.items) < self.min_items:
            need = (
                "at least one item" if self.min_items == 1 else f"at least {self.min_items} items"
            )
            ctx.add(node.loc, where, f"needs {need}")
            return INVALID
        if len(node.items) > self.max_items:
            ctx.add(node.loc, where, f"has {len(node.items)} items; at most {self.max_items}")
            return INVALID
        out = []
        ok = True
        seen: dict[Any, int] = {}
        for i, child in enumerate(node.items, start=1):
            v = self.item.check(child, join(where, i), ctx)
            if v is INVALID:
                ok = False
                continue
            if self.unique:
                key = v if isinstance(v, (str, int, float)) else repr(v)
                if key in seen:
                    ctx.add(
                        child.loc, join(where, i), f"'{v}' is listed twice (also item {seen[key]})"
                    )
                    ok = False
                    continue
                seen[key] = i
            out.append(v)
        return tuple(out) if ok else INVALID

    def json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "array", "items": self.item.json()}
        if self.min_items:
            d["minItems"] = self.min_items
        d["maxItems"] = self.max_items
        if self.unique:
            d["uniqueItems"] = True
        return self._json(d)


@dataclass
class F:
    """A field of an object: its type, whether it must be present, and its default."""

    type: Type
    required: bool = False
    default: Any = None


class Obj(Type):
    def __init__(
        self,
        fields: Mapping[str, F],
        description: str = "",
        *,
        exactly_one_of: tuple[str, ...] = (),
        title: str = "",
    ) -> None:
        self.fields = dict(fields)
        self.description = description
        self.exactly_one_of = exactly_one_of
        self.title = title

    def check(self, node: Node, where: str, ctx: Ctx) -> Any:
        if not isinstance(node, Map):
            ctx.add(node.loc, where, f"expected a mapping (key: value lines), found {_kind(node)}")
            return INVALID
        out: dict[str, Any] = {}
        ok = True
        for key in node.order:
            if key not in self.fields:
                msg = f"unknown key '{_short(key)}'"
                close = difflib.get_close_matches(key, list(self.fields), n=1, cutoff=0.6)
                if close:
                    msg += f" (did you mean '{close[0]}'?)"
                else:
                    msg += f"; allowed here: {', '.join(self.fields)}"
                ctx.add(node.key_locs[key], join(where, key), msg)
                ok = False
        for name, f in self.fields.items():
            if name in node.entries:
                v = f.type.check(node.entries[name], join(where, name), ctx)
                if v is INVALID:
                    ok = False
                out[name] = v
            elif f.required:
                ctx.add(node.loc, where, f"the required key '{name}' is missing")
                ok = False
            else:
                out[name] = f.default
        if self.exactly_one_of:
            present = [k for k in self.exactly_one_of if k in node.entries]
            if len(present) != 1:
                names = ", ".join(self.exactly_one_of)
                if present:
                    ctx.add(
                        node.key_locs[present[1]],
                        where,
                        f"give only one of {names} (found {' and '.join(present)})",
                    )
                else:
                    ctx.add(node.loc, where, f"give one of {names}")
                ok = False
        return out if ok else INVALID

    def json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": "object",
            "properties": {k: f.type.json() for k, f in self.fields.items()},
            "additionalProperties": False,
        }
        req = [k for k, f in self.fields.items() if f.required]
        if req:
            d["required"] = req
        if self.exactly_one_of:
            d["oneOf"] = [{"required": [k]} for k in self.exactly_one_of]
        if self.title:
            d["title"] = self.title
        return self._json(d)


def locate(node: Node, *keys: str | int) -> Loc:
    """The location of a nested value, or of the deepest parent that exists (1-based list indices)."""
    cur = node
    for k in keys:
        if isinstance(cur, Map) and isinstance(k, str) and k in cur.entries:
            cur = cur.entries[k]
        elif isinstance(cur, Seq) and isinstance(k, int) and 1 <= k <= len(cur.items):
            cur = cur.items[k - 1]
        else:
            break
    return cur.loc
