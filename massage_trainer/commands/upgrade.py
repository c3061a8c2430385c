"""`upgrade FILE [-o OUT]`: write a format-1 protocol in format 2 (the same protocol).

Without -o the new text goes to standard output; with -o it is written beside OUT and renamed
over it, so OUT is either the old file or the whole new one (OUT may be FILE itself).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from massage_trainer.commands.output import output_problem
from massage_trainer.core.files import reason, write_bytes_atomic
from massage_trainer.core.protocol import upgrade, yamlsafe
from massage_trainer.core.protocol.yamlsafe import DocumentError

EXIT_ERROR = 1
NAME = "massage-trainer upgrade"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "upgrade",
        help="write a format-1 protocol file in format 2 (schema_version: 2), the same protocol",
        description="Read a protocol written in format 1 and write the same protocol in format 2 "
        "(poses, hand roles, landmarks, paths). Comments at the top of the file are kept, "
        "comments between the steps are not.",
    )
    p.add_argument("file", metavar="FILE", help="a protocol file in format 1")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the format-2 file here (it may be FILE itself); default: standard output",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output else None
    if out is not None:
        problem = output_problem(out)
        if problem:
            print(f"{NAME}: {problem}", file=sys.stderr)
            return EXIT_ERROR
    try:
        text = yamlsafe.read_file(args.file)
        new = upgrade.upgrade(text, args.file)
    except upgrade.AlreadyCurrent:
        print(
            f"{NAME}: {args.file} is already in format 2 (schema_version: 2); nothing to do",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except DocumentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{NAME}: fix the problems above first; nothing was written", file=sys.stderr)
        return EXIT_ERROR
    if out is None:
        sys.stdout.write(new)
        return 0
    try:
        write_bytes_atomic(out, new.encode("utf-8"))
    except OSError as exc:
        print(
            f"{NAME}: could not write {out}: {reason(exc)}; nothing was changed there",
            file=sys.stderr,
        )
        return EXIT_ERROR
    print(f"{out}: written in format 2 ({len(new.splitlines())} lines)")
    return 0
