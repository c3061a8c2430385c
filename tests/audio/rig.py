"""The real-audio rig: a private PulseAudio with a null sink, its monitor recorded with arrival
times, a virtual screen, and the speech daemon that the speech worker starts in our runtime
folder. Everything lives in one temporary folder and is ended by process id when done.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import numpy as np

RATE = 44100
SINK = "rec"
TOOLS = ("pulseaudio", "parec", "pactl", "Xvfb", "xdotool")


def missing_tools() -> list[str]:
    """The programs the rig needs that are not installed (empty: it can run)."""
    return [t for t in TOOLS if shutil.which(t) is None]


def rig_env(folder: Path) -> dict[str, str]:
    """The environment of everything the rig starts: our runtime folder, our home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE_", "SPEECHD_"))}
    (folder / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    (folder / "home").mkdir(parents=True, exist_ok=True)
    env.update(XDG_RUNTIME_DIR=str(folder / "run"), HOME=str(folder / "home"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


class SoundServer:
    """PulseAudio in our runtime folder with one null sink whose monitor we record."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.env = folder, rig_env(folder)
        self.pid = 0
        self.starts = 0

    def start(self) -> None:
        """Start a server and return once it takes clients (`-D` waits for that)."""
        self.starts += 1
        log = self.folder / f"pulseaudio-{self.starts}.log"
        started = subprocess.run(
            [
                "pulseaudio",
                "-D",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-native-protocol-unix",
                f"--load=module-null-sink sink_name={SINK}",
                "--log-target=file:" + str(log),
            ],
            env=self.env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        pid_file = self.folder / "run" / "pulse" / "pid"
        if started.returncode != 0 or not pid_file.is_file():
            raise RuntimeError(
                f"PulseAudio did not start: {started.stderr.decode()[-300:]} ({log})"
            )
        self.pid = int(pid_file.read_text().split()[0])

    def kill(self) -> None:
        """The server dies (SIGKILL): what a crash or a killed audio service looks like."""
        if self.pid:
            gone = os.pidfd_open(self.pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            select.select([gone], [], [], 10)  # readable once the process has ended
            os.close(gone)
            self.pid = 0
            # Until its parent reaps it, the dead server's pid still answers and a new server
            # would think it is running: its pid file is stale, so it goes.
            (self.folder / "run" / "pulse" / "pid").unlink(missing_ok=True)


class Recorder:
    """Records the null sink's monitor; each chunk's arrival time maps samples to time.monotonic."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{SINK}.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=5",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._chunks: list[bytes] = []
        self._arrivals: list[tuple[float, int]] = []
        self._samples = 0
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while True:
            chunk = os.read(fd, 8192)
            if not chunk:
                return
            now = time.monotonic()
            self._chunks.append(chunk)
            self._samples += len(chunk) // 2
            self._arrivals.append((now, self._samples))

    def stop(self) -> tuple[np.ndarray, float, float]:
        """The samples (float, -1..1) and the line t = start + n * step mapping sample n to
        time.monotonic: fitted through the arrivals, then moved to their earliest edge."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()
        self._thread.join()
        if self.process.stdout is not None:
            self.process.stdout.close()
        raw = b"".join(self._chunks)
        data = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float32) / 32768.0
        if len(self._arrivals) < 2:
            return data, 0.0, 1.0 / RATE
        arrived = np.array([a for a, _ in self._arrivals])
        count = np.array([n for _, n in self._arrivals], dtype=np.float64)
        step, start = np.polyfit(count, arrived, 1)
        start += float((arrived - (step * count + start)).min())
        return data, float(start), float(step)


class Display:
    """Xvfb for the real window: the display given in MT_AUDIO_DISPLAY (":12"), else a free one
    that the server picks; `-displayfd` tells us when it takes clients."""

    def __init__(self, folder: Path) -> None:
        wanted = os.environ.get("MT_AUDIO_DISPLAY", "")
        read, write = os.pipe()
        with (folder / "xvfb.log").open("wb") as log:
            self.process = subprocess.Popen(
                [
                    "Xvfb",
                    *([wanted] if wanted else []),
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ],
                stdout=log,
                stderr=log,
                pass_fds=(write,),
            )
        os.close(write)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise RuntimeError(f"Xvfb did not start: see {folder}/xvfb.log")
        self.name = ":" + number

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def end_speech_daemon(folder: Path) -> None:
    """speech-dispatcher, started by the speech worker in our runtime folder, outlives it by a
    few seconds; end it now (found by its socket path, which names our folder)."""
    mark = str(folder / "run").encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"speech-dispatcher" in cmdline and mark in cmdline:
            with contextlib.suppress(OSError):
                os.kill(int(proc.name), signal.SIGTERM)
