"""The window's colours in each theme (light, dark, high contrast): one named tuple per theme.

window_style builds the palette and style sheet from them, control_style the controls' look, and
the diagram's theme (themes.py) takes its window colours from here. Every text colour here
keeps 4.5:1 on `window`, `panel` and the tints it is used on; `line`, `focus` and `accent` keep
3:1 (WCAG 2.1 AA; tests/ui/test_contrast.py measures them as drawn).
"""

from __future__ import annotations

from typing import NamedTuple

THEME_NAMES = ("light", "dark", "high-contrast")


class Colours(NamedTuple):
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    danger: str
    ok: str
    warning: str
    """Caution text on the panel (darker than the diagram's caution hatching in light)."""
    warning_bg: str
    border: str
    flash: str
    """The step panel's background while it flashes (text keeps 4.5:1 on it)."""
    line: str
    """Outlines that show a control (check boxes, radio buttons, fields): at least 3:1."""
    focus: str
    """The focus ring, 2 px: at least 3:1 against the window and the panel."""
    disabled: str
    """Text of a control that cannot be used now: plainly unlike enabled text."""


COLOURS = {
    "light": Colours(
        window="#f6f4f1",
        panel="#ffffff",
        text="#1f2328",
        muted="#5b6270",
        accent="#0072B2",  # Okabe-Ito blue
        danger="#b34700",  # Okabe-Ito vermillion, darkened to 5:1 as text
        ok="#007a5a",  # Okabe-Ito bluish green, darkened to 4.9:1 as text
        warning="#7a4f00",
        warning_bg="#fff1cf",
        border="#d6d0c6",
        flash="#fff3b0",
        line="#5b6270",
        focus="#0072B2",
        disabled="#8a909a",
    ),
    "dark": Colours(
        window="#1c1f24",
        panel="#252a31",
        text="#e8eaed",
        muted="#a3aab5",
        accent="#56B4E9",  # Okabe-Ito sky blue
        danger="#ff7a3d",
        ok="#2ec4a0",
        warning="#ffd27a",
        warning_bg="#3a3120",
        border="#343a42",
        flash="#3d3719",
        line="#a3aab5",
        focus="#56B4E9",
        disabled="#7d8490",
    ),
    "high-contrast": Colours(
        window="#000000",
        panel="#000000",
        text="#ffffff",
        muted="#ffffff",
        accent="#F0E442",  # Okabe-Ito yellow
        danger="#ff6a00",
        ok="#00e0a8",
        warning="#ffff00",
        warning_bg="#000000",
        border="#ffffff",
        flash="#303000",
        line="#ffffff",
        focus="#F0E442",
        disabled="#9a9a9a",
    ),
}


def colours(theme: str) -> Colours:
    """The window colours of `theme` (light for an unknown name)."""
    return COLOURS.get(theme, COLOURS["light"])
