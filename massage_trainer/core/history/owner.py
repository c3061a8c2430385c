"""Who owns a running session: a token naming this process, so a crashed one can be told apart.

A session still marked running belongs either to a live program (a second window, a headless play)
or to one that died. Only the dead ones are marked interrupted; the token carries the process id
and, on Linux, the process start time, so a recycled process id is not mistaken for the old owner.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid

_LIVE_TOKENS: set[str] = set()


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat from the state field on (Linux); empty where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
    except OSError:
        return []
    # the command name (field 2) may hold spaces and parentheses: split after its closing one
    return stat[stat.rfind(")") + 2 :].split()


def _start_time(pid: int) -> str:
    """The process start time in clock ticks since boot (Linux), or '' where it cannot be read."""
    fields = _stat_fields(pid)
    return fields[19] if len(fields) > 19 else ""


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def new_token() -> str:
    """A fresh owner token for one open History; registered as live until released."""
    pid = os.getpid()
    token = f"{_host()}|{pid}|{_start_time(pid)}|{uuid.uuid4().hex}"
    _LIVE_TOKENS.add(token)
    return token


def release(token: str) -> None:
    _LIVE_TOKENS.discard(token)


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL+C there: assume it is gone
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def is_alive(token: str) -> bool:
    """True when the program that wrote this token may still be writing its session."""
    parts = token.split("|")
    if len(parts) != 4 or not parts[1].isdigit():
        return False
    host, pid_text, start, _nonce = parts
    pid = int(pid_text)
    if host != _host():
        return False  # another computer sharing the folder: we cannot know; do not leave it hanging
    if pid == os.getpid() and start == _start_time(pid):
        return token in _LIVE_TOKENS
    if not _process_alive(pid):
        return False
    fields = _stat_fields(pid)
    if fields and fields[0] in {"Z", "X"}:  # killed and not yet reaped: it writes nothing more
        return False
    return not (start and fields and fields[19:20] != [start])
