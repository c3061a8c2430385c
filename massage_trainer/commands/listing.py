"""`list`: the bundled and the user's protocols, one line each."""

from __future__ import annotations

import argparse
import sys

from massage_trainer.core.protocol import catalog


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list the bundled and your own protocols")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    entries = catalog.scan(args.data_dir)
    rows = []
    for e in entries:
        if e.protocol is None:
            if e.problems:
                first = e.problems[0]
                why = f"{first.message} (line {first.line}, column {first.col})"
            else:
                why = "it cannot be read"
            print(f"{e.path}: skipped: {why}", file=sys.stderr)
            continue
        p = e.protocol
        rows.append(
            (p.id, p.title.get(args.lang), f"{p.length_minutes} min", e.origin, str(e.path))
        )
    if not rows:
        print("No protocols found.", file=sys.stderr)
        return 1
    rows.insert(0, ("ID", "TITLE", "MINUTES", "ORIGIN", "PATH"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join([*(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)), r[4]]))
    return 0
