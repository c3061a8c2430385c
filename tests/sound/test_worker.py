"""The real worker program, run as the window runs it, where there is no sound server."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from massage_trainer.sound import supervisor, wire
from massage_trainer.sound.supervisor import worker_command
from tests.sound.hung import hanging_daemon, needs_speechd, quiet_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="a sound server is a Linux idea"
    ),
]


def test_without_a_sound_server_the_sound_worker_says_down_and_exits(tmp_path: Path) -> None:
    with subprocess.Popen(
        worker_command("sound"),
        stdin=subprocess.PIPE,  # kept open: end of input would end the worker at once
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=quiet_env(tmp_path),
    ) as worker:
        assert worker.stdout is not None and worker.stderr is not None
        out = worker.stdout.read()  # until the worker exits and closes it
        assert worker.wait(timeout=60) == 3
        assert wire.decode(out) == {"ev": "down", "why": "no-device"}
        assert worker.stderr.read() == b""  # Qt's warnings on the missing server stay inside


def test_a_wrong_role_is_a_usage_error() -> None:
    r = subprocess.run(
        [*worker_command("sound")[:-1], "bogus"], capture_output=True, timeout=60, check=False
    )
    assert r.returncode == 2 and b"usage" in r.stderr


@pytest.fixture
def hung_speechd(tmp_path: Path) -> Iterator[tuple[socket.socket, dict[str, str]]]:
    daemon, env = hanging_daemon(tmp_path)
    yield daemon, env
    daemon.close()


WINDOW = """
import os, subprocess, sys
env = dict(os.environ, MASSAGE_TRAINER_WINDOW_PID=str(os.getpid()))
worker = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, env=env)
print(worker.pid, flush=True)
sys.stdin.read()
"""


@needs_speechd
def test_a_worker_stuck_in_a_hanging_engine_ends_with_its_window(hung_speechd) -> None:  # type: ignore[no-untyped-def]
    """Stuck inside the engine the worker cannot read its stdin (the engine call holds Python's
    lock); the kernel still ends it when the window's process is killed."""
    daemon, env = hung_speechd
    with subprocess.Popen(
        [sys.executable, "-c", WINDOW, *worker_command("speech")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    ) as window:
        assert window.stdout is not None
        worker_pid = int(window.stdout.readline())
        connection, _ = daemon.accept()  # the engine connected and waits for an answer: stuck
        gone = os.pidfd_open(worker_pid)
        window.kill()
        window.wait()
        ready, _, _ = select.select([gone], [], [], 30)
        os.close(gone)
        connection.close()
    assert ready, "the stuck worker outlived its window"


@needs_speechd
def test_the_supervisor_kills_a_worker_stuck_in_the_engine(
    qtbot, hung_speechd, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    daemon, env = hung_speechd
    monkeypatch.setattr(supervisor, "READY_S", 1.0)
    monkeypatch.setattr(supervisor, "PING_S", 0.2)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    w = supervisor.Supervisor("speech", retry_s=(60.0,))
    seen: list[tuple[str, str]] = []
    w.stateChanged.connect(lambda state, why: seen.append((state, why)))
    w.start()
    try:
        connection, _ = daemon.accept()
        qtbot.waitUntil(lambda: ("down", "not-answering") in seen, timeout=10_000)
        assert w.pid == 0  # killed; the next one waits for the pause
        connection.close()
    finally:
        w.stop()


def test_the_app_itself_starts_a_worker_as_the_frozen_bundle_does(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "massage_trainer", "--cue-worker", "sound"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=quiet_env(tmp_path),
    ) as worker:
        assert worker.stdout is not None
        assert wire.decode(worker.stdout.read()) == {"ev": "down", "why": "no-device"}
        assert worker.wait(timeout=60) == 3
