"""The project's choices in words: what in a step is not from the sources, and why.

The files mark them (`project_choices` in a protocol, `choice` in the safety rules); the step
panel, the handout and the safety checklist show them the same way, in the interface language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import ProjectChoice, Protocol, Step


SOURCE_TITLES = (
    QT_TRANSLATE_NOOP("Source", "Massage for back pain"),
    QT_TRANSLATE_NOOP("Source", "Therapeutic and preventive massage of the lower back"),
    QT_TRANSLATE_NOOP(
        "Source", "Therapeutic and preventive massage of the lower back (section on pregnancy)"
    ),
)


def source_title(title: str) -> str:
    """A source's title in the interface language when it is one we know."""
    return QCoreApplication.translate("Source", title)


def span_text(seconds: float) -> str:
    """ "30 s", "2 min", "1 min 30 s": a length read at a glance (not "0:30 min")."""
    total = max(0, round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes and secs:
        return (
            QCoreApplication.translate("ProjectChoice", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", str(secs))
        )
    if minutes:
        return QCoreApplication.translate("ProjectChoice", "%1 min").replace("%1", str(minutes))
    return QCoreApplication.translate("ProjectChoice", "%1 s").replace("%1", str(secs))


def about_text(about: str, step: Step | None, protocol: Protocol | None = None) -> str:
    """One chosen thing, with its value where it has one ("12 repetitions")."""
    if step is not None and about == "tempo":
        return QCoreApplication.translate("ProjectChoice", "tempo %1 per minute").replace(
            "%1", f"{step.tempo:g}"
        )
    if step is not None and about == "repetitions" and step.repetitions is not None:
        return QCoreApplication.translate("ProjectChoice", "%1 repetitions").replace(
            "%1", str(step.repetitions)
        )
    if step is not None and about == "duration_s" and step.duration_s is not None:
        return QCoreApplication.translate("ProjectChoice", "length %1").replace(
            "%1", span_text(step.duration_s)
        )
    if protocol is not None and about == "max_minutes":
        return QCoreApplication.translate("ProjectChoice", "at most %1 minutes").replace(
            "%1", f"{protocol.max_minutes:g}"
        )
    names = {
        "step": QCoreApplication.translate("ProjectChoice", "the whole step"),
        "technique": QCoreApplication.translate("ProjectChoice", "the technique"),
        "pressure": QCoreApplication.translate("ProjectChoice", "the pressure"),
        "tempo": QCoreApplication.translate("ProjectChoice", "the tempo"),
        "repetitions": QCoreApplication.translate("ProjectChoice", "the repetitions"),
        "duration_s": QCoreApplication.translate("ProjectChoice", "the length"),
        "max_minutes": QCoreApplication.translate("ProjectChoice", "the longest length"),
    }
    return names.get(about, about)


def choice_line(
    choice: ProjectChoice, step: Step | None, lang: str, protocol: Protocol | None = None
) -> str:
    """'Project's choice (not from the sources) — tempo 12 per minute: why.' as plain text."""
    what = ", ".join(about_text(a, step, protocol) for a in choice.about)
    head = QCoreApplication.translate(
        "ProjectChoice", "Project's choice, not from the sources — %1:"
    ).replace("%1", what)
    return f"{head} {choice.why.get(lang)}"


def step_choices(protocol: Protocol, index: int, lang: str) -> list[str]:
    """Every choice that applies to step `index`, one line each."""
    step = protocol.steps[index]
    return [choice_line(c, step, lang, protocol) for c in protocol.choices_for(index)]


def rules_choice(choice_why: str) -> str:
    """A safety rule's choice, as shown under its question or in the handout."""
    return QCoreApplication.translate(
        "ProjectChoice", "Project's choice, not from the sources: %1"
    ).replace("%1", choice_why)
