"""One module per CLI command; each has register(subparsers) and run(args) -> exit code."""

from __future__ import annotations

from types import ModuleType

from massage_trainer.commands import (
    export_pdf,
    gui,
    history,
    listing,
    play,
    questions,
    render,
    schema,
    validate,
)

COMMANDS: tuple[ModuleType, ...] = (
    gui,
    validate,
    listing,
    schema,
    history,
    questions,
    play,
    render,
    export_pdf,
)
