"""Authoring: reload keeps the step, import validates first and never overwrites, template is valid."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_trainer.core.protocol import authoring, catalog, loader
from massage_trainer.core.protocol.yamlsafe import DocumentError
from tests.conftest import PROTOCOLS

BACK = loader.load(PROTOCOLS / "back-pain-relief.yaml")


def test_reload_keeps_the_step_by_id_when_steps_move() -> None:
    reordered = replace(BACK, steps=BACK.steps[::-1])
    for i, step in enumerate(BACK.steps):
        assert reordered.steps[authoring.carry_over_step(BACK, reordered, i)].id == step.id


def test_reload_falls_back_to_the_position_when_the_step_is_gone() -> None:
    shorter = replace(BACK, steps=BACK.steps[:3])
    assert authoring.carry_over_step(BACK, shorter, 6) == 2
    renamed = replace(BACK, steps=tuple(replace(s, id=s.id + "-x") for s in BACK.steps))
    assert authoring.carry_over_step(BACK, renamed, 4) == 4


@given(st.integers(-5, 50), st.integers(1, len(BACK.steps)))
def test_carried_index_is_always_in_range(index: int, keep: int) -> None:
    new = replace(BACK, steps=BACK.steps[:keep])
    assert 0 <= authoring.carry_over_step(BACK, new, index) < keep


def test_template_is_a_valid_protocol_and_not_listed(data_dir: Path) -> None:
    p = loader.load(PROTOCOLS / authoring.TEMPLATE)
    assert p.id == "my-protocol"
    assert all(e.path.name != authoring.TEMPLATE for e in catalog.scan(data_dir))


def test_new_from_template_lands_in_the_user_folder(data_dir: Path) -> None:
    path = authoring.new_from_template(data_dir, "evening-back")
    assert path.parent == catalog.user_protocols_dir(data_dir)
    assert loader.load(path).id == "evening-back"
    assert (path.parent / "schema.json").exists()
    assert authoring.new_from_template(data_dir, "evening-back").name == "evening-back-2.yaml"


def test_import_validates_first_and_never_overwrites(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    with pytest.raises(DocumentError):
        authoring.import_protocol(bad, data_dir)
    assert not list(catalog.user_protocols_dir(data_dir).glob("*.yaml"))
    shared = tmp_path / "shared.yaml"
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    shared.write_text(text.replace("\nid: back-pain-relief", "\nid: my-back", 1), encoding="utf-8")
    p1, path1 = authoring.import_protocol(shared, data_dir)
    p2, path2 = authoring.import_protocol(shared, data_dir)
    assert p1.id == p2.id == "my-back"
    assert path1 != path2 and path1.exists() and path2.exists()


def test_importing_a_bundled_protocol_is_refused_before_copying(data_dir: Path) -> None:
    with pytest.raises(DocumentError, match="comes with Massage Trainer"):
        authoring.import_protocol(PROTOCOLS / "back-pain-relief.yaml", data_dir)
    assert not list(catalog.user_protocols_dir(data_dir).glob("*.yaml"))


def test_export_copies_the_file(tmp_path: Path) -> None:
    out = authoring.export_protocol(BACK, tmp_path)
    assert out == tmp_path / "back-pain-relief.yaml"
    assert loader.parse(out.read_text(encoding="utf-8"), str(out)).steps == BACK.steps
