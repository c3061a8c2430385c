"""Sound, speech and light cues that follow the player's events: chime, metronome, voice, flash.

Chime, metronome and voice are played by worker processes (`massage_trainer.sound`), so nothing
an audio system or a speech engine does can stop, freeze or crash the window. The workers start
after the first paint and are never waited for; while one is down the session goes on silently
and the person is told once ("Sound stopped; trying again…"), and once more when it is back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from massage_trainer.core.session.player import Event, EventKind, Player, State
from massage_trainer.ui.session.cue_status import SOUND, SPEECH, CueHealth, Status
from massage_trainer.ui.session.cue_texts import no_voice_text, off_text, status_text


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

    def wanted(self) -> set[str]:
        """The outputs these settings use: "sound" (chime, metronome) and "speech" (voice)."""
        wanted = set()
        if self.chime or self.metronome:
            wanted.add(SOUND)
        if self.voice:
            wanted.add(SPEECH)
        return wanted


class Unavailable(Exception):
    """A cue output cannot work here; the message says why, for the person."""


class SoundOut(Protocol):
    def play(self, name: str, volume: float) -> None: ...


class Speaker(Protocol):
    def say(self, text: str, volume: float) -> None: ...


class Cues(QObject):
    """Turns player events into cues, honouring each cue's switch and volume."""

    notice = Signal(str)
    """A cue cannot work here for good (said once per cue kind)."""
    statusChanged = Signal(str, bool)  # noqa: N815 (Qt signal naming)
    """(text, ongoing): an outage notice that stays until replaced ("" clears it), or a passing
    one (`ongoing` False: "Sound is back.")."""
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
        self._settings = settings or CueSettings()
        self.lang = lang
        self._sound_factory = sound_factory or self._worker_sound
        self._speech_factory = speech_factory or self._worker_speech
        self._sound: SoundOut | None = None
        self._speaker: Speaker | None = None
        self._sound_failed = False
        self._speech_failed = False
        self._prepared = False
        self.health = CueHealth(wanted=self._settings.wanted())

    @property
    def settings(self) -> CueSettings:
        return self._settings

    @settings.setter
    def settings(self, value: CueSettings) -> None:
        """New settings: start what they switch on now, so their first cue is not lost."""
        self._settings = value
        self._refresh_wanted()
        if self._prepared:
            self.prepare()

    # ---- outputs, made after the first paint ---------------------------------------------

    def prepare(self) -> None:
        """Start the outputs the current settings need; returns at once (workers start apart)."""
        self._prepared = True
        if self._settings.chime or self._settings.metronome:
            self._get_sound()
        if self._settings.voice:
            self._get_speaker()

    def shutdown(self) -> None:
        """End the workers (the window closes)."""
        for output in (self._sound, self._speaker):
            close = getattr(output, "close", None)
            if callable(close):
                close()

    def _worker_sound(self, parent: QObject) -> SoundOut:
        from massage_trainer.sound.client import SoundClient

        return SoundClient(parent)

    def _worker_speech(self, parent: QObject, _on_error: Callable[[str], None]) -> Speaker:
        from massage_trainer.sound.client import SpeechClient

        return SpeechClient(parent, self.lang)

    def _watch(self, role: str, output: object) -> None:
        """Follow a worker-backed output's state (test outputs have none)."""
        worker = getattr(output, "worker", None)
        if worker is None:
            return
        worker.stateChanged.connect(lambda state, why: self._worker_state(role, state, why))
        worker.event.connect(self._worker_event)
        self._worker_state(role, worker.state, worker.why)

    def _get_sound(self) -> SoundOut | None:
        if self._sound is None and not self._sound_failed:
            try:
                self._sound = self._sound_factory(self)
            except Unavailable as exc:
                self._fail_sound(str(exc))
            except Exception:  # an output must never take the session down
                self._fail_sound(
                    QCoreApplication.translate(
                        "Cues", "Sound is off: the audio system failed to start."
                    )
                )
            else:
                self._watch(SOUND, self._sound)
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
            else:
                self._watch(SPEECH, self._speaker)
        return self._speaker

    def _fail_sound(self, why: str) -> None:
        self._sound_failed = True
        self._close_output(SOUND)
        self.notice.emit(why)

    def _fail_speech(self, why: str) -> None:
        self._speech_failed = True
        self._close_output(SPEECH)
        self.notice.emit(why)

    def _close_output(self, role: str) -> None:
        output = self._sound if role == SOUND else self._speaker
        if role == SOUND:
            self._sound = None
        else:
            self._speaker = None
        close = getattr(output, "close", None)
        if callable(close):
            close()

    def _speech_error(self, detail: str) -> None:
        if not self._speech_failed:
            self._fail_speech(
                QCoreApplication.translate("Cues", "Voice is off: %1").replace(
                    "%1", detail or QCoreApplication.translate("Cues", "engine error")
                )
            )

    def _worker_state(self, role: str, state: str, why: str) -> None:
        if state == "off":
            if role == SOUND:
                self._fail_sound(off_text(role, why))
            else:
                self._fail_speech(off_text(role, why))
        self._show(self.health.report(role, state, why))

    def _worker_event(self, message: dict[str, Any]) -> None:
        if message.get("ev") == "novoice":
            self.notice.emit(no_voice_text(str(message.get("lang", ""))))

    def _refresh_wanted(self) -> None:
        wanted = self._settings.wanted()
        if wanted != self.health.wanted:
            self._show(self.health.want(wanted))

    def _show(self, status: Status | None) -> None:
        if status is not None:
            text = status_text(status.key, status.why) if status.key else ""
            self.statusChanged.emit(text, status.ongoing)

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
            speaker.say(text, self._settings.voice_volume)
        except Unavailable as exc:
            self._fail_speech(str(exc))
        except Exception:
            self._fail_speech(
                QCoreApplication.translate("Cues", "Voice is off: the speech engine failed.")
            )

    def hush(self) -> None:
        """Silence what is playing and being said (the session paused or stopped)."""
        for output in (self._sound, self._speaker):
            hush = getattr(output, "hush", None)
            if callable(hush):
                hush()

    def on_event(self, event: Event, player: Player) -> None:
        """React to one player event; nothing sounds while the session is paused."""
        s = self._settings
        self._refresh_wanted()
        live = player.state in (State.RUNNING, State.WAITING, State.FINISHED)
        steps = player.protocol.steps
        match event.kind:
            case EventKind.GET_READY:
                self.prepare()  # a cue switched on since the first paint starts its worker now
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
            case EventKind.PAUSED | EventKind.STOPPED:
                self.hush()
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
