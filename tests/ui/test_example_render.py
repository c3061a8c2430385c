"""The authoring example of docs/examples validates (format, safety, where the hands touch) and
every step renders in every theme in its own pose; the pregnancy protocol is drawn side-lying."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from massage_trainer.cli import main
from massage_trainer.core.body import motion
from massage_trainer.core.body.motion_anchor import body_for
from massage_trainer.core.protocol import catalog, loader
from massage_trainer.core.protocol.vocab import BodyPose, Role
from massage_trainer.core.safety import checked
from massage_trainer.core.safety.rules import load as load_rules
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "neck-and-shoulders.yaml"


def test_the_example_says_it_is_an_example_and_passes_every_check() -> None:
    head = EXAMPLE.read_text("utf-8").split("schema_version")[0]
    assert "EXAMPLE OF THE PROTOCOL FORMAT" in head and "NOT MASSAGE GUIDANCE" in head
    p = checked.load_checked(EXAMPLE, load_rules())
    assert p.schema_version == 2 and p.pose is BodyPose.SEATED
    assert "example" in p.title.get("en").lower() and "пример" in p.title.get("ru").lower()
    roles = {s.hands.role(h) for s in p.steps for h in ("left", "right")}
    assert Role.STEADYING in roles and any(s.motion.path for s in p.steps)


def test_the_example_puts_the_hands_where_its_steps_say(tmp_path: Path) -> None:
    p = loader.load(EXAMPLE)
    body = body_for(str(p.pose))
    neck = next(s for s in p.steps if s.id == "neck-thumbs-down")
    q = motion.pose_at(neck, neck.period_s * 0.3, body)
    assert abs(q.left.y - q.right.y) < 0.3 and q.left.x * q.right.x < 0  # level, either side
    blade = next(s for s in p.steps if s.id == "left-blade-thumb-circles")
    q = motion.pose_at(blade, 1.0, body)
    assert body.zone("shoulder-blade-left").contains(q.left.x, q.left.y)
    assert q.right.x > 0  # the steadying hand rests on the other shoulder


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_every_step_of_the_example_renders(qapp: object, tmp_path: Path, theme: str) -> None:
    n = len(loader.load(EXAMPLE).steps)
    for i in range(1, n + 1):
        out = tmp_path / f"{i}.png"
        args = [str(EXAMPLE), "--step", str(i), "--at", "1", "--size", "480x360"]
        assert main(["render", *args, "--theme", theme, "-o", str(out)]) == 0
        img = QImage(str(out))
        assert (img.width(), img.height()) == (480, 360)


def test_the_pregnancy_protocol_is_side_lying() -> None:
    p = catalog.bundled("gentle-pregnancy")
    assert p.pose in (BodyPose.SIDE_LEFT, BodyPose.SIDE_RIGHT)
    assert "receiver-side-lying" in p.preparation and "receiver-prone" not in p.preparation
