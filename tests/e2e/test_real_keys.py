"""The keyboard-only session with real key presses: the real window on an X server (Xvfb), keys
sent by xdotool, from the first launch through every safety answer, Start, Next, Pause, the pain
stop with P from a number field, to the end of the session. Skipped, saying why, without Xvfb or
xdotool (the README's package list has both). MT_KEYS_DISPLAY=:N chooses the display.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MISSING = [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"not installed: {', '.join(MISSING)}")
WAIT_S = 20.0
SCREEN = ("-screen", "0", "1280x800x24", "-nolisten", "tcp")
Status = dict[str, Any]


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """An X server: the one named in MT_KEYS_DISPLAY, else a free one it picks itself."""
    wanted = os.environ.get("MT_KEYS_DISPLAY", "")
    read, write = os.pipe()
    with (tmp_path / "xvfb.log").open("wb") as log:
        server = subprocess.Popen(
            ["Xvfb", *([wanted] if wanted else []), "-displayfd", str(write), *SCREEN],
            stdout=log,
            stderr=log,
            pass_fds=(write,),
        )
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    if not number:
        server.kill()
        pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()}")
    yield ":" + number
    server.terminate()
    server.wait()


class Window:
    """keys_app.py on `display`: its status lines arrive on a queue, keys go through xdotool."""

    def __init__(self, display: str, folder: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        self.env["PYTHONPATH"] = str(ROOT)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.stderr = (folder / "app-stderr.txt").open("wb")
        data = str(folder / "data")
        self.seen: list[Status] = []
        self.sent = 0
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("keys_app.py")), "--data-dir", data],
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            env=self.env,
            text=True,
        )
        self.lines: queue.Queue[Status] = queue.Queue()
        self.now: Status = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with contextlib.suppress(ValueError, OSError):  # closed at the end of the test
            for line in self.process.stdout:
                self.lines.put(json.loads(line))

    def wait(self, what: str, ok: Callable[[Status], bool]) -> Status:
        """The first status after every key sent so far was handled for which `ok` holds."""
        deadline = time.monotonic() + WAIT_S
        while True:  # what has arrived already, then only what comes after
            try:
                self.now = self.lines.get_nowait()
                self.seen.append(self.now)
            except queue.Empty:
                break
        handled = ok
        ok = lambda s: s.get("keys", 0) >= self.sent and handled(s)  # noqa: E731
        while not (self.now and ok(self.now)):
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                raise AssertionError(f"waited for {what}; the last statuses {self.seen[-10:]}")
            try:
                self.now = self.lines.get(timeout=left)
                self.seen.append(self.now)
            except queue.Empty:
                continue
        return self.now

    def key(self, name: str, times: int = 1) -> None:
        keys = [name] * times
        self.sent += times
        subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], env=self.env, check=True)

    def focus_window(self, wid: int = 0) -> None:
        """Give the keyboard to the window (or dialog) `wid`, as a window manager would."""
        wid = wid or self.wait("the window", lambda s: "wid" in s)["wid"]
        subprocess.run(["xdotool", "windowfocus", "--sync", str(wid)], env=self.env, check=True)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.stderr.close()


def focus(s: Status) -> dict[str, Any]:
    f: dict[str, Any] = s["focus"]
    return f


def test_a_keyboard_only_session_with_real_keys(display: str, tmp_path: Path) -> None:
    w = Window(display, tmp_path)
    try:
        w.focus_window()
        w.wait("the window to have the keyboard", lambda s: s["steps"] > 0)
        w.key("Tab")
        w.wait("a first Tab stop", lambda s: focus(s)["kind"] != "none")
        for _ in range(100):  # the safety check, answered as each control comes
            f = focus(w.now)
            if f.get("name") == "clearAnswersButton":
                break
            if f["kind"] == "radio" and not f["done"]:
                w.key("Right" if f["name"] == "Yes" else "Left")
                w.wait("an answer", lambda s: focus(s).get("done") is True)
                assert focus(w.now)["label"].split()[:-1] == f["label"].split()[:-1], (
                    "same question"
                )
            elif f["kind"] == "spin" and not f["done"]:
                # the safe numbers: the lowest (month 0), or 69 minutes since the last meal
                w.key(
                    "Prior" if f["spin"] == "meal-minutes" else "Up",
                    times=7 if f["spin"] == "meal-minutes" else 1,
                )
                w.wait("a number", lambda s, f=f: focus(s) == {**f, "done": True})
            elif f["kind"] == "check" and not f["done"]:
                w.key("space")
                w.wait("a tick", lambda s: focus(s).get("done") is True)
            before = json.dumps(focus(w.now))
            w.key("Tab")
            w.wait("the next stop", lambda s, b=before: json.dumps(focus(s)) != b)
        else:
            raise AssertionError("Tab never reached the end of the safety check")
        assert w.wait("Start unlocked", lambda s: s["may_start"])

        def tab_to(what: str, ok: Callable[[dict[str, Any]], bool]) -> None:
            for _ in range(60):
                if ok(focus(w.now)):
                    return
                before = json.dumps(focus(w.now))
                w.key("Tab")
                w.wait("the next stop", lambda s, b=before: json.dumps(focus(s)) != b)
            raise AssertionError(f"Tab never reached {what}")

        tab_to("Start", lambda f: f.get("name") == "startButton")
        w.key("Return")
        w.wait("running", lambda s: s["state"] == "RUNNING")
        w.key("Right")
        w.wait("step 2", lambda s: s["step"] == 1)
        w.key("space")
        w.wait("paused", lambda s: s["state"] == "PAUSED")
        w.key("space")
        w.wait("running again", lambda s: s["state"] == "RUNNING")
        tab_to("a number field", lambda f: f["kind"] == "spin")
        w.key("p")
        w.wait("the pain dialog", lambda s: s["state"] == "PAUSED" and s["dialog"])
        w.focus_window(w.now["dialog"])  # no window manager on Xvfb: the dialog gets the keys
        w.key("Escape")  # stay paused
        w.wait("the dialog closed", lambda s: not s["dialog"])
        w.focus_window()  # without a window manager, the window takes the keyboard back
        w.wait("the number field again", lambda s: focus(s)["kind"] == "spin")
        w.key("space")
        w.wait("running after the pain stop", lambda s: s["state"] == "RUNNING")
        tab_to("the timeline", lambda f: f["kind"] == "timeline")
        w.key("End")
        w.key("Return")
        w.wait("the last step", lambda s: s["step"] == s["steps"] - 1)
        tab_to("the Next button", lambda f: f.get("label") == "Next step")  # arrows stay
        w.key("Return")  # on the timeline, so Next is pressed on its button
        w.wait("the end of the session", lambda s: s["state"] == "FINISHED")
    finally:
        w.close()
