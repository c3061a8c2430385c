"""The words of the step panel: the clock and its state line, the repetition counter, pressure
and tempo, the length of a step, in the interface language.

Kept apart from the panel's widgets so the audience window and the handout say it the same way.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from massage_trainer.core.session.player import Player, State

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Step


def clock_text(seconds: float) -> str:
    """m:ss, rounding up so the display reads 0:00 only when the time is really up."""
    s = max(0, math.ceil(seconds - 1e-6))
    return f"{s // 60}:{s % 60:02d}"


def html(text: str) -> str:
    """`text` safe inside rich text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clock_line(player: Player, untimed: bool) -> tuple[str, str]:
    """(the big clock, the state line under it) for the player now; `untimed` counts up."""
    state = player.state
    remaining = player.remaining_s()
    if state is State.GET_READY:
        return clock_text(player.get_ready_remaining_s()), QCoreApplication.translate(
            "StepPanel", "Get ready: hands in place"
        )
    if state is State.WAITING or (state is State.PAUSED and remaining is None):
        big = "✓" if state is State.WAITING else "❚❚"
        return big, QCoreApplication.translate("StepPanel", "Press Next when you are done")
    if state is State.FINISHED:
        return "✓", QCoreApplication.translate("StepPanel", "Session complete. Well done.")
    if state is State.STOPPED:
        return "■", QCoreApplication.translate("StepPanel", "Session stopped")
    if untimed and state in (State.RUNNING, State.PAUSED):
        if state is State.PAUSED:
            return clock_text(player.step_time()), QCoreApplication.translate(
                "StepPanel", "Paused. Press Space to go on."
            )
        return clock_text(player.step_time()), QCoreApplication.translate(
            "StepPanel", "No timer: press Next when you are ready"
        )
    big = clock_text(remaining if remaining is not None else 0.0)
    if state is State.PAUSED:
        return big, QCoreApplication.translate("StepPanel", "Paused. Press Space to go on.")
    if state is State.IDLE:
        return big, QCoreApplication.translate("StepPanel", "Press Start (Space) when ready")
    return big, ""


def repetitions_text(player: Player) -> str:
    """ "Repetition 7 / 20" while the step runs, "Repetitions 20" before; "" for a timed step."""
    step = player.protocol.steps[player.step_index]
    rep = player.repetition()
    caption_style = "<span style='font-size:small;font-weight:600'>{}</span><br>"
    if rep is not None and player.state not in (State.IDLE, State.GET_READY):
        return (
            caption_style.format(html(QCoreApplication.translate("StepPanel", "Repetition")))
            + f"{rep[0]} / {rep[1]}"
        )
    if step.repetitions is not None:  # before the step runs: how many, laid out the same
        return (
            caption_style.format(html(QCoreApplication.translate("StepPanel", "Repetitions")))
            + f"{step.repetitions}"
        )
    return ""


def pace_text(speed: float, loop: bool) -> str:
    """ "0.5× · loop" while practice slows the hands down or repeats the step; "" at full speed."""
    parts = []
    if abs(speed - 1.0) > 1e-9:
        parts.append(QLocale().toString(speed, "g", 6) + "×")
    if loop:
        parts.append(QCoreApplication.translate("StepPanel", "loop"))
    return " · ".join(parts)


def pressure_text(step: Step, speed: float = 1.0) -> str:
    """Pressure (with dots for its level) and tempo, each kept on one line. The tempo is the rate
    the hands move at now (slow motion plays 60 a minute as 30), with the real one beside it."""
    from massage_trainer.core.protocol.vocab import Pressure  # loads with the first protocol

    names = {
        Pressure.LIGHT: QCoreApplication.translate("StepPanel", "light"),
        Pressure.MODERATE: QCoreApplication.translate("StepPanel", "moderate"),
        Pressure.FIRM: QCoreApplication.translate("StepPanel", "firm"),
    }
    dots = "●" * step.pressure.level + "○" * (3 - step.pressure.level)
    pressure = QCoreApplication.translate("StepPanel", "Pressure: %1").replace(
        "%1", f"<b>{names[step.pressure]}</b> {dots}"
    )
    tempo = QCoreApplication.translate("StepPanel", "Tempo: %1 per minute").replace(
        "%1", f"<b>{step.tempo * speed:g}</b>"
    )
    nowrap = "<span style='white-space:nowrap'>{}</span>"
    real = ""
    if abs(speed - 1.0) > 1e-9:  # may wrap onto a line of its own
        real = " " + nowrap.format(
            QCoreApplication.translate("StepPanel", "(%1 at full speed)").replace(
                "%1", f"{step.tempo:g}"
            )
        )
    return nowrap.format(pressure) + " &nbsp; " + nowrap.format(tempo) + real


def length_text(step: Step) -> str:
    """How long a step lasts: repetitions at a tempo, a time, or until Next."""
    if step.repetitions is not None:
        return (
            QCoreApplication.translate("StepPanel", "%1 × at %2 per minute")
            .replace("%1", str(step.repetitions))
            .replace("%2", f"{step.tempo:g}")
        )
    if step.duration_s is not None:
        return clock_text(step.duration_s)
    return QCoreApplication.translate("StepPanel", "until you press Next")
