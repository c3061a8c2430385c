"""The elision the control bar uses when its words do not fit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from massage_trainer.ui.session.window_layout import elide_right


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
