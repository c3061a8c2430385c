"""The command line imports a command's module only when the command line may need it.

Starting the window (no command) must not load the YAML parser or the history database; every
other command line parses exactly as with all commands registered.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer import cli, commands

ROOT = Path(__file__).resolve().parents[2]


def test_a_window_start_registers_only_gui() -> None:
    assert commands.needed([]) == ["gui"]
    assert commands.needed(["--data-dir", "/tmp/x"]) == ["gui"]
    assert commands.needed(["--data-dir=/tmp/x", "gui", "back-pain-relief"]) == ["gui"]
    assert commands.needed(["validate", "a.yaml"]) == ["gui", "validate"]


def test_help_and_unknown_words_register_everything() -> None:
    everything = list(commands.COMMANDS)
    assert commands.needed(None) == everything
    assert commands.needed(["--help"]) == everything
    assert commands.needed(["bogus"]) == everything
    assert commands.needed(["--data-dir", "d", "bogus"]) == everything


def _parse(argv: Sequence[str], lazy: bool) -> tuple[str, object]:
    parser = cli.build_parser(argv if lazy else None)
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            ns = parser.parse_args(argv)
    except SystemExit as exc:
        return "exit", (exc.code, err.getvalue().splitlines()[-1:] if err.getvalue() else [])
    fields = {k: v for k, v in vars(ns).items() if k != "handler"}
    return "ok", (fields, getattr(ns.handler, "__module__", None) if "handler" in ns else None)


WORDS = [
    *commands.COMMANDS,
    "--data-dir",
    "--data-dir=d",
    "d",
    "a.yaml",
    "back-pain-relief",
    "--lang",
    "ru",
    "--json",
    "--csv",
    "-o",
    "x.png",
    "bogus",
    "--headless",
    "--version",
]


@settings(max_examples=300, deadline=None)
@given(argv=st.lists(st.sampled_from(WORDS), max_size=5))
def test_a_lazy_parser_parses_like_the_full_one(argv: list[str]) -> None:
    assert _parse(argv, lazy=True) == _parse(argv, lazy=False)


def test_starting_the_window_loads_neither_yaml_nor_the_history() -> None:
    code = (
        "import sys\n"
        "from massage_trainer import cli\n"
        "cli.build_parser([]).parse_args([])\n"
        "print(sorted(m for m in ('yaml', 'sqlite3', 'massage_trainer.core.protocol.loader') if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert r.stdout.strip() == "[]"


def test_the_gui_handler_is_the_default(tmp_path: Path) -> None:
    ns = cli.build_parser([]).parse_args([])
    assert isinstance(ns, argparse.Namespace) and ns.command is None
