"""The safety gate: the rules file, the verdict per rule, and properties no answer set can break."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import catalog, loader
from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile
from massage_trainer.core.safety.rules import QuestionKind, RulesError, json_schema, parse
from massage_trainer.core.safety.verdict import (
    Answer,
    VerdictKind,
    assess_pain,
    evaluate,
    load_rules,
    may_start,
)
from tests.conftest import BUNDLED, PROTOCOLS

RULES = load_rules()
PROTOS = {p.id: p for p in (loader.load(path) for path in BUNDLED)}
GENERAL = [p for p in PROTOS.values() if p.safety_profile == SafetyProfile.GENERAL]
PREGNANCY = PROTOS["gentle-pregnancy"]
STOP_YES = (
    "fever",
    "low-temperature",
    "heart-or-vessels",
    "skin-on-back",
    "bleeding",
    "infection",
    "varicose-or-thrombosis",
    "cancer",
    "spine-injury",
    "warning-pain",
)
"""The yes-no questions whose 'yes' must stop the session (written here, not read from the rules)."""


def all_clear() -> dict[str, Answer]:
    """Safe answers to every question and every preparation item of every bundled protocol ticked."""
    out: dict[str, Answer] = {}
    for q in RULES.questions:
        out[q.id] = False if q.kind == QuestionKind.YES_NO else 0
    out["meal-minutes"] = 120
    for p in PROTOS.values():
        out.update(dict.fromkeys(p.preparation, True))
    return out


def with_(**changes: Answer) -> dict[str, Answer]:
    a = all_clear()
    a.update({k.replace("_", "-"): v for k, v in changes.items()})
    return a


# --- the rules file -------------------------------------------------------------------------------


def test_bundled_rules_load_and_have_enough_items() -> None:
    assert len(RULES.questions) + len(RULES.preparation) >= 10
    assert RULES.path is not None and RULES.path.name == "safety-rules.yaml"


def test_every_preparation_id_used_by_a_bundled_protocol_exists_in_the_rules() -> None:
    known = {p.id for p in RULES.preparation}
    for p in PROTOS.values():
        assert p.preparation, f"{p.id} lists no preparation"
        unknown = set(p.preparation) - known
        assert not unknown, f"{p.id} uses unknown preparation ids {unknown}"


def test_required_preparation_ids_are_present() -> None:
    ids = {p.id for p in RULES.preparation}
    assert {
        "firm-surface",
        "clean-sheet",
        "towels-ready",
        "unscented-oil",
        "hands-washed",
        "oil-warmed",
        "receiver-prone",
        "receiver-side-lying",
        "receiver-seated",
        "receiver-relaxed",
    } <= ids


def test_every_text_has_english_and_russian_and_every_rule_cites_a_real_source() -> None:
    assert {s.file for s in RULES.sources} == {
        "000_978f38e0f72106d2.txt",
        "003_872c6e25eb665569.txt",
    }
    texts = [q.text for q in RULES.questions] + [p.text for p in RULES.preparation]
    for r in RULES.rules:
        texts += [r.reason, r.advice]
        assert r.cite, r.id
        for c in r.cite:
            RULES.source(c.id)
    for t in texts:
        langs = dict(t.by_lang)
        assert set(langs) == {"en", "ru"}, t
        assert any("а" <= ch <= "я" for ch in langs["ru"].lower()), t


def test_committed_json_schema_is_up_to_date() -> None:
    committed = json.loads((PROTOCOLS / "safety-rules.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


BASE = (PROTOCOLS / "safety-rules.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    when: [{question: fever, is: true}]",
            "    when: [{question: fever, is: false}]",
            "only a 'yes' may fire a rule",
        ),
        (
            "    when: [{question: fever, is: true}]",
            "    when: [{question: fevr, is: true}]",
            "'fevr' is not one of the questions",
        ),
        (
            "    when: [{question: meal-minutes, below: 60}]",
            "    when: [{question: meal-minutes, at_most: 60}]",
            "a wait rule needs exactly one 'below' clause",
        ),
        ("    protocol: gentle-pregnancy\n", "", "an adapt rule needs 'profile' and 'protocol'"),
        ("  - id: cancer\n", "  - id: fever\n", "'fever' is already used in questions[1]"),
        (
            '- {id: lower-back, section: "Massage during pregnancy"}',
            "- {id: nowhere, section: x}",
            "'nowhere' is not one of the sources",
        ),
        (
            "    kind: number\n    minimum: 0\n    maximum: 10\n",
            "    kind: number\n",
            "a number question needs minimum and maximum",
        ),
        (
            "    outcome: stop\n",
            "    outcome: halt\n",
            "'halt' is not one of stop, wait, adapt, warn",
        ),
        (
            "    when: [{question: fever, is: true}]",
            "    when: [{question: fever, is: true, below: 3}]",
            "give exactly one of",
        ),
    ],
)
def test_rules_file_problems_are_located(old: str, new: str, expected: str) -> None:
    assert old in BASE
    with pytest.raises(RulesError) as err:
        parse(BASE.replace(old, new, 1), "rules.yaml")
    text = str(err.value)
    assert expected in text, text
    first = err.value.problems[0]
    assert first.path == "rules.yaml" and first.line > 1 and first.col >= 1


def test_unknown_key_in_rules_is_reported_with_line_and_column() -> None:
    bad = BASE.replace("  - id: fever\n    kind: yes-no\n", "  - id: fever\n    knd: yes-no\n")
    with pytest.raises(RulesError) as err:
        parse(bad, "r.yaml")
    assert any("unknown key 'knd' (did you mean 'kind'?)" in str(p) for p in err.value.problems)
    assert str(err.value).startswith("r.yaml:")


# --- the verdict, rule by rule ----------------------------------------------------------------------


@pytest.mark.parametrize("question", STOP_YES)
@pytest.mark.parametrize("protocol_id", sorted(PROTOS))
def test_each_stop_question_stops_every_protocol(question: str, protocol_id: str) -> None:
    v = evaluate(RULES, {**all_clear(), question: True}, PROTOS[protocol_id])
    assert v.kind == VerdictKind.STOP
    assert not may_start(v)
    assert v.protocol_id is None
    assert v.reasons and v.advice
    assert any(r.startswith("stop-") for r in v.fired)


RULE_TABLE: list[tuple[str, dict[str, Answer], VerdictKind, str | None]] = [
    ("stop-fever", {"fever": True}, VerdictKind.STOP, None),
    ("stop-low-temperature", {"low-temperature": True}, VerdictKind.STOP, None),
    ("stop-heart-or-vessels", {"heart-or-vessels": True}, VerdictKind.STOP, None),
    ("stop-skin-on-back", {"skin-on-back": True}, VerdictKind.STOP, None),
    ("stop-bleeding", {"bleeding": True}, VerdictKind.STOP, None),
    ("stop-infection", {"infection": True}, VerdictKind.STOP, None),
    ("stop-varicose-or-thrombosis", {"varicose-or-thrombosis": True}, VerdictKind.STOP, None),
    ("stop-cancer", {"cancer": True}, VerdictKind.STOP, None),
    ("stop-spine-injury", {"spine-injury": True}, VerdictKind.STOP, None),
    ("stop-warning-pain", {"warning-pain": True}, VerdictKind.STOP, None),
    ("stop-early-pregnancy", {"pregnancy-month": 1}, VerdictKind.STOP, None),
    ("stop-early-pregnancy", {"pregnancy-month": 3}, VerdictKind.STOP, None),
    ("adapt-pregnancy", {"pregnancy-month": 4}, VerdictKind.ADAPT, "gentle-pregnancy"),
    ("adapt-pregnancy", {"pregnancy-month": 10}, VerdictKind.ADAPT, "gentle-pregnancy"),
    ("wait-after-meal", {"meal-minutes": 0}, VerdictKind.WAIT, "back-pain-relief"),
    ("wait-after-meal", {"meal-minutes": 59}, VerdictKind.WAIT, "back-pain-relief"),
    ("warn-ointment-doctor", {"ointment": True}, VerdictKind.GO, "back-pain-relief"),
    (
        "warn-ointment-pregnancy",
        {"ointment": True, "breastfeeding": True},
        VerdictKind.GO,
        "back-pain-relief",
    ),
    (
        "warn-ointment-pregnancy",
        {"ointment": True, "pregnancy-month": 6},
        VerdictKind.ADAPT,
        "gentle-pregnancy",
    ),
]


def test_the_table_covers_every_rule() -> None:
    assert {r.id for r in RULES.rules} == {row[0] for row in RULE_TABLE}


@pytest.mark.parametrize(("rule_id", "changes", "kind", "plays"), RULE_TABLE)
def test_rule_table(
    rule_id: str, changes: Mapping[str, Answer], kind: VerdictKind, plays: str | None
) -> None:
    v = evaluate(RULES, {**all_clear(), **changes}, PROTOS["back-pain-relief"])
    assert v.kind == kind
    assert rule_id in v.fired
    assert v.protocol_id == plays
    assert may_start(v) == (kind in (VerdictKind.GO, VerdictKind.ADAPT))
    if rule_id.startswith("warn-"):
        assert v.warnings


@pytest.mark.parametrize("protocol", GENERAL, ids=lambda p: p.id)
def test_all_clear_goes_with_the_chosen_protocol(protocol: object) -> None:
    v = evaluate(RULES, all_clear(), protocol)  # type: ignore[arg-type]
    assert v.kind == VerdictKind.GO and v.reasons == () and v.warnings == ()
    assert may_start(v, protocol)  # type: ignore[arg-type]


def test_month_five_switches_to_the_gentle_protocol_and_says_why() -> None:
    v = evaluate(RULES, with_(pregnancy_month=5), PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.ADAPT
    assert v.protocol_id == "gentle-pregnancy" and v.adapted_from is PROTOS["back-pain-relief"]
    assert "fourth month" in v.reasons[0].get("en") and "40" in v.reasons[0].get("en")
    assert "четвёртого" in v.reasons[0].get("ru")
    assert not may_start(v, PROTOS["back-pain-relief"])
    assert may_start(v, PREGNANCY)


def test_adapting_checks_the_preparation_of_the_protocol_that_will_play() -> None:
    answers = with_(pregnancy_month=5, receiver_side_lying=False)
    v = evaluate(RULES, answers, PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.INCOMPLETE
    assert v.missing == ("receiver-side-lying",)
    assert v.protocol_id == "gentle-pregnancy"


def test_pregnancy_protocol_itself_is_adapt_without_switch() -> None:
    v = evaluate(RULES, with_(pregnancy_month=7), PREGNANCY)
    assert v.kind == VerdictKind.ADAPT and v.protocol_id == PREGNANCY.id and v.adapted_from is None


def test_pregnancy_protocol_when_not_pregnant_is_go() -> None:
    assert evaluate(RULES, all_clear(), PREGNANCY).kind == VerdictKind.GO


def test_adapt_stops_when_the_gentle_protocol_cannot_be_loaded() -> None:
    def broken(pid: str) -> object:
        raise catalog.NotFound(pid)

    v = evaluate(RULES, with_(pregnancy_month=5), PROTOS["back-pain-relief"], resolve=broken)  # type: ignore[arg-type]
    assert v.kind == VerdictKind.STOP and not may_start(v)


def test_adapt_stops_when_the_resolved_protocol_is_not_made_for_pregnancy() -> None:
    v = evaluate(
        RULES,
        with_(pregnancy_month=5),
        PROTOS["back-pain-relief"],
        resolve=lambda pid: PROTOS["therapeutic-lower-back"],
    )
    assert v.kind == VerdictKind.STOP


@pytest.mark.parametrize(("minutes", "left"), [(0, 60), (20, 40), (59.5, 0.5)])
def test_wait_says_how_many_minutes_are_left(minutes: float, left: float) -> None:
    v = evaluate(RULES, with_(meal_minutes=minutes), PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.WAIT and v.wait_minutes == pytest.approx(left)
    assert not may_start(v)


def test_meal_an_hour_ago_is_fine() -> None:
    assert evaluate(RULES, with_(meal_minutes=60), GENERAL[0]).kind == VerdictKind.GO


def test_stop_beats_wait_beats_adapt() -> None:
    p = PROTOS["back-pain-relief"]
    assert evaluate(RULES, with_(meal_minutes=10, fever=True), p).kind == VerdictKind.STOP
    v = evaluate(RULES, with_(meal_minutes=10, pregnancy_month=5), p)
    assert v.kind == VerdictKind.WAIT and v.protocol_id == "gentle-pregnancy"


@pytest.mark.parametrize("bad", [11, -1, 3.5, "5", True, float("nan")])
def test_impossible_pregnancy_month_is_an_input_error(bad: object) -> None:
    v = evaluate(RULES, with_(pregnancy_month=bad), PROTOS["back-pain-relief"])  # type: ignore[arg-type]
    assert v.kind == VerdictKind.INCOMPLETE and "pregnancy-month" in v.missing
    assert any("pregnancy-month" in r.get("en") for r in v.reasons)


@pytest.mark.parametrize("qid", [q.id for q in RULES.questions])
def test_each_missing_answer_blocks(qid: str) -> None:
    answers = all_clear()
    del answers[qid]
    v = evaluate(RULES, answers, PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.INCOMPLETE and qid in v.missing and not may_start(v)


@pytest.mark.parametrize("item", PROTOS["back-pain-relief"].preparation)
def test_each_unticked_preparation_item_blocks(item: str) -> None:
    v = evaluate(RULES, {**all_clear(), item: False}, PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.INCOMPLETE and v.missing == (item,)


def test_yes_no_answer_must_be_a_real_boolean() -> None:
    v = evaluate(RULES, {**all_clear(), "fever": 0}, PROTOS["back-pain-relief"])
    assert v.kind == VerdictKind.INCOMPLETE and "fever" in v.missing


# --- properties ------------------------------------------------------------------------------------

YES_NO_IDS = [q.id for q in RULES.questions if q.kind == QuestionKind.YES_NO]
PREP_IDS = sorted({i for p in PROTOS.values() for i in p.preparation})
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=2000),
    st.floats(allow_nan=True, allow_infinity=True),
)


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Answer]:
    """Mostly plausible answers, sometimes missing or malformed, with a few keys dropped."""
    out: dict[str, Answer] = {}
    for qid in YES_NO_IDS:
        out[qid] = draw(st.one_of(st.booleans(), st.booleans(), anything))
    out["pregnancy-month"] = draw(st.one_of(st.integers(0, 10), st.integers(0, 10), anything))
    out["meal-minutes"] = draw(st.one_of(st.integers(0, 300), anything))
    for pid in PREP_IDS:
        out[pid] = draw(st.one_of(st.just(True), st.just(True), anything))
    drop = draw(st.sets(st.sampled_from(sorted(out)), max_size=3))
    return {k: v for k, v in out.items() if k not in drop}


def has_stop_answer(a: Mapping[str, Answer]) -> bool:
    month = a.get("pregnancy-month")
    early = isinstance(month, (int, float)) and not isinstance(month, bool) and 0 < month < 4
    return early or any(a.get(q) is True for q in STOP_YES)


def has_missing_answer(a: Mapping[str, Answer], protocol_prep: tuple[str, ...]) -> bool:
    for q in RULES.questions:
        v = a.get(q.id)
        if q.kind == QuestionKind.YES_NO and not isinstance(v, bool):
            return True
        if q.kind == QuestionKind.NUMBER and (
            isinstance(v, bool) or not isinstance(v, (int, float)) or not (0 <= v <= q.maximum)  # type: ignore[operator]
        ):
            return True
    return any(a.get(p) is not True for p in protocol_prep)


@settings(max_examples=400, deadline=None)
@given(answers=answer_sets(), pid=st.sampled_from(sorted(PROTOS)))
def test_no_stop_or_missing_answer_ever_may_start(answers: dict[str, Answer], pid: str) -> None:
    protocol = PROTOS[pid]
    v = evaluate(RULES, answers, protocol)
    plays = PROTOS.get(v.protocol_id or "", protocol)
    if has_stop_answer(answers) or has_missing_answer(answers, plays.preparation):
        assert not may_start(v), (answers, v)
    if may_start(v):
        assert v.protocol_id in PROTOS
        assert not has_missing_answer(answers, PROTOS[v.protocol_id].preparation)


@settings(max_examples=300, deadline=None)
@given(answers=answer_sets(), pid=st.sampled_from(sorted(PROTOS)))
def test_a_general_protocol_is_never_played_in_pregnancy(
    answers: dict[str, Answer], pid: str
) -> None:
    v = evaluate(RULES, answers, PROTOS[pid])
    month = answers.get("pregnancy-month")
    pregnant = isinstance(month, (int, float)) and not isinstance(month, bool) and month > 0
    if pregnant and may_start(v):
        assert PROTOS[v.protocol_id or ""].safety_profile == SafetyProfile.PREGNANCY


@settings(max_examples=200, deadline=None)
@given(
    ops=st.lists(
        st.tuples(
            st.sampled_from([*YES_NO_IDS, "pregnancy-month", "meal-minutes", *PREP_IDS]), anything
        ),
        max_size=30,
    )
)
def test_no_sequence_of_answer_changes_gets_past_a_stop(ops: list[tuple[str, Answer]]) -> None:
    """Start from a Stop answer; whatever else is changed (not the stop answer), Start stays shut."""
    answers = {**all_clear(), "fever": True}
    for key, value in ops:
        if key == "fever":
            continue
        answers[key] = value
        v = evaluate(RULES, answers, PROTOS["back-pain-relief"])
        assert v.kind == VerdictKind.STOP and not may_start(v)


# --- pain ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", [f.id for f in RULES.pain.red_flags])
def test_each_red_flag_means_stop(flag: str) -> None:
    a = assess_pain(RULES, "lumbar-left", "aching", [flag])
    assert a.stop and a.reasons and "doctor" in a.advice.get("en")


def test_tingling_or_a_caution_zone_means_stop() -> None:
    assert assess_pain(RULES, "lumbar-left", "tingling-numb", []).stop
    assert assess_pain(RULES, "spine", "aching", []).stop
    assert assess_pain(RULES, "kidney-right", None, []).stop
    assert assess_pain(RULES, "lumbar-left", "aching", ["made-up"]).stop


def test_plain_muscle_pain_offers_only_lighter_or_skip_never_carry_on() -> None:
    a = assess_pain(RULES, "lumbar-right", "aching", [])
    assert not a.stop and a.reasons == () and "lighter" in a.advice.get("en")
    assert a.choices == ("stop", "lighten", "skip")
    assert assess_pain(RULES, "lumbar-right", "aching", [], Pressure.LIGHT).choices == (
        "stop",
        "skip",
    )
