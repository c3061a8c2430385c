"""The status bar's course place says, before a session, from when a new course may start."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtWidgets import QWidget

from massage_trainer.core.history.records import SessionRecord, Status, StepRecord
from massage_trainer.ui.session.course_label import CourseLabel

D0 = date(2025, 1, 6)


def _record(sid: int, day: date) -> SessionRecord:
    when = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    return SessionRecord(
        id=sid,
        protocol_id="p",
        protocol_version=1,
        started=when,
        ended=when,
        status=Status.COMPLETED,
        receiver_id=None,
        steps=(StepRecord(0, "s0", "stroking", 60, when),),
    )


class _History:
    def __init__(self, n: int) -> None:
        self.records = [_record(i + 1, D0 + timedelta(days=2 * i)) for i in range(n)]

    def sessions(
        self, receiver: int | None = None, *, with_steps: bool = True
    ) -> list[SessionRecord]:
        return [r for r in self.records if r.receiver_id == receiver]


def test_the_date_of_the_next_course_shows_once_a_course_may_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    label = CourseLabel(parent)
    last = D0 + timedelta(days=18)  # the tenth session
    label.show_for(_History(10), None, False, last + timedelta(days=31))  # type: ignore[arg-type]
    assert label.text() == "Session 11 of this course · a new course from 2025-03-24"
    label.show_for(_History(5), None, False, D0 + timedelta(days=9))  # type: ignore[arg-type]
    assert label.text() == "Session 6 of this course"
    label.show_for(_History(10), None, False, date(2025, 3, 24))  # type: ignore[arg-type]
    assert label.text() == "Session 1 of this course"
