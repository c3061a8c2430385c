"""The person's folders come from the desktop (QStandardPaths), never from hand-made guesses."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from massage_trainer import cli
from massage_trainer.ui.base import paths


def test_the_data_folder_is_the_desktops_data_location(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MASSAGE_TRAINER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    assert cli.data_dir(argparse.Namespace(data_dir=None)) == Path(expected) / "massage-trainer"
    assert paths.data_dir() == tmp_path / "share" / "massage-trainer"  # XDG on Linux, as before


def test_data_dir_option_and_variable_come_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MASSAGE_TRAINER_DATA_DIR", str(tmp_path / "env"))
    assert cli.data_dir(argparse.Namespace(data_dir=None)) == tmp_path / "env"
    given = tmp_path / "given"
    assert cli.data_dir(argparse.Namespace(data_dir=given)) == given


def test_no_data_location_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MASSAGE_TRAINER_DATA_DIR")
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: "")
    assert cli.main(["list"]) == cli.EXIT_ERROR
    assert "give one with --data-dir" in capsys.readouterr().err


def test_dialogs_open_in_the_documents_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert paths.documents_dir() == (Path(docs) if docs else Path.home())
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: "")
    assert paths.documents_dir() == Path.home()
