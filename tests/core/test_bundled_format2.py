"""The bundled protocols, rewritten by hand in format 2: each names its pose and, per step, where
the practitioner stands; everything else (every text, fact, citation and safety constraint) is as
in their format-1 copies, and the safety verdict treats each exactly as it treated the copy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.cross_checks_v2 import POSE_ITEMS, STANDS
from massage_trainer.core.protocol.model import HandPlacement, Motion, Protocol, Step
from massage_trainer.core.protocol.vocab import BodyPose
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.safety.verdict import Answer, Verdict, evaluate, load_rules

ROOT = Path(__file__).parents[2]
NAMES = ("back-pain-relief", "gentle-pregnancy", "therapeutic-lower-back")
NOW = {n: loader.load(ROOT / "protocols" / f"{n}.yaml") for n in NAMES}
OLD_PATH = Path(__file__).parent / "format1" / "bundled"
OLD = {n: loader.parse((OLD_PATH / f"{n}.yaml").read_text("utf-8"), f"{n}.yaml") for n in NAMES}
RULES = load_rules()


def test_the_template_and_the_bundled_protocols_are_format_2() -> None:
    template = loader.parse((ROOT / "protocols" / "template.yaml").read_text("utf-8"))
    for p in (*NOW.values(), template):
        assert p.schema_version == 2, p.id
        assert POSE_ITEMS[p.pose] in p.preparation, p.id


def test_the_pregnancy_protocol_lies_on_the_side_and_the_others_face_down() -> None:
    assert NOW["gentle-pregnancy"].pose is BodyPose.SIDE_LEFT
    assert NOW["back-pain-relief"].pose is BodyPose.PRONE
    assert NOW["therapeutic-lower-back"].pose is BodyPose.PRONE


@pytest.mark.parametrize("name", NAMES)
def test_every_step_says_where_the_practitioner_stands_for_the_pose(name: str) -> None:
    p = NOW[name]
    for s in p.steps:
        assert s.practitioner is not None, s.id
        assert s.practitioner in STANDS[p.pose], s.id
    # kneading one side only: stand at that side, the fingers reaching in toward the spine
    if name == "therapeutic-lower-back":
        by_id = {s.id: s for s in p.steps}
        assert str(by_id["press-knead-left"].practitioner) == "at-left-side"
        assert str(by_id["press-knead-right"].practitioner) == "at-right-side"


def _content(s: Step) -> Step:
    """A step without what format 2 adds or places differently (stand, placement, path)."""
    hands = HandPlacement(s.hands.contact, s.hands.orientation, "", "")
    motion = Motion(s.motion.pattern, s.motion.direction, s.motion.hands)
    return dataclasses.replace(s, practitioner=None, hands=hands, motion=motion)


@pytest.mark.parametrize("name", NAMES)
def test_every_text_fact_citation_and_constraint_is_as_in_format_1(name: str) -> None:
    old, now = OLD[name], NOW[name]
    fields = [f.name for f in dataclasses.fields(Protocol) if f.name not in ("steps", "path")]
    for f in fields:
        if f not in ("schema_version", "pose"):
            assert getattr(old, f) == getattr(now, f), f
    assert old.pose == now.pose
    assert [_content(s) for s in old.steps] == [_content(s) for s in now.steps]
    for s0, s1 in zip(old.steps, now.steps, strict=True):  # the same zones for the same hands
        assert (s0.hands.left, s0.hands.right) == (s1.hands.left, s1.hands.right), s1.id


_YES_NO = [q.id for q in RULES.questions if q.kind == QuestionKind.YES_NO]
_PREP = sorted({i for p in NOW.values() for i in p.preparation})


@st.composite
def _answers(draw: st.DrawFn) -> dict[str, Answer]:
    out: dict[str, Answer] = {q: draw(st.booleans()) for q in _YES_NO}
    out["pregnancy-month"] = draw(st.integers(0, 10))
    out["meal-minutes"] = draw(st.integers(0, 300))
    out.update({p: draw(st.sampled_from([True, True, True, False])) for p in _PREP})
    drop = draw(st.sets(st.sampled_from(sorted(out)), max_size=2))
    return {k: v for k, v in out.items() if k not in drop}


def _seen(v: Verdict) -> tuple[object, ...]:
    return (v.kind, v.fired, v.missing, v.wait_minutes, v.protocol_id, v.limit_s, v.findings)


@settings(max_examples=300, deadline=None)
@given(answers=_answers(), name=st.sampled_from(NAMES))
def test_the_verdict_accepts_and_refuses_each_exactly_as_its_format_1_copy(
    answers: dict[str, Answer], name: str
) -> None:
    assert _seen(evaluate(RULES, answers, NOW[name])) == _seen(evaluate(RULES, answers, OLD[name]))


@pytest.mark.parametrize("name", NAMES)
def test_all_clear_starts_each_the_same_way(name: str) -> None:
    answers: dict[str, Answer] = {q: False for q in _YES_NO}
    answers.update({"pregnancy-month": 0, "meal-minutes": 120})
    answers.update({p: True for p in _PREP})
    now, old = evaluate(RULES, answers, NOW[name]), evaluate(RULES, answers, OLD[name])
    assert _seen(now) == _seen(old)
    assert str(now.kind) in ("go", "adapt"), now
