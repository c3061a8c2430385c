"""Theme icons: drawn from the SVGs in the theme's colours, for the normal and disabled looks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from massage_trainer.ui.session import icons


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    icons._ICON_CACHE.clear()
    yield
    icons._ICON_CACHE.clear()


def _colours(icon: QIcon, mode: QIcon.Mode) -> set[str]:
    image = icon.pixmap(QSize(48, 48), mode).toImage()
    seen = set()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixelColor(x, y))
            if c.alpha() == 255:
                seen.add(c.name())
    return seen


def test_an_icon_is_drawn_in_the_colour_of_each_look(qapp: QApplication) -> None:
    icon = icons.themed_icon("start", "#1f2328", "#a3aab5")
    assert _colours(icon, QIcon.Mode.Normal) == {"#1f2328"}
    assert _colours(icon, QIcon.Mode.Disabled) == {"#a3aab5"}
    assert icons.themed_icon("start", "#1f2328", "#a3aab5") is icon  # drawn once per run


def test_an_icon_that_cannot_be_read_is_empty(qapp: QApplication) -> None:
    assert icons.themed_icon("no-such-icon", "#000000", "#777777").isNull()


def test_nothing_is_written_to_disk(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.getbasetemp()
    before = {p for p in home.rglob("*.png")}
    icons.themed_icon("stop", "#ffffff", "#ffffff")
    assert {p for p in home.rglob("*.png")} == before
