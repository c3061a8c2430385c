"""Theme icons: drawn from the SVGs once, then read back from PNGs in the data folder's cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from massage_trainer.ui.session import icons


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "icons"
    icons._ICON_CACHE.clear()
    icons.set_icon_cache(folder)
    yield folder
    icons.set_icon_cache(None)
    icons._ICON_CACHE.clear()


def _image(icon: QIcon, mode: QIcon.Mode) -> bytes:
    return bytes(icon.pixmap(QSize(48, 48), mode).toImage().constBits())


def test_a_later_start_reads_the_drawn_icons_back(
    qapp: QApplication, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = icons.themed_icon("start", "#1f2328", "#5b6270")
    assert len(list(cache.glob("start-*.png"))) == 2  # normal and disabled
    icons._ICON_CACHE.clear()  # as a new process would start

    def no_svg(*_args: object) -> bool:
        raise AssertionError("the SVG was drawn again")

    monkeypatch.setattr(QPixmap, "loadFromData", no_svg)
    again = icons.themed_icon("start", "#1f2328", "#5b6270")
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
        assert _image(again, mode) == _image(first, mode)


def test_a_damaged_cached_icon_is_drawn_again(qapp: QApplication, cache: Path) -> None:
    icons.themed_icon("pause", "#e8eaed", "#a3aab5")
    for png in cache.glob("pause-*.png"):
        png.write_bytes(b"not a png")
    icons._ICON_CACHE.clear()
    icon = icons.themed_icon("pause", "#e8eaed", "#a3aab5")
    assert not icon.pixmap(QSize(48, 48)).isNull()


def test_without_a_cache_folder_nothing_is_written(qapp: QApplication, tmp_path: Path) -> None:
    icons._ICON_CACHE.clear()
    icons.set_icon_cache(None)
    icon = icons.themed_icon("stop", "#ffffff", "#ffffff")
    assert not icon.isNull() and not list(tmp_path.rglob("*.png"))


def test_a_folder_in_place_of_a_cached_icon_leaves_no_litter(
    qapp: QApplication, cache: Path
) -> None:
    icons.themed_icon("next", "#123456", "#654321")
    for png in cache.glob("next-*.png"):
        png.unlink()
        png.mkdir()  # something else took the file's place
    icons._ICON_CACHE.clear()
    icon = icons.themed_icon("next", "#123456", "#654321")
    assert not icon.pixmap(QSize(48, 48)).isNull()
    assert not list(cache.glob("*.tmp"))
