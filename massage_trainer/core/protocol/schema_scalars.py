"""The schema's leaf values: text, ids, bilingual text, numbers, yes/no and choices from a list.

Each checks one located YAML scalar, says precisely what is wrong and where, and describes
itself as JSON Schema.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.safe_text import whole_number
from massage_trainer.core.protocol.schema_base import (
    INVALID,
    LANGUAGES,
    Ctx,
    Type,
    join,
    kind_of,
    short,
)
from massage_trainer.core.protocol.yamlsafe import Map, Node, Scalar


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
                ctx.add(node.loc, where, f"expected text, found {kind_of(node)}")
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
            ctx.add(node.loc, where, f"'{short(value)}' is not valid: {self.pattern_help}")
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
            ctx.add(node.loc, where, f"expected {want}, found {kind_of(node)}")
            return INVALID
        v = node.value
        if isinstance(v, float) and not math.isfinite(v):
            ctx.add(node.loc, where, f"expected {want}, found '{v}'")
            return INVALID
        if self.integer and not isinstance(v, int):
            if whole_number(node.text, v):
                v = int(v)
            else:
                ctx.add(node.loc, where, f"expected a whole number, found {node.text or v}")
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
            ctx.add(node.loc, where, f"expected true or false, found {kind_of(node)}")
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
            ctx.add(node.loc, where, f"expected one of {', '.join(choices)}, found {kind_of(node)}")
            return INVALID
        value = node.value.strip()
        if value in choices:
            return value
        what = f"a known {self.what}" if self.what else "one of the allowed words"
        if len(choices) <= 8:
            msg = f"'{short(value)}' is not one of {', '.join(choices)}"
        else:
            msg = f"'{short(value)}' is not {what}"
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            msg += f" (did you mean '{close[0]}'?)"
        elif len(choices) > 8:
            msg += f"; known: {', '.join(choices)}"
        ctx.add(node.loc, where, msg)
        return INVALID

    def json(self) -> dict[str, Any]:
        return self._json({"type": "string", "enum": list(self.choices)})
