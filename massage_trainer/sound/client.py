"""The window's handles on the two workers: play a cue sound, say a text, hush.

Each call is one line written to a pipe and returns at once; while a worker is down (being
restarted) the call is dropped. `worker` is the Supervisor, whose `stateChanged` tells the
cues when to say that sound stopped or is back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from massage_trainer.sound.supervisor import Supervisor


class SoundClient:
    """Chime and metronome through the sound worker."""

    def __init__(self, parent: QObject, worker: Supervisor | None = None) -> None:
        self.worker = worker or Supervisor("sound", parent=parent)
        self.worker.start()

    def play(self, name: str, volume: float) -> None:
        self.worker.send({"op": "play", "sound": name, "volume": round(volume, 3)})

    def hush(self) -> None:
        self.worker.send({"op": "hush"})

    def close(self) -> None:
        self.worker.stop()


class SpeechClient:
    """Spoken cues through the speech worker, in the interface's language."""

    def __init__(self, parent: QObject, lang: str, worker: Supervisor | None = None) -> None:
        self.lang = lang
        self.worker = worker or Supervisor("speech", parent=parent)
        self.worker.start()

    def say(self, text: str, volume: float) -> None:
        self.worker.send({"op": "say", "text": text, "volume": round(volume, 3), "lang": self.lang})

    def hush(self) -> None:
        self.worker.send({"op": "hush"})

    def close(self) -> None:
        self.worker.stop()
