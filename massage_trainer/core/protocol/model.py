"""A massage protocol as immutable data: what the player plays and the diagram draws."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.vocab import (
    Audience,
    BodyPose,
    Contact,
    Coordination,
    Direction,
    Move,
    Orientation,
    Pattern,
    Pressure,
    Role,
    SafetyProfile,
    Stand,
    Technique,
)

ESTIMATE_SLACK_MIN = 1.0
ESTIMATE_SLACK_FRACTION = 0.15
"""`validate` warns when a protocol's estimated_minutes is off the steps' length by more than
both of these: over a minute and over 15 % of that length."""


def whole_minutes(seconds: float) -> int:
    """Seconds as the whole minutes a person is told ("about 8 min"): rounded half up, and never
    0 for something that takes any time at all."""
    if seconds <= 0:
        return 0
    return max(1, math.floor(seconds / 60.0 + 0.5))


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    file: str
    title: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in which source document a step's facts come from (`also`: further sources a part
    of the step, such as a caution, comes from)."""

    id: str
    section: str
    also: tuple[SourceRef, ...] = ()


STEP_CHOICES = ("step", "technique", "tempo", "repetitions", "duration_s", "pressure")
"""What in a step may be marked as the project's choice ("step": the whole step)."""
PROTOCOL_CHOICES = ("tempo", "repetitions", "duration_s", "max_minutes")
"""What a protocol may mark for all its steps at once (max_minutes: the protocol's own)."""


@dataclass(frozen=True, slots=True)
class ProjectChoice:
    """Something the sources do not give, chosen by the project with care: what, and why."""

    about: tuple[str, ...]
    why: LocalText


@dataclass(frozen=True, slots=True)
class Anchor:
    """A hand placed at a surface landmark (core.body's names: 'T3', 'acromion-left'...), moved by
    an offset in centimetres: dx toward the receiver's right, dy toward the feet."""

    landmark: str
    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True, slots=True)
class HandPlacement:
    """Where the practitioner's two hands go. `left` and `right` are the zones where the
    practitioner's left and right hands start (for a hand placed at a landmark: the zone the
    landmark lies in)."""

    contact: Contact
    orientation: Orientation
    left: str
    right: str
    left_role: Role = Role.WORKING
    right_role: Role = Role.WORKING
    left_at: Anchor | None = None
    right_at: Anchor | None = None

    def zone(self, hand: str) -> str:
        """The start zone of the practitioner's 'left' or 'right' hand."""
        return self.left if hand == "left" else self.right

    def role(self, hand: str) -> Role:
        return self.left_role if hand == "left" else self.right_role

    def anchor(self, hand: str) -> Anchor | None:
        return self.left_at if hand == "left" else self.right_at


@dataclass(frozen=True, slots=True)
class PathMove:
    """One piece of a composite path: a move and its length in centimetres."""

    move: Move
    cm: float


@dataclass(frozen=True, slots=True)
class Motion:
    pattern: Pattern
    direction: Direction
    hands: Coordination
    path: tuple[PathMove, ...] = ()
    """A composite path the working hands follow in each stroke (empty: the pattern's own)."""


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
    project_choices: tuple[ProjectChoice, ...] = ()
    """What in this step is the project's careful choice rather than a source fact."""
    practitioner: Stand | None = None
    """Where the practitioner stands; None when the file does not say (see `stands`)."""

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
    project_choices: tuple[ProjectChoice, ...] = ()
    """Choices made for the whole protocol (e.g. every tempo, max_minutes), with why."""
    pose: BodyPose = BodyPose.PRONE

    @property
    def planned_s(self) -> float:
        """The protocol's length: its steps added up (a wait-for-Next step counts its suggested
        duration). The one length the picker, status bar, handout and CLI all show."""
        return sum(s.planned_s for s in self.steps)

    def choices_for(self, index: int) -> tuple[ProjectChoice, ...]:
        """The project's choices that apply to step `index`: the protocol's own (narrowed to what
        the step uses), then the step's."""
        step = self.steps[index]
        used = {"tempo"}
        if step.repetitions is not None:
            used.add("repetitions")
        if step.duration_s is not None:
            used.add("duration_s")
        shared = []
        for c in self.project_choices:
            about = tuple(a for a in c.about if a in used)
            if about:
                shared.append(ProjectChoice(about, c.why))
        return (*shared, *step.project_choices)

    def protocol_choice(self, about: str) -> ProjectChoice | None:
        """The protocol-wide choice about `about` (e.g. "max_minutes"), if it is one."""
        return next((c for c in self.project_choices if about in c.about), None)

    def stands(self, step: Step) -> Stand:
        """Where the practitioner stands for a step: as the file says, else what the pose and
        the hands imply (behind a seated or side-lying receiver; at the head when the fingers
        point toward the feet; otherwise at the receiver's left side)."""
        if step.practitioner is not None:
            return step.practitioner
        if self.pose is not BodyPose.PRONE:
            return Stand.BEHIND
        if step.hands.orientation is Orientation.FINGERS_TOWARD_FEET:
            return Stand.AT_HEAD
        return Stand.AT_LEFT_SIDE

    @property
    def length_minutes(self) -> int:
        """`planned_s` in the whole minutes people are told ("about 8 min")."""
        return whole_minutes(self.planned_s)

    def estimate_is_far(self) -> bool:
        """True when estimated_minutes is off the steps' length by more than a minute and by
        more than 15 % of it (validate then warns; the app shows the steps' length anyway)."""
        steps_min = self.planned_s / 60.0
        off = abs(self.estimated_minutes - steps_min)
        return off > ESTIMATE_SLACK_MIN and off > ESTIMATE_SLACK_FRACTION * steps_min

    def step_index(self, step_id: str) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)
