"""The application palette and style sheet for each theme (light, dark, high contrast).

The colours themselves are in ui/base/colours.py (re-exported here); the standard controls'
outlines, chosen states and focus rings are in ui/base/control_style.py. The diagram's theme
(ui/themes.py) takes its window colours from the same place, so panel and picture agree.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from massage_trainer.ui.base import control_style
from massage_trainer.ui.base.colours import COLOURS, THEME_NAMES, Colours, colours

__all__ = ["COLOURS", "THEME_NAMES", "AppStyle", "Colours", "apply", "colours", "current"]


def current() -> str:
    """The theme the application is styled in now (light before any)."""
    app = QApplication.instance()
    name = app.property("massageTrainerTheme") if app is not None else None
    return name if isinstance(name, str) and name in THEME_NAMES else "light"


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
    if app.palette() != pal:  # a second window in the same theme re-polishes nothing
        app.setPalette(pal)
    app.setProperty("massageTrainerTheme", theme)
    line = QFontMetrics(app.font()).height()
    sheet = style_sheet(c, theme) + control_style.controls_sheet(c, theme, line)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    return c


class AppStyle:
    """The theme the application is styled in, changed only when another one is asked for: a
    new style sheet re-polishes every widget that exists."""

    def __init__(self) -> None:
        self.theme: str | None = None

    def use(self, theme: str, force: bool = False) -> Colours:
        """Style the application in `theme` (light when unknown); returns its colours. `force`:
        again in the same theme (the text size changed: sizes in the sheet follow the font)."""
        theme = theme if theme in THEME_NAMES else "light"
        app = QApplication.instance()
        if (theme == self.theme and not force) or not isinstance(app, QApplication):
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
#sessionScroll, #sessionContent {{ background: {c.window}; }}
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
