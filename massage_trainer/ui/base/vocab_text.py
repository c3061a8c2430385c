"""Translated names for the core vocabulary: techniques, their classical terms, hand contacts.

core/vocab.py holds English names and imports no Qt; the tables here mark the same English texts
with QT_TRANSLATE_NOOP so lupdate collects them, and the functions look them up at run time in
one stable context per kind ("Technique", "Contact").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from massage_trainer.core.protocol.vocab import (
    CONTACT_NAMES,
    TECHNIQUES,
    Contact,
    Pattern,
    Technique,
)

TECHNIQUE_TEXTS = (
    # plain names
    QT_TRANSLATE_NOOP("Technique", "Stroking"),
    QT_TRANSLATE_NOOP("Technique", "Deep stroking"),
    QT_TRANSLATE_NOOP("Technique", "Rubbing"),
    QT_TRANSLATE_NOOP("Technique", "Kneading"),
    QT_TRANSLATE_NOOP("Technique", "Tapping"),
    QT_TRANSLATE_NOOP("Technique", "Clapping"),
    QT_TRANSLATE_NOOP("Technique", "Spine stretch"),
    QT_TRANSLATE_NOOP("Technique", "Skin pinch-rolling"),
    QT_TRANSLATE_NOOP("Technique", "Finger vibration"),
    QT_TRANSLATE_NOOP("Technique", "Towel rub"),
    # classical names (core/vocab.py and assets/glossary.yaml)
    QT_TRANSLATE_NOOP("Technique", "effleurage"),
    QT_TRANSLATE_NOOP("Technique", "effleurage (deep)"),
    QT_TRANSLATE_NOOP("Technique", "friction"),
    QT_TRANSLATE_NOOP("Technique", "petrissage"),
    QT_TRANSLATE_NOOP("Technique", "tapotement"),
    QT_TRANSLATE_NOOP("Technique", "tapotement (cupping)"),
    QT_TRANSLATE_NOOP("Technique", "tapotement (clapping)"),
    QT_TRANSLATE_NOOP("Technique", "traction stroke"),
    QT_TRANSLATE_NOOP("Technique", "skin rolling (petrissage)"),
    QT_TRANSLATE_NOOP("Technique", "vibration"),
    QT_TRANSLATE_NOOP("Technique", "friction with a towel"),
)

CONTACT_TEXTS = (
    QT_TRANSLATE_NOOP("Contact", "whole palm"),
    QT_TRANSLATE_NOOP("Contact", "heel of the palm"),
    QT_TRANSLATE_NOOP("Contact", "thumb pads"),
    QT_TRANSLATE_NOOP("Contact", "finger pads"),
    QT_TRANSLATE_NOOP("Contact", "edge of the palm (little-finger side)"),
    QT_TRANSLATE_NOOP("Contact", "cupped palm"),
    QT_TRANSLATE_NOOP("Contact", "thumb and fingers gripping"),
    QT_TRANSLATE_NOOP("Contact", "fingertips"),
)


def _technique(t: Technique | str) -> Technique | None:
    try:
        return Technique(t)
    except ValueError:
        return None


def technique_name(t: Technique | str) -> str:
    """The plain name of a technique in the UI language (an unknown id is shown as it is)."""
    known = _technique(t)
    if known is None:
        return str(t)
    return QCoreApplication.translate("Technique", TECHNIQUES[known].plain)


def classical_name(t: Technique | str) -> str:
    """The classical term for a technique in the UI language, or "" when it says no more than the
    plain name (in Russian the classical terms are the plain words: «поглаживание», «разминание»)."""
    known = _technique(t)
    if known is None:
        return ""
    classical = QCoreApplication.translate("Technique", TECHNIQUES[known].classical)
    if classical.casefold() in technique_name(known).casefold():
        return ""
    return classical


def classical_text(text: str) -> str:
    """A classical term given as English text (the glossary file), translated when known."""
    return QCoreApplication.translate("Technique", text)


def contact_name(c: Contact | str) -> str:
    """Which part of the hand touches, in the UI language."""
    try:
        english = CONTACT_NAMES[Contact(c)]
    except ValueError:
        return str(c)
    return QCoreApplication.translate("Contact", english)


TEMPO_TEXTS = {
    Pattern.SMALL_CIRCLES: QT_TRANSLATE_NOOP("Tempo", "%1 circles a minute"),
    Pattern.ALTERNATING_TAPS: QT_TRANSLATE_NOOP("Tempo", "%1 taps a minute"),
    Pattern.CLAPS: QT_TRANSLATE_NOOP("Tempo", "%1 claps a minute"),
    Pattern.LONG_STROKES: QT_TRANSLATE_NOOP("Tempo", "%1 strokes a minute"),
    Pattern.PRESS_AND_SLIDE: QT_TRANSLATE_NOOP("Tempo", "%1 strokes a minute"),
}
"""What one beat of the tempo is, by the motion's pattern; any other pattern counts movements."""
MOVEMENTS = QT_TRANSLATE_NOOP("Tempo", "%1 movements a minute")


def tempo_text(pattern: Pattern | str, per_minute: float) -> str:
    """ "60 circles a minute": the tempo in what the hands do (circles, taps, claps, strokes)."""
    try:
        english = TEMPO_TEXTS.get(Pattern(pattern), MOVEMENTS)
    except ValueError:
        english = MOVEMENTS
    return QCoreApplication.translate("Tempo", english).replace("%1", f"{per_minute:g}")
