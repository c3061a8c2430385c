"""The safety rules file's format (schema), its cross-field checks and the build into objects.

Only the format lives here: rules.py reads files with it, verdict.py decides what the rules mean.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from massage_trainer.core.body.geometry import zone_ids
from massage_trainer.core.protocol.schema import (
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
from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile, Technique
from massage_trainer.core.protocol.yamlsafe import Map
from massage_trainer.core.safety.rules_model import (
    COMPARISONS,
    Outcome,
    QuestionKind,
)


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

CHOICE = Text(
    "Where the sources give no such fact: the project's careful choice, and why (shown with it).",
    max_len=500,
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
        "choice": F(CHOICE),
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

_techniques = ListOf(
    Choice("A technique.", _values(Technique), what="technique"), unique=True, max_items=20
)
_pressure = Choice("light, moderate or firm.", _values(Pressure))
REQUIRES = Obj(
    {
        "max_pressure": F(_pressure),
        "techniques": F(_techniques, default=()),
        "preparation": F(
            ListOf(Id("A preparation item id."), unique=True, max_items=20), default=()
        ),
        "forbid_preparation": F(
            ListOf(Id("A preparation item id."), unique=True, max_items=20), default=()
        ),
        "max_minutes": F(Number("The longest it may last.", minimum=1, maximum=180)),
    },
    "What the played protocol's own content must be when this rule adapts the session.",
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
        "protocol": F(Id("adapt: where to look first for a protocol that meets 'requires'.")),
        "requires": F(REQUIRES),
        "reason": F(Text("Why, in plain words.", max_len=600), required=True),
        "advice": F(Text("What to do instead.", max_len=600), required=True),
        "cite": F(CITES, required=True),
        "choice": F(CHOICE),
    },
    "A rule: when its answers match, it stops, delays, adapts or warns.",
)

FEELING = Obj(
    {
        "id": F(Id("Short unique name."), required=True),
        "text": F(Text("What the pain feels like.", max_len=120), required=True),
        "stop": F(Bool("This feeling alone means stop and see a doctor."), default=False),
        "ends_session": F(Bool("This feeling ends the session (no lighter going on)."), False),
        "reason": F(Text("Why it means stop.", max_len=400)),
        "cite": F(CITES, default=()),
        "choice": F(CHOICE),
    },
    "A choice for what the pain feels like.",
)

RED_FLAG = Obj(
    {
        "id": F(Id("Short unique name."), required=True),
        "text": F(Text("The sign, as the person would notice it.", max_len=300), required=True),
        "reason": F(Text("What it can mean.", max_len=400), required=True),
        "cite": F(CITES, required=True),
        "choice": F(CHOICE),
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
        "end_advice": F(Text("Said when the session ends without a warning sign.", max_len=400)),
    },
    "What the pain stop asks and advises.",
)

ZONE_RULE = Obj(
    {
        "id": F(Id("Short unique name."), required=True),
        "zones": F(
            ListOf(
                Choice("A body zone.", zone_ids, what="zone"),
                min_items=1,
                max_items=20,
                unique=True,
            ),
            required=True,
        ),
        "no_contact": F(Bool("No working contact at all: the hands work beside it."), False),
        "techniques": F(_techniques, default=()),
        "max_pressure": F(_pressure),
        "reason": F(Text("Why, in plain words.", max_len=600), required=True),
        "cite": F(CITES, required=True),
    },
    "Work that must never touch these zones: any contact, some techniques, or more pressure.",
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
        "zones": F(ListOf(ZONE_RULE, max_items=40), default=()),
    },
    "The safety rules of Massage Trainer.",
    title="Massage Trainer safety rules",
)


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


def cross_checks(root: Map, d: dict[str, Any], ctx: Ctx) -> None:
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
        if not adapt and (
            r["profile"] is not None or r["protocol"] is not None or r["requires"] is not None
        ):
            ctx.add(
                locate(root, "rules", i),
                w,
                "only an adapt rule has 'profile', 'protocol' and 'requires'",
            )
        if adapt and r["requires"] is None:
            ctx.add(
                locate(root, "rules", i),
                w,
                "an adapt rule needs 'requires': what the played protocol's content must be",
            )
        prep_ids = {p["id"] for p in d["preparation"]}
        for key in ("preparation", "forbid_preparation"):
            for j, pid in enumerate((r["requires"] or {}).get(key) or (), start=1):
                if pid not in prep_ids:
                    ctx.add(
                        locate(root, "rules", i, "requires", key, j),
                        f"{w}.requires.{key}[{j}]",
                        f"'{pid}' is not one of the preparation items",
                    )
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
    _dupes(root, "zones", d["zones"], {}, ctx)
    for i, z in enumerate(d["zones"], start=1):
        cites(z["cite"], "zones", i, "cite")
        if not (z["no_contact"] or z["techniques"] or z["max_pressure"] is not None):
            ctx.add(
                locate(root, "zones", i),
                f"zones[{i}]",
                "say what is not allowed: no_contact, techniques or max_pressure",
            )


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
