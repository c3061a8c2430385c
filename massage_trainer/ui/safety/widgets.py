"""Small widgets of the safety panel: the coloured verdict box and wrapped, clickable check labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget


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
    """The verdict in colour and words: go, adapted, wait, stop, or what is still missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBox")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("verdictTitle")
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.title)
        lay.addWidget(self.body)

    def show_verdict(self, title: str, html: str, colour: str, text: str, tint: str) -> None:
        self.title.setText(title)
        self.body.setText(html)
        title_pt = QApplication.font().pointSizeF() * 1.25  # follows the text size setting
        self.setStyleSheet(
            f"#verdictBox {{ background: {tint}; border: 2px solid {colour}; border-radius: 8px; }}"
            f"#verdictBox QLabel {{ color: {text}; background: transparent; border: none; }}"
            f"#verdictTitle {{ font-weight: bold; font-size: {title_pt:.1f}pt; color: {colour}; }}"
        )
        self.setAccessibleName(title)
