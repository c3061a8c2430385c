"""The words of the sound notices, in the interface's language (context "Cues")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from massage_trainer.ui.session import cue_status
from massage_trainer.ui.session.cue_status import SOUND


def status_text(key: str, why: str = "") -> str:
    """The person's wording of a cue_status key; `why` is a worker's reason (sound.wire)."""
    reasons = {
        "no-device": QCoreApplication.translate("Cues", "no audio output was found"),
        "stalled": QCoreApplication.translate("Cues", "the audio output does not play"),
        "device-error": QCoreApplication.translate("Cues", "the audio output reported an error"),
        "engine-error": QCoreApplication.translate("Cues", "the speech engine did not start"),
        "not-answering": QCoreApplication.translate("Cues", "the helper program does not answer"),
    }
    reason = reasons.get(why, QCoreApplication.translate("Cues", "the helper program stopped"))
    texts = {
        cue_status.SOUND_STOPPED: QCoreApplication.translate(
            "Cues", "Sound stopped; trying again…"
        ),
        cue_status.VOICE_STOPPED: QCoreApplication.translate(
            "Cues", "Voice stopped; trying again…"
        ),
        cue_status.SOUND_NOT_YET: QCoreApplication.translate(
            "Cues", "No sound yet (%1); trying again…"
        ).replace("%1", reason),
        cue_status.VOICE_NOT_YET: QCoreApplication.translate(
            "Cues", "No voice yet (%1); trying again…"
        ).replace("%1", reason),
        cue_status.SOUND_BACK: QCoreApplication.translate("Cues", "Sound is back."),
        cue_status.VOICE_BACK: QCoreApplication.translate("Cues", "Voice is back."),
    }
    return texts[key]


def off_text(role: str, why: str) -> str:
    """Why an output has given up for good on this machine."""
    if role == SOUND:
        return {
            "no-module": QCoreApplication.translate(
                "Cues", "Sound is off: Qt Multimedia is not installed."
            ),
            "no-sounds": QCoreApplication.translate(
                "Cues", "Sound is off: the cue sounds could not be loaded."
            ),
        }.get(
            why,
            QCoreApplication.translate(
                "Cues", "Sound is off: the sound helper program could not be started."
            ),
        )
    return {
        "no-module": QCoreApplication.translate(
            "Cues", "Voice is off: Qt TextToSpeech is not installed."
        ),
        "no-engine": QCoreApplication.translate(
            "Cues", "Voice is off: no speech engine is installed."
        ),
    }.get(
        why,
        QCoreApplication.translate(
            "Cues", "Voice is off: the speech helper program could not be started."
        ),
    )


def no_voice_text(lang: str) -> str:
    """The speech engine has no voice for the interface's language."""
    language = QLocale(lang).nativeLanguageName() or lang
    text = QCoreApplication.translate(
        "Cues", "Voice is off in %1: the speech engine has no voice for it."
    )
    return text.replace("%1", language)
