"""The intensity timeline: minutes across, pressure up, one coloured bar per step, a moving "now".

pyqtgraph (and numpy under it) take most of a second to import, so the plot is built on demand
(`build()`, called by the window after its first paint); until then this is an empty strip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from massage_trainer.core.protocol import Protocol
from massage_trainer.core.vocab import TECHNIQUES

FAMILY_COLOURS = {
    "stroking": "#4a90c8",
    "rubbing": "#e08a2c",
    "kneading": "#8e5cc2",
    "percussion": "#d2504a",
    "stretching": "#3fa36b",
    "vibration": "#2aa5a0",
}
WAIT_NOMINAL_S = 30.0
"""Width given to a press-Next step that has no suggested length, so it can still be clicked."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def spans(protocol: Protocol) -> list[tuple[float, float]]:
    """(start, end) of every step in seconds of planned session time."""
    out = []
    t = 0.0
    for s in protocol.steps:
        length = s.planned_s if s.planned_s > 0 else WAIT_NOMINAL_S
        out.append((t, t + length))
        t += length
    return out


class Timeline(QWidget):
    """A strip under the diagram; emits stepClicked(index) when a bar is clicked."""

    stepClicked = Signal(int)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(_tr("Session timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(104)
        self.setMaximumHeight(132)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None
        self._pg: Any = None
        self._protocol: Protocol | None = None
        self._spans: list[tuple[float, float]] = []
        self._labels: list[Any] = []
        self._cursor: Any = None
        self._theme = "light"
        self._now_min = 0.0

    @property
    def built(self) -> bool:
        return self.plot is not None

    def build(self) -> None:
        """Import pyqtgraph and make the plot (once)."""
        if self.plot is not None:
            return
        import pyqtgraph as pg

        self._pg = pg
        plot = pg.PlotWidget(self, enableMenu=False)
        plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.getPlotItem().setContentsMargins(4, 4, 10, 2)
        plot.setYRange(0, 3.4, padding=0)
        axis = plot.getAxis("left")
        axis.setTicks([[(1, _tr("light")), (2, _tr("moderate")), (3, _tr("firm"))]])
        axis.setWidth(64)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.85))
        for name in ("left", "bottom"):
            plot.getAxis(name).setStyle(tickFont=small, tickTextOffset=3)
        plot.getAxis("bottom").setLabel(
            _tr("minutes"), **{"font-size": f"{small.pointSizeF():g}pt"}
        )
        plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot = plot
        self._layout.addWidget(plot)
        self._apply_theme()
        if self._protocol is not None:
            self.set_protocol(self._protocol)

    # ---- content -------------------------------------------------------------------------

    def set_protocol(self, protocol: Protocol | None, lang: str = "en") -> None:
        self._protocol = protocol
        self._spans = [] if protocol is None else spans(protocol)
        if self.plot is None:
            return
        pg = self._pg
        self.plot.clear()
        self._labels = []
        if protocol is None:
            return
        for i, (step, (a, b)) in enumerate(zip(protocol.steps, self._spans, strict=True)):
            colour = QColor(FAMILY_COLOURS.get(TECHNIQUES[step.technique].family, "#888888"))
            level = step.pressure.level
            fill = QColor(colour)
            fill.setAlpha(190)
            bar = pg.BarGraphItem(
                x0=[a / 60.0],
                x1=[b / 60.0],
                y0=[0],
                y1=[level],
                brush=fill,
                pen=pg.mkPen(colour.darker(140), width=1),
            )
            bar.setToolTip(f"{i + 1}. {step.title.get(lang)}")
            self.plot.addItem(bar)
            label = pg.TextItem(str(i + 1), anchor=(0.5, 1.0), color=self._label_colour())
            label.setPos((a + b) / 120.0, level - 0.05)
            self.plot.addItem(label)
            self._labels.append(label)
        total = self._spans[-1][1] / 60.0
        self.plot.setXRange(0, total, padding=0.01)
        self._cursor = pg.InfiniteLine(
            pos=self._now_min, angle=90, movable=False, pen=pg.mkPen(self._cursor_colour(), width=3)
        )
        self.plot.addItem(self._cursor)

    def set_now(self, step_index: int, step_time: float) -> None:
        """Move the cursor to `step_time` seconds into step `step_index`."""
        if not self._spans:
            return
        a, b = self._spans[step_index]
        self._now_min = min(b, a + max(0.0, step_time)) / 60.0
        if self._cursor is not None and abs(self._cursor.value() - self._now_min) > 1e-4:
            self._cursor.setValue(self._now_min)

    def now_minutes(self) -> float:
        return self._now_min

    def step_at(self, minutes: float) -> int | None:
        s = minutes * 60.0
        for i, (a, b) in enumerate(self._spans):
            if a <= s < b:
                return i
        return None

    def _clicked(self, ev: Any) -> None:
        if self.plot is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.plot.getPlotItem().vb
        point = vb.mapSceneToView(QPointF(ev.scenePos()))
        index = self.step_at(point.x())
        if index is not None:
            self.stepClicked.emit(index)

    # ---- theme ---------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self._theme = name
        self._apply_theme()
        if self.plot is not None and self._protocol is not None:
            self.set_protocol(self._protocol)

    def _label_colour(self) -> str:
        return {"dark": "#eceff2", "high-contrast": "#ffffff"}.get(self._theme, "#1d232a")

    def _cursor_colour(self) -> str:
        return {"dark": "#ffd27a", "high-contrast": "#ffff00"}.get(self._theme, "#b3261e")

    def _apply_theme(self) -> None:
        if self.plot is None:
            return
        bg = {"dark": "#1e2227", "high-contrast": "#000000"}.get(self._theme, "#fbfaf8")
        fg = self._label_colour()
        self.plot.setBackground(bg)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self._pg.mkPen(fg))
            axis.setTextPen(self._pg.mkPen(fg))
