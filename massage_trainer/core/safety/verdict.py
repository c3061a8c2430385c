"""The one safety authority: rules + answers + the protocol's content + the receiver's holds + the
time already massaged -> a verdict (go, adapt, wait, stop, blocked, or what is still missing), with
the reasons and the sources they come from.

Every path asks `evaluate`: the window (Start, Next, restart, loop, practice, a protocol switch),
`play --headless`, the handout and the history. STOP beats BLOCKED beats WAIT beats ADAPT beats GO,
and nothing starts while an answer or a tick is missing. A protocol is judged by its content
(content.py, spatial.py), never by its id: in pregnancy the protocol played is one whose own steps
meet the pregnancy rules, and `may_start` checks the protocol to be played is exactly (or a lighter
copy of) the one the verdict approved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety import content
from massage_trainer.core.safety.answer_rules import (
    Answer,
    fires,
    join,
    normalise,
    wait_minutes,
)
from massage_trainer.core.safety.holds import Hold
from massage_trainer.core.safety.pain import PainAdvice, assess_pain
from massage_trainer.core.safety.rules import (
    Cite,
    Outcome,
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
    "blocked",
    "evaluate",
    "json_schema",
    "load_rules",
    "may_start",
]

Resolver = Callable[[str], Protocol]


class VerdictKind(StrEnum):
    GO = "go"
    ADAPT = "adapt"
    WAIT = "wait"
    STOP = "stop"
    BLOCKED = "blocked"
    """Start is locked for a reason that is not the receiver's: the rules cannot be read, the
    protocol's content breaks a rule, the safety check could not be built."""
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Verdict:
    """What the rules say about a session today, and why."""

    kind: VerdictKind
    reasons: tuple[LocalText, ...]
    protocol: Protocol | None
    """The protocol to play (GO/ADAPT); for INCOMPLETE/WAIT the one that would be played."""
    wait_minutes: float | None = None
    missing: tuple[str, ...] = ()
    """Ids of unanswered (or impossible) questions and unticked preparation items, in order."""
    advice: tuple[LocalText, ...] = ()
    """What to do instead (STOP, WAIT, BLOCKED) or what changed (ADAPT)."""
    warnings: tuple[LocalText, ...] = ()
    """Cautions that do not block the session (e.g. ointments in pregnancy)."""
    fired: tuple[str, ...] = ()
    """Ids of the rules that fired, for the session record."""
    adapted_from: Protocol | None = None
    """ADAPT: the protocol that was asked for, when another one is played instead."""
    sources: tuple[Cite, ...] = ()
    """Where the reasons come from."""
    limit_s: float | None = None
    """Wall-clock seconds the session may still last on the receiver's body."""
    holds: tuple[Hold, ...] = ()
    """Open "see a doctor" stops of this receiver."""
    findings: tuple[content.Finding, ...] = ()
    """BLOCKED by the protocol's content: what is wrong, step by step."""

    @property
    def protocol_id(self) -> str | None:
        """The played protocol's id, for the record and the display (never for deciding)."""
        return None if self.protocol is None else self.protocol.id


def load_rules(path: str | Path | None = None) -> Rules:
    """The rules file (the bundled one by default); raises RulesError with located problems."""
    return _load(path)


def lighter_copy_of(protocol: Protocol, base: Protocol) -> bool:
    """Is `protocol` the same as `base` except for steps whose pressure was lowered?"""
    if len(protocol.steps) != len(base.steps) or replace(protocol, steps=base.steps) != base:
        return False
    for s, b in zip(protocol.steps, base.steps, strict=True):
        if s != b and (
            replace(s, pressure=b.pressure) != b or s.pressure.level >= b.pressure.level
        ):
            return False
    return True


def may_start(verdict: Verdict, protocol: Protocol | None = None) -> bool:
    """True only for GO and ADAPT with time left and, when given, only for the very protocol the
    verdict approved (compared by content), or a copy of it with some pressure lightened."""
    approved = verdict.protocol
    if verdict.kind not in (VerdictKind.GO, VerdictKind.ADAPT) or approved is None:
        return False
    if verdict.limit_s is not None and verdict.limit_s <= 0:
        return False
    return protocol is None or protocol == approved or lighter_copy_of(protocol, approved)


