"""The intensity timeline: minutes across, pressure up, one coloured bar per step, a moving "now".

Drawn with QPainter rather than pyqtgraph: the plot is a handful of bars, and pyqtgraph with numpy
cost ~50 MB and ~0.45 s at start-up (bench/bench_startup.py). The bars, axes and labels are drawn
once into a cached pixmap; moving the cursor repaints only the two thin strips it leaves and enters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

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
Y_MAX = 3.4
"""Top of the pressure axis (firm = 3), leaving room for the step numbers."""
TICK_STEPS_MIN = (0.25, 0.5, 1, 2, 5, 10, 15, 20, 30, 60)
CURSOR_W = 3
LEFT, RIGHT, TOP, BOTTOM = 70, 14, 6, 34

THEME_COLOURS = {  # background, text and axes, cursor
    "light": ("#fbfaf8", "#1d232a", "#b3261e"),
    "dark": ("#1e2227", "#eceff2", "#ffd27a"),
    "high-contrast": ("#000000", "#ffffff", "#ffff00"),
}


def spans(protocol: Protocol) -> list[tuple[float, float]]:
    """(start, end) of every step in seconds of planned session time."""
    out = []
    t = 0.0
    for s in protocol.steps:
        length = s.planned_s if s.planned_s > 0 else WAIT_NOMINAL_S
        out.append((t, t + length))
        t += length
    return out


def tick_step(total_min: float, width_px: float, min_gap_px: float = 46.0) -> float:
    """The smallest round tick spacing (minutes) that keeps the tick labels apart."""
    for step in TICK_STEPS_MIN:
        if total_min <= 0 or width_px * step / total_min >= min_gap_px:
            return float(step)
    return float(TICK_STEPS_MIN[-1])


class Timeline(QWidget):
    """A strip under the diagram; emits stepClicked(index) when a bar is clicked, or picked with
    Left/Right (Home/End) and Enter when it has the keyboard focus."""

    stepClicked = Signal(int)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(QCoreApplication.translate("Timeline", "Session timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._margin_px: tuple[float, float] | None = (
            None  # _margins, until font or language change
        )
        self._fit_height()
        self.setMouseTracking(False)
        self._built = False
        self._protocol: Protocol | None = None
        self._lang = "en"
        self._spans: list[tuple[float, float]] = []
        self._theme = "light"
        self._now_min = 0.0
        self._cursor_x: int | None = None
        self._static: QPixmap | None = None
        self._picked: int | None = None
        """The bar picked by keyboard (framed while the timeline has the focus)."""
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
        self.setProperty("ownsArrowKeys", True)  # keyboard.py: the window's step keys stay out

    def sizeHint(self) -> QSize:
        return QSize(640, self.minimumHeight() + 14)

    def _margins(self) -> tuple[float, float]:
        """Room left of the plot for the pressure names and under it for the minutes, from the
        font (a larger text size must not cut "moderate" or hide "minutes"). Measured once per font
        and language, not on every frame's cursor move."""
        if self._margin_px is not None:
            return self._margin_px
        fm = QFontMetrics(self._small_font())
        names = (
            QCoreApplication.translate("Timeline", "light"),
            QCoreApplication.translate("Timeline", "moderate"),
            QCoreApplication.translate("Timeline", "firm"),
        )
        left = max(LEFT, max(fm.horizontalAdvance(n) for n in names) + 14)
        self._margin_px = float(left), float(max(BOTTOM, 5 + 2 * fm.height() + 2))
        return self._margin_px

    def _fit_height(self) -> None:
        bars = 3 * QFontMetrics(self.font()).height() + 10  # three pressure levels and numbers
        low = max(104, round(TOP + self._margins()[1] + bars))
        self.setMinimumHeight(low)
        self.setMaximumHeight(low + 28)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._margin_px = None  # the pressure names' width changes with either
            self._fit_height()
            self._invalidate()
        super().changeEvent(event)

    @property
    def built(self) -> bool:
        return self._built

    def build(self) -> None:
        """Start drawing (called by the window after its first paint; cheap, kept for that order)."""
        if not self._built:
            self._built = True
            self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)
            self._invalidate()

    # ---- content -------------------------------------------------------------------------

    def set_protocol(self, protocol: Protocol | None, lang: str = "en") -> None:
        self._protocol, self._lang = protocol, lang
        self._spans = [] if protocol is None else spans(protocol)
        self._invalidate()

    def set_now(self, step_index: int, step_time: float) -> None:
        """Move the cursor to `step_time` seconds into step `step_index`."""
        if not self._spans:
            return
        a, b = self._spans[step_index]
        self._now_min = min(b, a + max(0.0, step_time)) / 60.0
        x = round(self._x_of(self._now_min))
        if x != self._cursor_x:
            old, self._cursor_x = self._cursor_x, x
            if self._built and self._static is not None:
                if old is not None:
                    self.update(self._cursor_rect(old))
                self.update(self._cursor_rect(x))

    def now_minutes(self) -> float:
        return self._now_min

    def step_at(self, minutes: float) -> int | None:
        s = minutes * 60.0
        for i, (a, b) in enumerate(self._spans):
            if a <= s < b:
                return i
        return None

    # ---- geometry ------------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        left, bottom = self._margins()
        return QRectF(
            left, TOP, max(1.0, self.width() - left - RIGHT), max(1.0, self.height() - TOP - bottom)
        )

    def _total_min(self) -> float:
        return self._spans[-1][1] / 60.0 if self._spans else 1.0

    def _x_of(self, minutes: float) -> float:
        r = self._plot_rect()
        return r.left() + r.width() * minutes / self._total_min()

    def _minutes_at(self, x: float) -> float:
        r = self._plot_rect()
        return (x - r.left()) / r.width() * self._total_min()

    def _y_of(self, level: float) -> float:
        r = self._plot_rect()
        return r.bottom() - r.height() * level / Y_MAX

    def _cursor_rect(self, x: int) -> QRect:
        r = self._plot_rect().toAlignedRect()
        return QRect(x - CURSOR_W, r.top(), 2 * CURSOR_W + 1, r.height() + 1)

    # ---- painting ------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._static = None
        self._cursor_x = round(self._x_of(self._now_min)) if self._spans else None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._invalidate()

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.85))
        return small

    def _draw_static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pm = QPixmap((QSize(self.width(), self.height()).toSizeF() * ratio).toSize())
        pm.setDevicePixelRatio(ratio)
        bg, fg, _cursor = THEME_COLOURS.get(self._theme, THEME_COLOURS["light"])
        pm.fill(QColor(bg))
        if not self._built:
            return pm
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        font = self._small_font()
        p.setFont(font)
        fm = QFontMetrics(font)
        r = self._plot_rect()
        axis = QColor(fg)
        p.setPen(QPen(axis, 1))
        p.drawLine(QPointF(r.left(), r.top()), QPointF(r.left(), r.bottom()))
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        for level, name in (
            (1, QCoreApplication.translate("Timeline", "light")),
            (2, QCoreApplication.translate("Timeline", "moderate")),
            (3, QCoreApplication.translate("Timeline", "firm")),
        ):
            y = self._y_of(level)
            p.drawLine(QPointF(r.left() - 5, y), QPointF(r.left(), y))
            box = QRectF(0, y - fm.height() / 2, r.left() - 8, fm.height())
            p.drawText(
                box, QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter, name
            )
        total = self._total_min()
        step = tick_step(total, r.width())
        k = 0
        while k * step <= total + 1e-9:
            minutes = k * step
            x = self._x_of(minutes)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 5))
            label = f"{minutes:g}"
            box = QRectF(x - 30, r.bottom() + 5, 60, fm.height())
            p.drawText(
                box, QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignTop, label
            )
            k += 1
        unit = QRectF(r.left(), r.bottom() + 5 + fm.height(), r.width(), fm.height())
        p.drawText(
            unit,
            QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignTop,
            QCoreApplication.translate("Timeline", "minutes"),
        )
        if self._protocol is not None:
            p.setFont(self.font())
            self._draw_bars(p, QFontMetrics(self.font()), QColor(fg))
        p.end()
        return pm

    def _draw_bars(self, p: QPainter, fm: QFontMetrics, fg: QColor) -> None:
        from massage_trainer.core.protocol.vocab import TECHNIQUES  # loads with the protocol

        assert self._protocol is not None
        bottom = self._plot_rect().bottom()
        for i, (s, (a, b)) in enumerate(zip(self._protocol.steps, self._spans, strict=True)):
            colour = QColor(FAMILY_COLOURS.get(TECHNIQUES[s.technique].family, "#888888"))
            fill = QColor(colour)
            fill.setAlpha(190)
            x0, x1 = self._x_of(a / 60.0), self._x_of(b / 60.0)
            top = self._y_of(s.pressure.level)
            bar = QRectF(x0, top, x1 - x0, bottom - top)
            p.fillRect(bar, fill)
            p.setPen(QPen(colour.darker(140), 1))
            p.drawRect(bar)
            label = str(i + 1)
            if fm.horizontalAdvance(label) + 2 <= x1 - x0:
                p.setPen(fg)
                box = QRectF(x0, top - fm.height() - 1, x1 - x0, fm.height())
                p.drawText(
                    box,
                    QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignBottom,
                    label,
                )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._static is None or self._static.deviceIndependentSize().toSize() != self.size():
            self._static = self._draw_static()
        p = QPainter(self)
        p.drawPixmap(QRectF(event.rect()), self._static, self._source_rect(event.rect()))
        if self._built and self._spans and self._cursor_x is not None:
            colour = QColor(THEME_COLOURS.get(self._theme, THEME_COLOURS["light"])[2])
            r = self._plot_rect()
            p.fillRect(QRectF(self._cursor_x - CURSOR_W / 2, r.top(), CURSOR_W, r.height()), colour)
            if self.hasFocus() and self._picked is not None:
                a, b = self._spans[self._picked]
                x0, x1 = self._x_of(a / 60.0), self._x_of(b / 60.0)
                p.setPen(QPen(colour, 2))
                p.drawRect(QRectF(x0 - 2, r.top() + 1, x1 - x0 + 4, r.height() - 2))
        p.end()

    def _source_rect(self, rect: QRect) -> QRectF:
        ratio = self._static.devicePixelRatio() if self._static is not None else 1.0
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        )

    # ---- interaction ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton or not self._plot_rect().contains(
            event.position()
        ):
            super().mousePressEvent(event)
            return
        index = self.step_at(self._minutes_at(event.position().x()))
        if index is not None:
            self.stepClicked.emit(index)

    def picked(self) -> int | None:
        return self._picked

    def pick(self, index: int) -> None:
        """Frame bar `index` and say which step it is (to a screen reader too)."""
        if self._protocol is None or not self._spans:
            return
        self._picked = max(0, min(len(self._spans) - 1, index))
        step = self._protocol.steps[self._picked]
        a, b = self._spans[self._picked]
        self.setAccessibleDescription(
            QCoreApplication.translate("Timeline", "Step %1 of %2: %3, from minute %4 to %5")
            .replace("%1", str(self._picked + 1))
            .replace("%2", str(len(self._spans)))
            .replace("%3", step.title.get(self._lang))
            .replace("%4", f"{a / 60:.1f}")
            .replace("%5", f"{b / 60:.1f}")
            + ". "
            + QCoreApplication.translate(
                "Timeline", "Left and Right pick a step, Enter goes to it."
            )
        )
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        k, key = event.key(), QtCore.Qt.Key
        here = self._picked if self._picked is not None else self.step_at(self._now_min) or 0
        moves = {
            key.Key_Left: here - 1,
            key.Key_Right: here + 1,
            key.Key_Home: 0,
            key.Key_End: 10**6,
        }
        if k in moves:
            self.pick(moves[k])
        elif k in (key.Key_Return, key.Key_Enter) and self._picked is not None:
            self.stepClicked.emit(self._picked)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.pick(self.step_at(self._now_min) or 0)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            index = self.step_at(self._minutes_at(e.position().x()))
            if index is not None and self._protocol is not None:
                step = self._protocol.steps[index]
                QToolTip.showText(e.globalPos(), f"{index + 1}. {step.title.get(self._lang)}", self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    # ---- theme ---------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self._theme = name if name in THEME_COLOURS else "light"
        self._invalidate()
