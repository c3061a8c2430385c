"""Colour themes for the window and the body diagram: light, dark and high contrast.

The window colours (window … ok) come from ui/window_style.py, the one place they are set.
Diagram meanings use the Okabe-Ito palette (safe for the common colour-vision deficiencies) and
mean the same in every theme and window: work area green, caution vermillion, stroke path blue,
touching part yellow, marked purple. They are also told apart by pattern: target zones glow and are outlined solid, caution zones are hatched,
marked zones are dotted, pressure is both a colour and a number of bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from PySide6.QtGui import QColor

from massage_trainer.ui.base.window_style import colours as window_colours

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky-blue": "#56B4E9",
    "bluish-green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish-purple": "#CC79A7",
}


@dataclass(frozen=True)
class Theme:
    name: str
    # window
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    danger: str
    ok: str
    warning: str
    # diagram
    background: str
    background2: str
    skin: str
    skin_light: str
    skin_shade: str
    outline: str
    bone: str
    hair: str
    hair_light: str
    landmark: str
    zone_line: str
    target: str
    caution: str
    marked: str
    hover: str
    hand: str
    hand_line: str
    trail: str
    """The stroke path: a blue in every theme (the legend and the arrows read this one colour)."""
    touch: str
    """The part of the hand that touches: a yellow in every theme (legend and hand sprites)."""
    touch_line: str
    towel: str
    pressure: tuple[str, str, str]
    """Contact colour for light, moderate, firm pressure."""
    shadow_alpha: int = 70

    def c(self, name: str, alpha: int | None = None) -> QColor:
        """A theme colour by field name, optionally with alpha 0..255."""
        col = QColor(getattr(self, name))
        if alpha is not None:
            col.setAlpha(alpha)
        return col


class _Window(TypedDict):
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    danger: str
    ok: str


def _window(name: str) -> _Window:
    """The window colours a theme shares with the window's style sheet."""
    c = window_colours(name)
    return _Window(
        window=c.window,
        panel=c.panel,
        text=c.text,
        muted=c.muted,
        accent=c.accent,
        danger=c.danger,
        ok=c.ok,
    )


LIGHT = Theme(
    name="light",
    **_window("light"),
    warning=OKABE_ITO["orange"],
    background="#eef1f4",
    background2="#dde3ea",
    skin="#e9b995",
    skin_light="#f6d3b8",
    skin_shade="#c98e69",
    outline="#8a5a3f",
    bone="#fff3e6",
    hair="#4a3326",
    hair_light="#7a5a45",
    landmark="#9a6548",
    zone_line="#6f4a36",
    target=OKABE_ITO["bluish-green"],
    caution=OKABE_ITO["vermillion"],
    marked=OKABE_ITO["reddish-purple"],
    hover=OKABE_ITO["blue"],
    hand="#fbfbfb",
    hand_line="#2b3440",
    trail=OKABE_ITO["blue"],
    touch="#ffd21f",
    touch_line="#5a3a00",
    towel="#f4f1e8",
    pressure=(OKABE_ITO["sky-blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]),
)

DARK = Theme(
    name="dark",
    **_window("dark"),
    warning=OKABE_ITO["orange"],
    background="#1a1e24",
    background2="#262c35",
    skin="#c99676",
    skin_light="#dcae8e",
    skin_shade="#94664b",
    outline="#3d2a20",
    bone="#f3e4d3",
    hair="#2a1d16",
    hair_light="#5a4234",
    landmark="#70472f",
    zone_line="#4a3024",
    target="#2ec4a0",
    caution="#ff7a3d",
    marked="#e59ac4",
    hover=OKABE_ITO["sky-blue"],
    hand="#f2f4f7",
    hand_line="#0e1116",
    trail=OKABE_ITO["sky-blue"],
    touch=OKABE_ITO["yellow"],
    touch_line="#000000",
    towel="#dfe6ee",
    pressure=(OKABE_ITO["sky-blue"], OKABE_ITO["orange"], "#ff7a3d"),
    shadow_alpha=120,
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    **_window("high-contrast"),
    warning=OKABE_ITO["yellow"],
    background="#000000",
    background2="#000000",
    skin="#e8e2da",
    skin_light="#ffffff",
    skin_shade="#b9b0a4",
    outline="#000000",
    bone="#000000",
    hair="#3a3a3a",
    hair_light="#6a6a6a",
    landmark="#000000",
    zone_line="#000000",
    target="#00b386",
    caution="#e04a00",
    marked="#b0307a",
    hover="#0050ff",
    hand="#ffffff",
    hand_line="#000000",
    trail="#2f95ff",
    touch="#ffe600",
    touch_line="#000000",
    towel="#ffffff",
    pressure=("#0072ff", "#e69f00", "#e04a00"),
    shadow_alpha=140,
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}


def theme(name: str) -> Theme:
    """A theme by name; unknown names fall back to light."""
    return THEMES.get(name, LIGHT)