def blocked(reason: LocalText, advice: LocalText | None = None) -> Verdict:
    """The verdict when the check itself cannot be made (rules unreadable, panel not built):
    Start stays locked and the person is told why."""
    return Verdict(VerdictKind.BLOCKED, (reason,), None, advice=(advice,) if advice else ())


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def _resolve(resolve: Resolver, protocol_id: str) -> Protocol | None:
    try:
        return resolve(protocol_id)
    except Exception:  # any failure to load the safe variant must block the session, never pass
        return None


def _default_resolver(protocol_id: str) -> Protocol:
    from massage_trainer.core.protocol import catalog

    return catalog.bundled(protocol_id)


_FINDINGS: dict[tuple[Protocol, Rules], tuple[content.Finding, ...]] = {}


def protocol_findings(rules: Rules, protocol: Protocol) -> tuple[content.Finding, ...]:
    """content.findings, kept per protocol content: every answer change asks again."""
    key = (protocol, rules)
    hit = _FINDINGS.get(key)
    if hit is None:
        hit = tuple(content.findings(rules, protocol))
        if len(_FINDINGS) > 32:
            _FINDINGS.clear()
        _FINDINGS[key] = hit
    return hit


def _hold_reason(h: Hold) -> LocalText:
    return _t(
        f"On {h.day} the massage was stopped: {h.reason} A doctor must see the receiver first.",
        f"{h.day} массаж был остановлен: {h.reason} Сначала массируемого должен осмотреть врач.",
    )


_CLEARANCE = _t(
    "When a doctor has said massage is fine again, record the doctor's clearance: the button "
    "'Record a doctor's clearance…' under this check, or 'massage-trainer clearance --by NAME'.",
    "Когда врач разрешит массаж, отметьте это: кнопка «Отметить разрешение врача…» под этой "
    "проверкой или 'massage-trainer clearance --by ИМЯ'.",
)


def _cites(rules: Iterable[Rule]) -> tuple[Cite, ...]:
    return tuple(dict.fromkeys(c for r in rules for c in r.cite))


