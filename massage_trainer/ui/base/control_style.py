"""The style of the standard controls in every theme: outlines, chosen states, focus rings.

WCAG 2.1 AA asks 3:1 for what shows a control and its state, and for the focus indicator; the
colours come from window_style (`line`, `accent`, `focus`, `disabled`) and are chosen for that.
A focused control gets a 2-px ring in the focus colour; a check box or radio button draws its
box in `line`, filled with `accent` and a mark when chosen. Sizes follow the font: the indicator
is as tall as a line of text, so a larger text size gives larger boxes.
"""

from __future__ import annotations

from massage_trainer.resources import asset
from massage_trainer.ui.base.colours import Colours


def indicator_px(line_height: int) -> int:
    """The side of a check box or radio button: about a line of text, at least 14 px."""
    return max(14, round(line_height * 0.85))


def controls_sheet(c: Colours, theme: str, line_height: int) -> str:
    """The style sheet of the standard controls for `theme` (`line_height`: the font's, in px)."""
    side = indicator_px(line_height)
    ring = side // 2 + 2  # a circle: half the box with its 2-px border
    check = asset("icons", f"check-{theme}.svg").as_posix()
    hc = theme == "high-contrast"
    return f"""
QRadioButton, QCheckBox {{ border: 2px solid transparent; border-radius: 4px; padding: 1px 2px;
    spacing: 6px; }}
QRadioButton:focus, QCheckBox:focus {{ border-color: {c.focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {side}px; height: {side}px;
    border: 2px solid {c.line}; background: {c.panel}; }}
QRadioButton::indicator {{ border-radius: {ring}px; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator:hover, QCheckBox::indicator:hover {{ border-color: {c.accent}; }}
QRadioButton::indicator:checked {{ border-color: {c.accent}; background: qradialgradient(
    cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {c.accent}, stop: 0.5 {c.accent},
    stop: 0.62 {c.panel}, stop: 1 {c.panel}); }}
QCheckBox::indicator:checked {{ border-color: {c.accent}; background: {c.accent};
    image: url("{check}"); }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-style: dashed;
    border-color: {c.disabled}; }}
QRadioButton:disabled, QCheckBox:disabled {{ color: {c.disabled}; }}
QPushButton {{ color: {c.text}; background: {c.panel}; border: 1px solid {c.line};
    border-radius: 5px; padding: 4px 12px; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:pressed {{ background: {c.border}; }}
QPushButton:default {{ border-width: 2px; padding: 3px 11px; }}
QPushButton:focus {{ border: 2px solid {c.focus}; padding: 3px 11px; }}
QPushButton:disabled {{ color: {c.disabled}; border: {2 if hc else 1}px dashed {c.disabled}; }}
QToolButton:focus {{ border: 2px solid {c.focus}; border-radius: 4px; }}
QComboBox, QAbstractSpinBox, QLineEdit {{ color: {c.text}; background: {c.panel};
    border: 1px solid {c.line}; border-radius: 4px; padding: 3px 5px; }}
QComboBox:focus, QAbstractSpinBox:focus, QLineEdit:focus {{ border: 2px solid {c.focus};
    padding: 2px 4px; }}
QComboBox:disabled, QAbstractSpinBox:disabled, QLineEdit:disabled {{ color: {c.disabled};
    border-style: dashed; }}
QComboBox QAbstractItemView {{ background: {c.panel}; color: {c.text};
    selection-background-color: {c.accent}; selection-color: {c.window}; }}
QPlainTextEdit, QTextEdit, QAbstractItemView {{ border: 1px solid {c.line}; }}
QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {{ border: 2px solid {c.focus}; }}
QScrollArea:focus {{ border: 2px solid {c.focus}; }}
QSlider:focus, QTabBar::tab:focus {{ border: 2px solid {c.focus}; }}
"""
