"""The speech worker's voice: QTextToSpeech with the system's engine, in the cue's language.

Constructing the engine may block for minutes (speech-dispatcher started while no sound server
was running) and speaking may crash the process (libspeechd after its sound server went away):
both happen here, in the worker, where the window's watchdog sees them and starts a new worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtTextToSpeech import QTextToSpeech

from massage_trainer.sound import wire

Report = Callable[[dict[str, object]], None]


def pick_locale(available: list[QLocale], lang: str) -> QLocale | None:
    """The engine's locale for a language code ("en", "ru"): the language's main country when
    the engine has it (en_US, ru_RU), else any of that language; None when there is none."""
    wanted = QLocale(lang)
    if wanted.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return None
    same = [loc for loc in available if loc.language() == wanted.language()]
    for loc in same:
        if loc.territory() == wanted.territory():
            return loc
    return same[0] if same else None


class Voice(QObject):
    """Speaks one text at a time; a new text cuts off the one before (cues must not queue up)."""

    def __init__(self, report: Report, fail: Callable[[str], None]) -> None:
        super().__init__()
        self._report, self._fail = report, fail
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        if not engines:
            raise wire.Quit("off", wire.NO_ENGINE)
        self._tts: QTextToSpeech | None = None
        for engine in engines:
            tts = QTextToSpeech(engine, self)  # may block: the watchdog's business
            if tts.state() != QTextToSpeech.State.Error:
                self._tts = tts
                break
            tts.deleteLater()
        if self._tts is None:
            raise wire.Quit("down", wire.ENGINE_ERROR)
        self._tts.errorOccurred.connect(lambda *_: self._fail(wire.ENGINE_ERROR))
        self._locales = list(self._tts.availableLocales())
        self._lang = ""
        self._silent_langs: set[str] = set()
        self._report({"ev": "ready"})

    def _use_language(self, lang: str) -> bool:
        assert self._tts is not None
        if lang == self._lang:
            return True
        locale = pick_locale(self._locales, lang)
        if locale is None:
            if lang not in self._silent_langs:
                self._silent_langs.add(lang)
                self._report({"ev": "novoice", "lang": lang})
            return False
        self._tts.setLocale(locale)
        self._lang = lang
        return True

    def say(self, text: str, volume: float, lang: str) -> None:
        assert self._tts is not None
        if not text or not self._use_language(lang):
            return
        if self._tts.state() == QTextToSpeech.State.Speaking:
            self._tts.stop()
        self._tts.setVolume(volume)
        self._tts.say(text)

    def hush(self) -> None:
        assert self._tts is not None
        self._tts.stop()

    def close(self) -> None:
        if self._tts is not None:
            self._tts.stop()
