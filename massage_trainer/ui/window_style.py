"""Window colours and the style sheet for each theme (light, dark, high contrast).

The diagram's own colours live in ui/themes.py (body-diagram helper); when it is there its window
colours win, so the panel and the picture always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEME_NAMES = ("light", "dark", "high-contrast")


@dataclass(frozen=True)
class Colours:
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    danger: str
    ok: str
    warning: str
    warning_bg: str
    border: str
    flash: str


_FALLBACK = {
    "light": Colours(
        "#efebe5",
        "#fbfaf8",
        "#1d232a",
        "#59626c",
        "#1f6391",
        "#b3261e",
        "#2e7d32",
        "#7a4f00",
        "#fff1cf",
        "#d6d0c6",
        "#fff3b0",
    ),
    "dark": Colours(
        "#15181c",
        "#1e2227",
        "#eceff2",
        "#a2abb5",
        "#72b8e8",
        "#ff7b6e",
        "#74d17f",
        "#ffd27a",
        "#3a3120",
        "#343a42",
        "#4a4320",
    ),
    "high-contrast": Colours(
        "#000000",
        "#000000",
        "#ffffff",
        "#ffffff",
        "#ffff00",
        "#ff5050",
        "#00ff66",
        "#ffff00",
        "#000000",
        "#ffffff",
        "#303000",
    ),
}


def colours(theme: str) -> Colours:
    """The window colours of `theme`, taking ui.themes' values where it defines them."""
    base = _FALLBACK.get(theme, _FALLBACK["light"])
    try:
        from massage_trainer.ui.themes import THEMES
    except ImportError:
        return base
    t = THEMES.get(theme)
    if t is None:
        return base
    picked = {}
    for field in ("window", "panel", "text", "accent", "danger", "ok"):
        value = getattr(t, field, None)
        if value is not None:
            picked[field] = value if isinstance(value, str) else QColor(value).name()
    muted = getattr(t, "muted", None) or getattr(t, "muted_text", None)
    if muted is not None:
        picked["muted"] = muted if isinstance(muted, str) else QColor(muted).name()
    return Colours(**{**base.__dict__, **picked})


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
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.muted))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet(c, theme))
    return c


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
#nextPreview {{ color: {c.muted}; border-top: {bw}px solid {c.border}; padding-top: 8px; }}
#controlBar {{ background: {c.panel}; border-top: {bw}px solid {c.border}; }}
#controlBar QToolButton {{ color: {c.text}; padding: 6px 12px; border-radius: 6px;
    border: {bw}px solid {c.border if hc else "transparent"}; }}
#controlBar QToolButton::menu-indicator {{ image: none; width: 0px; }}
#stepScroll, #stepDetails {{ background: transparent; }}
#controlBar QToolButton:hover {{ border: {bw}px solid {c.accent}; }}
#controlBar QToolButton:disabled {{ color: {c.muted}; }}
#controlBar QToolButton#startButton {{ background: {c.accent}; color: {c.window};
    font-weight: 700; }}
#controlBar QToolButton#startButton:disabled {{ background: {c.border}; color: {c.muted}; }}
#controlBar QToolButton#painButton {{ color: {c.danger}; font-weight: 700;
    border: {bw}px solid {c.danger}; }}
#protocolButton {{ color: {c.text}; font-weight: 600; padding: 4px 10px; border-radius: 6px;
    border: {bw}px solid {c.border}; background: {c.panel}; }}
#protocolButton:hover {{ border-color: {c.accent}; }}
QProgressBar#stepProgress {{ border: none; background: {c.border}; max-height: 8px;
    border-radius: 4px; }}
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
