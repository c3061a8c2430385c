"""Command line: the GUI by default, plus headless commands that need no display.

Every command returns an exit code: 0 success, 1 a problem with the input or the run, 2 a usage
error. People never see a traceback: unexpected errors are logged to a file and summarised.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from massage_trainer import __version__, commands
from massage_trainer.resources import default_data_dir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a short hint instead of dumping the whole usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (every command when None; see commands.needed)."""
    parser = _Parser(
        prog="massage-trainer",
        description="Step-by-step guided back massage. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder for your protocols, history and settings (default: the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in commands.needed(argv):
        commands.module(name).register(sub)
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    d: Path | None = getattr(args, "data_dir", None)
    return d if d is not None else default_data_dir()


def _crash_report(exc: BaseException, where: Path) -> Path | None:
    import traceback  # here: the window's start does without them (~7 ms)
    from datetime import datetime

    try:
        where.mkdir(parents=True, exist_ok=True)
        log = where / "crash.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} {__version__}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.data_dir = data_dir(args)
    handler: Callable[[argparse.Namespace], int]
    if args.command is None:
        from massage_trainer.commands import gui

        handler = gui.run
    else:
        handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_ERROR
    except Exception as exc:
        log = _crash_report(exc, args.data_dir)
        where = f" Details were written to {log}." if log else ""
        print(f"massage-trainer: something went wrong: {exc}.{where}", file=sys.stderr)
        return EXIT_ERROR


def gui_main() -> int:
    """Entry point for desktop launchers (gui-scripts)."""
    return main(sys.argv[1:])
