"""Safety rules data (checked by rules_schema) -> the immutable objects of rules_model."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile, Technique
from massage_trainer.core.safety.rules_model import (
    COMPARISONS,
    Cite,
    Clause,
    Feeling,
    Outcome,
    PainRules,
    PrepItem,
    Question,
    QuestionKind,
    RedFlag,
    Requirement,
    Rule,
    Rules,
    Source,
    ZoneRule,
)


def _cites(items: Iterable[dict[str, Any]]) -> tuple[Cite, ...]:
    return tuple(Cite(c["id"], c["section"]) for c in items)


def _clause(c: dict[str, Any]) -> Clause:
    if c.get("any") is not None:
        return Clause(None, "any", True, tuple(_clause(x) for x in c["any"]))
    op = next(k for k in COMPARISONS if c.get(k) is not None)
    v = c[op]
    return Clause(c["question"], op, v if isinstance(v, bool) else float(v))


def _requirement(r: dict[str, Any]) -> Requirement:
    return Requirement(
        max_pressure=None if r["max_pressure"] is None else Pressure(r["max_pressure"]),
        techniques=tuple(Technique(t) for t in r["techniques"]),
        preparation=tuple(r["preparation"]),
        forbid_preparation=tuple(r["forbid_preparation"]),
        max_minutes=None if r["max_minutes"] is None else float(r["max_minutes"]),
    )


def build(d: dict[str, Any], path: Path | None) -> Rules:
    """The checked data as Rules."""
    pain = d["pain"]
    return Rules(
        sources=tuple(Source(s["id"], s["file"], s["title"]) for s in d["sources"]),
        questions=tuple(
            Question(
                id=q["id"],
                kind=QuestionKind(q["kind"]),
                text=q["text"],
                help=q["help"],
                minimum=None if q["minimum"] is None else float(q["minimum"]),
                maximum=None if q["maximum"] is None else float(q["maximum"]),
                integer=bool(q["integer"]),
                choice=q["choice"],
            )
            for q in d["questions"]
        ),
        preparation=tuple(
            PrepItem(p["id"], p["text"], _cites(p["cite"])) for p in d["preparation"]
        ),
        rules=tuple(
            Rule(
                id=r["id"],
                outcome=Outcome(r["outcome"]),
                when=tuple(_clause(c) for c in r["when"]),
                reason=r["reason"],
                advice=r["advice"],
                cite=_cites(r["cite"]),
                profile=None if r["profile"] is None else SafetyProfile(r["profile"]),
                protocol=r["protocol"],
                requires=None if r["requires"] is None else _requirement(r["requires"]),
                choice=r["choice"],
            )
            for r in d["rules"]
        ),
        pain=PainRules(
            stop_zones=tuple(pain["stop_zones"]),
            stop_zones_reason=pain["stop_zones_reason"],
            stop_zones_cite=_cites(pain["stop_zones_cite"]),
            feelings=tuple(
                Feeling(
                    f["id"],
                    f["text"],
                    bool(f["stop"]),
                    bool(f["ends_session"]),
                    f["reason"],
                    _cites(f["cite"]),
                    f["choice"],
                )
                for f in pain["feelings"]
            ),
            red_flags=tuple(
                RedFlag(f["id"], f["text"], f["reason"], _cites(f["cite"]), f["choice"])
                for f in pain["red_flags"]
            ),
            stop_advice=pain["stop_advice"],
            carry_on_advice=pain["carry_on_advice"],
            end_advice=pain["end_advice"],
        ),
        zones=tuple(
            ZoneRule(
                id=z["id"],
                zones=tuple(z["zones"]),
                reason=z["reason"],
                cite=_cites(z["cite"]),
                no_contact=bool(z["no_contact"]),
                techniques=tuple(Technique(t) for t in z["techniques"]),
                max_pressure=None if z["max_pressure"] is None else Pressure(z["max_pressure"]),
            )
            for z in d["zones"]
        ),
        path=path,
    )
