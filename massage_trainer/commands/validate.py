"""`validate PATH...`: check protocol files and print every problem as PATH:LINE:COL: message."""

from __future__ import annotations

import argparse
import sys

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.yamlsafe import DocumentError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check protocol files; exit 1 with PATH:LINE:COL lines when something is wrong",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="protocol files (.yaml)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.paths:
        try:
            protocol = loader.load(path)
        except DocumentError as exc:
            bad += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        if not args.quiet:
            print(f"{path}: ok ({protocol.id}, {len(protocol.steps)} steps)")
    return 1 if bad else 0
