"""Sessions as CSV: one row per session with a header, for spreadsheets and for the record.

Lists inside a cell (pain map zones, verdict reasons) are JSON, so any text survives the round trip.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

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


class _Cells:
    """The cells of one export. A list cell is the same text for the same items, and years of
    sessions repeat a few pain maps and reasons: each is written as JSON once per export."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, ...], str] = {(): "[]"}

    def json_list(self, items: tuple[str, ...]) -> str:
        text = self._lists.get(items)
        if text is None:
            text = self._lists[items] = json.dumps(list(items), ensure_ascii=False)
        return text

    def row(self, record: SessionRecord, place: Place | None) -> tuple[str, ...]:
        """One session's cells, in the order of COLUMNS."""
        return (
            str(record.id),
            record.started.isoformat(),
            record.ended.isoformat() if record.ended else "",
            record.status.value,
            record.reason,
            record.receiver_name,
            record.protocol_id,
            str(record.protocol_version),
            record.mode,
            _opt(place.course if place else None),
            _opt(place.session if place else None),
            str(record.steps_done),
            minutes_text(record.minutes),
            _opt(record.pain_before),
            _opt(record.pain_after),
            self.json_list(record.pain_map),
            record.verdict,
            self.json_list(record.verdict_reasons),
            json.dumps(record.answers, ensure_ascii=False, sort_keys=True, default=str),
            record.note,
        )


def to_csv(records: Iterable[SessionRecord]) -> str:
    """The whole table as CSV text (header first, oldest session first)."""
    items = list(records)
    where = places_by_session(items)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    cells = _Cells()
    writer.writerows(cells.row(record, where.get(record.id)) for record in items)
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
