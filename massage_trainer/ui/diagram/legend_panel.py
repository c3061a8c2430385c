"""The diagram's legend as a widget of its own, for a screen that shows it beside the diagram
(the audience screen): the same colour keys, read from the same view, at a size of its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.diagram.captions import paint_legend
from massage_trainer.ui.diagram.view import BodyView


class LegendPanel(QWidget):
    """The colour keys of `view` (what they mean, the caution zones in its picture)."""

    def __init__(self, view: BodyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._px = 16.0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_px(self, px: float) -> None:
        """Text height in pixels; the swatches follow."""
        if px != self._px:
            self._px = float(px)
            self.updateGeometry()
            self.update()

    def px(self) -> float:
        return self._px

    def lines(self) -> list[str]:
        return [label for label, _brush, _edge in self._view.legend()]

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self._font())
        n = len(self._view.legend())
        return QSize(round(self._px * 24), round(n * (fm.lineSpacing() * 2 + self._px * 0.35)))

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(round(self._px))
        return f

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            paint_legend(
                p,
                0.0,
                0.0,
                float(self.width()),
                px=self._px,
                items=self._view.legend(),
                th=get_theme(self._view.theme_name()),
            )
        finally:
            p.end()
