"""Format 2: poses, hand roles, landmarks, paths, where the practitioner stands; format-1 files
load as before and `upgrade` writes the same protocol in format 2."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from massage_trainer.cli import main
from massage_trainer.core.body import motion
from massage_trainer.core.body.motion_anchor import body_for
from massage_trainer.core.protocol import loader, upgrade
from massage_trainer.core.protocol.model import Anchor, PathMove, Protocol
from massage_trainer.core.protocol.vocab import BodyPose, Move, Role, Stand
from massage_trainer.core.protocol.yamlsafe import DocumentError

FORMAT1 = sorted((Path(__file__).parent / "format1").glob("*.yaml"))
BUNDLED_1 = sorted((Path(__file__).parent / "format1" / "bundled").glob("*.yaml"))
"""The bundled protocols as they were in format 1 (with the project's choices and extra
citations), before they were rewritten in format 2 by hand."""

MINIMAL = """\
schema_version: 2
id: mini
version: 1
pose: POSE
title: Mini
summary: A tiny protocol for tests.
audience: [student]
sources:
  - {id: src, file: a.txt, title: A}
safety_profile: general
estimated_minutes: 2
max_minutes: 5
preparation: [PREP]
steps:
  - id: one
    title: Stroke
    technique: stroking
    instructions: Stroke gently.
    cue: Stroke.
    target_zones: [upper-back-left, upper-back-right, shoulder-blade-left, shoulder-blade-right]
    avoid_zones: [spine]
    practitioner: STAND
    hands:
      contact: palm
      orientation: fingers-toward-feet
      left: LEFT
      right: RIGHT
    motion:
      pattern: long-strokes
      direction: down
      hands: mirrored
      path:
        - {move: down, cm: 6}
        - {move: outward, cm: 4}
    pressure: light
    tempo: 10
    repetitions: 5
    source: {id: src, section: "1"}
