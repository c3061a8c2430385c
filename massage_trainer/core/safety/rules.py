"""The safety rules file (protocols/safety-rules.yaml) -> Rules, as strictly as the protocol loader.

The rules are data so that they read in plain language and cite their sources; this module only
describes their format, checks it (every problem at once, as PATH:LINE:COL: message) and builds
immutable objects. Deciding what the rules mean for a session is core/safety.py's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from massage_trainer.core.body.geometry import zone_ids
from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.schema import (
    INVALID,
    Bool,
    Choice,
    Ctx,
    F,
    Id,
    ListOf,
    Number,
    Obj,
    Str,
    Text,
    locate,
)
from massage_trainer.core.protocol.vocab import SafetyProfile
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map
from massage_trainer.core.safety.rules_json import with_cross_field_rules
from massage_trainer.resources import protocols_dir

RULES_FILE = "safety-rules.yaml"
RulesError = DocumentError
"""Raised with `.problems`, each `PATH:LINE:COL: message`."""


class QuestionKind(StrEnum):
    YES_NO = "yes-no"
    NUMBER = "number"


class Outcome(StrEnum):
    """What a rule does when it fires: stop the session, delay it, change it, or only warn."""

    STOP = "stop"
    WAIT = "wait"
    ADAPT = "adapt"
    WARN = "warn"


COMPARISONS = ("is", "at_least", "at_most", "below", "above")


@dataclass(frozen=True)
class Cite:
    """Where in which source text a rule's facts come from."""

    id: str
    section: str


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    title: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: QuestionKind
    text: LocalText
    help: LocalText | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False


@dataclass(frozen=True)
class PrepItem:
    id: str
    text: LocalText
    cite: tuple[Cite, ...]


@dataclass(frozen=True)
class Clause:
    """`question <op> value`, or (when `any` is set) true when any of the inner clauses is true."""

    question: str | None
    op: str
    value: bool | float
    any: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    outcome: Outcome
    when: tuple[Clause, ...]
    reason: LocalText
    advice: LocalText
    cite: tuple[Cite, ...]
    profile: SafetyProfile | None = None
    """ADAPT: the safety profile a protocol must have to be played."""
    protocol: str | None = None
    """ADAPT: the protocol to switch to when the chosen one lacks that profile."""


@dataclass(frozen=True)
class Feeling:
    id: str
    text: LocalText
    stop: bool = False
    reason: LocalText | None = None
    cite: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: LocalText
    reason: LocalText
    cite: tuple[Cite, ...]


@dataclass(frozen=True)
class PainRules:
    stop_zones: tuple[str, ...]
    stop_zones_reason: LocalText
    stop_zones_cite: tuple[Cite, ...]
    feelings: tuple[Feeling, ...]
    red_flags: tuple[RedFlag, ...]
    stop_advice: LocalText
    carry_on_advice: LocalText


@dataclass(frozen=True)
class Rules:
    sources: tuple[Source, ...]
    questions: tuple[Question, ...]
    preparation: tuple[PrepItem, ...]
    rules: tuple[Rule, ...]
    pain: PainRules
    path: Path | None = None

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    def prep_item(self, pid: str) -> PrepItem | None:
        for p in self.preparation:
            if p.id == pid:
                return p
        return None

    def source(self, sid: str) -> Source:
        for s in self.sources:
            if s.id == sid:
                return s
        raise KeyError(sid)


def _values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(e) for e in enum)


CITE = Obj(
    {
        "id": F(Id("A source id from the file's sources."), required=True),
        "section": F(Str("Where in the source the fact is.", max_len=300), required=True),
    },
    "Which source (and which part of it) a fact comes from.",
)
CITES = ListOf(CITE, "The sources of this item.", min_items=1, max_items=10)

SOURCE = Obj(
    {
        "id": F(Id("Short name used to cite this source."), required=True),
        "file": F(Str("The source document's file name.", max_len=200), required=True),
        "title": F(Str("The source document's title.", max_len=200), required=True),
    },
    "A document the rules' facts come from.",
)

