"""What the commands print: escaped on a terminal, and a plain error when it cannot be written.

Titles, ids, file names and problem messages come from files a person may have been sent. On a
terminal, control characters and bidirectional overrides in them could recolour the screen or
forge lines of output, so they are shown as visible escapes (ESC as \\x1b) wherever printed. A
standard output that is closed or sits on a full disk is reported as what it is, not as a crash.
"""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (a tab and a newline excepted) and bidirectional controls."""


def escape(text: str) -> str:
    """The text with every unsafe character shown as a visible escape (\\x1b, \\u202e)."""
    return UNSAFE.sub(lambda m: _visible(m.group()), text)


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class OutputError(Exception):
    """Standard output could not be written (closed, or its disk is full)."""

    def __init__(self, stream: str, reason: str) -> None:
        super().__init__(f"cannot write to standard {stream}: {reason}")
        self.stream = stream
        self.reason = reason


class _Guarded:
    """A standard stream that escapes what goes to a terminal and names its write failures."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self._stream = stream
        self._name = name
        try:
            self._terminal = stream is not None and stream.isatty()
        except (OSError, ValueError):
            self._terminal = False

    def write(self, text: str) -> int:
        if self._stream is None:
            if self._name == "error":  # nowhere to say anything: the exit code tells
                return len(text)
            raise OutputError(self._name, "it is closed")
        if self._terminal:
            text = escape(text)
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self._name, exc.strerror or str(exc)) from exc

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self._name, exc.strerror or str(exc)) from exc

    def isatty(self) -> bool:
        return self._terminal

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """While a command runs: its output escaped on a terminal, failures raised as OutputError."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = _Guarded(out, "output")  # type: ignore[assignment]
    sys.stderr = _Guarded(err, "error")  # type: ignore[assignment]
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr = out, err


def output_problem(target: Path) -> str | None:
    """Why a file cannot be written at `target` before any work is done, or None. A device or a
    pipe there is refused: an output is written beside it and renamed, which would replace it."""
    folder = target.parent
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"{target} cannot be looked at: {exc.strerror or exc}"
    if st is not None and not stat.S_ISREG(st.st_mode):
        from massage_trainer.core.files import kind_of

        return f"{target} is a {kind_of(st.st_mode)}, not a file: give the name of a file to write"
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    return None
