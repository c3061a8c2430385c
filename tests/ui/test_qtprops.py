"""Enum properties set by key name, and the elision the first paint uses (ui/qtprops.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from massage_trainer.ui.qtprops import set_props
from massage_trainer.ui.window_layout import elide_right


def test_keys_set_the_same_values_as_the_enums(qapp: QApplication) -> None:
    label, button, timer = QLabel(), QToolButton(), QTimer()
    set_props(label, alignment="AlignLeft|AlignVCenter", textFormat="PlainText")
    set_props(button, toolButtonStyle="ToolButtonIconOnly", focusPolicy="NoFocus")
    set_props(timer, timerType="PreciseTimer")
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert button.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert timer.timerType() is Qt.TimerType.PreciseTimer


@pytest.mark.parametrize(
    ("name", "key"), [("focusPolicy", "NoFocusAtAll"), ("focusPolicyy", "NoFocus")]
)
def test_a_wrong_name_or_key_raises(qapp: QApplication, name: str, key: str) -> None:
    button = QToolButton()
    with pytest.raises(ValueError, match=name):
        set_props(button, **{name: key})
    assert button.focusPolicy() == Qt.FocusPolicy.TabFocus  # unchanged
    assert name not in [bytes(p).decode() for p in button.dynamicPropertyNames()]


@given(text=st.text(min_size=0, max_size=60), width=st.integers(min_value=0, max_value=400))
def test_elided_text_fits_and_keeps_the_start(qapp: QApplication, text: str, width: int) -> None:
    metrics = QFontMetrics(QFont("DejaVu Sans", 11))
    shown = elide_right(metrics, text, width)
    if metrics.horizontalAdvance(text) <= width:
        assert shown == text
    else:
        assert shown.endswith("…")
        assert text.startswith(shown[:-1])
        assert metrics.horizontalAdvance(shown) <= width or shown == "…"
