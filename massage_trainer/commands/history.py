"""`history`: the recorded sessions as a readable table, or as CSV with a header and a status column.

It only reads: a log that cannot be changed is still shown, with a word on why it is read-only.
CSV written with -o goes to a private file (0600) written whole or not at all: it holds health data.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from massage_trainer.commands.output import output_problem
from massage_trainer.core.files import reason, regular_or_missing, write_bytes_atomic
from massage_trainer.core.history import course
from massage_trainer.core.history.export_csv import to_csv
from massage_trainer.core.history.log import FILE_NAME, History, HistoryError, SessionRecord
from massage_trainer.core.history.records import TRIAL, minutes_text
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.words import code, say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "history",
        help="list the recorded sessions (a table, or CSV with --csv)",
        description="List every recorded session, oldest first, with its status and course place.",
    )
    p.add_argument("--csv", action="store_true", help="print CSV (header first) instead of a table")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.csv",
        type=Path,
        help="with --csv: write it to FILE.csv (private to you, 0600) instead of printing it",
    )
    p.set_defaults(handler=run)


def _pain(r: SessionRecord) -> str:
    if r.pain_before is None and r.pain_after is None:
        return "-"
    b = "?" if r.pain_before is None else str(r.pain_before)
    a = "?" if r.pain_after is None else str(r.pain_after)
    return f"{b} -> {a}"


def table(records: list[SessionRecord], lang: str = "en") -> list[str]:
    where = course.places_by_session(records)
    rows = [tuple(say("history.columns", lang).split("|"))]
    for r in records:
        place = where.get(r.id)
        rows.append(
            (
                str(r.id),
                r.started.strftime("%Y-%m-%d %H:%M"),
                r.receiver_name or "-",
                f"{r.protocol_id} v{r.protocol_version}",
                code("mode", r.mode, lang),
                code("status", r.status.value, lang),
                str(r.steps_done),
                _pain(r),
                minutes_text(r.minutes),
                f"{place.course}.{place.session}" if place else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


HEALTH_DATA = LocalText.of(
    "this CSV holds health data (names, pain, answers about illness and pregnancy); keep it "
    "private.",
    ru="в этом CSV сведения о здоровье (имена, боль, ответы о болезнях и беременности); храните "
    "его так, чтобы их не увидели посторонние.",
)


def _say(text: str) -> None:
    print(f"massage-trainer history: {text}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    folder: Path = args.data_dir
    if args.output is not None and not args.csv:
        _say("-o FILE is for --csv; add --csv to write the sessions as CSV")
        return 2
    try:
        records, receivers = _read(folder, args.lang)
    except HistoryError as exc:
        _say(exc.message(args.lang))
        return 1
    if args.csv:
        return _csv(records, args)
    if not records:
        print(say("history.none", args.lang, folder=folder))
        return 0
    print("\n".join(table(records, args.lang)))
    print()
    today = date.today()
    given = {r.receiver_id for r in records if r.mode != TRIAL}  # a trial run massaged nobody
    for rid in sorted(given, key=lambda x: (x is not None, x or 0)):
        unnamed = say("history.unnamed", args.lang)
        who = receivers.get(rid, unnamed) if rid is not None else say("history.no_name", args.lang)
        print(f"{who}: {course.describe(course.receiver_status(records, rid, today), args.lang)}")
    return 0


def _read(folder: Path, lang: str) -> tuple[list[SessionRecord], dict[int, str]]:
    """Every session and receiver name; nothing is created when there is no log yet."""
    try:
        regular_or_missing(folder / FILE_NAME)
        present = (folder / FILE_NAME).exists()
    except OSError:
        present = True  # let opening it say what is wrong, in the history's own words
    if not present:
        return [], {}
    history, notice = History.open(folder)
    try:
        if notice:
            _say(notice.get(lang))
        return history.sessions(with_steps=False), {r.id: r.name for r in history.receivers()}
    finally:
        history.close()


def _csv(records: list[SessionRecord], args: argparse.Namespace) -> int:
    text = to_csv(records)
    out: Path | None = args.output
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        if records and sys.stderr.isatty():  # a person is watching (and the CSV is not mixed)
            _say(HEALTH_DATA.get(args.lang))
        return 0
    problem = output_problem(out)
    if problem:
        _say(problem)
        return 1
    try:
        write_bytes_atomic(out, text.encode("utf-8-sig"), private=True)
    except OSError as exc:
        _say(f"could not write {out}: {reason(exc)}; nothing was written there")
        return 1
    print(f"{out}: {len(records)} sessions (CSV, readable by you only)")
    _say(HEALTH_DATA.get(args.lang))
    return 0
