"""A speech daemon that accepts connections and never answers, as speech-dispatcher does when it
was started while no sound server ran: QTextToSpeech's constructor blocks on it for minutes."""

from __future__ import annotations

import ctypes.util
import os
import socket
from pathlib import Path

import pytest

needs_speechd = pytest.mark.skipif(
    ctypes.util.find_library("speechd") is None,
    reason="libspeechd (speech-dispatcher) not installed",
)


def quiet_env(runtime: Path) -> dict[str, str]:
    """No sound server and no speech daemon reachable: an empty runtime folder of our own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE_", "SPEECHD_"))}
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def hanging_daemon(folder: Path) -> tuple[socket.socket, dict[str, str]]:
    """The listening socket (close it when done) and the environment that points speech at it."""
    path = folder / "speechd.sock"
    daemon = socket.socket(socket.AF_UNIX)
    daemon.bind(str(path))
    daemon.listen(8)
    daemon.settimeout(60)
    return daemon, {**quiet_env(folder), "SPEECHD_ADDRESS": f"unix_socket:{path}"}
