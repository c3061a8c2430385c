"""`list`: the bundled and the user's protocols, one line each."""

from __future__ import annotations

import argparse
import sys

from massage_trainer.core import words
from massage_trainer.core.protocol import catalog


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list the bundled and your own protocols")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    entries = catalog.scan(args.data_dir)
    lang = args.lang
    rows: list[tuple[str, ...]] = []
    for e in entries:
        if e.protocol is None:
            if e.problems:
                first = e.problems[0]
                message = words.problem_text(first.message, lang)
                why = words.say("list.where", lang, message=message, line=first.line, col=first.col)
            else:
                why = words.say("list.unreadable", lang)
            print(words.say("list.skipped", lang, path=e.path, why=why), file=sys.stderr)
            continue
        p = e.protocol
        minutes = words.say("list.minutes", lang, m=p.length_minutes)
        origin = words.say(f"origin.{e.origin}", lang)
        rows.append((p.id, p.title.get(lang), minutes, origin, str(e.path)))
    if not rows:
        print(words.say("list.none", lang), file=sys.stderr)
        return 1
    rows.insert(0, tuple(words.say("list.columns", lang).split("|")))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join([*(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)), r[4]]))
    return 0