QUESTION = Obj(
    {
        "id": F(Id("Short unique name; answers files use it."), required=True),
        "kind": F(Choice("yes-no or number.", _values(QuestionKind)), required=True),
        "text": F(
            Text("The question; for yes-no, 'no' must be the safe answer.", max_len=300), True
        ),
        "help": F(Text("A short explanation shown under the question.", max_len=500)),
        "minimum": F(
            Number("Smallest possible answer (number questions).", minimum=0, maximum=1e6)
        ),
        "maximum": F(Number("Largest possible answer (number questions).", minimum=0, maximum=1e6)),
        "integer": F(Bool("Only whole numbers are possible answers."), default=False),
    },
    "A screening question asked before every session.",
)

PREP = Obj(
    {
        "id": F(Id("Short unique name; protocols list these in 'preparation'."), required=True),
        "text": F(Text("What must be ready, in plain words.", max_len=300), required=True),
        "cite": F(CITES, required=True),
    },
    "A preparation item to tick off before the session.",
)

_n = Number("A number to compare the answer with.", minimum=-1e6, maximum=1e6)
SIMPLE = Obj(
    {
        "question": F(Id("The question this clause looks at."), required=True),
        "is": F(
            Bool("yes-no questions: the answer that makes this clause true: always true (yes).")
        ),
        "at_least": F(_n),
        "at_most": F(_n),
        "below": F(_n),
        "above": F(_n),
    },
    "A comparison of one answer.",
    exactly_one_of=COMPARISONS,
)
CLAUSE = Obj(
    {
        **SIMPLE.fields,
        "question": F(Id("The question this clause looks at.")),
        "any": F(ListOf(SIMPLE, "True when any of these is true.", min_items=2, max_items=20)),
    },
    "A comparison of one answer, or 'any' of several comparisons.",
)

RULE = Obj(
    {
        "id": F(Id("Short unique name of the rule."), required=True),
        "outcome": F(
            Choice("stop, wait, adapt or warn.", _values(Outcome)),
            required=True,
        ),
        "when": F(
            ListOf(CLAUSE, "The rule fires when all of these are true.", min_items=1, max_items=20),
            required=True,
        ),
        "profile": F(Choice("adapt: the safety profile required.", _values(SafetyProfile))),
        "protocol": F(Id("adapt: the protocol to switch to.")),
        "reason": F(Text("Why, in plain words.", max_len=600), required=True),
        "advice": F(Text("What to do instead.", max_len=600), required=True),
        "cite": F(CITES, required=True),
    },
    "A rule: when its answers match, it stops, delays, adapts or warns.",
)

FEELING = Obj(
    {
        "id": F(Id("Short unique name."), required=True),
        "text": F(Text("What the pain feels like.", max_len=120), required=True),
        "stop": F(Bool("This feeling alone means stop and see a doctor."), default=False),
        "reason": F(Text("Why it means stop.", max_len=400)),
        "cite": F(CITES, default=()),
    },
    "A choice for what the pain feels like.",
)

RED_FLAG = Obj(
    {
        "id": F(Id("Short unique name."), required=True),
        "text": F(Text("The sign, as the person would notice it.", max_len=300), required=True),
        "reason": F(Text("What it can mean.", max_len=400), required=True),
        "cite": F(CITES, required=True),
    },
    "A warning sign that means stop and see a doctor.",
)

PAIN = Obj(
    {
        "stop_zones": F(
            ListOf(Choice("A body zone.", zone_ids, what="zone"), unique=True, max_items=20),
            default=(),
        ),
        "stop_zones_reason": F(Text("Why pain in those zones means stop.", max_len=400), True),
        "stop_zones_cite": F(CITES, required=True),
        "feelings": F(ListOf(FEELING, min_items=2, max_items=12), required=True),
        "red_flags": F(ListOf(RED_FLAG, min_items=1, max_items=20), required=True),
        "stop_advice": F(Text("Said when the session must stop.", max_len=400), required=True),
        "carry_on_advice": F(Text("Said when no warning sign applies.", max_len=400), True),
    },
    "What the pain stop asks and advises.",
)

RULES = Obj(
    {
        "schema_version": F(
            Number("Format version; this app reads 1.", minimum=1, maximum=1, integer=True),
            required=True,
        ),
        "sources": F(ListOf(SOURCE, min_items=1, max_items=20), required=True),
        "questions": F(ListOf(QUESTION, min_items=1, max_items=60), required=True),
        "preparation": F(ListOf(PREP, min_items=1, max_items=40), required=True),
        "rules": F(ListOf(RULE, min_items=1, max_items=100), required=True),
        "pain": F(PAIN, required=True),
    },
    "The safety rules of Massage Trainer.",
    title="Massage Trainer safety rules",
)


