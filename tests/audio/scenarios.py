"""The real-audio scenarios of `make audio-check` (and, the first one, of `make test`).

Each runs the real window on the rig, presses its keys, records the null sink's monitor and
returns what it measured (figures) and what was wrong (problems, empty when it passed).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from tests.audio.analysis import matches, onsets, period, subtract, template
from tests.audio.drive import App, clock_moves, longest_gap, write_protocol
from tests.audio.rig import Display, Recorder, SoundServer, end_speech_daemon

SPEECH_MS = 150.0
"""Speech must start within this time of a step change."""
PERIOD_PCT = 1.0
"""The metronome's period must be within this of 60 / tempo."""
FREEZE_S = 1.0
"""A window that does not beat (four times a second) for this long is frozen."""
STDERR_LINES = 100
ALL_CUES = "chime,metronome,voice"
STOPPED = "Sound stopped; trying again…"
BACK = "Sound is back."


@dataclass
class Result:
    name: str
    figures: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, problem: str) -> None:
        if not ok:
            self.problems.append(problem)


class Rig:
    """A sound server and a screen in `folder`, for one or more runs of the window."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = SoundServer(folder)
        self.server.start()
        self.display = Display(folder)
        self.runs = 0

    def app(self, protocol: Path, cues: str = ALL_CUES, env: dict[str, str] | None = None) -> App:
        self.runs += 1
        folder = self.folder / f"run-{self.runs}"
        return App(folder, {**self.server.env, **(env or {})}, self.display.name, protocol, cues)

    def close(self) -> None:
        self.server.kill()
        self.display.close()
        end_speech_daemon(self.folder)


@dataclass
class Heard:
    """The cues found in a recording, as time.monotonic() values."""

    chimes: list[float]
    ticks: list[float]
    speech: list[float]


def analyse(recording: tuple[np.ndarray, float, float], keep: Path | None = None) -> Heard:
    """Chimes and ticks by matched filters; speech as what starts after quiet once both are
    taken out of the recording. `keep`: save the recording there (an .npz) for a closer look."""
    data, start, step = recording
    if keep is not None:
        np.savez_compressed(keep, data=data, start=start, step=step)
    chime, tick = template("chime"), template("tick")
    chimes = [n for n, _ in matches(data, chime, 0.5)]
    rest = subtract(data, chime, chimes)
    ticks = [n for n, _ in matches(rest, tick, 0.5)]
    rest = subtract(rest, tick, ticks)
    speech = onsets(rest, level=0.02, quiet_s=0.3)
    return Heard(
        [start + n * step for n in chimes],
        [start + n * step for n in ticks],
        [start + n * step for n in speech],
    )


def first_after(times: list[float], when: float, within: float) -> float | None:
    """How long after `when` the first of `times` comes (from 10 ms early), None when none."""
    later = [t - when for t in times if -0.010 <= t - when <= within]
    return min(later) if later else None


def ms(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(v * 1000 for v in values)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "max_ms": round(ordered[-1], 1),
        "n": len(ordered),
    }


def cue_timing(
    app: App, heard: Heard, until: float, tempos: dict[int, float], result: Result
) -> None:
    """Chime and speech at each step start, the tick at each stroke, the period of each step
    (for what happened before `until`, when the recording ended)."""
    starts = [m for m in app.events("step-started") if m["due"] < until - 1.0]
    strokes = [
        m["due"]
        for m in app.events("step-started") + app.events("repetition")
        if m["due"] < until - 0.2
    ]
    chime_lat: list[float] = []
    speech_lat: list[float] = []
    tick_lat: list[float] = []
    heard_at: dict[float, float] = {}
    for m in starts:
        chime = first_after(heard.chimes, m["due"], 0.3)
        speech = first_after(heard.speech, m["due"], 1.0)
        result.check(chime is not None, f"no chime heard at the start of step {m['step'] + 1}")
        if chime is not None:
            chime_lat.append(chime)
        if speech is not None:
            speech_lat.append(speech)
    for due in strokes:
        tick = first_after(heard.ticks, due, 0.2)
        if tick is not None:
            tick_lat.append(tick)
            heard_at[due] = due + tick
    missed = len(strokes) - len(tick_lat)
    result.figures["chime_after_step_start"] = ms(chime_lat)
    result.figures["tick_after_stroke"] = ms(tick_lat)
    result.figures["ticks_heard"] = f"{len(tick_lat)} of {len(strokes)}"
    result.figures["speech_after_step_change"] = ms(speech_lat)
    result.check(len(speech_lat) >= max(1, len(starts) - 1), "speech missing after step changes")
    result.check(
        all(v * 1000 <= SPEECH_MS for v in speech_lat),
        f"speech later than {SPEECH_MS:g} ms after a step change: {ms(speech_lat)}",
    )
    result.check(
        missed <= max(1, len(strokes) // 20), f"{missed} of {len(strokes)} ticks not heard"
    )
    periods: dict[str, str] = {}
    for index, tempo in tempos.items():
        begin = next(m["due"] for m in starts if m["step"] == index)
        end = next((m["due"] for m in starts if m["step"] == index + 1), until)
        # Each heard tick belongs to the stroke it followed (the window's events say which);
        # the period is fitted through the heard times, not the due ones.
        ticks = [heard_at[d] for d in sorted(heard_at) if begin <= d < end]
        nominal = 60.0 / tempo
        if len(ticks) < 3:
            result.problems.append(f"step {index + 1} ({tempo:g}/min): only {len(ticks)} ticks")
            continue
        measured = 60.0 / period(ticks, nominal)
        error = abs(measured - tempo) / tempo * 100
        periods[f"{tempo:g}/min"] = f"{measured:.2f}/min ({error:.2f} %, {len(ticks)} ticks)"
        result.check(error <= PERIOD_PCT, f"metronome at {tempo:g}/min measured {measured:.2f}")
    result.figures["metronome"] = periods


def protocol_and_server_kill(rig: Rig, tempos: list[float], name: str) -> Result:
    """One protocol with every cue on: each step's tempo in turn, then a long step during which
    the sound server is killed and started again, then Next."""
    result = Result(name)
    seconds = [max(8.0, 3.2 * 60 / t + 2) for t in tempos]
    steps = [(f"Tempo {t:g}", t, s) for t, s in zip(tempos, seconds, strict=True)]
    steps += [("Server", 120.0, 90.0), ("After", 60.0, 20.0)]
    protocol = write_protocol(rig.folder / f"{name}.yaml", steps, f"sound-check-{name}")
    app = rig.app(protocol)
    try:
        t0 = time.monotonic()
        painted = app.start(outputs=("sound", "speech"))
        result.figures["first_paint_s"] = round(painted["t"] - t0, 2)
        recording = Recorder(rig.server.env)
        app.key("space")
        server_step = len(tempos)
        kill_at = (
            app.wait_for(
                lambda m: (
                    m["ev"] == "event" and m["kind"] == "step-started" and m["step"] == server_step
                ),
                sum(seconds) + 30,
                "the server step",
            )["due"]
            + 3.0
        )
        app.wait_until(kill_at)
        heard = analyse(recording.stop(), rig.folder / f"{name}-1.npz")
        cue_timing(app, heard, kill_at, dict(enumerate(tempos)), result)
        rig.server.kill()
        killed = time.monotonic()
        app.wait_for(lambda m: m["ev"] == "status" and m["text"] == STOPPED, 20, STOPPED)
        result.figures["notice_after_kill_s"] = round(time.monotonic() - killed, 2)
        app.wait_until(killed + 4.0)
        rig.server.start()
        restarted = time.monotonic()
        recording = Recorder(rig.server.env)
        back = app.wait_for(lambda m: m["ev"] == "status" and m["text"] == BACK, 60, BACK)
        result.figures["sound_back_after_restart_s"] = round(back["t"] - restarted, 2)
        app.wait_until(back["t"] + 3.0)
        after_next = app.key("Right")
        app.wait_until(after_next + 3.0)
        heard_after = analyse(recording.stop(), rig.folder / f"{name}-2.npz")
        end = time.monotonic()
        result.figures["ticks_heard_after_return"] = len(
            [t for t in heard_after.ticks if t > back["t"]]
        )
        result.check(result.figures["ticks_heard_after_return"] >= 4, "no ticks after the return")
        chime = first_after(heard_after.chimes, after_next, 1.0)
        speech = first_after(heard_after.speech, after_next, 1.5)
        result.check(chime is not None and speech is not None, "no chime or speech after Next")
        statuses = [m["text"] for m in app.messages if m["ev"] == "status" and m["text"]]
        result.figures["notices"] = statuses
        result.check(statuses.count(STOPPED) == 1, f"'{STOPPED}' told {statuses.count(STOPPED)}×")
        result.check(app.alive(), "the app died when the sound server went away")
        gap = longest_gap(app.messages, killed, end)
        result.figures["longest_beat_gap_s"] = round(gap, 3)
        result.check(gap < FREEZE_S, f"the window stopped for {gap:.1f} s")
        result.check(clock_moves(app.messages, killed, end), "the clock stopped moving")
        workers = app.workers()
    finally:
        code = app.close()
    result.check(not set(workers) & set(app.workers()), "cue workers outlived the window")
    lines = app.stderr_lines()
    result.figures["stderr_lines"] = len(lines)
    result.check(len(lines) < STDERR_LINES, f"{len(lines)} lines on stderr")
    result.check(code == 0, f"the app ended with exit code {code}")
    return result


def hanging_speech_engine(rig: Rig, daemon_env: dict[str, str]) -> Result:
    """A speech daemon that never answers: the window must paint at once and the session run
    with chime and metronome while the voice is stuck."""
    result = Result("speech engine hangs")
    protocol = write_protocol(
        rig.folder / "hang.yaml", [("One", 120.0, 10.0), ("Two", 120.0, 10.0)], "sound-check-hang"
    )
    app = rig.app(protocol, env=daemon_env)
    try:
        t0 = time.monotonic()
        painted = app.start()
        result.figures["first_paint_s"] = round(painted["t"] - t0, 2)
        result.check(painted["t"] - t0 < 10, "the window took more than 10 s to paint")
        recording = Recorder(rig.server.env)
        pressed = app.key("space")
        notice = app.wait_for(
            lambda m: m["ev"] == "status" and "voice" in m["text"].lower(), 30, "the voice notice"
        )
        result.figures["notice"] = notice["text"]
        app.wait_until(pressed + 8.0)
        heard = analyse(recording.stop())
        result.figures["ticks_heard"] = len(heard.ticks)
        result.check(len(heard.ticks) >= 8, "no metronome while the speech engine hangs")
        gap = longest_gap(app.messages, pressed, time.monotonic())
        result.figures["longest_beat_gap_s"] = round(gap, 3)
        result.check(gap < FREEZE_S, f"the window stopped for {gap:.1f} s")
    finally:
        code = app.close()
    result.check(code == 0, f"the app ended with exit code {code}")
    return result


def soak_session(rig: Rig, index: int, minutes: float = 2.0) -> Result:
    """One session of at least `minutes` with every cue on, Next pressed now and then."""
    result = Result(f"soak {index}")
    steps = [(f"Soak {i + 1}", 120.0 if i % 2 else 60.0, 16.0) for i in range(12)]
    protocol = write_protocol(rig.folder / f"soak-{index}.yaml", steps, f"sound-check-soak-{index}")
    app = rig.app(protocol)
    try:
        app.start(outputs=("sound", "speech"))
        recording = Recorder(rig.server.env)
        began = app.key("space")
        for step in (3, 6, 9):  # Next in the middle of a few steps
            due = app.wait_for(
                lambda m, s=step: (
                    m["ev"] == "event" and m["kind"] == "step-started" and m["step"] == s
                ),
                60,
                f"step {step + 1}",
            )["due"]
            app.wait_until(due + 8.0)
            app.key("Right")
        finished = app.wait_for(
            lambda m: m["ev"] == "event" and m["kind"] == "finished", 300, "the end"
        )
        heard = analyse(recording.stop())
        length = finished["t"] - began
        result.figures["session_s"] = round(length, 1)
        result.check(length >= minutes * 60, f"the session lasted only {length:.0f} s")
        gap = longest_gap(app.messages, began, finished["t"])
        result.figures["longest_beat_gap_s"] = round(gap, 3)
        result.check(gap < FREEZE_S, f"the window stopped for {gap:.1f} s")
        result.check(clock_moves(app.messages, began, finished["t"]), "the clock stopped moving")
        strokes = [m["due"] for m in app.events("step-started") + app.events("repetition")]
        found = sum(first_after(heard.ticks, due, 0.2) is not None for due in strokes)
        result.figures["ticks_heard"] = f"{found} of {len(strokes)}"
        result.check(found >= 0.9 * len(strokes), f"only {found} of {len(strokes)} ticks heard")
        workers = app.workers()
    finally:
        code = app.close()
    result.check(not set(workers) & set(app.workers()), "cue workers outlived the window")
    lines = app.stderr_lines()
    result.figures["stderr_lines"] = len(lines)
    result.check(len(lines) < STDERR_LINES, f"{len(lines)} lines on stderr")
    result.check(code == 0, f"the app ended with exit code {code}")
    return result
