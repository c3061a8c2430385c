"""Live reload: saving a protocol reloads it; a broken save reports problems; renames are followed."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from massage_trainer.ui.classroom.watcher import ProtocolWatcher
from tests.conftest import PROTOCOLS

GOOD = (
    (PROTOCOLS / "back-pain-relief.yaml")
    .read_text(encoding="utf-8")
    .replace("\nid: back-pain-relief", "\nid: my-back", 1)
)


def _watched(qtbot: QtBot, tmp_path: Path) -> tuple[ProtocolWatcher, Path]:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    w = ProtocolWatcher()
    w.watch(path)
    return w, path


def test_saving_reloads(qtbot: QtBot, tmp_path: Path) -> None:
    w, path = _watched(qtbot, tmp_path)
    with qtbot.waitSignal(w.reloaded, timeout=5000) as sig:
        path.write_text(
            GOOD.replace("Warm-up stroking\n", "Warm-up stroking, slowly\n", 1), encoding="utf-8"
        )
    assert str(sig.args[0].steps[0].title) == "Warm-up stroking, slowly"
    w.stop()


def test_broken_save_reports_located_problems(qtbot: QtBot, tmp_path: Path) -> None:
    w, path = _watched(qtbot, tmp_path)
    with qtbot.waitSignal(w.failed, timeout=5000) as sig:
        path.write_text(GOOD.replace("pressure: light", "pressure: hard", 1), encoding="utf-8")
    problems = sig.args[0]
    assert problems and str(problems[0]).startswith(f"{path.resolve()}:")
    assert "'hard' is not one of light, moderate, firm" in str(problems[0])
    w.stop()


def test_editor_that_renames_over_the_file_is_followed(qtbot: QtBot, tmp_path: Path) -> None:
    w, path = _watched(qtbot, tmp_path)
    tmp = tmp_path / ".mine.yaml.swp"
    tmp.write_text(GOOD.replace("\nversion: 1\n", "\nversion: 2\n", 1), encoding="utf-8")
    with qtbot.waitSignal(w.reloaded, timeout=5000) as sig:
        os.replace(tmp, path)
    assert sig.args[0].version == 2
    with qtbot.waitSignal(w.reloaded, timeout=5000) as sig:
        path.write_text(GOOD.replace("\nversion: 1\n", "\nversion: 3\n", 1), encoding="utf-8")
    assert sig.args[0].version == 3
    w.stop()


def test_unchanged_text_does_not_reload(qtbot: QtBot, tmp_path: Path) -> None:
    w, _path = _watched(qtbot, tmp_path)
    with qtbot.assertNotEmitted(w.reloaded), qtbot.assertNotEmitted(w.failed):
        w.reload_now()
    w.stop()
