"""The two history charts: pain before/after per session over time, and minutes per technique."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QFontMetrics

from massage_trainer.core.history.log import SessionRecord
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.history.text import technique_name

BEFORE_COLOUR = "#d55e00"  # Okabe-Ito vermillion: pain before
AFTER_COLOUR = "#009e73"  # Okabe-Ito bluish green: pain after
GUIDED_COLOUR = "#0072b2"
PRACTICE_COLOUR = "#cc79a7"


def day_ticks(first: float, last: float) -> list[list[tuple[float, str]]]:
    """Date ticks for a time axis in seconds: one per day, week or month, whichever fits ~8."""
    start = datetime.fromtimestamp(first).date()
    end = datetime.fromtimestamp(last).date()
    span = max(1, (end - start).days)
    step = next((d for d in (1, 2, 7, 14, 30, 61, 91, 182, 365) if span / d <= 8), 730)
    major: list[tuple[float, str]] = []
    day = start
    while day <= end + timedelta(days=1):
        at = datetime(day.year, day.month, day.day, 12).timestamp()
        shown = QDate(day.year, day.month, day.day)  # month names in the interface language
        major.append((at, QLocale().toString(shown, "d MMM" if span < 300 else "MMM yyyy")))
        day += timedelta(days=step)
    return [major]


def two_lines(label: str, longest: int = 20) -> str:
    """A name longer than `longest` characters broken at the space nearest its middle, so the
    axis stays narrow (Russian technique names run up to twice as long as the English ones)."""
    if len(label) <= longest or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(len(label) - 2 * i))
    return label[:cut] + "\n" + label[cut + 1 :]


def pain_summary(records: Sequence[SessionRecord]) -> str:
    """The pain chart in words for a screen reader: how many sessions, the last scores."""
    if not records:
        return QCoreApplication.translate("HistoryCharts", "No pain scores recorded yet.")
    last = records[-1]

    def score(v: int | None) -> str:
        return "—" if v is None else str(v)

    return (
        QCoreApplication.translate(
            "HistoryCharts", "%1 sessions with pain scores; the last one: before %2, after %3."
        )
        .replace("%1", str(len(records)))
        .replace("%2", score(last.pain_before))
        .replace("%3", score(last.pain_after))
    )


class _Chart(pg.PlotWidget):  # type: ignore[misc]
    """A still chart: no mouse zoom, no menu; themed title, axes and legend."""

    title_text = ""

    def __init__(self, legend_offset: tuple[int, int]) -> None:
        super().__init__()
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.25)
        self.setMinimumHeight(220)
        self.legend = self.addLegend(offset=legend_offset, labelTextSize="9pt")
        self.theme: Theme | None = None

    def apply_theme(self, th: Theme) -> None:
        self.theme = th
        self.setBackground(th.panel)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setPen(th.muted)
            self.getAxis(axis).setTextPen(th.text)
        self.legend.setLabelTextColor(th.text)
        self.legend.setBrush(pg.mkBrush(QColor(th.panel)))
        self.retranslate()

    def retranslate(self) -> None:
        colour = self.theme.text if self.theme else "#1f2328"
        self.setTitle(self.title(), color=colour, size="10.5pt")
        self.setAccessibleName(self.title())

    def title(self) -> str:
        return ""


MARKED_POINTS = 400
"""Up to this many sessions each gets its mark; over years of sessions the lines alone show the
trend (and thousands of marks would take a noticeable moment to draw)."""


class PainChart(_Chart):
    """Pain before (circles) and after (squares) each session, joined by a thin line per session."""

    def __init__(self) -> None:
        super().__init__((-10, 8))
        self.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

    def title(self) -> str:
        return QCoreApplication.translate(
            "HistoryCharts", "Pain before and after each session (0-10)"
        )

    def draw(self, records: Sequence[SessionRecord]) -> None:
        muted = self.theme.muted if self.theme else "#888888"
        panel = self.theme.panel if self.theme else "#ffffff"
        self.clear()
        self.legend.clear()
        pts = [r for r in records if r.pain_before is not None or r.pain_after is not None]
        self.setAccessibleDescription(pain_summary(pts))
        if pts:
            xs = [r.started.timestamp() for r in pts]
            joined = [
                (x, r.pain_before, r.pain_after)
                for r, x in zip(pts, xs, strict=True)
                if r.pain_before is not None and r.pain_after is not None
            ]
            if joined:  # one item for every session's line: years of sessions stay quick
                self.plot(
                    [x for x, _, _ in joined for _ in (0, 1)],
                    [v for _, before, after in joined for v in (before, after)],
                    pen=pg.mkPen(muted, width=1),
                    connect="pairs",
                )
            for attr, colour, symbol, label in (
                (
                    "pain_before",
                    BEFORE_COLOUR,
                    "o",
                    QCoreApplication.translate("HistoryCharts", "before"),
                ),
                (
                    "pain_after",
                    AFTER_COLOUR,
                    "s",
                    QCoreApplication.translate("HistoryCharts", "after"),
                ),
            ):
                sx = [x for r, x in zip(pts, xs, strict=True) if getattr(r, attr) is not None]
                sy = [getattr(r, attr) for r in pts if getattr(r, attr) is not None]
                marks: dict[str, object] = {}
                if len(sx) <= MARKED_POINTS:  # beyond that the marks merge into a smear
                    marks = {
                        "symbol": symbol,
                        "symbolSize": 9,
                        "symbolBrush": colour,
                        "symbolPen": pg.mkPen(panel, width=1),
                    }
                self.plot(sx, sy, pen=pg.mkPen(colour, width=2), name=label, **marks)
            pad = max(86400.0, (max(xs) - min(xs)) * 0.04)
            self.setXRange(min(xs) - pad, max(xs) + pad, padding=0)
            self.getAxis("bottom").setTicks(day_ticks(min(xs), max(xs)))
        self.setYRange(-0.4, 10.4, padding=0)


class MinutesChart(_Chart):
    """The practice log: minutes of completed steps per technique, guided and practice stacked."""

    def __init__(self) -> None:
        super().__init__((-10, -10))
        self.getViewBox().invertY(True)

    def title(self) -> str:
        return QCoreApplication.translate("HistoryCharts", "Minutes per technique")

    def draw(self, records: Sequence[SessionRecord]) -> None:
        self.clear()
        self.legend.clear()
        guided: dict[str, float] = {}
        practice: dict[str, float] = {}
        for r in records:
            target = practice if r.mode == "practice" else guided
            for technique, minutes in r.minutes_by_technique.items():
                target[technique] = target.get(technique, 0.0) + minutes
        names = sorted(
            set(guided) | set(practice), key=lambda t: (-(guided.get(t, 0) + practice.get(t, 0)), t)
        )
        self.setAccessibleDescription(
            "; ".join(
                QCoreApplication.translate("HistoryCharts", "%1: %2 min guided, %3 min practice")
                .replace("%1", technique_name(t))
                .replace("%2", f"{guided.get(t, 0.0):.0f}")
                .replace("%3", f"{practice.get(t, 0.0):.0f}")
                for t in names
            )
            or QCoreApplication.translate("HistoryCharts", "No minutes recorded yet.")
        )
        axis = self.getAxis("left")
        metrics = QFontMetrics(axis.font())
        labels = [two_lines(technique_name(t)) for t in names]
        axis.setTicks([list(enumerate(labels))])
        widths = [metrics.horizontalAdvance(line) for x in labels for line in x.split("\n")]
        axis.setWidth(max(widths, default=20) + 14)
        colour = self.theme.text if self.theme else "#1f2328"
        self.getAxis("bottom").setLabel(
            QCoreApplication.translate("HistoryCharts", "minutes"), color=colour
        )
        if not names:
            return
        g = [guided.get(t, 0.0) for t in names]
        p = [practice.get(t, 0.0) for t in names]
        ys = list(range(len(names)))
        bars = {"height": 0.62, "pen": None, "y": ys}
        self.addItem(
            pg.BarGraphItem(
                x0=[0] * len(names),
                width=g,
                brush=GUIDED_COLOUR,
                name=QCoreApplication.translate("HistoryCharts", "guided"),
                **bars,
            )
        )
        if any(p):
            self.addItem(
                pg.BarGraphItem(
                    x0=g,
                    width=p,
                    brush=PRACTICE_COLOUR,
                    name=QCoreApplication.translate("HistoryCharts", "practice"),
                    **bars,
                )
            )
        self.setYRange(-0.6, len(names) - 0.4, padding=0)
        self.setXRange(0, max(a + b for a, b in zip(g, p, strict=True)) * 1.08, padding=0)
