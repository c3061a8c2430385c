"""Authoring in the window: a saved edit reloads at the same step while the session goes on, a
broken save shows PATH:LINE:COL problems in a banner and keeps the last good version, new from
template, import (validated first) and export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from massage_trainer.core.protocol import catalog
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.classroom.authoring import AuthoringUi
from massage_trainer.ui.session.main_window import MainWindow
from tests.conftest import PROTOCOLS
from tests.ui.conftest import classroom_of

LOCATED = re.compile(r"\.yaml:\d+:\d+: ")


def authoring(w: MainWindow) -> AuthoringUi:
    return classroom_of(w).authoring


@pytest.fixture
def own_copy(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"  # an own copy has an id of its own (a bundled id is refused)
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nid: back-pain-relief", "\nid: my-back", 1), encoding="utf-8")
    return path


def test_saving_reloads_at_the_same_step_and_a_broken_save_keeps_the_session(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, clock: FakeClock, own_copy: Path
) -> None:
    au = authoring(window)
    assert window.open_path(own_copy)
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(3)
    clock.advance(10)
    c.poll()
    step_id = c.player.protocol.steps[3].id  # type: ignore[union-attr]
    text = own_copy.read_text(encoding="utf-8")
    edited = text.replace("Thumb rubbing, diagonal", "Thumb rubbing on the diagonal (edited)")
    assert edited != text
    with qtbot.waitSignal(au.watcher.reloaded, timeout=5000):
        own_copy.write_text(edited, encoding="utf-8")
    p = c.player
    assert p is not None and p.step_index == 3 and p.protocol.steps[3].id == step_id
    assert p.state is State.RUNNING and p.step_time() == pytest.approx(10.0)
    assert window.view.panel.title.text().startswith("Thumb rubbing on the diagonal (edited)")
    good = p.protocol

    broken = edited.replace("tempo: 60", "tempo: fast", 1)
    with qtbot.waitSignal(au.watcher.failed, timeout=5000):
        own_copy.write_text(broken + "\n  - this: is not a step\n", encoding="utf-8")
    assert au.banner.isVisible()
    assert LOCATED.search(au.banner.text()), au.banner.text()
    assert "last good version" in au.banner.text()
    assert c.player is p and p.protocol is good  # unchanged, still playing
    clock.advance(5)
    c.poll()
    assert p.state is State.RUNNING and p.step_time() == pytest.approx(15.0)
    au.banner.close_button.click()
    assert not au.banner.isVisible()


def test_open_broken_file_shows_problems_and_opens_once_fixed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, own_copy: Path
) -> None:
    au = authoring(window)
    good = own_copy.read_text(encoding="utf-8")
    own_copy.write_text(good.replace("id: my-back", "id: Not An Id", 1), encoding="utf-8")
    assert not window.open_path(own_copy)
    assert au.banner.isVisible() and LOCATED.search(au.banner.text())
    assert window.controller.protocol is not None
    assert window.controller.protocol.path != own_copy  # the default protocol stays
    with qtbot.waitSignal(au.watcher.reloaded, timeout=5000):
        own_copy.write_text(good.replace("id: my-back", "id: mine", 1), encoding="utf-8")
    assert window.controller.protocol.id == "mine"
    assert not au.banner.isVisible()


def test_new_protocol_from_template_opens_in_the_editor(window: MainWindow, data_dir: Path) -> None:
    au = authoring(window)
    opened: list[QUrl] = []
    au.open_url = opened.append
    au.ask_text = lambda *_a: "Bad Id"
    assert au.new_from_template() is None and au.banner.isVisible()
    au.ask_text = lambda *_a: "neck-and-shoulders"
    path = au.new_from_template()
    assert path is not None and path.parent == catalog.user_protocols_dir(data_dir)
    assert opened == [QUrl.fromLocalFile(str(path))]
    assert window.controller.protocol is not None
    assert window.controller.protocol.id == "neck-and-shoulders"
    assert au.watcher.path == path.resolve()


def test_import_validates_first_and_export_copies(
    window: MainWindow, data_dir: Path, own_copy: Path, tmp_path: Path
) -> None:
    au = authoring(window)
    broken = tmp_path / "shared.yaml"
    broken.write_text("id: x\nsteps: 3\n", encoding="utf-8")
    au.ask_open_path = lambda *_a: str(broken)
    assert au.import_file() is None
    assert au.banner.isVisible() and "was not imported" in au.banner.text()
    assert LOCATED.search(au.banner.text())
    assert not list(catalog.user_protocols_dir(data_dir).glob("*.yaml"))
    shared = tmp_path / "shared-good.yaml"
    shared.write_text(
        own_copy.read_text(encoding="utf-8").replace("id: my-back", "id: shared", 1),
        encoding="utf-8",
    )
    au.ask_open_path = lambda *_a: str(shared)
    target = au.import_file()
    assert target is not None and target.exists() and not au.banner.isVisible()
    assert any(e.protocol and e.protocol.id == "shared" for e in catalog.scan(data_dir))  # listed
    out = tmp_path / "exported.yaml"
    au.ask_save_path = lambda *_a: str(out)
    assert au.export_file() == out
    assert out.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
