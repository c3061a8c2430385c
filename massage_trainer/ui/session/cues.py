"""Sound, speech and light cues that follow the player's events: chime, metronome, voice, flash.

QtMultimedia and QtTextToSpeech are imported only when a cue first needs them. Whatever goes wrong
(no module, no audio device, a sound that will not load, no speech engine, an engine error) is
reported once through `notice` and that cue then stays silent: a session never waits for sound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, qInstallMessageHandler

from massage_trainer.core.session.player import Event, EventKind, Player, State
from massage_trainer.resources import asset

SOUNDS = ("chime", "tick")


@dataclass(slots=True)
class CueSettings:
    """Which cues are on and how loud (0..1); stored in the window's settings."""

    chime: bool = True
    chime_volume: float = 0.7
    metronome: bool = False
    metronome_volume: float = 0.5
    voice: bool = True
    voice_volume: float = 0.9
    flash: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (f.name for f in fields(self))}

    @classmethod
    def from_mapping(cls, get: Callable[[str, Any], Any]) -> CueSettings:
        """Read each field through `get(name, default)`, coercing what settings files return."""
        out = cls()
        for name in (f.name for f in fields(cls)):
            default = getattr(out, name)
            value = get(name, default)
            try:
                if isinstance(default, bool):
                    value = value if isinstance(value, bool) else str(value).lower() == "true"
                else:
                    value = min(1.0, max(0.0, float(value)))
            except (TypeError, ValueError):
                value = default
            setattr(out, name, value)
        return out


class Unavailable(Exception):
    """A cue backend cannot work here; the message says why, for the person."""


class SoundOut(Protocol):
    def play(self, name: str, volume: float) -> None: ...


class Speaker(Protocol):
    def say(self, text: str, volume: float) -> None: ...


@contextmanager
def _swallow_qt_messages(into: list[str]) -> Iterator[None]:
    """Keep the backends' console chatter (missing PulseAudio, speechd) out of the terminal."""

    def handler(_mode: object, _context: object, message: str) -> None:
        into.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class QtSound:
    """Short WAV cues through QSoundEffect, one preloaded effect per sound."""

    def __init__(self, parent: QObject) -> None:
        log: list[str] = []
        with _swallow_qt_messages(log):
            try:
                from PySide6.QtCore import QUrl  # here, not before the first paint
                from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
            except ImportError as exc:
                raise Unavailable(
                    QCoreApplication.translate(
                        "Cues", "Sound is off: Qt Multimedia is not installed."
                    )
                ) from exc
            if not QMediaDevices.audioOutputs():
                raise Unavailable(
                    QCoreApplication.translate(
                        "Cues", "Sound is off: no audio output device was found."
                    )
                )
            self._effects: dict[str, Any] = {}
            for name in SOUNDS:
                effect = QSoundEffect(parent)
                effect.setSource(QUrl.fromLocalFile(str(asset("sounds", f"{name}.wav"))))
                if effect.status() == QSoundEffect.Status.Error:
                    raise Unavailable(
                        QCoreApplication.translate(
                            "Cues", "Sound is off: the cue sounds could not be loaded."
                        )
                    )
                self._effects[name] = effect

    def play(self, name: str, volume: float) -> None:
        effect = self._effects[name]
        if effect.status() == type(effect).Status.Error:
            raise Unavailable(
                QCoreApplication.translate(
                    "Cues", "Sound is off: the audio device reported an error."
                )
            )
        effect.setVolume(volume)
        effect.play()


class QtSpeaker:
    """Spoken cues through QTextToSpeech, with a real engine (never the 'mock' test engine)."""

    def __init__(self, parent: QObject, on_error: Callable[[str], None]) -> None:
        log: list[str] = []
        with _swallow_qt_messages(log):
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError as exc:
                raise Unavailable(
                    QCoreApplication.translate(
                        "Cues", "Voice is off: Qt TextToSpeech is not installed."
                    )
                ) from exc
            engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
            if not engines:
                raise Unavailable(
                    QCoreApplication.translate(
                        "Cues", "Voice is off: no speech engine is installed."
                    )
                )
            self._tts = None
            for engine in engines:
                tts = QTextToSpeech(engine, parent)
                if tts.state() != QTextToSpeech.State.Error:
                    self._tts = tts
                    break
                tts.deleteLater()
            if self._tts is None:
                raise Unavailable(
                    QCoreApplication.translate(
                        "Cues", "Voice is off: the speech engine (%1) did not start."
                    ).replace("%1", ", ".join(engines))
                )
        self._error_state = QTextToSpeech.State.Error
        self._tts.errorOccurred.connect(lambda *_: on_error(self._tts.errorString()))

    def say(self, text: str, volume: float) -> None:
        if self._tts.state() == self._error_state:
            raise Unavailable(
                QCoreApplication.translate(
                    "Cues", "Voice is off: the speech engine reported an error."
                )
            )
        self._tts.setVolume(volume)
        self._tts.say(text)


