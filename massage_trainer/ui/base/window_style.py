"""Window colours and the style sheet for each theme (light, dark, high contrast).

These are the one source of the window's colours; the diagram's theme (ui/themes.py) takes its
window, panel, text, muted, accent, danger and ok colours from here, so panel and picture agree.
Plain named tuples: this module loads before the first paint (dataclasses cost ~1 ms each).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from massage_trainer.ui.base import control_style

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


def current() -> str:
    """The theme the application is styled in now (light before any)."""
    app = QApplication.instance()
    name = app.property("massageTrainerTheme") if app is not None else None
    return name if isinstance(name, str) and name in THEME_NAMES else "light"


def colours(theme: str) -> Colours:
    """The window colours of `theme` (light for an unknown name)."""
    return COLOURS.get(theme, COLOURS["light"])


def apply(app: QApplication, theme: str) -> Colours:
    """Set the application palette and style sheet for `theme`; returns the colours used."""
    c = colours(theme)
    pal = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, c.window),
        (QPalette.ColorRole.Base, c.panel),
        (QPalette.ColorRole.AlternateBase, c.window),
        (QPalette.ColorRole.Button, c.panel),
        (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.ButtonText, c.text),
        (QPalette.ColorRole.ToolTipBase, c.panel),
        (QPalette.ColorRole.ToolTipText, c.text),
        (QPalette.ColorRole.PlaceholderText, c.muted),
        (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.HighlightedText, c.window),
        (QPalette.ColorRole.Link, c.accent),
    ):
        pal.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    app.setPalette(pal)
    app.setProperty("massageTrainerTheme", theme)
    line = QFontMetrics(app.font()).height()
    app.setStyleSheet(style_sheet(c, theme) + control_style.controls_sheet(c, theme, line))
    return c


class AppStyle:
    """The theme the application is styled in, changed only when another one is asked for: a
    new style sheet re-polishes every widget that exists."""

    def __init__(self) -> None:
        self.theme: str | None = None

    def use(self, theme: str) -> Colours:
        """Style the application in `theme` (light when unknown); returns its colours."""
        theme = theme if theme in THEME_NAMES else "light"
        app = QApplication.instance()
        if theme == self.theme or not isinstance(app, QApplication):
            return colours(theme)
        self.theme = theme
        return apply(app, theme)


def style_sheet(c: Colours, theme: str) -> str:
    hc = theme == "high-contrast"
    bw = 2 if hc else 1
    return f"""
QMainWindow, QDialog {{ background: {c.window}; }}
#stepPanel {{ background: {c.panel}; border-left: {bw}px solid {c.border}; }}
#stepPanel[flash="true"] {{ background: {c.flash}; }}
#stepCounter {{ color: {c.muted}; }}
#stepTitle {{ color: {c.text}; }}
#stepTechnique {{ color: {c.accent}; }}
#countdown {{ color: {c.text}; }}
#sessionStatus {{ color: {c.accent}; font-weight: 600; }}
#repetitions {{ color: {c.text}; }}
#pressureTempo {{ color: {c.text}; }}
#instructions {{ color: {c.text}; }}
#cautions {{ color: {c.warning}; background: {c.warning_bg}; border-radius: 6px;
    padding: 8px 10px; {"border: 2px solid " + c.warning + ";" if hc else ""} }}
#projectChoices {{ color: {c.muted}; }}
#nextPreview {{ color: {c.muted}; border-top: {bw}px solid {c.border}; padding-top: 8px; }}
#controlBar {{ background: {c.panel}; border-top: {bw}px solid {c.border}; }}
#controlBar QToolButton {{ color: {c.text}; padding: 5px 11px; border-radius: 6px;
    border: 2px solid {c.border if hc else "transparent"}; }}
#controlBar QToolButton::menu-indicator {{ image: none; width: 0px; }}
#stepScroll, #stepDetails {{ background: transparent; }}
#controlBar QToolButton:hover {{ border: 2px solid {c.accent}; }}
#controlBar QToolButton:disabled {{ color: {c.disabled};
    {"border: 2px dashed " + c.disabled + ";" if hc else ""} }}
#controlBar QToolButton:focus, #protocolButton:focus {{ border: 2px solid {c.focus}; }}
#controlBar QToolButton#startButton {{ background: {c.accent}; color: {c.window};
    font-weight: 700; }}
#controlBar QToolButton#startButton:focus {{ border: 2px solid {c.text}; }}
#controlBar QToolButton#startButton:disabled {{ background: {c.window if hc else c.border};
    color: {c.disabled if hc else c.muted}; {"border: 2px dashed " + c.disabled + ";" if hc else ""} }}
#controlBar QToolButton#painButton {{ color: {c.danger}; font-weight: 700;
    border: 2px solid {c.danger}; }}
#controlBar QToolButton#painButton:focus {{ border: 2px solid {c.focus}; }}
#protocolButton {{ color: {c.text}; font-weight: 600; padding: 3px 9px; border-radius: 6px;
    border: 2px solid {c.line if hc else c.border}; background: {c.panel}; }}
#protocolButton:hover {{ border-color: {c.accent}; }}
QProgressBar#stepProgress {{ background: {c.window if hc else c.border}; max-height: 8px;
    border-radius: 4px; border: {"1px solid " + c.line if hc else "none"}; }}
QProgressBar#stepProgress::chunk {{ background: {c.accent}; border-radius: 4px; }}
#banner {{ background: {c.warning_bg}; color: {c.warning}; padding: 6px 12px;
    border-bottom: {bw}px solid {c.border}; }}
#blank {{ background: #000000; }}
QStatusBar {{ color: {c.muted}; background: {c.window}; }}
QStatusBar QLabel {{ color: {c.muted}; }}
QMenuBar {{ background: {c.window}; color: {c.text}; }}
QMenuBar::item:selected {{ background: {c.accent}; color: {c.window}; }}
QMenu {{ background: {c.panel}; color: {c.text}; border: 1px solid {c.border}; }}
QMenu::item:selected {{ background: {c.accent}; color: {c.window}; }}
QToolTip {{ background: {c.panel}; color: {c.text}; border: 1px solid {c.border}; }}
"""
