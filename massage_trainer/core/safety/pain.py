"""Pain during the massage, as the sources say: there should be none.

Any pain stops the technique. A warning sign (a red flag, a feeling or a place the rules treat as
one) ends the session and means "see a doctor" (a hold for that receiver). Sharp, burning,
shooting or spreading pain ends the session. Otherwise the person may only go on more lightly
(the step one pressure level lower, after a get-ready lead-in) or skip the step; never carry on
as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.vocab import Pressure
from massage_trainer.core.safety.rules_model import Cite, Rules

STOP, LIGHTEN, SKIP = "stop", "lighten", "skip"


@dataclass(frozen=True)
class PainAdvice:
    """What a pain report means: the choices left, why, and whether a doctor must be seen."""

    ends_session: bool
    see_doctor: bool
    reasons: tuple[LocalText, ...]
    advice: LocalText
    choices: tuple[str, ...]
    """Among 'stop', 'lighten' (only when the pressure can go lower) and 'skip'."""
    sources: tuple[Cite, ...] = ()

    @property
    def stop(self) -> bool:
        """The session must end (only 'stop' is offered)."""
        return self.ends_session


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def lighter(pressure: Pressure) -> Pressure | None:
    """One pressure level lower, or None when it is already light."""
    return {Pressure.FIRM: Pressure.MODERATE, Pressure.MODERATE: Pressure.LIGHT}.get(pressure)


def lightened(protocol: Protocol, index: int) -> Protocol:
    """`protocol` with step `index` one pressure level lower (unchanged when already light)."""
    step = protocol.steps[index]
    lower = lighter(step.pressure)
    if lower is None:
        return protocol
    steps = (*protocol.steps[:index], replace(step, pressure=lower), *protocol.steps[index + 1 :])
    return replace(protocol, steps=steps)


def assess_pain(
    rules: Rules,
    zone: str | None,
    feeling: str | None,
    red_flags: Iterable[str],
    pressure: Pressure | None = None,
) -> PainAdvice:
    """What the pain report means; `pressure` is the current step's (lightening needs a lower
    level to go to)."""
    pain = rules.pain
    doctor: list[LocalText] = []
    sources: list[Cite] = []
    flags = set(red_flags)
    for f in pain.red_flags:
        if f.id in flags:
            doctor.append(f.reason)
            sources.extend(f.cite)
    ends: list[LocalText] = []
    for fe in pain.feelings:
        if fe.id != feeling or fe.reason is None:
            continue
        if fe.stop:
            doctor.append(fe.reason)
            sources.extend(fe.cite)
        elif fe.ends_session:
            ends.append(fe.reason)
            sources.extend(fe.cite)
    if zone is not None and zone in pain.stop_zones:
        doctor.append(pain.stop_zones_reason)
        sources.extend(pain.stop_zones_cite)
    if flags - {f.id for f in pain.red_flags}:  # an unknown sign counts, never ignored
        doctor.append(
            _t("An unknown warning sign was reported.", "Отмечен неизвестный тревожный признак.")
        )
    cites = tuple(dict.fromkeys(sources))
    if doctor:
        return PainAdvice(True, True, tuple(doctor + ends), pain.stop_advice, (STOP,), cites)
    if ends:
        advice = pain.end_advice or pain.stop_advice
        return PainAdvice(True, False, tuple(ends), advice, (STOP,), cites)
    can_lighten = pressure is None or lighter(pressure) is not None
    choices = (STOP, LIGHTEN, SKIP) if can_lighten else (STOP, SKIP)
    return PainAdvice(False, False, (), pain.carry_on_advice, choices, cites)
