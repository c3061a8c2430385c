"""A small declarative schema for our YAML files.

One description serves three purposes: it checks a located YAML tree and collects every problem
with its line and column, it turns valid input into plain Python values, and it exports the same
rules as JSON Schema for editors (protocols/schema.json is generated from it).

This module holds the structures (lists and objects with their fields) and is the one to import:
it offers the leaf values (schema_scalars) and the ground every type stands on (schema_base) too.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from massage_trainer.core.protocol.schema_base import (
    INVALID,
    LANGUAGES,
    Ctx,
    Type,
    join,
    kind_of,
    locate,
    short,
)
from massage_trainer.core.protocol.schema_scalars import (
    ID_HELP,
    ID_PATTERN,
    Bool,
    Choice,
    Id,
    Number,
    Str,
    Text,
)
from massage_trainer.core.protocol.yamlsafe import Map, Node, Seq

__all__ = [
    "ID_HELP",
    "ID_PATTERN",
    "INVALID",
    "LANGUAGES",
    "Bool",
    "Choice",
    "Ctx",
    "F",
    "Id",
    "ListOf",
    "Number",
    "Obj",
    "Str",
    "Text",
    "Type",
    "join",
    "locate",
]


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
            ctx.add(node.loc, where, f"expected a list ('- item' lines), found {kind_of(node)}")
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
            ctx.add(
                node.loc, where, f"expected a mapping (key: value lines), found {kind_of(node)}"
            )
            return INVALID
        out: dict[str, Any] = {}
        ok = True
        for key in node.order:
            if key not in self.fields:
                msg = f"unknown key '{short(key)}'"
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