"""


def _text(**kw: str) -> str:
    values = {
        "POSE": "prone",
        "PREP": "receiver-prone",
        "STAND": "at-head",
        "LEFT": "{zone: upper-back-right}",
        "RIGHT": "{landmark: T2, offset: {x: -4}, role: steadying}",
    }
    values.update(kw)
    out = MINIMAL
    for k, v in values.items():
        out = out.replace(k, v)
    return out


def _problems(text: str) -> list[str]:
    with pytest.raises(DocumentError) as exc:
        loader.parse(text, "p.yaml")
    return [str(p) for p in exc.value.problems]


def test_format_2_reads_pose_roles_landmarks_paths_and_the_practitioner() -> None:
    p = loader.parse(_text(), "p.yaml")
    s = p.steps[0]
    assert p.schema_version == 2 and p.pose is BodyPose.PRONE
    assert s.practitioner is Stand.AT_HEAD and p.stands(s) is Stand.AT_HEAD
    assert s.hands.left == "upper-back-right" and s.hands.role("left") is Role.WORKING
    # a hand at a landmark finds its start zone from the point: 4 cm left of T2
    assert s.hands.right_at == Anchor("T2", -4.0, 0.0)
    assert s.hands.right == "upper-back-left" and s.hands.right_role is Role.STEADYING
    assert s.motion.path == (PathMove(Move.DOWN, 6.0), PathMove(Move.OUTWARD, 4.0))


def test_preparation_that_contradicts_the_pose_is_refused_at_its_line() -> None:
    got = _problems(_text(POSE="seated", STAND="behind"))
    assert any(
        "p.yaml:13:" in g and "receiver-prone" in g and "seated" in g and "pose" in g for g in got
    ), got
    got = _problems(_text(POSE="side-left", STAND="behind"))
    assert any("receiver-side-lying" in g for g in got), got
    got = _problems(_text(POSE="prone", PREP="receiver-prone, receiver-seated"))
    assert any("p.yaml:13:" in g and "receiver-seated" in g for g in got), got


def test_a_preparation_follows_the_pose_a_seated_protocol_lists_receiver_seated() -> None:
    seated = {"POSE": "seated", "STAND": "behind"}
    got = _problems(_text(**seated, PREP="hands-washed, receiver-relaxed"))
    assert any(
        "p.yaml:13:" in g and "add 'receiver-seated'" in g and "how the receiver is placed" in g
        for g in got
    ), got
    p = loader.parse(_text(**seated, PREP="hands-washed, receiver-seated"), "p.yaml")
    assert p.pose is BodyPose.SEATED and "receiver-seated" in p.preparation
    for pose, item in (("side-left", "receiver-side-lying"), ("side-right", "receiver-side-lying")):
        assert loader.parse(_text(POSE=pose, STAND="behind", PREP=item)).pose is BodyPose(pose)
        got = _problems(_text(POSE=pose, STAND="behind", PREP="hands-washed"))
        assert any(f"add '{item}'" in g for g in got), got


def test_upgrade_adds_the_position_a_format_1_preparation_left_out() -> None:
    text = next(p for p in FORMAT1 if p.stem == "template").read_text("utf-8")
    assert "  - receiver-prone\n" in text
    text = text.replace("  - receiver-prone\n", "")
    before = loader.parse(text)
    assert "receiver-prone" not in before.preparation
    after = loader.parse(upgrade.upgrade(text))
    assert after.preparation == (*before.preparation, "receiver-prone")
    assert _same(dataclasses.replace(after, preparation=before.preparation), before)


def test_a_practitioner_place_that_the_pose_does_not_allow_is_refused() -> None:
    got = _problems(_text(STAND="behind"))
    assert any("practitioner" in g and "behind" in g and "at-head" in g for g in got), got


def test_hand_placement_mistakes_say_what_to_do() -> None:
    got = _problems(_text(LEFT="{role: working}"))
    assert any("hands.left" in g and "zone" in g and "landmark" in g for g in got), got
    got = _problems(_text(LEFT="{zone: upper-back-right, offset: {x: 2}}"))
    assert any("offset needs a landmark" in g for g in got), got
    got = _problems(_text(RIGHT="{landmark: L4, role: steadying}"))
    assert any("L4" in g and "none of the step's target zones" in g for g in got), got
    got = _problems(_text(RIGHT="{landmark: acromion-lft}"))
    assert any("did you mean 'acromion-left'" in g for g in got), got
    both = "{zone: upper-back-left, role: steadying}"
    got = _problems(_text(LEFT=both, RIGHT=both.replace("left", "right")))
    assert any("at least one hand must be working" in g for g in got), got


def test_format_1_files_still_load() -> None:
    for path in FORMAT1:
        p = loader.parse(path.read_text("utf-8"), str(path))
        assert p.schema_version == 1 and p.steps


def _same(a: Protocol, b: Protocol) -> bool:
    return dataclasses.replace(a, schema_version=0, path=None) == dataclasses.replace(
        b, schema_version=0, path=None
    )


@pytest.mark.parametrize("path", [*FORMAT1, *BUNDLED_1], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_upgrade_gives_the_same_protocol_and_the_same_hands(path: Path) -> None:
    text = path.read_text("utf-8")
    before = loader.parse(text, str(path))
    new = upgrade.upgrade(text, str(path))
    after = loader.parse(new, str(path))
    assert after.schema_version == 2 and "schema_version: 2" in new
    assert _same(before, after)
    assert new.splitlines()[0] == "# yaml-language-server: $schema=schema.json"
    body = body_for(str(after.pose))
    for s0, s1 in zip(before.steps, after.steps, strict=True):
        for t in (0.0, s0.period_s * 0.37, motion.loop_s(s0) * 0.81):
            assert motion.pose_at(s0, t, body) == motion.pose_at(s1, t, body)


def test_format_1_says_side_lying_in_its_preparation_and_is_drawn_side_lying() -> None:
    path = next(p for p in FORMAT1 if p.stem == "gentle-pregnancy")
    assert loader.parse(path.read_text("utf-8")).pose is BodyPose.SIDE_LEFT


def test_format_1_fingers_toward_the_feet_means_the_practitioner_at_the_head() -> None:
    text = next(p for p in FORMAT1 if p.stem == "template").read_text("utf-8")
    old = "orientation: fingers-toward-head, left: lumbar-left, right: lumbar-right"
    assert old in text
    text = text.replace(old, old.replace("toward-head", "toward-feet"))
    p = loader.parse(text)
    s = p.steps[0]
    # the right hand reaches the receiver's left side: thumbs toward the spine, arms not crossed
    assert (s.hands.left, s.hands.right) == ("lumbar-right", "lumbar-left")
    assert p.stands(s) is Stand.AT_HEAD
    assert _same(p, loader.parse(upgrade.upgrade(text)))


def test_upgrade_command_writes_atomically_and_explains_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "mine.yaml"
    src.write_text(
        next(p for p in FORMAT1 if p.stem == "template").read_text("utf-8"), encoding="utf-8"
    )
    out = tmp_path / "mine-2.yaml"
    assert main(["upgrade", str(src), "-o", str(out)]) == 0
    assert loader.load(out).schema_version == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-2.yaml", "mine.yaml"]
    capsys.readouterr()
    assert main(["upgrade", str(out)]) == 1
    assert "already in format 2" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    assert main(["upgrade", str(bad), "-o", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:" in err and "nothing was written" in err
    assert bad.read_text("utf-8") == "schema_version: 1\nid: [\n"
    assert main(["upgrade", str(src), "-o", str(tmp_path / "no" / "x.yaml")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["upgrade", str(src)]) == 0
    assert capsys.readouterr().out.startswith("# yaml-language-server")
