"""Screening answers against the rules' clauses: which answers are well formed, which rules fire,
how long a wait rule says to wait. The verdict (verdict.py) decides what that means.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.safety.rules import Clause, QuestionKind, Rule, Rules

Answer = bool | int | float | None


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def normalise(
    rules: Rules, answers: Mapping[str, Answer]
) -> tuple[dict[str, Answer], dict[str, LocalText]]:
    """Keep only well-formed answers; an impossible answer counts as missing, with a reason."""
    values: dict[str, Answer] = {}
    problems: dict[str, LocalText] = {}
    for q in rules.questions:
        v = answers.get(q.id)
        if v is None:
            continue
        if q.kind == QuestionKind.YES_NO:
            if isinstance(v, bool):
                values[q.id] = v
            else:
                problems[q.id] = _t(
                    f"'{q.id}' must be answered yes or no.",
                    f"На «{q.id}» нужно ответить «да» или «нет».",
                )
            continue
        lo = q.minimum if q.minimum is not None else -math.inf
        hi = q.maximum if q.maximum is not None else math.inf
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        if ok and (v < lo or v > hi or (q.integer and not float(v).is_integer())):
            ok = False
        if ok:
            values[q.id] = float(v)
        else:
            whole = "a whole number " if q.integer else "a number "
            whole_ru = "целое число " if q.integer else "число "
            problems[q.id] = _t(
                f"'{q.id}': {v!r} is not possible; enter {whole}from {lo:g} to {hi:g}.",
                f"«{q.id}»: значение {v!r} невозможно; введите {whole_ru}от {lo:g} до {hi:g}.",
            )
    return values, problems


def _clause(c: Clause, values: Mapping[str, Answer]) -> bool | None:
    """True, False, or None when the answer is not known yet."""
    if c.op == "any":
        results = [_clause(x, values) for x in c.any]
        if any(r is True for r in results):
            return True
        return None if any(r is None for r in results) else False
    assert c.question is not None
    v = values.get(c.question)
    if v is None:
        return None
    if c.op == "is":
        return v is c.value
    x, ref = float(v), float(c.value)
    return {"at_least": x >= ref, "at_most": x <= ref, "below": x < ref, "above": x > ref}[c.op]


def fires(rule: Rule, values: Mapping[str, Answer]) -> bool:
    return all(_clause(c, values) is True for c in rule.when)


def wait_minutes(rule: Rule, values: Mapping[str, Answer]) -> float:
    for c in rule.when:
        if c.op == "below" and c.question is not None:
            v = values.get(c.question)
            if v is not None:
                return max(0.0, float(c.value) - float(v))
    return 0.0


def join(a: LocalText, b: LocalText) -> LocalText:
    langs = dict(a.by_lang).keys() | dict(b.by_lang).keys()
    return LocalText.of(
        f"{a.get('en')} {b.get('en')}",
        **{lang: f"{a.get(lang)} {b.get(lang)}" for lang in sorted(langs) if lang != "en"},
    )
