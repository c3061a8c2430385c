"""The ground of the schema language: a check's context (where it is, what it found wrong), the
INVALID marker, the Type every schema type derives from, and the wording of what was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from massage_trainer.core.protocol.yamlsafe import Loc, Map, Node, Problem, Seq

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


def kind_of(node: Node) -> str:
    """What `node` is, in words for an error message."""
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
    return f"the text '{short(str(v))}'"


def short(s: str, n: int = 40) -> str:
    """`s` cut to `n` characters for an error message."""
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
