"""Issue 13's findings, each repeated as written: the safe outcome is what now happens.

(Findings 2, 3, 4 and the window halves of 6 and 10 are in tests/ui/test_safety_findings_ui.py.)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from massage_trainer.core.protocol import catalog, loader
from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile, Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety import checked, spatial
from massage_trainer.core.safety.holds import Hold
from massage_trainer.core.safety.pain import assess_pain, lightened
from massage_trainer.core.safety.verdict import (
    Answer,
    VerdictKind,
    evaluate,
    load_rules,
    may_start,
)
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import EventKind, Player, State
from tests.conftest import PROTOCOLS

RULES = load_rules()
THERAPEUTIC = catalog.bundled("therapeutic-lower-back")
PREGNANCY = catalog.bundled("gentle-pregnancy")


def answers(**changes: Answer) -> dict[str, Answer]:
    out: dict[str, Answer] = {q.id: False for q in RULES.questions}
    out.update({"pregnancy-month": 0, "meal-minutes": 120})
    out.update(dict.fromkeys((p.id for p in RULES.preparation), True))
    out.update({k.replace("_", "-"): v for k, v in changes.items()})
    return out


# 1. A renamed file defeats the pregnancy adaptation -------------------------------------------


def test_1_a_file_taking_a_bundled_id_is_refused_where_the_id_is(tmp_path: Path) -> None:
    text = (PROTOCOLS / "therapeutic-lower-back.yaml").read_text(encoding="utf-8")
    disguised = tmp_path / "disguised.yaml"
    disguised.write_text(text.replace("\nid: therapeutic-lower-back", "\nid: gentle-pregnancy"))
    with pytest.raises(DocumentError) as exc:
        loader.load(disguised)
    (problem,) = exc.value.problems
    id_line = disguised.read_text(encoding="utf-8").splitlines().index("id: gentle-pregnancy") + 1
    assert (problem.line, problem.col) == (id_line, 5)
    assert "comes with Massage Trainer" in str(problem)
    user = tmp_path / "data" / "protocols"
    user.mkdir(parents=True)
    (user / "gentle-pregnancy.yaml").write_text(disguised.read_text())
    played = catalog.resolve("gentle-pregnancy", tmp_path / "data")
    assert played.steps == PREGNANCY.steps  # by id: the bundled one, the copy is listed as broken
    broken = [e for e in catalog.scan(tmp_path / "data") if e.origin == "user"]
    assert broken and broken[0].protocol is None


def test_1_in_pregnancy_the_played_protocol_is_chosen_by_its_content() -> None:
    renamed = dataclasses.replace(THERAPEUTIC, id="gentle-pregnancy")  # whatever it is called
    v = evaluate(RULES, answers(pregnancy_month=5), renamed)
    assert v.kind is VerdictKind.ADAPT and v.protocol is not None
    assert v.protocol.steps == PREGNANCY.steps and v.adapted_from is renamed
    assert not may_start(v, renamed) and may_start(v, v.protocol)
    assert all(s.technique in (Technique.STROKING, Technique.VIBRATION) for s in v.protocol.steps)


def test_1_a_file_claiming_the_pregnancy_profile_is_refused_naming_the_step(
    tmp_path: Path,
) -> None:
    text = (PROTOCOLS / "therapeutic-lower-back.yaml").read_text(encoding="utf-8")
    claim = tmp_path / "claim.yaml"
    claim.write_text(
        text.replace("\nid: therapeutic-lower-back", "\nid: my-gentle").replace(
            "safety_profile: general", "safety_profile: pregnancy"
        )
    )
    with pytest.raises(DocumentError) as exc:
        checked.load_checked(claim, RULES)
    lines = [str(p) for p in exc.value.problems]
    assert any("step 2 “Firmer stroking”" in s and "pressure: light" in s for s in lines)
    assert all(s.startswith(f"{claim}:") for s in lines)
    protocol = loader.load(claim)
    for month in (0, 5):
        v = evaluate(RULES, answers(pregnancy_month=month), protocol)
        assert v.kind is VerdictKind.BLOCKED and not may_start(v)


# 5. Time limits count slowed time ------------------------------------------------------------


@pytest.mark.parametrize("speed", [0.25, 0.5, 1.0])
@pytest.mark.parametrize("loop", [False, True])
def test_5_the_pregnancy_limit_counts_real_minutes_whatever_the_speed_or_loop(
    speed: float, loop: bool
) -> None:
    v = evaluate(RULES, answers(pregnancy_month=5), PREGNANCY)
    assert v.limit_s == 40 * 60
    clock = FakeClock()
    player = Player(PREGNANCY, clock, get_ready_s=0, limit_s=v.limit_s)
    player.set_speed(speed)
    player.loop_step = loop
    events = player.start()
    while player.state is not State.STOPPED and player.state is not State.FINISHED:
        due = player.next_deadline()
        assert due is not None
        if player.state is State.WAITING:
            events += player.next()
            continue
        clock.set(due)
        events += player.tick()
    real_minutes = clock.now() / 60
    assert real_minutes <= 40 + 1e-6
    if speed <= 0.25 or loop:  # 56 real minutes at 0.25x (the finding); a loop never ends
        assert events[-1].kind is EventKind.STOPPED and events[-1].detail == "max-duration"
        assert player.massaged_s() == pytest.approx(40 * 60)


def test_5_minutes_already_massaged_count_toward_the_limit() -> None:
    v = evaluate(RULES, answers(pregnancy_month=5), PREGNANCY, massaged_s=35 * 60)
    assert v.limit_s == pytest.approx(5 * 60)
    over = evaluate(RULES, answers(pregnancy_month=5), PREGNANCY, massaged_s=40 * 60)
    assert over.kind is VerdictKind.STOP and not may_start(over)


# 7. The validator accepts unsafe placements --------------------------------------------------


def _step_problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    assert old in text
    f = tmp_path / "p.yaml"
    f.write_text(text.replace("\nid: back-pain-relief", "\nid: mine").replace(old, new, 1))
    with pytest.raises(DocumentError) as exc:
        checked.load_checked(f, RULES)
    return [str(p) for p in exc.value.problems]


def test_7_tapping_with_the_neck_as_a_target_is_refused(tmp_path: Path) -> None:
    got = _step_problems(
        tmp_path,
        "target_zones: [lumbar-left, lumbar-right, buttocks-top-left, buttocks-top-right]\n"
        "    avoid_zones: [spine, kidney-left, kidney-right]\n"
        "    practitioner: at-left-side\n    hands:\n      contact: palm-edge",
        "target_zones: [neck, lumbar-left, lumbar-right, buttocks-top-left, buttocks-top-right]\n"
        "    avoid_zones: [spine, kidney-left, kidney-right]\n"
        "    practitioner: at-left-side\n    hands:\n      contact: palm-edge",
    )
    assert any("neck cannot be a target" in s and "tapping" in s.lower() for s in got), got
    assert all(":" in s.split(" ")[0] for s in got)  # PATH:LINE:COL


def test_7_a_tapping_hand_starting_on_a_kidney_is_refused(tmp_path: Path) -> None:
    got = _step_problems(
        tmp_path,
        "left: {zone: buttocks-top-left}\n      right: {zone: buttocks-top-right}\n"
        "    motion: {pattern: alternating-taps",
        "left: {zone: kidney-left}\n      right: {zone: buttocks-top-right}\n"
        "    motion: {pattern: alternating-taps",
    )
    assert any("left hand starts in kidney-left" in s for s in got), got


def test_7_a_hand_starting_on_the_spine_is_refused(tmp_path: Path) -> None:
    got = _step_problems(
        tmp_path,
        "orientation: fingers-outward\n      left: {zone: lumbar-left}",
        "orientation: fingers-outward\n      left: {zone: spine}",
    )
    assert any("left hand starts in spine" in s for s in got), got


def test_7_contact_that_touches_a_kidney_says_what_to_change(tmp_path: Path) -> None:
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    i = text.index("  - id: kneading")
    j = text.index("avoid_zones: [spine, kidney-left, kidney-right]", i)
    f = tmp_path / "p.yaml"
    f.write_text(
        (text[:j] + "avoid_zones: [spine]" + text[j + 47 :]).replace(
            "\nid: back-pain-relief", "\nid: mine"
        )
    )
    with pytest.raises(DocumentError) as exc:
        checked.load_checked(f, RULES)
    got = [str(p) for p in exc.value.problems]
    assert any("touches kidney-left" in s and "add kidney-left to avoid_zones" in s for s in got)


@pytest.mark.parametrize("path", sorted(PROTOCOLS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_protocol_passes_the_spatial_check(path: Path) -> None:
    if path.name == "safety-rules.yaml":
        return
    checked.load_checked(path, RULES)


def test_6_tapping_and_kneading_work_areas_leave_the_kidneys_out() -> None:
    back = catalog.bundled("back-pain-relief")
    for step in back.steps:
        if step.technique in (Technique.TAPPING, Technique.CLAPPING, Technique.KNEADING):
            area = spatial.work_area(RULES.zones, step)
            assert {"kidney-left", "kidney-right", "spine"} <= {z.id for z in area.exclude}
            for c in spatial.contacts(step):
                for shape in c.shapes:
                    for z in area.exclude:
                        assert spatial.overlap_point(shape, z) is None, (step.id, c.t, z.id)


# 9. The parsed-protocol cache is trusted -----------------------------------------------------


def test_9_a_protocol_that_reaches_the_verdict_by_any_path_is_judged_by_its_content() -> None:
    """No cache is left (issue 15 removed it); whatever builds a Protocol, the verdict checks
    the content itself, so an edited copy of gentle-pregnancy with firm pressure never plays."""
    firm = dataclasses.replace(
        PREGNANCY,
        steps=(
            dataclasses.replace(PREGNANCY.steps[0], pressure=Pressure.FIRM),
            *PREGNANCY.steps[1:],
        ),
    )
    for month in (0, 5):
        v = evaluate(RULES, answers(pregnancy_month=month), firm)
        assert v.kind is VerdictKind.BLOCKED and not may_start(v)
        assert "step 1" in v.reasons[1].get("en") and "pressure" in v.reasons[1].get("en")
    assert not (PROTOCOLS.parent / "massage_trainer" / "core" / "protocol_cache.py").exists()


def test_9_the_rules_file_is_read_again_when_its_text_changes(tmp_path: Path) -> None:
    f = tmp_path / "rules.yaml"
    text = (PROTOCOLS / "safety-rules.yaml").read_text(encoding="utf-8")
    f.write_text(text)
    first = load_rules(f)
    f.write_text(text.replace("meal-minutes, below: 60", "meal-minutes, below: 61"))
    assert load_rules(f) != first


# 10. The pain dialog contradicts the disclaimer ----------------------------------------------


@pytest.mark.parametrize("feeling", ["sharp", "burning", "shooting", "spreading", "pulling"])
def test_10_sharp_burning_shooting_or_spreading_pain_ends_the_session(feeling: str) -> None:
    a = assess_pain(RULES, "lumbar-left", feeling, [])
    assert a.ends_session and a.choices == ("stop",) and a.reasons


def test_10_a_warning_sign_ends_the_session_and_means_see_a_doctor() -> None:
    a = assess_pain(RULES, "lumbar-left", "aching", ["pain-after-spine-injury"])
    assert a.ends_session and a.see_doctor and a.choices == ("stop",)


def test_10_lighten_gives_the_step_one_pressure_level_lower_and_still_may_start() -> None:
    v = evaluate(RULES, answers(), THERAPEUTIC)
    lighter = lightened(THERAPEUTIC, 1)
    assert THERAPEUTIC.steps[1].pressure is Pressure.MODERATE
    assert lighter.steps[1].pressure is Pressure.LIGHT
    assert may_start(v, lighter)
    firmer = dataclasses.replace(
        THERAPEUTIC,
        steps=(
            THERAPEUTIC.steps[0],
            dataclasses.replace(THERAPEUTIC.steps[1], pressure=Pressure.FIRM),
            *THERAPEUTIC.steps[2:],
        ),
    )
    assert not may_start(v, firmer)


def test_10_lighten_resumes_the_step_after_a_lead_in() -> None:
    clock = FakeClock()
    player = Player(THERAPEUTIC, clock, get_ready_s=0)
    player.start()
    clock.advance(7.0)
    player.tick()
    player.pause()
    t = player.step_time()
    events = player.resume(lead_in_s=5.0)
    assert player.state is State.GET_READY and events[-1].kind is EventKind.GET_READY
    clock.advance(4.9)
    assert player.tick() == [] and player.step_time() == pytest.approx(t)
    clock.advance(0.2)
    assert [e.kind for e in player.tick()][:1] == [EventKind.RESUMED]
    assert player.state is State.RUNNING and player.step_index == 0


# 3. (core half) A "see a doctor" stop is kept ----------------------------------------------


def test_3_an_open_hold_stops_every_protocol_with_its_date_until_cleared() -> None:
    hold = Hold(1, None, "2026-11-20T10:00:00+01:00", "Pain began after an injury.")
    for protocol in (THERAPEUTIC, PREGNANCY):
        v = evaluate(RULES, answers(), protocol, holds=[hold])
        assert v.kind is VerdictKind.STOP and not may_start(v)
        assert "2026-11-20" in v.reasons[0].get("en") and "doctor" in v.reasons[0].get("en")
        assert any("clearance" in a.get("en") for a in v.advice)
    assert evaluate(RULES, answers(), THERAPEUTIC, holds=[]).kind is VerdictKind.GO


def test_the_pregnancy_protocol_meets_the_pregnancy_rules_by_content() -> None:
    assert PREGNANCY.safety_profile is SafetyProfile.PREGNANCY
    rule = next(r for r in RULES.rules if r.requires is not None)
    from massage_trainer.core.safety import content

    assert content.meets(rule.requires, PREGNANCY)  # type: ignore[arg-type]
    assert not content.meets(rule.requires, THERAPEUTIC)  # type: ignore[arg-type]
