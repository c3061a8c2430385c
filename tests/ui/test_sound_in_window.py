"""The window with its real sound and speech workers where sound cannot work: it paints, runs a
session and says what is wrong once, and a stuck speech engine never reaches it."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.sound import supervisor
from massage_trainer.ui.app import build_window, settings_for
from massage_trainer.ui.session.sound_notice import SoundNotice
from tests.sound.hung import hanging_daemon, needs_speechd, quiet_env

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sound servers are Linux's"),
]


@needs_speechd
def test_the_window_paints_and_runs_while_the_speech_engine_hangs(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    daemon, env = hanging_daemon(tmp_path)
    for name in [k for k in os.environ if k.startswith(("PULSE_", "SPEECHD_"))]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(supervisor, "READY_S", 1.0)
    monkeypatch.setattr(supervisor, "PING_S", 0.2)
    settings = settings_for(data_dir)
    settings.setValue("cues/chime", False)  # only the voice: the one that hangs
    clock = FakeClock()
    args = argparse.Namespace(data_dir=data_dir, protocol=None)
    w = build_window(args, clock=clock, settings=settings, safety=False, record=False)
    qtbot.addWidget(w)
    try:
        with qtbot.waitSignal(w.firstPainted, timeout=10_000):
            w.show()
        qtbot.waitUntil(lambda: w.startup.started, timeout=10_000)
        connection, _ = daemon.accept()  # the speech worker is now stuck in the engine
        qtbot.keyClick(w, Qt.Key.Key_Space)
        assert w.controller.player is not None
        assert w.controller.player.state is State.GET_READY
        clock.advance(6)
        qtbot.waitUntil(lambda: w.controller.player.state is State.RUNNING, timeout=5_000)
        notice = w.findChild(SoundNotice)
        assert notice is not None
        qtbot.waitUntil(notice.isVisible, timeout=10_000)
        assert notice.text() == "No voice yet (the helper program does not answer); trying again…"
        connection.close()
    finally:
        w.close()
        daemon.close()


CHILD = r"""
import argparse, json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.app import application, build_window, settings_for

app = application()
data = Path(sys.argv[1])
settings = settings_for(data)
settings.setValue("cues/metronome", True)
clock = FakeClock()
w = build_window(argparse.Namespace(data_dir=data, protocol=None), clock=clock, settings=settings,
                 get_ready_s=0, safety=False, record=False)
w.show()
w.finish_startup()
seen = {"pids": {"sound": [], "speech": []}}
workers = {"sound": w.cues._sound.worker, "speech": w.cues._speaker.worker}
for role, worker in workers.items():
    worker.stateChanged.connect(
        lambda state, _why, r=role, x=worker: state == "starting" and seen["pids"][r].append(x.pid)
    )
    if worker.pid:
        seen["pids"][role].append(worker.pid)

def run():
    w.controller.start()
    for _ in range(30):
        clock.advance(1.0)
        w.controller.poll()
    seen["state"] = w.controller.player.state.value
    w.close()
    seen["after_close"] = [x.state for x in workers.values()]
    seen["modules"] = sorted(m for m in sys.modules if m.startswith(("PySide6.QtMultimedia",
                             "PySide6.QtTextToSpeech", "massage_trainer.sound.output",
                             "massage_trainer.sound.voice")))
    app.quit()

QTimer.singleShot(500, run)
app.exec()
print(json.dumps(seen))
"""


def test_the_window_process_loads_no_audio_or_speech_library(tmp_path: Path) -> None:
    env = {**quiet_env(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    assert seen["modules"] == []
    assert seen["pids"]["sound"] and seen["pids"]["speech"]  # they ran, in their own processes
    assert seen["after_close"] == ["stopped", "stopped"]
    for pid in seen["pids"]["sound"] + seen["pids"]["speech"]:
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or ") Z " in stat.read_text()  # gone (or ended, not yet reaped)
