"""The window's side of a cue worker: start it, talk to it, watch it, start it again.

A worker is a separate process (QProcess, pipes on every platform), so nothing its audio system
or speech engine does can stop the window: a crash ends the worker, a hang is seen by the
watchdog (no "ready" within READY_S, or no answer to pings for ANSWER_S) and the worker is killed.
Either way the supervisor says "down" and starts a new worker after a pause that grows with each
failure in a row (RETRY_S); cues sent meanwhile are dropped, so the session goes on silently.
Nothing here waits for a worker: starting, writing and killing return at once (only `stop`, when
the window closes, lets the killed process be reaped, which takes milliseconds).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from massage_trainer.sound import wire

READY_S = 10.0
"""A worker that has not said "ready" by then is stuck (a speech engine hanging at start)."""
PING_S = 2.0
ANSWER_S = 6.0
"""A ready worker silent for this long (pings unanswered) is stuck."""
RETRY_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
"""Pauses before each new worker after failures in a row; the last one repeats."""
STEADY_S = 30.0
"""A worker ready for this long resets the pauses."""
STDERR_LINES = 20
"""Of a worker's stderr (tracebacks), this many lines per run reach the app's stderr."""

STARTING, READY, DOWN, OFF, STOPPED = "starting", "ready", "down", "off", "stopped"
NOT_STARTED = "not-started"
"""The reason given when the worker program cannot be started at all."""
NOT_ANSWERING = "not-answering"


def worker_command(role: str) -> list[str]:
    """How to start a worker: the same Python (or the same frozen app) with the worker's module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--cue-worker", role]
    return [sys.executable, "-m", "massage_trainer.sound.worker", role]


def _environment() -> QProcessEnvironment:
    """The app's environment, with this package importable however the app was started."""
    env = QProcessEnvironment.systemEnvironment()
    here = str(Path(__file__).resolve().parents[2])
    path = env.value("PYTHONPATH", "")
    env.insert("PYTHONPATH", here + (os.pathsep + path if path else ""))
    env.insert(wire.WINDOW_PID_ENV, str(os.getpid()))
    return env


class Supervisor(QObject):
    """One worker role ("sound" or "speech"), kept running while it is wanted."""

    stateChanged = Signal(str, str)  # noqa: N815 (Qt signal naming)
    """(state, why): starting, ready, down (trying again), off (given up) or stopped."""
    event = Signal(dict)
    """Other messages from the worker (e.g. {"ev": "novoice", "lang": "ru"})."""

    def __init__(
        self,
        role: str,
        command: Sequence[str] | None = None,
        parent: QObject | None = None,
        *,
        retry_s: Sequence[float] = RETRY_S,
    ) -> None:
        super().__init__(parent)
        self.role = role
        self._command = list(command) if command is not None else worker_command(role)
        self._retry_s = tuple(retry_s)
        self.state = STOPPED
        self.why = ""
        self._process: QProcess | None = None
        self._failures = 0
        self._started_at = self._heard_at = self._ready_at = 0.0
        self._said: dict[str, str] = {}
        self._pings = 0
        self._stderr_left = STDERR_LINES
        self._watch = QTimer(self)
        self._watch.timeout.connect(self._check)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._spawn)

    # ---- the window's calls --------------------------------------------------------------

    def start(self) -> None:
        """Start the worker unless it runs, is about to be started again, or has given up."""
        if self.state in (STARTING, READY, OFF) or self._retry.isActive():
            return
        self._spawn()

    def send(self, message: dict[str, Any]) -> bool:
        """Pass a command on when the worker is ready; False (dropped) otherwise."""
        if self.state != READY or self._process is None:
            return False
        written = self._process.write(wire.encode(message)) > 0
        self._process.waitForBytesWritten(0)  # out now, not when the window's frame is done
        return written

    def stop(self) -> None:
        """End the worker for good (the window closes): no restart."""
        self._watch.stop()
        self._retry.stop()
        process, self._process = self._process, None
        if process is not None:  # its signals now find it is no longer self._process
            process.kill()
            process.waitForFinished(1000)  # a killed process is reaped in milliseconds
            process.deleteLater()
        self._set(STOPPED, "")

    @property
    def pid(self) -> int:
        """The worker's process id (0 when none runs); for tests and diagnostics."""
        return int(self._process.processId()) if self._process is not None else 0

    # ---- the worker's life ---------------------------------------------------------------

    def _set(self, state: str, why: str) -> None:
        if (state, why) != (self.state, self.why):
            self.state, self.why = state, why
            self.stateChanged.emit(state, why)

    def _spawn(self) -> None:
        process = QProcess(self)
        process.setProcessEnvironment(_environment())
        process.readyReadStandardOutput.connect(lambda: self._read(process))
        process.readyReadStandardError.connect(lambda: self._read_errors(process))
        process.finished.connect(lambda *_: self._ended(process))
        process.errorOccurred.connect(lambda error: self._error(process, error))
        self._process, self._said = process, {}
        self._started_at = self._heard_at = time.monotonic()
        process.start(self._command[0], self._command[1:])
        if self._process is process:  # not already given up (a program that cannot start)
            self._set(STARTING, self.why)
            self._watch.start(round(PING_S * 1000))

    def _read(self, process: QProcess) -> None:
        while process.canReadLine():
            message = wire.decode(bytes(process.readLine().data()))
            if message is None or process is not self._process:
                continue
            self._heard_at = time.monotonic()
            ev = message.get("ev")
            if ev == "ready":
                self._ready_at = self._heard_at
                self._set(READY, "")
            elif ev in ("down", "off"):
                self._said = {"ev": str(ev), "why": str(message.get("why", ""))}
            elif ev != "pong":
                self.event.emit(message)

    def _read_errors(self, process: QProcess) -> None:
        for line in (
            bytes(process.readAllStandardError().data()).decode(errors="replace").splitlines()
        ):
            if self._stderr_left > 0 and line.strip():
                self._stderr_left -= 1
                tail = "" if self._stderr_left else " (the rest is not shown)"
                print(f"massage-trainer: {self.role} worker: {line}{tail}", file=sys.stderr)

    def _check(self) -> None:
        """The watchdog: kill a worker stuck at start or no longer answering; else ping it."""
        if self._process is None:
            self._watch.stop()
            return
        self._process.waitForReadyRead(0)  # answers that came while the window was busy count
        self._read(self._process)
        now = time.monotonic()
        stuck_at_start = self.state == STARTING and now - self._started_at > READY_S
        silent = self.state == READY and now - self._heard_at > ANSWER_S
        if stuck_at_start or silent:
            self._said = {"ev": "down", "why": NOT_ANSWERING}
            self._process.kill()  # `finished` follows and schedules the next worker
            return
        self._pings += 1
        self._process.write(wire.encode({"op": "ping", "n": self._pings}))

    def _error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if process is self._process and error == QProcess.ProcessError.FailedToStart:
            self._said = {"ev": "off", "why": NOT_STARTED}
            self._ended(process)

    def _ended(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._read(process)
        self._read_errors(process)
        self._watch.stop()
        self._process = None
        process.deleteLater()
        said = self._said or {"ev": "down", "why": "exited"}
        if said["ev"] == "off":
            self._set(OFF, said["why"])
            return
        now = time.monotonic()
        if self._ready_at and now - self._ready_at >= STEADY_S:
            self._failures = 0
        self._ready_at = 0.0
        pause = self._retry_s[min(self._failures, len(self._retry_s) - 1)]
        self._failures += 1
        self._set(DOWN, said["why"])
        self._retry.start(round(pause * 1000))
