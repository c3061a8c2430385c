"""Runs the real window (app_under_test) on the rig's display and presses its keys."""

from __future__ import annotations

import copy
import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from massage_trainer.core.protocol import loader
from massage_trainer.resources import protocols_dir

ROOT = Path(__file__).resolve().parents[2]
Message = dict[str, Any]


def write_protocol(path: Path, steps: list[tuple[str, float, float]], pid: str) -> Path:
    """A protocol of the given (title, tempo per minute, seconds) steps, made from the bundled
    template's first step (so it follows the format as it is today)."""
    doc = yaml.safe_load((protocols_dir() / "template.yaml").read_text(encoding="utf-8"))
    model = doc["steps"][0]
    doc["id"], doc["title"] = pid, f"Sound check {pid}"
    doc["steps"] = []
    for i, (title, tempo, seconds) in enumerate(steps):
        step = copy.deepcopy(
            {k: v for k, v in model.items() if k not in ("repetitions", "duration_s")}
        )
        step.update(id=f"step-{i + 1}", title=title, cue=f"Step {i + 1}.", tempo=tempo)
        step["duration_s"] = seconds
        doc["steps"].append(step)
    total = sum(s for _, _, s in steps) / 60
    doc["estimated_minutes"] = max(1, round(total))
    doc["max_minutes"] = max(doc["estimated_minutes"], int(total) + 2)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loader.load(path)  # a protocol the app refuses would silently give way to the default one
    return path


class App:
    """One run of the window: its messages (with their arrival), its stderr, its keys."""

    def __init__(
        self,
        folder: Path,
        env: dict[str, str],
        display: str,
        protocol: Path,
        cues: str,
        *,
        root: Path = ROOT,
    ) -> None:
        """`root`: the checkout whose app runs (another one measures an older version)."""
        self.folder = folder
        self.env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(root)}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.stderr_path = folder / "app-stderr.txt"
        data = folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        with self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    str(Path(__file__).with_name("app_under_test.py")),
                    str(protocol),
                    "--data-dir",
                    str(data),
                    "--cues",
                    cues,
                    "--get-ready",
                    "1",
                ],
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=err,
            )
        self.messages: list[Message] = []
        self._queue: queue.Queue[Message | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wid = 0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            self.messages.append(message)
            self._queue.put(message)
        (self.folder / "messages.json").write_text(json.dumps(self.messages))
        self._queue.put(None)

    def wait_for(self, wanted: Callable[[Message], bool], timeout: float, what: str) -> Message:
        """The next message that satisfies `wanted` (messages before it are kept, not lost)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the window did not report {what} within {timeout:g} s")
            try:
                message = self._queue.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise RuntimeError(f"the window ended (exit {self.process.wait()}) before {what}")
            if wanted(message):
                return message

    def wait_until(self, when: float) -> None:
        """Let the session run until time.monotonic() reaches `when` (on the window's beats)."""
        self.wait_for(lambda m: m["t"] >= when, when - time.monotonic() + 10, "its beats")

    def start(self, outputs: tuple[str, ...] = ()) -> Message:
        """Wait for the first paint, the end of the start-up and the `outputs` ("sound",
        "speech") to work; the first paint's message."""
        painted = self.wait_for(lambda m: m["ev"] == "painted", 60, "its first paint")
        self.wid = int(painted["wid"])
        self.wait_for(lambda m: m["ev"] == "ready", 60, "the end of its start-up")
        self.wait_for(
            lambda m: m["ev"] == "beat" and set(outputs) <= set(m["outputs"]),
            60,
            f"its {' and '.join(outputs)} output",
        )
        return painted

    def key(self, name: str) -> float:
        """Press a key in the window as a person would (XTEST); the time it was sent."""
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", str(self.wid)], env=self.env, check=True
        )
        sent = time.monotonic()
        subprocess.run(["xdotool", "key", name], env=self.env, check=True)
        return sent

    def events(self, kind: str) -> list[Message]:
        return [m for m in self.messages if m["ev"] == "event" and m["kind"] == kind]

    def alive(self) -> bool:
        return self.process.poll() is None

    def stderr_lines(self) -> list[str]:
        return self.stderr_path.read_text(errors="replace").splitlines()

    def workers(self) -> list[int]:
        """The cue workers this window started that are still running (Linux /proc)."""
        mark = f"MASSAGE_TRAINER_WINDOW_PID={self.process.pid}".encode()
        found = []
        for proc in Path("/proc").iterdir():
            try:
                if (
                    proc.name.isdigit()
                    and b"massage_trainer.sound.worker" in (proc / "cmdline").read_bytes()
                ) and mark in (proc / "environ").read_bytes().split(b"\0"):
                    found.append(int(proc.name))
            except OSError:
                continue
        return found

    def close(self) -> int:
        """Quit as a person does (Ctrl+Q); the exit code (-9 when it had to be killed)."""
        if self.process.poll() is None and self.wid:
            subprocess.run(
                ["xdotool", "windowfocus", "--sync", str(self.wid)], env=self.env, check=False
            )
            subprocess.run(["xdotool", "key", "ctrl+q"], env=self.env, check=False)
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._reader.join()
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code


def longest_gap(messages: list[Message], start: float, end: float) -> float:
    """The longest time without a beat between `start` and `end`: a frozen window stops beating."""
    beats = [m["t"] for m in messages if m["ev"] == "beat" and start <= m["t"] <= end]
    edges = [start, *beats, end]
    return max((b - a for a, b in itertools.pairwise(edges)), default=end - start)


def clock_moves(messages: list[Message], start: float, end: float) -> bool:
    """The countdown shown changes at least every two seconds while the session runs."""
    shown = [
        (m["t"], m["countdown"])
        for m in messages
        if m["ev"] == "beat" and start <= m["t"] <= end and m["state"] == "running"
    ]
    last_change = start
    for (_, a), (t, b) in itertools.pairwise(shown):
        if a != b:
            last_change = t
        elif t - last_change > 2.0:
            return False
    return bool(shown)
