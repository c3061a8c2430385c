"""Small widgets of the safety panel: the coloured verdict box and wrapped, clickable check labels."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

VERDICT_MIN_LINES_PX = 96
"""However tight the panel, the verdict keeps this much height; the rest of it scrolls."""


class ClickLabel(QLabel):
    """A wrapped label that toggles its check box when clicked (QCheckBox text cannot wrap)."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()


class VerdictBox(QFrame):
    """The verdict in colour and words: go, adapted, wait, stop, or what is still missing.

    Its height follows its wrapped text at the width it has (a layout alone gives a wrapped label
    the height of one width and keeps it), and when the panel is too short the text scrolls
    inside the coloured frame: every word of a Stop stays readable at any window size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBox")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("verdictScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty Tab stop; the text is read
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.content.setObjectName("verdictContent")
        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(4)
        self.title = QLabel(self.content)
        self.title.setObjectName("verdictTitle")
        self.title.setWordWrap(True)
        self.body = QLabel(self.content)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.title)
        lay.addWidget(self.body)
        lay.addStretch(1)  # given more room than it needs, the text stays at the top
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll)

    def show_verdict(self, title: str, html: str, colour: str, text: str, tint: str) -> None:
        self.title.setText(title)
        self.body.setText(html)
        title_pt = QApplication.font().pointSizeF() * 1.25  # follows the text size setting
        self.setStyleSheet(
            f"#verdictBox {{ background: {tint}; border: 2px solid {colour}; border-radius: 8px; }}"
            f"#verdictScroll, #verdictContent {{ background: transparent; }}"
            f"#verdictBox QLabel {{ color: {text}; background: transparent; border: none; }}"
            f"#verdictTitle {{ font-weight: bold; font-size: {title_pt:.1f}pt; color: {colour}; }}"
        )
        self.scroll.viewport().setAutoFillBackground(False)
        self.setAccessibleName(title)
        self.updateGeometry()

    def text_height(self, width: int | None = None) -> int:
        """Height the title and the reasons need at `width` (default: the width the text has)."""
        w = self.scroll.viewport().width() if width is None else width
        lay = self.content.layout()
        return lay.heightForWidth(w) if lay is not None and w > 0 else 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        frame = self.contentsMargins().top() + self.contentsMargins().bottom() + 4
        return QSize(hint.width(), self.text_height() + frame)

    def minimumSizeHint(self) -> QSize:
        return QSize(
            super().minimumSizeHint().width(), min(VERDICT_MIN_LINES_PX, self.sizeHint().height())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped text: a new width is a new height
