"""Courses: numbering sessions, splitting at gaps or on request, the break and the next start."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from massage_trainer.core.history import course
from massage_trainer.core.history.course import (
    BREAK_MONTHS,
    COURSE_MAX_SESSIONS,
    Place,
    Visit,
    add_months,
    break_over,
    describe,
    places,
    places_by_session,
    status,
)
from massage_trainer.core.history.records import SessionRecord, Status, StepRecord

D0 = date(2025, 1, 6)


def every_other_day(n: int, start: date = D0) -> list[Visit]:
    return [Visit(start + timedelta(days=2 * i)) for i in range(n)]


gaps = st.lists(st.integers(0, 70), min_size=1, max_size=45)
flags = st.lists(st.booleans(), min_size=45, max_size=45)


def visits_from(gap_list: list[int], flag_list: list[bool]) -> list[Visit]:
    day, result = D0, []
    for gap, flag in zip(gap_list, flag_list, strict=False):
        day += timedelta(days=gap)
        result.append(Visit(day, flag))
    return result


@given(gaps, flags)
def test_places_count_up_within_a_course_and_split_only_where_they_should(
    gap_list: list[int], flag_list: list[bool]
) -> None:
    vs = visits_from(gap_list, flag_list)
    where = places(vs)
    assert where[0] == Place(1, 1)
    for i in range(1, len(vs)):
        split = vs[i].new_course or vs[i].day >= add_months(vs[i - 1].day, BREAK_MONTHS)
        if split:
            assert where[i] == Place(where[i - 1].course + 1, 1)
        else:
            assert where[i] == Place(where[i - 1].course, where[i - 1].session + 1)


@given(gaps, flags, st.integers(0, 120))
def test_status_agrees_with_places_and_dates(
    gap_list: list[int], flag_list: list[bool], days_later: int
) -> None:
    vs = visits_from(gap_list, flag_list)
    today = vs[-1].day + timedelta(days=days_later)
    s = status(vs, today)
    last = places(vs)[-1]
    assert (s.course, s.sessions, s.last) == (last.course, last.session, vs[-1].day)
    assert s.started == vs[len(vs) - last.session].day
    assert s.over == (today >= add_months(vs[-1].day, BREAK_MONTHS))
    assert s.break_due == (last.session >= COURSE_MAX_SESSIONS and not s.over)
    assert s.next_session == (
        Place(last.course + 1, 1) if s.over else Place(last.course, last.session + 1)
    )
    if s.over or s.break_due or s.may_finish:
        assert s.next_course_from is not None
        assert 58 <= (s.next_course_from - vs[-1].day).days <= 62  # "a couple of months"
    else:
        assert s.next_course_from is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 40))
def test_add_months_keeps_the_day_or_clamps_to_the_month_end(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_a_full_course_suggests_a_break_and_the_date_of_the_next() -> None:
    vs = every_other_day(20)
    s = status(vs, vs[-1].day + timedelta(days=1))
    assert (s.course, s.sessions, s.break_due, s.may_finish) == (1, 20, True, True)
    assert s.next_course_from == add_months(vs[-1].day, BREAK_MONTHS) == date(2025, 4, 13)
    text = describe(s)
    assert "time for a break" in text and "2025-04-13" in text and "10 to 20" in text


def test_session_seven_of_this_course() -> None:
    vs = every_other_day(6)
    s = status(vs, vs[-1].day + timedelta(days=2))
    assert s.next_session == Place(1, 7) and not s.break_due and s.next_course_from is None
    assert "Next: session 7 of this course" in describe(s)


def test_a_break_of_two_months_ends_the_course_and_the_next_session_starts_another() -> None:
    first = every_other_day(12)
    after = add_months(first[-1].day, BREAK_MONTHS)
    second = every_other_day(3, after)
    where = places(first + second)
    assert where[11] == Place(1, 12) and where[12] == Place(2, 1) and where[-1] == Place(2, 3)
    s = status(first, after)
    assert s.over and s.next_session == Place(2, 1)
    assert "new course" in describe(s)


def test_a_gap_of_31_days_or_a_day_short_of_two_months_does_not_start_a_new_course() -> None:
    first = every_other_day(12)
    last = first[-1].day  # 2025-01-28
    for gap_end in (last + timedelta(days=31), add_months(last, BREAK_MONTHS) - timedelta(days=1)):
        where = places([*first, Visit(gap_end)])
        assert where[-1] == Place(1, 13), gap_end
        assert not break_over(last, gap_end)
    assert break_over(last, date(2025, 3, 28)) and not break_over(last, date(2025, 3, 27))


def test_once_a_course_may_end_the_date_of_the_next_is_given_in_both_languages() -> None:
    vs = every_other_day(10)
    s = status(vs, vs[-1].day + timedelta(days=3))
    assert s.may_finish and not s.over and s.next_course_from == date(2025, 3, 24)
    assert "A new course can start from 2025-03-24" in describe(s)
    ru = describe(s, "ru")
    assert "Новый курс можно начать с 2025-03-24" in ru and "Курс 1: 10 сеансов" in ru
    assert not any("a" <= ch <= "z" for ch in ru.lower())


def test_no_sessions_yet() -> None:
    s = status([], D0)
    assert (s.course, s.next_session, s.next_course_from) == (0, Place(1, 1), None)
    assert "No sessions yet" in describe(s)


def _record(
    sid: int, day: date, receiver: int | None, status_: Status, steps: int
) -> SessionRecord:
    when = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    return SessionRecord(
        id=sid,
        protocol_id="p",
        protocol_version=1,
        started=when,
        ended=when,
        status=status_,
        receiver_id=receiver,
        steps=tuple(StepRecord(i, f"s{i}", "stroking", 60, when) for i in range(steps)),
    )


def test_receivers_have_their_own_courses_and_refusals_do_not_count() -> None:
    records = [
        _record(1, D0, None, Status.COMPLETED, 3),
        _record(2, D0, 7, Status.COMPLETED, 3),
        _record(3, D0 + timedelta(days=1), None, Status.REFUSED, 0),
        _record(4, D0 + timedelta(days=2), None, Status.INTERRUPTED, 1),
        _record(5, D0 + timedelta(days=3), None, Status.INTERRUPTED, 0),
        _record(6, D0 + timedelta(days=3), 7, Status.STOPPED, 2),
    ]
    where = places_by_session(records)
    assert where == {1: Place(1, 1), 2: Place(1, 1), 4: Place(1, 2), 6: Place(1, 2)}
    assert course.receiver_status(records, None, D0 + timedelta(days=4)).sessions == 2


def test_practice_and_trial_runs_are_not_sessions_of_the_course() -> None:
    import dataclasses

    from massage_trainer.core.history.records import PRACTICE, TRIAL

    guided = _record(1, D0, None, Status.COMPLETED, 3)
    practice = _record(2, D0 + timedelta(days=1), None, Status.COMPLETED, 3)
    practice = dataclasses.replace(practice, mode=PRACTICE)
    trial = _record(3, D0 + timedelta(days=2), None, Status.COMPLETED, 3)
    trial = dataclasses.replace(trial, mode=TRIAL)
    later = _record(4, D0 + timedelta(days=3), None, Status.COMPLETED, 3)
    records = [guided, practice, trial, later]
    assert places_by_session(records) == {1: Place(1, 1), 4: Place(1, 2)}
    assert course.receiver_status(records, None, D0 + timedelta(days=4)).sessions == 2
