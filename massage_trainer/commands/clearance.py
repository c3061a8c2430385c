"""`clearance`: the "see a doctor first" stops kept per receiver, and recording a doctor's clearance.

Without --by it lists the open holds (exit 0 when there are none, 3 when a hold blocks massage).
With --by it records that a doctor has cleared the receiver (named with --receiver, or the unnamed
receiver): an explicit, logged action that lifts every open hold of that receiver.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from massage_trainer.core.history.log import History, HistoryError

EXIT_OK, EXIT_ERROR, EXIT_HELD = 0, 1, 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "clearance",
        help="list the 'see a doctor first' stops, or record a doctor's clearance (--by)",
        description="A session stopped with a warning sign blocks every later one for that "
        "receiver until a doctor's clearance is recorded. Without --by: list the open holds. "
        "With --by: record the clearance for the receiver (--receiver NAME, or the unnamed one).",
    )
    p.add_argument("--receiver", metavar="NAME", help="the receiver's name (default: no name)")
    p.add_argument(
        "--by", metavar="TEXT", help="who cleared the receiver, e.g. the doctor's name and date"
    )
    p.set_defaults(handler=run)


def receiver_id(history: History, name: str | None) -> int | None:
    """The id of the receiver called `name` (None for no name); LookupError when unknown."""
    if name is None:
        return None
    clean = " ".join(name.split())
    for r in history.receivers():
        if r.name.casefold() == clean.casefold():
            return r.id
    known = ", ".join(r.name for r in history.receivers()) or "none yet"
    raise LookupError(f"no receiver called '{clean}' (known: {known})")


def run(args: argparse.Namespace) -> int:
    folder: Path = args.data_dir
    try:
        history, notice = History.open(folder)
    except HistoryError as exc:
        print(f"massage-trainer clearance: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        if notice:
            print(f"massage-trainer clearance: {notice.get(args.lang)}", file=sys.stderr)
        names = {r.id: r.name for r in history.receivers()}
        try:
            rid = receiver_id(history, args.receiver)
        except LookupError as exc:
            print(f"massage-trainer clearance: {exc}", file=sys.stderr)
            return EXIT_ERROR
        who = names.get(rid, "the receiver without a name") if rid is not None else "no name"
        if args.by is None:
            holds = history.open_holds(rid) if args.receiver else history.all_open_holds()
            if not holds:
                print("No open 'see a doctor first' stops.")
                return EXIT_OK
            for h in holds:
                name = names.get(h.receiver_id, "?") if h.receiver_id is not None else "no name"
                print(f"{h.since[:16].replace('T', ' ')}  {name}: {h.reason}")
            print("Record a doctor's clearance with: massage-trainer clearance --by 'WHO, DATE'")
            return EXIT_HELD
        try:
            n = history.clear_holds(rid, args.by)
        except (ValueError, HistoryError) as exc:
            print(f"massage-trainer clearance: {exc}", file=sys.stderr)
            return EXIT_ERROR
        print(f"Recorded a doctor's clearance for {who} ({n} stop(s) lifted): {args.by}")
        return EXIT_OK
    finally:
        history.close()