def json_schema() -> dict[str, Any]:
    """The rules format as JSON Schema (protocols/safety-rules.schema.json is made with it)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://massage-trainer.invalid/safety-rules.schema.json",
        **with_cross_field_rules(RULES.json()),
    }


def default_path() -> Path:
    return protocols_dir() / RULES_FILE


def parse(text: str, path: str = "<text>") -> Rules:
    """Parse rules text; raise RulesError listing every problem as PATH:LINE:COL: message."""
    root = yamlsafe.parse(text, path)
    ctx = Ctx(path)
    data = RULES.check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        _cross_checks(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return _build(data, Path(path) if path != "<text>" else None)


_LOADED: dict[tuple[str, int, int], Rules] = {}


def load(path: str | Path | None = None) -> Rules:
    """Read and parse a rules file (the bundled one by default).

    Parsed rules are kept per file version (path, size, modification time): every protocol load
    checks its preparation items against them, and the safety panel needs them too.
    """
    p = default_path() if path is None else Path(path)
    try:
        st = p.stat()
        key: tuple[str, int, int] | None = (str(p.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _LOADED:
        return _LOADED[key]
    rules = parse(yamlsafe.read_file(p), str(p))
    if key is not None:
        _LOADED.clear()  # one version at a time: an edited file replaces the old one
        _LOADED[key] = rules
    return rules


def _dupes(
    root: Map, section: str, items: list[dict[str, Any]], taken: dict[str, str], ctx: Ctx
) -> None:
    for i, it in enumerate(items, start=1):
        where = f"{section}[{i}].id"
        if it["id"] in taken:
            ctx.add(
                locate(root, section, i, "id"), where, f"'{it['id']}' is already {taken[it['id']]}"
            )
        else:
            taken[it["id"]] = f"used in {section}[{i}]"


def _cross_checks(root: Map, d: dict[str, Any], ctx: Ctx) -> None:
    """Consistency across fields, and the rule that only a 'yes' (never a 'no') may raise alarm."""
    _dupes(root, "sources", d["sources"], {}, ctx)
    ids: dict[str, str] = {}
    _dupes(root, "questions", d["questions"], ids, ctx)
    _dupes(root, "preparation", d["preparation"], ids, ctx)
    _dupes(root, "rules", d["rules"], {}, ctx)
    source_ids = {s["id"] for s in d["sources"]}
    questions = {q["id"]: q for q in d["questions"]}

    def cites(items: Iterable[dict[str, Any]], *at: str | int) -> None:
        for j, c in enumerate(items, start=1):
            if c["id"] not in source_ids:
                where = ".".join(str(a) for a in at)
                ctx.add(
                    locate(root, *at, j, "id"),
                    f"{where}[{j}].id",
                    f"'{c['id']}' is not one of the sources ({', '.join(sorted(source_ids))})",
                )

    for i, q in enumerate(d["questions"], start=1):
        number = q["kind"] == QuestionKind.NUMBER
        has_range = q["minimum"] is not None and q["maximum"] is not None
        if number and not has_range:
            ctx.add(
                locate(root, "questions", i),
                f"questions[{i}]",
                "a number question needs minimum and maximum",
            )
        elif number and q["minimum"] > q["maximum"]:
            ctx.add(
                locate(root, "questions", i, "minimum"),
                f"questions[{i}].minimum",
                "is larger than maximum",
            )
        if not number and (q["minimum"] is not None or q["maximum"] is not None or q["integer"]):
            ctx.add(
                locate(root, "questions", i),
                f"questions[{i}]",
                "a yes-no question has no minimum, maximum or integer",
            )
    for i, p in enumerate(d["preparation"], start=1):
        cites(p["cite"], "preparation", i, "cite")
    for i, r in enumerate(d["rules"], start=1):
        w = f"rules[{i}]"
        cites(r["cite"], "rules", i, "cite")
        adapt = r["outcome"] == Outcome.ADAPT
        if adapt and (r["profile"] is None or r["protocol"] is None):
            ctx.add(locate(root, "rules", i), w, "an adapt rule needs 'profile' and 'protocol'")
        if not adapt and (r["profile"] is not None or r["protocol"] is not None):
            ctx.add(locate(root, "rules", i), w, "only an adapt rule has 'profile' and 'protocol'")
        for j, c in enumerate(r["when"], start=1):
            _check_clause(root, ctx, questions, c, at=("rules", i, "when", j))
        if r["outcome"] == Outcome.WAIT:
            belows = [c for c in r["when"] if c.get("below") is not None and c.get("question")]
            if len(belows) != 1:
                ctx.add(
                    locate(root, "rules", i, "when"),
                    f"{w}.when",
                    "a wait rule needs exactly one 'below' clause: it says how long to wait",
                )
    pain = d["pain"]
    cites(pain["stop_zones_cite"], "pain", "stop_zones_cite")
    _dupes(root, "pain.feelings", pain["feelings"], {}, ctx)
    _dupes(root, "pain.red_flags", pain["red_flags"], {}, ctx)
    for i, f in enumerate(pain["feelings"], start=1):
        cites(f["cite"], "pain", "feelings", i, "cite")
        if f["stop"] and (f["reason"] is None or not f["cite"]):
            ctx.add(
                locate(root, "pain", "feelings", i),
                f"pain.feelings[{i}]",
                "a stop feeling needs 'reason' and 'cite'",
            )
    for i, f in enumerate(pain["red_flags"], start=1):
        cites(f["cite"], "pain", "red_flags", i, "cite")


def _check_clause(
    root: Map,
    ctx: Ctx,
    questions: dict[str, dict[str, Any]],
    c: dict[str, Any],
    *,
    at: tuple[str | int, ...],
) -> None:
    where = f"{at[0]}[{at[1]}].{at[2]}[{at[3]}]"
    if c.get("any") is not None:
        if c.get("question") is not None or any(c.get(k) is not None for k in COMPARISONS):
            ctx.add(locate(root, *at), where, "give either 'any' or a question with a comparison")
            return
        for k, inner in enumerate(c["any"], start=1):
            _check_clause(root, ctx, questions, inner, at=(*at, "any", k))
        return
    if c.get("question") is None:
        ctx.add(locate(root, *at), where, "give a 'question' (or 'any')")
        return
    present = [k for k in COMPARISONS if c.get(k) is not None]
    if len(present) != 1:
        ctx.add(locate(root, *at), where, f"give exactly one of {', '.join(COMPARISONS)}")
        return
    q = questions.get(c["question"])
    if q is None:
        ctx.add(
            locate(root, *at, "question"),
            f"{where}.question",
            f"'{c['question']}' is not one of the questions ({', '.join(questions)})",
        )
        return
    yes_no = q["kind"] == QuestionKind.YES_NO
    if yes_no and present[0] != "is":
        ctx.add(locate(root, *at), where, f"'{q['id']}' is a yes-no question: use 'is: true'")
    elif not yes_no and present[0] == "is":
        ctx.add(
            locate(root, *at, "is"),
            where,
            f"'{q['id']}' is a number question: compare it with a number",
        )
    elif yes_no and c["is"] is not True:
        ctx.add(
            locate(root, *at, "is"),
            f"{where}.is",
            "only a 'yes' may fire a rule: rephrase the question so that 'no' is the safe answer",
        )


def _cites(items: Iterable[dict[str, Any]]) -> tuple[Cite, ...]:
    return tuple(Cite(c["id"], c["section"]) for c in items)


def _clause(c: dict[str, Any]) -> Clause:
    if c.get("any") is not None:
        return Clause(None, "any", True, tuple(_clause(x) for x in c["any"]))
    op = next(k for k in COMPARISONS if c.get(k) is not None)
    v = c[op]
    return Clause(c["question"], op, v if isinstance(v, bool) else float(v))


def _build(d: dict[str, Any], path: Path | None) -> Rules:
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
            )
            for r in d["rules"]
        ),
        pain=PainRules(
            stop_zones=tuple(pain["stop_zones"]),
            stop_zones_reason=pain["stop_zones_reason"],
            stop_zones_cite=_cites(pain["stop_zones_cite"]),
            feelings=tuple(
                Feeling(f["id"], f["text"], bool(f["stop"]), f["reason"], _cites(f["cite"]))
                for f in pain["feelings"]
            ),
            red_flags=tuple(
                RedFlag(f["id"], f["text"], f["reason"], _cites(f["cite"]))
                for f in pain["red_flags"]
            ),
            stop_advice=pain["stop_advice"],
            carry_on_advice=pain["carry_on_advice"],
        ),
        path=path,
    )
