"""The safety rules as immutable objects: questions, preparation, the rules that stop, delay or
adapt a session, what a protocol must contain when a rule adapts it, where on the body which work
is not allowed, and the pain stop. Read from protocols/safety-rules.yaml by rules.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile, Technique


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
    choice: LocalText | None = None
    """What in this question is the project's careful choice rather than a source fact, and why."""


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
class Requirement:
    """What a protocol's own content must be for an adapt rule (e.g. pregnancy) to let it play."""

    max_pressure: Pressure | None = None
    techniques: tuple[Technique, ...] = ()
    """The only techniques allowed; empty means any."""
    preparation: tuple[str, ...] = ()
    """Preparation items the protocol must list (e.g. lying on the side)."""
    forbid_preparation: tuple[str, ...] = ()
    """Preparation items it must not list (e.g. lying on the stomach)."""
    max_minutes: float | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    outcome: Outcome
    when: tuple[Clause, ...]
    reason: LocalText
    advice: LocalText
    cite: tuple[Cite, ...]
    profile: SafetyProfile | None = None
    """ADAPT: the safety profile of protocols made for this case; one claiming it must meet
    `requires`."""
    protocol: str | None = None
    """ADAPT: where to look first for a protocol that meets `requires` (a file name, not a
    guarantee: the content is checked)."""
    requires: Requirement | None = None
    """ADAPT: what the played protocol's content must be."""
    choice: LocalText | None = None
    """What in this rule is the project's careful choice rather than a source fact, and why."""


@dataclass(frozen=True)
class ZoneRule:
    """Work that must never touch some zones: no contact at all, some techniques, or pressure
    above a level. The spatial check and the diagram's work area both follow these."""

    id: str
    zones: tuple[str, ...]
    reason: LocalText
    cite: tuple[Cite, ...]
    no_contact: bool = False
    techniques: tuple[Technique, ...] = ()
    """Techniques that never touch these zones."""
    max_pressure: Pressure | None = None
    """Pressure above this never touches these zones."""

    def forbids(self, step: Step) -> bool:
        """Does this rule keep `step`'s working contact out of its zones?"""
        if self.no_contact or step.technique in self.techniques:
            return True
        return self.max_pressure is not None and step.pressure.level > self.max_pressure.level


@dataclass(frozen=True)
class Feeling:
    id: str
    text: LocalText
    stop: bool = False
    """Stop and see a doctor: the session ends and a hold is kept until a doctor clears it."""
    ends_session: bool = False
    """The session ends (no lightening, no skipping), without a doctor's hold."""
    reason: LocalText | None = None
    cite: tuple[Cite, ...] = ()
    choice: LocalText | None = None
    """What in this feeling's handling is the project's careful choice, and why."""


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: LocalText
    reason: LocalText
    cite: tuple[Cite, ...]
    choice: LocalText | None = None


@dataclass(frozen=True)
class PainRules:
    stop_zones: tuple[str, ...]
    stop_zones_reason: LocalText
    stop_zones_cite: tuple[Cite, ...]
    feelings: tuple[Feeling, ...]
    red_flags: tuple[RedFlag, ...]
    stop_advice: LocalText
    carry_on_advice: LocalText
    """Said when the pain allows going on lighter or skipping the step."""
    end_advice: LocalText | None = None
    """Said when the session ends without a warning sign."""


@dataclass(frozen=True)
class Rules:
    sources: tuple[Source, ...]
    questions: tuple[Question, ...]
    preparation: tuple[PrepItem, ...]
    rules: tuple[Rule, ...]
    pain: PainRules
    zones: tuple[ZoneRule, ...] = ()
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

    def zone_rules_for(self, step: Step) -> tuple[ZoneRule, ...]:
        """The zone rules that keep this step's contact out of their zones."""
        return tuple(z for z in self.zones if z.forbids(step))
