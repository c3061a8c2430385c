"""A cue worker: `python -m massage_trainer.sound.worker sound|speech`.

It reads commands from stdin and writes events to stdout (see `wire`), plays them with `output`
(sound) or `voice` (speech), and exits when stdin closes, when its output is lost (after saying
"down") or when its role cannot work here (after saying "off"). Qt's console messages are
dropped: a worker's stderr carries only a Python traceback, which the window passes on.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, qInstallMessageHandler

from massage_trainer.sound import wire

EXIT_DOWN = 3
EXIT_OFF = 4


class _Lines(QObject):
    """Carries stdin's lines from the reading thread to the event loop (portable: no notifiers
    on pipes, which Windows lacks)."""

    line = Signal(bytes)


def _read_lines(stream: BinaryIO, into: _Lines) -> None:
    """Pass each line on; at end of input (the window closed or died) end the process at once,
    whatever the main thread is doing (see die_with_window for when this thread cannot run)."""
    for raw in stream:
        into.line.emit(raw)
    os._exit(0)


class Worker(QObject):
    """Dispatches commands to the role's player and reports back; decides the exit code."""

    def __init__(self, app: QCoreApplication, role: str, out: BinaryIO) -> None:
        super().__init__()
        self._app, self._role, self._out = app, role, out
        self._player: Any = None
        self.exit_code = 0

    def send(self, message: dict[str, object]) -> None:
        try:
            self._out.write(wire.encode(message))
            self._out.flush()
        except (OSError, ValueError):  # the window is gone
            self._app.exit(0)

    def quit(self, event: str, why: str) -> None:
        self.send({"ev": event, "why": why})
        self.exit_code = EXIT_OFF if event == "off" else EXIT_DOWN
        if self._player is not None:
            self._player.close()
        self._app.exit(self.exit_code)

    def lost(self, why: str) -> None:
        """The output stopped working: say so and exit (a new worker starts afresh)."""
        QTimer.singleShot(0, lambda: self.quit("down", why))

    def start(self) -> None:
        """Open the output; called from the event loop, so a ping sent meanwhile waits for it."""
        try:
            self._player = _make(self._role, self.send, self.lost)
        except wire.Quit as exc:
            self.quit(exc.event, exc.why)

    def handle(self, raw: bytes) -> None:
        message = wire.decode(raw)
        if message is None:
            return
        op = message.get("op")
        if op == "ping":
            self.send({"ev": "pong", "n": message.get("n")})
        elif self._player is None:
            return
        elif op == "play" and self._role == "sound":
            volume = wire.number(message, "volume", 1.0, 0.0, 1.0)
            self._player.play(str(message.get("sound", "")), volume)
        elif op == "say" and self._role == "speech":
            volume = wire.number(message, "volume", 1.0, 0.0, 1.0)
            self._player.say(str(message.get("text", "")), volume, str(message.get("lang", "en")))
        elif op == "hush":
            self._player.hush()


def _make(
    role: str, report: Callable[[dict[str, object]], None], fail: Callable[[str], None]
) -> Any:
    if role == "sound":
        try:
            from massage_trainer.sound.output import Output
        except ImportError as exc:
            raise wire.Quit("off", wire.NO_MODULE) from exc
        from massage_trainer.resources import asset

        return Output({name: asset("sounds", f"{name}.wav") for name in wire.SOUNDS}, report, fail)
    try:
        from massage_trainer.sound.voice import Voice
    except ImportError as exc:
        raise wire.Quit("off", wire.NO_MODULE) from exc
    return Voice(report, fail)


def die_with_window() -> None:
    """On Linux, have the kernel end this worker when the window's process ends.

    End of input covers a window that closes or dies, but only while Python can run: a speech
    engine hanging inside a Qt call holds the interpreter's lock, so the stdin reader never
    sees the end. Elsewhere a worker stuck that way outlives a crashed window until the call
    returns (a window that closes normally kills its workers on every system).
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    window = os.environ.get(wire.WINDOW_PID_ENV, "")
    if window.isdigit() and os.getppid() != int(window):  # it ended before the call above
        os._exit(0)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in wire.ROLES:
        print(
            f"usage: python -m massage_trainer.sound.worker {'|'.join(wire.ROLES)}", file=sys.stderr
        )
        return 2
    die_with_window()
    qInstallMessageHandler(lambda *_: None)  # before QtMultimedia loads: it warns on import
    app = QCoreApplication([sys.argv[0]])
    worker = Worker(app, args[0], sys.stdout.buffer)
    lines = _Lines()
    lines.line.connect(worker.handle)
    threading.Thread(target=_read_lines, args=(sys.stdin.buffer, lines), daemon=True).start()
    QTimer.singleShot(0, worker.start)
    code = app.exec()
    return worker.exit_code or code


def run() -> None:
    """Run a worker and end the process without Python's shutdown: the thread reading stdin
    may be inside a read, and finalizing under it aborts the process."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
