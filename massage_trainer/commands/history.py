"""`history`: the recorded sessions as a readable table, or as CSV with a header and a status column."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from massage_trainer.core.history import course
from massage_trainer.core.history.export_csv import to_csv
from massage_trainer.core.history.log import FILE_NAME, History, HistoryError, SessionRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "history",
        help="list the recorded sessions (a table, or CSV with --csv)",
        description="List every recorded session, oldest first, with its status and course place.",
    )
    p.add_argument("--csv", action="store_true", help="print CSV (header first) instead of a table")
    p.add_argument(
        "--data-dir",
        dest="sub_data_dir",
        type=Path,
        default=None,
        help="the folder holding history.sqlite3 (same as the global --data-dir)",
    )
    p.set_defaults(handler=run)


def _pain(r: SessionRecord) -> str:
    if r.pain_before is None and r.pain_after is None:
        return "-"
    b = "?" if r.pain_before is None else str(r.pain_before)
    a = "?" if r.pain_after is None else str(r.pain_after)
    return f"{b} -> {a}"


def table(records: list[SessionRecord]) -> list[str]:
    where = course.places_by_session(records)
    rows = [
        (
            "ID",
            "STARTED",
            "RECEIVER",
            "PROTOCOL",
            "MODE",
            "STATUS",
            "STEPS",
            "PAIN",
            "MIN",
            "COURSE",
        )
    ]
    for r in records:
        place = where.get(r.id)
        rows.append(
            (
                str(r.id),
                r.started.strftime("%Y-%m-%d %H:%M"),
                r.receiver_name or "-",
                f"{r.protocol_id} v{r.protocol_version}",
                r.mode,
                r.status.value,
                str(r.steps_done),
                _pain(r),
                f"{r.minutes:.1f}",
                f"{place.course}.{place.session}" if place else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def run(args: argparse.Namespace) -> int:
    folder: Path = args.sub_data_dir if args.sub_data_dir is not None else args.data_dir
    if not (folder / FILE_NAME).exists():
        if args.csv:
            sys.stdout.write(to_csv([]))
        else:
            print(f"No sessions recorded yet in {folder}.")
        return 0
    try:
        history, notice = History.open(folder)
    except HistoryError as exc:
        print(f"massage-trainer history: {exc}", file=sys.stderr)
        return 1
    try:
        if notice:
            print(f"massage-trainer history: {notice}", file=sys.stderr)
        records = history.sessions()
        receivers = {r.id: r.name for r in history.receivers()}
    finally:
        history.close()
    if args.csv:
        sys.stdout.write(to_csv(records))
        return 0
    if not records:
        print(f"No sessions recorded yet in {folder}.")
        return 0
    print("\n".join(table(records)))
    print()
    today = date.today()
    for rid in sorted({r.receiver_id for r in records}, key=lambda x: (x is not None, x or 0)):
        who = receivers.get(rid, "receiver without a name") if rid is not None else "no name given"
        print(f"{who}: {course.describe(course.receiver_status(records, rid, today))}")
    return 0
