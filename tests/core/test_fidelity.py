"""Fidelity to the two sources (issue 17): what the sources say is followed, what the project
chose is marked as its choice with a reason, and every citation names a source that is listed."""

from __future__ import annotations

import pytest

from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.pain import assess_pain
from massage_trainer.core.safety.verdict import Answer, VerdictKind, evaluate, load_rules
from tests.conftest import PROTOCOLS, REPO

RULES = load_rules()
RELIEF = catalog.bundled("back-pain-relief")
THERAPEUTIC = catalog.bundled("therapeutic-lower-back")
PREGNANCY = catalog.bundled("gentle-pregnancy")
ALL = (RELIEF, THERAPEUTIC, PREGNANCY)


def answers(**changes: Answer) -> dict[str, Answer]:
    out: dict[str, Answer] = {q.id: False for q in RULES.questions}
    out.update({"pregnancy-month": 0, "meal-minutes": 120})
    out.update(dict.fromkeys((p.id for p in RULES.preparation), True))
    out.update({k.replace("_", "-"): v for k, v in changes.items()})
    return out


def _chosen(protocol: Protocol, step_id: str) -> set[str]:
    index = protocol.step_index(step_id)
    return {a for c in protocol.choices_for(index) for a in c.about}


# ---- the project's choices are marked ----------------------------------------------------


@pytest.mark.parametrize(
    ("protocol", "step_id", "count"),
    [
        (RELIEF, "warm-up-stroking", 12),
        (THERAPEUTIC, "gentle-stroking", 12),
        (THERAPEUTIC, "firmer-stroking", 10),
        (THERAPEUTIC, "palm-edge-smoothing", 8),
        (THERAPEUTIC, "spine-stretch", 15),
    ],
)
def test_counts_the_sources_do_not_give_are_marked_as_the_projects_choice(
    protocol: Protocol, step_id: str, count: int
) -> None:
    step = protocol.steps[protocol.step_index(step_id)]
    assert step.repetitions == count
    assert "repetitions" in _chosen(protocol, step_id)


def test_the_sources_about_twenty_strokes_is_not_marked_as_a_choice() -> None:
    step = RELIEF.steps[RELIEF.step_index("focused-stroking")]
    assert step.repetitions == 20
    assert "repetitions" not in _chosen(RELIEF, "focused-stroking")


@pytest.mark.parametrize("protocol", ALL, ids=lambda p: p.id)
def test_every_tempo_and_step_length_is_marked_with_a_reason_in_both_languages(
    protocol: Protocol,
) -> None:
    for i, step in enumerate(protocol.steps):
        chosen = {a for c in protocol.choices_for(i) for a in c.about}
        assert "tempo" in chosen, step.id
        length = "repetitions" if step.repetitions is not None else "duration_s"
        if step.id != "focused-stroking":  # "about twenty": the source's own count
            assert length in chosen, step.id
        for c in protocol.choices_for(i):
            assert c.why.get("en") and c.why.get("ru") != c.why.get("en"), step.id


@pytest.mark.parametrize("protocol", (RELIEF, THERAPEUTIC), ids=lambda p: p.id)
def test_thirty_minutes_at_most_is_marked_as_the_projects_choice(protocol: Protocol) -> None:
    assert protocol.max_minutes == 30
    assert protocol.protocol_choice("max_minutes") is not None


def test_the_pregnancy_limit_of_forty_minutes_is_the_sources_and_not_marked() -> None:
    assert PREGNANCY.max_minutes == 40 and PREGNANCY.protocol_choice("max_minutes") is None


@pytest.mark.parametrize("step_id", ["slow-stroking-shoulders", "finger-vibration-upper-back"])
def test_the_pregnancy_upper_back_steps_are_marked_as_the_projects_choice(step_id: str) -> None:
    assert "step" in _chosen(PREGNANCY, step_id)


def test_skin_rolling_for_pinch_the_skin_is_labelled_as_a_change() -> None:
    (choice,) = THERAPEUTIC.steps[THERAPEUTIC.step_index("skin-pinch-roll")].project_choices
    assert choice.about == ("technique",) and "pinch the skin" in choice.why.get("en")


