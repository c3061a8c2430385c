"""Courses of sessions: "session 7 of this course", when to take a break, when a new course may start.

The source text says massage is usually given as a course of ten to twenty sessions, then a break,
and the course may be repeated after a couple of months. Here a new course starts with a receiver's
first session, after a break of at least BREAK_MONTHS months (the same day two months on, or the
month's last day), or when the user says so; a shorter gap does not end a course. A break is
suggested from session COURSE_MAX_SESSIONS; once a course may end (COURSE_MIN_SESSIONS reached) the
status gives the date from which a new one may start. Pure functions on dates, easy to test.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from massage_trainer.core.history.records import SessionRecord

COURSE_MIN_SESSIONS = 10
COURSE_MAX_SESSIONS = 20
BREAK_MONTHS = 2
"""The least break between two courses ("repeated in a couple of months")."""


@dataclass(frozen=True)
class Visit:
    """One session that counts toward a course: its day, and whether the user began a new course."""

    day: date
    new_course: bool = False


@dataclass(frozen=True)
class Place:
    """Where a session sits: course number and session number within it, both from 1."""

    course: int
    session: int


@dataclass(frozen=True)
class CourseStatus:
    course: int  # the current (or last) course, 0 before any session
    sessions: int  # sessions given in it so far
    started: date | None
    last: date | None
    over: bool  # no session for BREAK_MONTHS or more: the next one starts a new course
    may_finish: bool  # COURSE_MIN_SESSIONS reached: the course may end whenever it helps
    break_due: bool  # COURSE_MAX_SESSIONS reached and still going: suggest a break
    next_course_from: date | None  # earliest day for a new course, once this one may end
    next_session: Place  # what the next session would be, if given today


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def break_over(last: date, day: date) -> bool:
    """Has the break after a session on `last` lasted BREAK_MONTHS by `day`?"""
    return day >= add_months(last, BREAK_MONTHS)


def starts_course(previous: date | None, visit: Visit) -> bool:
    if previous is None or visit.new_course:
        return True
    return break_over(previous, visit.day)


def places(visits: Sequence[Visit]) -> list[Place]:
    """The place of each visit, given in chronological order (same-day visits keep their order)."""
    result: list[Place] = []
    previous: date | None = None
    course = session = 0
    for visit in visits:
        if starts_course(previous, visit):
            course, session = course + 1, 0
        session += 1
        result.append(Place(course, session))
        previous = visit.day
    return result


def status(visits: Sequence[Visit], today: date) -> CourseStatus:
    """Where the receiver stands today in the current course."""
    ordered = sorted(visits, key=lambda v: v.day)
    if not ordered:
        return CourseStatus(0, 0, None, None, False, False, False, None, Place(1, 1))
    where = places(ordered)
    current = where[-1]
    first_of_course = ordered[len(ordered) - current.session].day
    last = ordered[-1].day
    over = break_over(last, today)
    break_due = current.session >= COURSE_MAX_SESSIONS and not over
    may_finish = current.session >= COURSE_MIN_SESSIONS
    finished = over or break_due or may_finish
    return CourseStatus(
        course=current.course,
        sessions=current.session,
        started=first_of_course,
        last=last,
        over=over,
        may_finish=may_finish,
        break_due=break_due,
        next_course_from=add_months(last, BREAK_MONTHS) if finished else None,
        next_session=Place(current.course + 1, 1)
        if over
        else Place(current.course, current.session + 1),
    )


def _sessions_ru(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "сеанс"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "сеанса"
    return "сеансов"


def describe(st: CourseStatus, lang: str = "en") -> str:
    """The course in plain words for the command line, in English or Russian (the window words
    it through its translator)."""
    if lang == "ru":
        return _describe_ru(st)
    usual = f"a course is usually {COURSE_MIN_SESSIONS} to {COURSE_MAX_SESSIONS} sessions"
    if st.course == 0:
        return f"No sessions yet; {usual}."
    text = f"Course {st.course}: {st.sessions} session{'s' if st.sessions != 1 else ''} since {st.started}."
    if st.over:
        text += (
            f" It has ended (a break of {BREAK_MONTHS} months or more); the next session starts a "
            "new course."
        )
    elif st.break_due:
        text += f" That is the end of a full course ({usual}): time for a break."
    elif st.may_finish:
        text += f" The course may end whenever it has helped ({usual})."
    else:
        text += f" Next: session {st.next_session.session} of this course ({usual})."
    if st.next_course_from is not None and not st.over:
        text += (
            f" A new course can start from {st.next_course_from.isoformat()}, "
            f"{BREAK_MONTHS} months after the last session, if it is still needed."
        )
    return text


def _describe_ru(st: CourseStatus) -> str:
    usual = f"курс обычно состоит из {COURSE_MIN_SESSIONS}–{COURSE_MAX_SESSIONS} сеансов"
    if st.course == 0:
        return f"Сеансов ещё не было; {usual}."
    text = f"Курс {st.course}: {st.sessions} {_sessions_ru(st.sessions)} с {st.started}."
    if st.over:
        text += " Он закончился (перерыв два месяца или больше); следующий сеанс начнёт новый курс."
    elif st.break_due:
        text += f" Курс пройден полностью ({usual}): пора сделать перерыв."
    elif st.may_finish:
        text += f" Курс можно закончить, как только он поможет ({usual})."
    else:
        text += f" Дальше: сеанс {st.next_session.session} этого курса ({usual})."
    if st.next_course_from is not None and not st.over:
        text += (
            f" Новый курс можно начать с {st.next_course_from.isoformat()} — через два месяца "
            "после последнего сеанса, если он ещё нужен."
        )
    return text


def visits(records: Iterable[SessionRecord]) -> list[tuple[int, Visit]]:
    """(session id, visit) for the sessions that count: massage was given, not refused."""
    counted = sorted((r for r in records if r.counts_for_course), key=lambda r: (r.started, r.id))
    return [(r.id, Visit(r.day, r.new_course)) for r in counted]


def places_by_session(records: Iterable[SessionRecord]) -> dict[int, Place]:
    """Each counted session's place in its receiver's courses (receivers counted apart)."""
    by_receiver: dict[int | None, list[SessionRecord]] = {}
    for r in records:
        by_receiver.setdefault(r.receiver_id, []).append(r)
    result: dict[int, Place] = {}
    for group in by_receiver.values():
        pairs = visits(group)
        for (sid, _), place in zip(pairs, places([v for _, v in pairs]), strict=True):
            result[sid] = place
    return result


def receiver_status(
    records: Iterable[SessionRecord], receiver_id: int | None, today: date
) -> CourseStatus:
    mine = [r for r in records if r.receiver_id == receiver_id]
    return status([v for _, v in visits(mine)], today)