def evaluate(
    rules: Rules,
    answers: Mapping[str, Answer],
    protocol: Protocol,
    *,
    resolve: Resolver | None = None,
    holds: Sequence[Hold] = (),
    massaged_s: float = 0.0,
) -> Verdict:
    """Decide whether `protocol` may start today.

    `answers` holds question and preparation ids (a preparation item counts only when True).
    `holds` are the receiver's open "see a doctor" stops; `massaged_s` the wall-clock seconds
    already massaged in this sitting (restarts, loops and switches count). When a rule adapts
    the session and `protocol` does not meet its requirements, `resolve` (the bundled catalog by
    default) fetches the rule's suggestion, which is played only if its content meets them.
    """
    values, problems = normalise(rules, answers)
    fired = [r for r in rules.rules if fires(r, values)]
    warnings = tuple(join(r.reason, r.advice) for r in fired if r.outcome == Outcome.WARN)
    fired_ids = tuple(r.id for r in fired)
    stops = [r for r in fired if r.outcome == Outcome.STOP]
    questions_missing = tuple(q.id for q in rules.questions if q.id not in values)
    common = {"warnings": warnings, "fired": fired_ids, "holds": tuple(holds)}

    def stop(
        reasons: tuple[LocalText, ...], advice: tuple[LocalText, ...], sources: tuple[Cite, ...]
    ) -> Verdict:
        return Verdict(
            VerdictKind.STOP,
            reasons,
            None,
            missing=questions_missing,
            advice=advice,
            sources=sources,
            **common,  # type: ignore[arg-type]
        )

    if stops or holds:
        return stop(
            tuple(r.reason for r in stops) + tuple(_hold_reason(h) for h in holds),
            tuple(r.advice for r in stops) + ((_CLEARANCE,) if holds else ()),
            _cites(stops),
        )

    found = protocol_findings(rules, protocol)
    if found:
        return Verdict(
            VerdictKind.BLOCKED,
            (
                _t(
                    "This protocol cannot be played: its content breaks a safety rule.",
                    "Эту программу нельзя проводить: её содержание нарушает правило безопасности.",
                ),
                *(f.message for f in found),
            ),
            None,
            advice=(
                _t(
                    "Choose another protocol, or fix the file ('massage-trainer validate FILE' "
                    "shows each place).",
                    "Выберите другую программу или исправьте файл ('massage-trainer validate "
                    "FILE' покажет каждое место).",
                ),
            ),
            findings=found,
            **common,  # type: ignore[arg-type]
        )

    target, adapts = protocol, [r for r in fired if r.outcome == Outcome.ADAPT]
    for rule in adapts:
        req = rule.requires
        if req is None or content.meets(req, target):
            continue
        found_p = (
            None if rule.protocol is None else _resolve(resolve or _default_resolver, rule.protocol)
        )
        usable = (
            found_p is not None
            and content.meets(req, found_p)
            and not protocol_findings(rules, found_p)
        )
        if not usable:
            return stop(
                (rule.reason,),
                (
                    _t(
                        "No protocol that meets these rules can be loaded; do not massage.",
                        "Не удаётся загрузить программу, которая соблюдает эти правила; "
                        "не делайте массаж.",
                    ),
                ),
                rule.cite,
            )
        assert found_p is not None
        target = found_p
    if any(r.requires is not None and not content.meets(r.requires, target) for r in adapts):
        return stop(  # two adapt rules that no one protocol meets
            tuple(r.reason for r in adapts),
            (
                _t(
                    "No protocol meets all the rules that apply today; do not massage.",
                    "Ни одна программа не соблюдает все правила, которые действуют сегодня; "
                    "не делайте массаж.",
                ),
            ),
            _cites(adapts),
        )

    limit_s = target.max_minutes * 60.0
    for r in adapts:
        if r.requires is not None and r.requires.max_minutes is not None:
            limit_s = min(limit_s, r.requires.max_minutes * 60.0)
    left_s = limit_s - max(0.0, massaged_s)
    if left_s <= 0:
        return stop(
            (
                _t(
                    f"The time limit is reached: {massaged_s / 60:.0f} of {limit_s / 60:g} "
                    "minutes have already been massaged.",
                    f"Достигнут предел времени: уже сделано {massaged_s / 60:.0f} из "
                    f"{limit_s / 60:g} минут массажа.",
                ),
            ),
            (_t("No more massage today.", "Сегодня больше не делайте массаж."),),
            _cites(adapts),
        )
    adapted_from = protocol if target is not protocol else None
    common["limit_s"] = left_s  # type: ignore[assignment]

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
            VerdictKind.INCOMPLETE,
            reasons,
            target,
            missing=missing,
            adapted_from=adapted_from,
            sources=_cites(adapts),
            **common,  # type: ignore[arg-type]
        )

    waits = [r for r in fired if r.outcome == Outcome.WAIT]
    if waits:
        return Verdict(
            VerdictKind.WAIT,
            tuple(r.reason for r in waits),
            target,
            wait_minutes=max(wait_minutes(r, values) for r in waits),
            advice=tuple(r.advice for r in waits),
            adapted_from=adapted_from,
            sources=_cites(waits),
            **common,  # type: ignore[arg-type]
        )
    if adapts:
        return Verdict(
            VerdictKind.ADAPT,
            tuple(r.reason for r in adapts),
            target,
            advice=tuple(r.advice for r in adapts) if adapted_from is not None else (),
            adapted_from=adapted_from,
            sources=_cites(adapts),
            **common,  # type: ignore[arg-type]
        )
    return Verdict(VerdictKind.GO, (), target, **common)  # type: ignore[arg-type]
