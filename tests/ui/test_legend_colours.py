"""The diagram's colour meanings are the same in every theme and window: one source per theme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from massage_trainer.core.protocol import catalog
from massage_trainer.ui.base.themes import THEMES
from massage_trainer.ui.diagram import captions, hands

HUES = {"target": (150, 175), "caution": (10, 30), "trail": (195, 225), "touch": (45, 62)}
"""Hue range (degrees) of each meaning: green work area, vermillion caution, blue stroke path,
yellow touching part."""


@pytest.mark.parametrize("name", sorted(THEMES))
def test_each_meaning_keeps_its_hue_in_every_theme(name: str) -> None:
    th = THEMES[name]
    for field, (lo, hi) in HUES.items():
        hue = QColor(getattr(th, field)).hslHue()
        assert lo <= hue <= hi, (name, field, hue)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_legend_and_hands_read_the_same_colours(qapp: object, name: str) -> None:
    th = THEMES[name]
    step = catalog.bundled("back-pain-relief").steps[0]
    items = {
        label: brush.color().name()
        for label, brush, _edge in captions.legend_items(step, th, False)
    }
    assert items["Stroke path (dotted: hands lift)"] == QColor(th.trail).name()
    assert items["Part of the hand that touches"] == QColor(th.touch).name()
    assert items["Work here"] == QColor(th.target).name()
    style = hands.style_of(th)
    assert (style.touch, style.touch_line) == (th.touch, th.touch_line)
