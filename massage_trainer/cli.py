"""Command line: the GUI by default, plus headless commands that need no display.

Every command returns an exit code: 0 success, 1 a problem with the input or the run, 2 a usage
error. The global options (--data-dir, --lang) work before or after any command. People never see
a traceback: unexpected errors are logged to a private file in the data folder and summarised.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from massage_trainer import __version__, commands

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
LANGS = ("en", "ru")
USES_DATA_DIR = frozenset(
    {None, "gui", "list", "history", "play", "render", "export-pdf", "clearance"}
)
"""Commands that read or write the data folder (None: the window)."""


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a short hint instead of dumping the whole usage."""

    lang = "en"
    """The --lang the command line being parsed asks for, so a usage mistake is explained in it."""
    commands: tuple[argparse.ArgumentParser, ...] = ()
    """On the main parser: the commands' parsers, told the language when parsing begins."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.commands:  # the main parser: the whole command line is here
            lang = _asked_lang(sys.argv[1:] if args is None else args)
            for p in (self, *self.commands):
                if isinstance(p, _Parser):
                    p.lang = lang
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> None:  # type: ignore[override]
        from massage_trainer.core import words

        if self.lang == "en":
            self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, words.usage_error(self.prog, message, self.lang) + "\n")


def _asked_lang(argv: Sequence[str] | None) -> str:
    """The last --lang in argv that names a known language, else English."""
    args = list(argv or ())
    lang = "en"
    for i, a in enumerate(args):
        value = args[i + 1] if a == "--lang" and i + 1 < len(args) else a.removeprefix("--lang=")
        if (a == "--lang" or a.startswith("--lang=")) and value in LANGS:
            lang = value
    return lang


def data_dir_problem(path: Path) -> str | None:
    """Why `path` cannot be the data folder (something else is there), or None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{path} cannot be a folder: part of that path is a file"
    except OSError:
        return None  # e.g. no permission: the history says so in its own words
    if stat.S_ISDIR(st.st_mode):
        return None
    from massage_trainer.core.files import kind_of

    return f"{path} is a {kind_of(st.st_mode)}, not a folder"


def _data_dir_arg(text: str) -> Path:
    path = Path(text)
    problem = data_dir_problem(path)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}; give a folder (it is made if missing)")
    return path


def _add_global_options(p: argparse.ArgumentParser, *, top: bool) -> None:
    """--data-dir and --lang, on the main parser and on every command (before or after it)."""
    default = None if top else argparse.SUPPRESS
    p.add_argument(
        "--data-dir",
        type=_data_dir_arg,
        default=default,
        metavar="DIR",
        help="folder for your protocols, history and settings (default: the per-user data folder)",
    )
    p.add_argument(
        "--lang",
        choices=LANGS,
        default=default,
        help="language of what is shown: en or ru (commands: en; the window: View > Language, "
        "else the system's)",
    )


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (every command when None; see commands.needed)."""
    parser: _Parser = _Parser(
        prog="massage-trainer",
        description="Step-by-step guided back massage. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in commands.needed(argv):
        commands.module(name).register(sub)
    for command_parser in sub.choices.values():
        _add_global_options(command_parser, top=False)
    parser.commands = tuple(sub.choices.values())
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else $MASSAGE_TRAINER_DATA_DIR, else the folder the desktop keeps for app data."""
    d: Path | None = getattr(args, "data_dir", None)
    if d is not None:
        return d
    env = os.environ.get("MASSAGE_TRAINER_DATA_DIR")
    if env:
        return Path(env)
    from massage_trainer.ui.base import paths  # Qt's QStandardPaths: the core takes the folder

    return paths.data_dir()


def _crash_report(exc: BaseException, where: Path) -> Path | None:
    import traceback  # here: the window's start does without them (~7 ms)
    from datetime import datetime

    from massage_trainer.core import files

    try:
        files.private_folder(where)
        log = where / "crash.log"
        files.append_private(
            log,
            f"--- {datetime.now().isoformat(timespec='seconds')} {__version__}\n"
            + "".join(traceback.format_exception(exc)),
        )
        return log
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already explained
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        args.data_dir = data_dir(args)
    except OSError as exc:
        print(f"massage-trainer: {exc}.", file=sys.stderr)
        return EXIT_ERROR
    if args.command is not None and args.lang is None:
        args.lang = "en"
    if args.command in USES_DATA_DIR:
        problem = data_dir_problem(args.data_dir)
        if problem:
            message = (
                f"The data folder {problem}. Nothing was changed. Choose a folder with --data-dir."
            )
            print(f"massage-trainer: {message}", file=sys.stderr)
            if args.command in (None, "gui"):  # started from a launcher: stderr goes nowhere
                from massage_trainer.commands import gui

                gui.tell_in_a_window(message)
            return EXIT_ERROR
    if args.command is None:
        from massage_trainer.commands import gui

        return _run(gui.run, args)
    from massage_trainer.commands import output

    try:
        with output.guarded():
            return _run(args.handler, args)
    except output.OutputError as exc:
        with contextlib.suppress(OSError, ValueError):
            print(f"massage-trainer {args.command}: {exc}.", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): say nothing more
        _silence_stdout()
        return EXIT_ERROR


def _silence_stdout() -> None:
    """Point standard output at nowhere, so the exit does not complain about the closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except Exception as exc:
        from massage_trainer.commands.output import OutputError

        if isinstance(exc, OutputError):
            raise
        log = _crash_report(exc, args.data_dir)
        where = f" Details were written to {log}." if log else ""
        print(f"massage-trainer: something went wrong: {exc}.{where}", file=sys.stderr)
        return EXIT_ERROR


def gui_main() -> int:
    """Entry point for desktop launchers (gui-scripts)."""
    return main(sys.argv[1:])
