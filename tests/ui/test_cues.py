"""Cues follow the player's events, honour their switches, and fail once, quietly, without sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import Event, EventKind, Player
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable

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


def test_settings_round_trip_through_strings() -> None:
    stored = {"chime": "false", "chime_volume": "0.25", "voice": "true", "metronome_volume": "junk"}
    s = CueSettings.from_mapping(stored.get)
    assert s.chime is False and s.chime_volume == 0.25 and s.voice is True
    assert s.metronome_volume == CueSettings().metronome_volume


class FakeWorker(QObject):
    """Stands for a Supervisor: the cues only read its state and listen to its signals."""

    stateChanged = Signal(str, str)  # noqa: N815
    event = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.state, self.why = "starting", ""
        self.sent: list[dict[str, object]] = []
        self.stopped = False

    def go(self, state: str, why: str = "") -> None:
        self.state, self.why = state, why
        self.stateChanged.emit(state, why)


class WorkerOut:
    def __init__(self, worker: FakeWorker) -> None:
        self.worker = worker

    def play(self, name: str, volume: float) -> None:
        self.worker.sent.append({"op": "play", "sound": name})

    def say(self, text: str, volume: float) -> None:
        self.worker.sent.append({"op": "say", "text": text})

    def hush(self) -> None:
        self.worker.sent.append({"op": "hush"})

    def close(self) -> None:
        self.worker.stopped = True


def worker_cues(**settings: object) -> tuple[Cues, FakeWorker, FakeWorker, list[tuple[str, bool]]]:
    sound, speech = FakeWorker(), FakeWorker()
    cues = Cues(
        CueSettings(**settings),  # type: ignore[arg-type]
        sound_factory=lambda _p: WorkerOut(sound),
        speech_factory=lambda _p, _e: WorkerOut(speech),
    )
    shown: list[tuple[str, bool]] = []
    cues.statusChanged.connect(lambda text, ongoing: shown.append((text, ongoing)))
    cues.prepare()
    return cues, sound, speech, shown


def test_a_lost_sound_server_is_told_once_and_its_return_once(protocol: Protocol) -> None:
    cues, sound, speech, shown = worker_cues()
    sound.go("ready")
    speech.go("ready")
    assert shown == []
    for _ in range(3):  # the server is gone: each new worker fails in turn
        sound.go("down", "stalled")
        speech.go("down", "exited")
        sound.go("starting", "stalled")
        speech.go("starting", "exited")
    assert shown == [("Sound stopped; trying again…", True)]
    sound.go("ready")
    assert shown[-1] == ("Voice stopped; trying again…", True)  # chime and metronome are back
    speech.go("ready")
    assert shown[-1] == ("Voice is back.", False)
    player, _ = running(protocol)
    cues.on_event(Event(EventKind.STEP_STARTED, 0, 0.0), player)
    assert sound.sent == [{"op": "play", "sound": "chime"}] and len(speech.sent) == 1


def test_no_audio_at_start_says_why_and_outages_of_unwanted_cues_say_nothing() -> None:
    cues, sound, speech, shown = worker_cues()
    speech.go("ready")
    sound.go("down", "no-device")
    assert shown == [("No sound yet (no audio output was found); trying again…", True)]
    cues.settings = CueSettings(chime=False, metronome=False)  # nobody wants sound any more
    assert shown[-1] == ("", False)
    speech.go("down", "not-answering")
    assert shown[-1] == ("Voice stopped; trying again…", True)


def test_an_output_that_cannot_work_here_is_a_single_notice_not_a_retry() -> None:
    cues, sound, speech, shown = worker_cues()
    notices: list[str] = []
    cues.notice.connect(notices.append)
    speech.go("off", "no-engine")
    sound.go("off", "no-module")
    assert notices == [
        "Voice is off: no speech engine is installed.",
        "Sound is off: Qt Multimedia is not installed.",
    ]
    assert shown == [] and speech.stopped and sound.stopped
    assert not cues.speech_ok and not cues.sound_ok


def test_a_missing_voice_for_the_language_is_said_once() -> None:
    cues, _sound, speech, _shown = worker_cues()
    notices: list[str] = []
    cues.notice.connect(notices.append)
    speech.event.emit({"ev": "novoice", "lang": "ru"})
    assert notices == ["Voice is off in русский: the speech engine has no voice for it."]


def test_pausing_hushes_what_is_playing_and_said(protocol: Protocol) -> None:
    cues, sound, speech, _ = worker_cues()
    player, _ = running(protocol)
    player.pause()
    cues.on_event(Event(EventKind.PAUSED, 0, 1.0), player)
    assert sound.sent == [{"op": "hush"}] and speech.sent == [{"op": "hush"}]


def test_switching_a_cue_on_starts_its_worker_before_its_first_cue() -> None:
    started: list[str] = []

    def sound(_p: QObject) -> Recorder:
        started.append("sound")
        return Recorder()

    cues = Cues(CueSettings(chime=False, voice=False), sound_factory=sound)
    cues.prepare()
    assert started == []
    cues.settings = CueSettings(chime=False, metronome=True, voice=False)
    assert started == ["sound"]
