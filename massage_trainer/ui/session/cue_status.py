"""What the person is told about sound while its workers come and go: one line per outage.

The two workers ("sound": chime and metronome; "speech": the voice) report starting, ready, down
(trying again) and off (given up). This turns those reports into at most one ongoing notice
("Sound stopped; trying again…") while any wanted output is down, however many times the workers
are restarted meanwhile, and one closing notice ("Sound is back.") when all are up again. Plain
Python: the texts are keys that `cues` translates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOUND, SPEECH = "sound", "speech"

# Keys of the texts (cues.py holds the translated wording).
SOUND_STOPPED = "sound-stopped"
"""Chime and metronome (and usually the voice) stopped after working: trying again."""
VOICE_STOPPED = "voice-stopped"
SOUND_NOT_YET = "sound-not-yet"
"""Chime and metronome have not worked yet in this run (no audio output): trying again."""
VOICE_NOT_YET = "voice-not-yet"
SOUND_BACK = "sound-back"
VOICE_BACK = "voice-back"


@dataclass(frozen=True, slots=True)
class Status:
    """A change of the sound notice: `key` (None clears it) and whether it stays (an ongoing
    outage) or is said once (the output is back)."""

    key: str | None
    ongoing: bool
    why: str = ""


@dataclass(slots=True)
class CueHealth:
    """Per role: has it worked in this run, is it down now, is it wanted by the cue settings."""

    worked: set[str] = field(default_factory=set)
    down: dict[str, str] = field(default_factory=dict)
    """Role -> why, for roles that are down and being tried again."""
    wanted: set[str] = field(default_factory=lambda: {SOUND, SPEECH})
    shown: str | None = None
    """The ongoing notice's key now on screen."""

    def report(self, role: str, state: str, why: str = "") -> Status | None:
        """A worker's new state; the notice change it causes, if any."""
        if state == "ready":
            self.worked.add(role)
            self.down.pop(role, None)
        elif state == "down":
            self.down[role] = why
        elif state in ("off", "stopped"):
            self.down.pop(role, None)
        return self._update()

    def want(self, roles: set[str]) -> Status | None:
        """The cue settings changed: outages of outputs nobody wants are not worth a notice."""
        self.wanted = set(roles)
        return self._update(quietly=True)

    def _ongoing(self) -> tuple[str, str] | None:
        for role, stopped, not_yet in (
            (SOUND, SOUND_STOPPED, SOUND_NOT_YET),
            (SPEECH, VOICE_STOPPED, VOICE_NOT_YET),
        ):
            if role in self.down and role in self.wanted:
                return (stopped if role in self.worked else not_yet), self.down[role]
        return None

    def _update(self, *, quietly: bool = False) -> Status | None:
        now = self._ongoing()
        key = now[0] if now else None
        if key == self.shown:
            return None
        before, self.shown = self.shown, key
        if key is not None:
            return Status(key, True, now[1] if now else "")
        if quietly or before is None:
            return Status(None, False)
        return Status(VOICE_BACK if before in (VOICE_STOPPED, VOICE_NOT_YET) else SOUND_BACK, False)
