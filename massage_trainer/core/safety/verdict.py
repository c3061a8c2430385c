"""The safety gate: screening answers + preparation ticks + a protocol -> a verdict, and pain advice.

Rules are data (protocols/safety-rules.yaml, read by core/safety_rules.py). This module decides:
STOP beats WAIT beats ADAPT beats GO, and nothing starts while an answer or a tick is missing.
Only GO and ADAPT may start a session, and only with the protocol the verdict names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.rules import (
    Clause,
    Outcome,
    QuestionKind,
    Rule,
    Rules,
    RulesError,
    json_schema,
)
from massage_trainer.core.safety.rules import load as _load

__all__ = [
    "Answer",
    "PainAdvice",
    "Rules",
    "RulesError",
    "Verdict",
    "VerdictKind",
    "assess_pain",
    "evaluate",
    "json_schema",
    "load_rules",
    "may_start",
]

Answer = bool | int | float | None
Resolver = Callable[[str], Protocol]


class VerdictKind(StrEnum):
    GO = "go"
    ADAPT = "adapt"
    WAIT = "wait"
    STOP = "stop"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Verdict:
    """What the rules say about a session today, and why."""

    kind: VerdictKind
    reasons: tuple[LocalText, ...]
    protocol_id: str | None
    """The protocol to play (GO/ADAPT); for INCOMPLETE/WAIT the one that would be played."""
    wait_minutes: float | None
    missing: tuple[str, ...]
    """Ids of unanswered (or impossible) questions and unticked preparation items, in order."""
    advice: tuple[LocalText, ...] = ()
    """What to do instead (STOP, WAIT) or what changed (ADAPT)."""
    warnings: tuple[LocalText, ...] = ()
    """Cautions that do not block the session (e.g. ointments in pregnancy)."""
    fired: tuple[str, ...] = ()
    """Ids of the rules that fired, for the session record."""
    adapted_from: str | None = None
    """ADAPT: the protocol that was asked for, when it was replaced."""


def load_rules(path: str | Path | None = None) -> Rules:
    """The rules file (the bundled one by default); raises RulesError with located problems."""
    return _load(path)


def may_start(verdict: Verdict, protocol: Protocol | None = None) -> bool:
    """True only for GO and ADAPT, and (when given) only for the protocol the verdict names."""
    if verdict.kind not in (VerdictKind.GO, VerdictKind.ADAPT) or verdict.protocol_id is None:
        return False
    return protocol is None or protocol.id == verdict.protocol_id


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def _normalise(
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


def _fires(rule: Rule, values: Mapping[str, Answer]) -> bool:
    return all(_clause(c, values) is True for c in rule.when)


def _wait_minutes(rule: Rule, values: Mapping[str, Answer]) -> float:
    for c in rule.when:
        if c.op == "below" and c.question is not None:
            v = values.get(c.question)
            if v is not None:
                return max(0.0, float(c.value) - float(v))
    return 0.0


def _join(a: LocalText, b: LocalText) -> LocalText:
    langs = dict(a.by_lang).keys() | dict(b.by_lang).keys()
    return LocalText.of(
        f"{a.get('en')} {b.get('en')}",
        **{lang: f"{a.get(lang)} {b.get(lang)}" for lang in sorted(langs) if lang != "en"},
    )


def _resolve(resolve: Resolver, protocol_id: str) -> Protocol | None:
    try:
        return resolve(protocol_id)
    except Exception:  # any failure to load the safe variant must block the session, never pass
        return None


def _default_resolver(protocol_id: str) -> Protocol:
    from massage_trainer.core.protocol import catalog

    return catalog.bundled(protocol_id)


def evaluate(
    rules: Rules,
    answers: Mapping[str, Answer],
    protocol: Protocol,
    *,
    resolve: Resolver | None = None,
) -> Verdict:
    """Decide whether `protocol` may start today given `answers` (question and preparation ids).

    Preparation items count as ticked only when their answer is True. When a rule adapts the
    session, the preparation checked is that of the protocol that will be played, fetched by
    `resolve` (the bundled catalog by default).
    """
    values, problems = _normalise(rules, answers)
    fired = [r for r in rules.rules if _fires(r, values)]
    warnings = tuple(_join(r.reason, r.advice) for r in fired if r.outcome == Outcome.WARN)
    fired_ids = tuple(r.id for r in fired)
    stops = [r for r in fired if r.outcome == Outcome.STOP]
    questions_missing = tuple(q.id for q in rules.questions if q.id not in values)

    def stop(reasons: tuple[LocalText, ...], advice: tuple[LocalText, ...]) -> Verdict:
        return Verdict(
            VerdictKind.STOP, reasons, None, None, questions_missing, advice, warnings, fired_ids
        )

    if stops:
        return stop(tuple(r.reason for r in stops), tuple(r.advice for r in stops))

    target, adapts = protocol, [r for r in fired if r.outcome == Outcome.ADAPT]
    if adapts:
        wanted = {(r.profile, r.protocol) for r in adapts}
        if len(wanted) > 1:
            return stop(
                (
                    _t(
                        "The safety rules ask for two different adapted sessions.",
                        "Правила безопасности требуют двух разных изменённых сеансов.",
                    ),
                ),
                (
                    _t(
                        "Do not massage; the rules file needs fixing.",
                        "Не делайте массаж: файл правил нужно исправить.",
                    ),
                ),
            )
        rule = adapts[0]
        if protocol.safety_profile != rule.profile:
            assert rule.protocol is not None
            found = _resolve(resolve or _default_resolver, rule.protocol)
            if found is None or found.safety_profile != rule.profile:
                return stop(
                    (rule.reason,),
                    (
                        _t(
                            f"The protocol '{rule.protocol}' is needed but cannot be loaded; do not massage.",
                            f"Нужен протокол «{rule.protocol}», но его не удаётся загрузить; не делайте массаж.",
                        ),
                    ),
                )
            target = found

    prep_missing = tuple(p for p in target.preparation if answers.get(p) is not True)
    missing = questions_missing + prep_missing
    if missing:
        reasons = tuple(problems[q] for q in questions_missing if q in problems)
        n_q, n_p = len(questions_missing), len(prep_missing)
        reasons += (
            _t(
                f"Still open: {n_q} question(s) and {n_p} preparation item(s).",
                f"Ещё не заполнено: вопросов — {n_q}, пунктов подготовки — {n_p}.",
            ),
        )
        return Verdict(
            VerdictKind.INCOMPLETE, reasons, target.id, None, missing, (), warnings, fired_ids
        )

    waits = [r for r in fired if r.outcome == Outcome.WAIT]
    if waits:
        minutes = max(_wait_minutes(r, values) for r in waits)
        return Verdict(
            VerdictKind.WAIT,
            tuple(r.reason for r in waits),
            target.id,
            minutes,
            (),
            tuple(r.advice for r in waits),
            warnings,
            fired_ids,
        )
    if adapts:
        return Verdict(
            VerdictKind.ADAPT,
            tuple(r.reason for r in adapts),
            target.id,
            None,
            (),
            tuple(r.advice for r in adapts) if target.id != protocol.id else (),
            warnings,
            fired_ids,
            adapted_from=protocol.id if target.id != protocol.id else None,
        )
    return Verdict(VerdictKind.GO, (), protocol.id, None, (), (), warnings, fired_ids)


@dataclass(frozen=True)
class PainAdvice:
    """What to do after a pain report: stop and see a doctor, or choose how to go on."""

    stop: bool
    reasons: tuple[LocalText, ...]
    advice: LocalText


def assess_pain(
    rules: Rules, zone: str | None, feeling: str | None, red_flags: Iterable[str]
) -> PainAdvice:
    """Any red flag, a stop feeling or pain in a stop zone means stop; otherwise offer choices."""
    pain = rules.pain
    reasons: list[LocalText] = []
    flags = set(red_flags)
    for f in pain.red_flags:
        if f.id in flags:
            reasons.append(f.reason)
    for fe in pain.feelings:
        if fe.id == feeling and fe.stop and fe.reason is not None:
            reasons.append(fe.reason)
    if zone is not None and zone in pain.stop_zones:
        reasons.append(pain.stop_zones_reason)
    unknown = flags - {f.id for f in pain.red_flags}
    if unknown:  # a sign we do not know is treated as a warning sign, never ignored
        reasons.append(
            _t("An unknown warning sign was reported.", "Отмечен неизвестный тревожный признак.")
        )
    if reasons:
        return PainAdvice(True, tuple(reasons), pain.stop_advice)
    return PainAdvice(False, (), pain.carry_on_advice)
