"""One module per CLI command; each has register(subparsers) and run(args) -> exit code.

A command's module is imported only when the command line may need it: most of them load the
YAML parser, the safety rules or the history database at import (~130 ms together), which the
window's start (no command, or `gui`) must not pay for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

COMMANDS: dict[str, str] = {
    "gui": "gui",
    "validate": "validate",
    "list": "listing",
    "schema": "schema",
    "upgrade": "upgrade",
    "history": "history",
    "questions": "questions",
    "play": "play",
    "render": "render",
    "export-pdf": "export_pdf",
    "clearance": "clearance",
}
"""Command name -> its module in massage_trainer.commands, in the order `--help` lists them."""

HELP = frozenset({"-h", "--help"})


def module(name: str) -> ModuleType:
    """The module of command `name` (imported now if it was not yet)."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")


VALUE_OPTIONS = frozenset({"--data-dir", "--lang"})
"""Global options (allowed before the command) that take the next word as their value."""


def needed(argv: Sequence[str] | None) -> list[str]:
    """The commands to register for parsing `argv`: `gui` and the command `argv` names.

    Every command for help, when `argv` is not known, and when the word in the command's place
    is no command (so the error lists them all).
    """
    if argv is None or HELP.intersection(argv):
        return list(COMMANDS)
    first = _command_word(argv)
    if first is None:
        return ["gui"]
    if first not in COMMANDS:
        return list(COMMANDS)
    return [name for name in COMMANDS if name in ("gui", first)]


def _command_word(argv: Sequence[str]) -> str | None:
    """The first word that is not an option or an option's value: where the command goes."""
    takes_value = False
    for a in argv:
        if takes_value:
            takes_value = False
        elif a.startswith("-"):
            takes_value = a in VALUE_OPTIONS
        else:
            return a
    return None
