"""Cues follow the player's events, honour their switches, and fail once, quietly, without sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import Event, EventKind, Player
from massage_trainer.ui.session.cues import Cues, CueSettings, QtSound, QtSpeaker, Unavailable

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


class Recorder:
    def __init__(self) -> None:
        self.played: list[tuple[str, float]] = []
        self.said: list[str] = []

    def sound(self, _parent: QObject) -> Recorder:
        return self

    def speaker(self, _parent: QObject, _on_error: object) -> Recorder:
        return self

    def play(self, name: str, volume: float) -> None:
        self.played.append((name, volume))

    def say(self, text: str, volume: float) -> None:
        self.said.append(text)


@pytest.fixture
def protocol() -> Protocol:
    return loader.load(PROTOCOLS / "back-pain-relief.yaml")


def running(protocol: Protocol) -> tuple[Player, FakeClock]:
    clock = FakeClock()
    player = Player(protocol, clock, get_ready_s=0)
    player.start()
    return player, clock


def make(rec: Recorder, **settings: object) -> Cues:
    return Cues(CueSettings(**settings), sound_factory=rec.sound, speech_factory=rec.speaker)  # type: ignore[arg-type]


def test_step_start_chimes_speaks_and_flashes(qtbot, protocol: Protocol) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder()
    cues = make(rec, chime_volume=0.3)
    player, _ = running(protocol)
    with qtbot.waitSignal(cues.flashRequested):
        cues.on_event(Event(EventKind.STEP_STARTED, 0, 0.0), player)
    assert rec.played == [("chime", 0.3)]
    step = protocol.steps[0]
    assert rec.said == [f"{step.title.get('en')}. {step.cue.get('en')}"]


def test_ending_soon_announces_the_next_step(protocol: Protocol) -> None:
    rec = Recorder()
    cues = make(rec)
    player, _ = running(protocol)
    cues.on_event(Event(EventKind.ENDING_SOON, 0, 55.0), player)
    assert rec.said == [f"Next: {protocol.steps[1].title.get('en')}"]


def test_metronome_ticks_on_each_cycle_only_when_on(protocol: Protocol) -> None:
    rec = Recorder()
    cues = make(rec, metronome=False)
    player, _ = running(protocol)
    cues.on_event(Event(EventKind.REPETITION, 0, 5.0, repetition=2), player)
    assert rec.played == []
    cues.settings.metronome = True
    cues.settings.metronome_volume = 0.4
    cues.on_event(Event(EventKind.REPETITION, 0, 10.0, repetition=3), player)
    assert rec.played == [("tick", 0.4)]


def test_switched_off_cues_stay_silent(protocol: Protocol) -> None:
    rec = Recorder()
    cues = make(rec, chime=False, voice=False, flash=False)
    flashes: list[bool] = []
    cues.flashRequested.connect(lambda: flashes.append(True))
    player, _ = running(protocol)
    cues.on_event(Event(EventKind.STEP_STARTED, 0, 0.0), player)
    assert rec.played == [] and rec.said == [] and flashes == []


def test_nothing_sounds_while_paused(protocol: Protocol) -> None:
    rec = Recorder()
    cues = make(rec, metronome=True)
    player, _ = running(protocol)
    player.pause()
    cues.on_event(Event(EventKind.STEP_STARTED, 1, 0.0), player)
    cues.on_event(Event(EventKind.REPETITION, 1, 0.0, repetition=2), player)
    assert rec.played == [] and rec.said == []


def test_a_missing_backend_is_reported_once_and_then_silent(protocol: Protocol) -> None:
    def no_sound(_parent: QObject) -> Recorder:
        raise Unavailable("Sound is off: no audio output device was found.")

    def broken_speech(_parent: QObject, _cb: object) -> Recorder:
        raise RuntimeError("engine crashed")

    cues = Cues(CueSettings(), sound_factory=no_sound, speech_factory=broken_speech)
    notices: list[str] = []
    cues.notice.connect(notices.append)
    player, _ = running(protocol)
    for i in range(3):
        cues.on_event(Event(EventKind.STEP_STARTED, i, float(i)), player)
    assert len(notices) == 2
    assert notices[0].startswith("Sound is off") and notices[1].startswith("Voice is off")
    assert not cues.sound_ok and not cues.speech_ok


def test_a_backend_that_fails_while_playing_goes_quiet(protocol: Protocol) -> None:
    class Flaky(Recorder):
        def play(self, name: str, volume: float) -> None:
            raise OSError("device gone")

    rec = Flaky()
    cues = make(rec)
    notices: list[str] = []
    cues.notice.connect(notices.append)
    player, _ = running(protocol)
    cues.on_event(Event(EventKind.STEP_STARTED, 0, 0.0), player)
    cues.on_event(Event(EventKind.FINISHED, 0, 0.0), player)
    assert len(notices) == 1 and "Sound is off" in notices[0]


def test_the_real_backends_here_fail_politely(qtbot) -> None:  # type: ignore[no-untyped-def]
    """This machine has no audio server and only the failing 'speechd' engine: no crash, no hang."""
    owner = QObject()
    outcomes = []
    for factory in (lambda: QtSound(owner), lambda: QtSpeaker(owner, lambda _m: None)):
        try:
            factory()
            outcomes.append("ok")
        except Unavailable as exc:
            outcomes.append(str(exc))
    cues = Cues(CueSettings())
    notices: list[str] = []
    cues.notice.connect(notices.append)
    cues.prepare()
    cues.prepare()
    expected = [o for o in outcomes if o != "ok"]
    assert notices == expected
    for text in notices:
        assert text.startswith(("Sound is off", "Voice is off"))


def test_settings_round_trip_through_strings() -> None:
    stored = {"chime": "false", "chime_volume": "0.25", "voice": "true", "metronome_volume": "junk"}
    s = CueSettings.from_mapping(stored.get)
    assert s.chime is False and s.chime_volume == 0.25 and s.voice is True
    assert s.metronome_volume == CueSettings().metronome_volume
