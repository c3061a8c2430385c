"""A massage protocol as immutable data: what the player plays and the diagram draws."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.vocab import (
    Audience,
    Contact,
    Coordination,
    Direction,
    Orientation,
    Pattern,
    Pressure,
    SafetyProfile,
    Technique,
)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    file: str
    title: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in which source document a step's facts come from."""

    id: str
    section: str


@dataclass(frozen=True, slots=True)
class HandPlacement:
    contact: Contact
    orientation: Orientation
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class Motion:
    pattern: Pattern
    direction: Direction
    hands: Coordination


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: LocalText
    technique: Technique
    instructions: LocalText
    cue: LocalText
    target_zones: tuple[str, ...]
    avoid_zones: tuple[str, ...]
    hands: HandPlacement
    motion: Motion
    pressure: Pressure
    tempo: float
    """Strokes (motion cycles) per minute."""
    repetitions: int | None
    duration_s: float | None
    until_next: bool
    cautions: tuple[LocalText, ...]
    source: SourceRef

    @property
    def period_s(self) -> float:
        """Seconds one motion cycle takes."""
        return 60.0 / self.tempo

    @property
    def planned_s(self) -> float:
        """How long the step is meant to last; a wait-for-Next step counts its suggested duration."""
        if self.repetitions is not None:
            return self.repetitions * self.period_s
        if self.duration_s is not None:
            return self.duration_s
        return 0.0


@dataclass(frozen=True, slots=True)
class Protocol:
    schema_version: int
    id: str
    version: int
    title: LocalText
    summary: LocalText
    audience: tuple[Audience, ...]
    sources: tuple[Source, ...]
    safety_profile: SafetyProfile
    estimated_minutes: float
    max_minutes: float
    preparation: tuple[str, ...]
    steps: tuple[Step, ...]
    path: Path | None = None

    @property
    def planned_s(self) -> float:
        return sum(s.planned_s for s in self.steps)

    def step_index(self, step_id: str) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)
