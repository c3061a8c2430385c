"""Sessions as CSV: one row per session with a header, for spreadsheets and for the record.

Lists inside a cell (pain map zones, verdict reasons) are JSON, so any text survives the round trip.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from operator import itemgetter

from massage_trainer.core.history.course import Place, places_by_session
from massage_trainer.core.history.records import SessionRecord, minutes_text

COLUMNS = (
    "id",
    "started",
    "ended",
    "status",
    "reason",
    "receiver",
    "protocol_id",
    "protocol_version",
    "mode",
    "course",
    "course_session",
    "steps_done",
    "minutes",
    "pain_before",
    "pain_after",
    "pain_map",
    "verdict",
    "verdict_reasons",
    "answers",
    "note",
)


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _json_list(items: tuple[str, ...]) -> str:
    """A list cell as JSON ("[]" at once for the many empty ones: 10,000 rows add up)."""
    return json.dumps(list(items), ensure_ascii=False) if items else "[]"


def row(record: SessionRecord, place: Place | None) -> dict[str, str]:
    return {
        "id": str(record.id),
        "started": record.started.isoformat(),
        "ended": record.ended.isoformat() if record.ended else "",
        "status": record.status.value,
        "reason": record.reason,
        "receiver": record.receiver_name,
        "protocol_id": record.protocol_id,
        "protocol_version": str(record.protocol_version),
        "mode": record.mode,
        "course": _opt(place.course if place else None),
        "course_session": _opt(place.session if place else None),
        "steps_done": str(record.steps_done),
        "minutes": minutes_text(record.minutes),
        "pain_before": _opt(record.pain_before),
        "pain_after": _opt(record.pain_after),
        "pain_map": _json_list(record.pain_map),
        "verdict": record.verdict,
        "verdict_reasons": _json_list(record.verdict_reasons),
        "answers": json.dumps(record.answers, ensure_ascii=False, sort_keys=True, default=str),
        "note": record.note,
    }


def to_csv(records: Iterable[SessionRecord]) -> str:
    """The whole table as CSV text (header first, oldest session first)."""
    items = list(records)
    where = places_by_session(items)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    cells = itemgetter(*COLUMNS)  # each row's cells in the header's order
    writer.writerows(cells(row(record, where.get(record.id))) for record in items)
    return out.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    """Rows back from `to_csv` text; raises ValueError when the header is not ours."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"not a session export: the header should be {','.join(COLUMNS)}")
    return [dict(r) for r in reader]


def decoded(cell_row: Mapping[str, str]) -> dict[str, object]:
    """The JSON cells of a read-back row as Python values (pain map, reasons, answers)."""
    result: dict[str, object] = dict(cell_row)
    for key in ("pain_map", "verdict_reasons", "answers"):
        result[key] = json.loads(cell_row[key])
    return result