class Cues(QObject):
    """Turns player events into cues, honouring each cue's switch and volume."""

    notice = Signal(str)
    """A cue cannot work here (said once per cue kind)."""
    flashRequested = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(
        self,
        settings: CueSettings | None = None,
        *,
        sound_factory: Callable[[QObject], SoundOut] | None = None,
        speech_factory: Callable[[QObject, Callable[[str], None]], Speaker] | None = None,
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or CueSettings()
        self.lang = lang
        self._sound_factory = sound_factory or QtSound
        self._speech_factory = speech_factory or QtSpeaker
        self._sound: SoundOut | None = None
        self._speaker: Speaker | None = None
        self._sound_failed = False
        self._speech_failed = False

    # ---- backends, made on first use -----------------------------------------------------

    def prepare(self) -> None:
        """Make the backends the current settings need now (after the window is up)."""
        if self.settings.chime or self.settings.metronome:
            self._get_sound()
        if self.settings.voice:
            self._get_speaker()

    def _get_sound(self) -> SoundOut | None:
        if self._sound is None and not self._sound_failed:
            try:
                self._sound = self._sound_factory(self)
            except Unavailable as exc:
                self._fail_sound(str(exc))
            except Exception:  # a backend must never take the session down
                self._fail_sound(
                    QCoreApplication.translate(
                        "Cues", "Sound is off: the audio system failed to start."
                    )
                )
        return self._sound

    def _get_speaker(self) -> Speaker | None:
        if self._speaker is None and not self._speech_failed:
            try:
                self._speaker = self._speech_factory(self, self._speech_error)
            except Unavailable as exc:
                self._fail_speech(str(exc))
            except Exception:
                self._fail_speech(
                    QCoreApplication.translate(
                        "Cues", "Voice is off: the speech system failed to start."
                    )
                )
        return self._speaker

    def _fail_sound(self, why: str) -> None:
        self._sound, self._sound_failed = None, True
        self.notice.emit(why)

    def _fail_speech(self, why: str) -> None:
        self._speaker, self._speech_failed = None, True
        self.notice.emit(why)

    def _speech_error(self, detail: str) -> None:
        if not self._speech_failed:
            self._fail_speech(
                QCoreApplication.translate("Cues", "Voice is off: %1").replace(
                    "%1", detail or QCoreApplication.translate("Cues", "engine error")
                )
            )

    @property
    def sound_ok(self) -> bool:
        return not self._sound_failed

    @property
    def speech_ok(self) -> bool:
        return not self._speech_failed

    # ---- cues ----------------------------------------------------------------------------

    def play(self, name: str, volume: float) -> None:
        sound = self._get_sound()
        if sound is None:
            return
        try:
            sound.play(name, volume)
        except Unavailable as exc:
            self._fail_sound(str(exc))
        except Exception:
            self._fail_sound(
                QCoreApplication.translate("Cues", "Sound is off: the audio device failed.")
            )

    def say(self, text: str) -> None:
        speaker = self._get_speaker()
        if speaker is None or not text:
            return
        try:
            speaker.say(text, self.settings.voice_volume)
        except Unavailable as exc:
            self._fail_speech(str(exc))
        except Exception:
            self._fail_speech(
                QCoreApplication.translate("Cues", "Voice is off: the speech engine failed.")
            )

    def on_event(self, event: Event, player: Player) -> None:
        """React to one player event; nothing sounds while the session is paused."""
        s = self.settings
        live = player.state in (State.RUNNING, State.WAITING, State.FINISHED)
        steps = player.protocol.steps
        match event.kind:
            case EventKind.STEP_STARTED if live:
                if s.chime:
                    self.play("chime", s.chime_volume)
                if s.metronome:
                    self.play("tick", s.metronome_volume)
                if s.flash:
                    self.flashRequested.emit()
                if s.voice:
                    step = steps[event.step_index]
                    self.say(f"{step.title.get(self.lang)}. {step.cue.get(self.lang)}")
            case EventKind.REPETITION if live and s.metronome:
                self.play("tick", s.metronome_volume)
            case EventKind.ENDING_SOON if live and s.voice:
                if event.step_index + 1 < len(steps):
                    title = steps[event.step_index + 1].title.get(self.lang)
                    self.say(QCoreApplication.translate("Cues", "Next: %1").replace("%1", title))
                else:
                    self.say(QCoreApplication.translate("Cues", "Last few seconds."))
            case EventKind.WAITING_FOR_USER if s.voice:
                self.say(QCoreApplication.translate("Cues", "Press Next when you are done."))
            case EventKind.FINISHED:
                if s.chime:
                    self.play("chime", s.chime_volume)
                if s.flash:
                    self.flashRequested.emit()
                if s.voice:
                    self.say(
                        QCoreApplication.translate("Cues", "The session is complete. Well done.")
                    )
            case EventKind.MAX_DURATION if s.voice:
                self.say(
                    QCoreApplication.translate(
                        "Cues", "Time is up for this protocol. Please stop now."
                    )
                )
            case _:
                pass