@pytest.mark.parametrize(
    ("kind", "item_id"),
    [
        ("question", "varicose-or-thrombosis"),  # "ever had" a thrombosis
        ("question", "bleeding"),  # blood thinners
        ("question", "heart-or-vessels"),  # high blood pressure: ask a doctor
        ("rule", "stop-spine-injury"),
        ("feeling", "tingling-numb"),
    ],
)
def test_safety_items_the_sources_do_not_give_say_they_are_the_projects_choice(
    kind: str, item_id: str
) -> None:
    items = {
        "question": RULES.questions,
        "rule": RULES.rules,
        "feeling": RULES.pain.feelings,
    }[kind]
    item = next(i for i in items if i.id == item_id)
    assert item.choice is not None and "choice" in item.choice.get("en")
    assert item.choice.get("ru") != item.choice.get("en")


def test_readme_and_headers_no_longer_say_the_repetitions_come_from_the_sources() -> None:
    for path in sorted(PROTOCOLS.glob("*.yaml")):
        head = "".join(
            line for line in path.read_text(encoding="utf-8").splitlines(True)[:6]
        ).lower()
        assert "repetitions, cautions) from" not in head, path.name
    readme = (REPO / "README.md").read_text(encoding="utf-8").lower()
    assert "repetitions come from the sources" not in readme


# ---- citations ---------------------------------------------------------------------------


def test_back_pain_relief_lists_the_lumbar_source_it_cites_for_the_kidney_caution() -> None:
    assert "lower-back" in {s.id for s in RELIEF.sources}
    tapping = RELIEF.steps[RELIEF.step_index("palm-edge-tapping")]
    assert [a.id for a in tapping.source.also] == ["lower-back"]
    assert "kidney" in tapping.source.also[0].section


def test_every_step_citation_names_a_listed_source() -> None:
    for p in ALL:
        listed = {s.id for s in p.sources}
        for step in p.steps:
            assert {step.source.id, *(a.id for a in step.source.also)} <= listed, step.id


def test_tingling_is_not_cited_as_if_the_source_said_it() -> None:
    tingling = next(f for f in RULES.pain.feelings if f.id == "tingling-numb")
    assert all("does not mention tingling" in c.section for c in tingling.cite)


def test_stop_after_a_spine_injury_cites_a_cause_of_pain_as_a_cause_not_a_contraindication() -> (
    None
):
    rule = next(r for r in RULES.rules if r.id == "stop-spine-injury")
    assert any("not listed as a contraindication" in c.section for c in rule.cite)


# ---- warning signs follow the sources -----------------------------------------------------


def test_pain_in_the_back_and_lower_ribs_is_a_warning_sign_without_breathing() -> None:
    flag = next(f for f in RULES.pain.red_flags if f.id == "pain-with-breathing")
    text = flag.text.get("en")
    assert "lower ribs" in text and "even when breathing does not make it worse" in text
    assert assess_pain(RULES, None, None, ["pain-with-breathing"]).see_doctor
    question = RULES.question("warning-pain").text.get("en")
    assert "lower ribs" in question and "breathing" not in question


@pytest.mark.parametrize("flag", ["pain-women-illness", "pain-from-curvature"])
def test_womens_illness_and_curvature_of_the_spine_are_warning_signs(flag: str) -> None:
    a = assess_pain(RULES, "lumbar-left", "aching", [flag])
    assert a.ends_session and a.see_doctor and a.choices == ("stop",)


def test_the_screening_question_names_womens_illness_and_curvature() -> None:
    q = RULES.question("warning-pain")
    assert "women's illness" in q.text.get("en")
    assert q.help is not None and "curvature of the spine" in q.help.get("en")
    v = evaluate(RULES, answers(warning_pain=True), RELIEF)
    assert v.kind is VerdictKind.STOP


def test_pulling_pain_worse_when_pressed_is_explained_and_means_see_a_doctor() -> None:
    a = assess_pain(RULES, "lumbar-left", "pulling", [])
    assert a.ends_session and a.see_doctor and a.choices == ("stop",)
    assert any("inflamed muscle" in r.get("en") for r in a.reasons)


def test_the_russian_never_calls_the_receiver_prinimayushchiy() -> None:
    for path in [*PROTOCOLS.glob("*.yaml"), REPO / "assets" / "glossary.yaml"]:
        text = path.read_text(encoding="utf-8").lower()
        assert "принимающ" not in text, path.name
