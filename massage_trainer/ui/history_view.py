"""The history page: a table of sessions, pain and practice charts, course status, and exports.

The table shows the newest session first; the charts run oldest to newest. Everything comes from
core.history; this widget only draws it and asks where to save exports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core import course
from massage_trainer.core.export_csv import to_csv
from massage_trainer.core.history import ALL, History, SessionRecord, Status
from massage_trainer.core.protocol import Protocol
from massage_trainer.core.vocab import TECHNIQUES, Technique
from massage_trainer.ui.receivers import NO_RECEIVER
from massage_trainer.ui.themes import theme as get_theme

ALL_RECEIVERS = -2
BEFORE_COLOUR = "#d55e00"  # Okabe-Ito vermillion: pain before
AFTER_COLOUR = "#009e73"  # Okabe-Ito bluish green: pain after
PRACTICE_COLOUR = "#cc79a7"
GUIDED_COLOUR = "#0072b2"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryView", text)


def status_text(status: Status) -> str:
    return {
        Status.RUNNING: _tr("in progress"),
        Status.COMPLETED: _tr("completed"),
        Status.INTERRUPTED: _tr("interrupted"),
        Status.STOPPED: _tr("stopped"),
        Status.REFUSED: _tr("not started (safety)"),
    }[status]


def technique_name(technique: str) -> str:
    try:
        return _tr(TECHNIQUES[Technique(technique)].plain)
    except ValueError:
        return technique


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
        major.append((at, day.strftime("%d %b" if span < 300 else "%b %Y")))
        day += timedelta(days=step)
    return [major]


def catalog_lookup(data_dir: Path | None) -> Callable[[str], Protocol | None]:
    """Protocols by id (bundled and the user's), read once on first use."""
    found: dict[str, Protocol] = {}
    loaded = False

    def lookup(protocol_id: str) -> Protocol | None:
        nonlocal loaded
        if not loaded:
            loaded = True
            from massage_trainer.core import catalog

            for e in catalog.scan(data_dir):
                if e.protocol is not None:
                    found.setdefault(e.protocol.id, e.protocol)
        return found.get(protocol_id)

    return lookup


def course_text(st: course.CourseStatus) -> str:
    """The course line under the receiver choice, in the user's language."""
    if st.course == 0:
        return _tr("No sessions yet. A course is usually 10 to 20 sessions.")
    text = _tr("Course %1: %2 sessions since %3.").replace("%1", str(st.course))
    text = text.replace("%2", str(st.sessions)).replace("%3", str(st.started))
    if st.over:
        text += " " + _tr("It has ended; the next session starts a new course.")
    elif st.break_due:
        text += " " + _tr("A full course (usually 10 to 20 sessions): time for a break.")
    else:
        text += " " + _tr("Next: session %1 of this course.").replace(
            "%1", str(st.next_session.session)
        )
    if st.next_course_from is not None:
        text += " " + _tr("A new course can start from %1, if it is still needed.").replace(
            "%1", st.next_course_from.isoformat()
        )
    return text


class HistoryView(QWidget):
    """Sessions table + pain chart + minutes-per-technique chart + CSV/PDF export."""

    sessionActivated = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(
        self,
        history: History | None = None,
        parent: QWidget | None = None,
        *,
        protocols: Callable[[str], Protocol | None] | None = None,
        today: Callable[[], date] = date.today,
        lang: str = "en",
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._protocols = protocols or (lambda _pid: None)
        self._lang = lang
        self._today = today
        self._records: list[SessionRecord] = []
        self._shown: list[SessionRecord] = []
        self._theme = "light"
        self._build()
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.receiver_label = QLabel()
        self.receiver = QComboBox()
        self.receiver.setMinimumWidth(160)
        self.csv_button = QPushButton()
        self.pdf_button = QPushButton()
        top.addWidget(self.receiver_label)
        top.addWidget(self.receiver)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        outer.addLayout(top)
        self.course_label = QLabel()
        self.course_label.setWordWrap(True)
        font = QFont(self.course_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.course_label.setFont(font)
        outer.addWidget(self.course_label)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.table)
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        self.pain_plot = pg.PlotWidget()
        self.minutes_plot = pg.PlotWidget()
        for plot in (self.pain_plot, self.minutes_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMinimumHeight(220)
        self.pain_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.pain_legend = self.pain_plot.addLegend(offset=(-10, 8), labelTextSize="9pt")
        self.minutes_legend = self.minutes_plot.addLegend(offset=(-10, -10), labelTextSize="9pt")
        row.addWidget(self.pain_plot, 3)
        row.addWidget(self.minutes_plot, 2)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        self.receiver.currentIndexChanged.connect(lambda _i: self._fill())
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(self._activated)
        self.retranslate()
        self.set_theme(self._theme)

    def retranslate(self) -> None:
        self.receiver_label.setText(self.tr("Receiver:"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.pdf_button.setText(self.tr("Session report (PDF)…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Receiver"),
                self.tr("Protocol"),
                self.tr("Status"),
                self.tr("Steps"),
                self.tr("Pain before → after"),
                self.tr("Minutes"),
                self.tr("Course"),
            ]
        )
        self._titles()

    def _titles(self) -> None:
        colour = get_theme(self._theme).text
        self.pain_plot.setTitle(
            self.tr("Pain before and after each session (0-10)"), color=colour, size="10.5pt"
        )
        self.minutes_plot.setTitle(self.tr("Minutes per technique"), color=colour, size="10.5pt")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def set_theme(self, name: str) -> None:
        self._theme = name
        th = get_theme(name)
        for plot in (self.pain_plot, self.minutes_plot):
            plot.setBackground(th.panel)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(th.muted)
                plot.getAxis(axis).setTextPen(th.text)
        for legend in (self.pain_legend, self.minutes_legend):
            legend.setLabelTextColor(th.text)
            legend.setBrush(pg.mkBrush(QColor(th.panel)))
        self._titles()
        self._draw_charts()

    # ------------------------------------------------------------------ data

    def protocol_title(self, protocol_id: str) -> str:
        found = self._protocols(protocol_id)
        return found.title.get(self._lang) if found is not None else protocol_id

    def set_history(self, history: History | None) -> None:
        self._history = history
        self.refresh()

    def refresh(self) -> None:
        """Re-read the log (after a session ended, or a receiver was added)."""
        self._records = self._history.sessions() if self._history is not None else []
        keep = self.receiver.currentData()
        self.receiver.blockSignals(True)
        self.receiver.clear()
        self.receiver.addItem(self.tr("Everyone"), ALL_RECEIVERS)
        self.receiver.addItem(self.tr("No name"), NO_RECEIVER)
        for r in self._history.receivers() if self._history is not None else []:
            self.receiver.addItem(r.name, r.id)
        self.receiver.setCurrentIndex(max(0, self.receiver.findData(keep)))
        self.receiver.blockSignals(False)
        self._fill()

    def selected_receiver(self) -> int | object | None:
        data = self.receiver.currentData()
        if data in (None, ALL_RECEIVERS):
            return ALL
        return None if data == NO_RECEIVER else int(data)

    def shown_sessions(self) -> list[SessionRecord]:
        """The sessions in the table, oldest first."""
        return list(self._shown)

    def _fill(self) -> None:
        who = self.selected_receiver()
        self._shown = [r for r in self._records if who is ALL or r.receiver_id == who]
        places = course.places_by_session(self._records)
        self.table.setRowCount(len(self._shown))
        th = get_theme(self._theme)
        colours = {
            Status.COMPLETED: th.ok,
            Status.INTERRUPTED: th.warning,
            Status.STOPPED: th.danger,
            Status.REFUSED: th.muted,
            Status.RUNNING: th.accent,
        }
        for row, r in enumerate(reversed(self._shown)):
            place = places.get(r.id)
            pain = "–"
            if r.pain_before is not None or r.pain_after is not None:
                b = "?" if r.pain_before is None else str(r.pain_before)
                a = "?" if r.pain_after is None else str(r.pain_after)
                pain = f"{b} → {a}"
            cells = [
                r.started.strftime("%Y-%m-%d %H:%M"),
                r.receiver_name or self.tr("No name"),
                self.protocol_title(r.protocol_id),
                status_text(r.status),
                str(r.steps_done),
                pain,
                f"{r.minutes:.0f}",
                self.tr("%1 · %2")
                .replace("%1", str(place.course))
                .replace("%2", str(place.session))
                if place
                else "–",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if col in (4, 5, 6, 7):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == 3:
                    item.setForeground(QColor(colours[r.status]))
                    if r.reason:
                        item.setToolTip(r.reason)
                self.table.setItem(row, col, item)
        who_id = None if who is ALL else who
        if who is ALL and len({r.receiver_id for r in self._records}) == 1 and self._records:
            who_id = self._records[0].receiver_id
        if who is ALL and len({r.receiver_id for r in self._records}) > 1:
            self.course_label.setText(self.tr("Choose a receiver to see their course."))
        else:
            st = course.receiver_status(self._records, who_id, self._today())  # type: ignore[arg-type]
            self.course_label.setText(course_text(st))
        self._draw_charts()
        self._update_buttons()

    def _draw_charts(self) -> None:
        th = get_theme(self._theme)
        self.pain_plot.clear()
        self.pain_legend.clear()
        pts = [r for r in self._shown if r.pain_before is not None or r.pain_after is not None]
        if pts:
            xs = [r.started.timestamp() for r in pts]
            for r, x in zip(pts, xs, strict=True):
                if r.pain_before is not None and r.pain_after is not None:
                    self.pain_plot.plot(
                        [x, x], [r.pain_before, r.pain_after], pen=pg.mkPen(th.muted, width=1)
                    )
            for attr, colour, symbol, label in (
                ("pain_before", BEFORE_COLOUR, "o", self.tr("before")),
                ("pain_after", AFTER_COLOUR, "s", self.tr("after")),
            ):
                sx = [x for r, x in zip(pts, xs, strict=True) if getattr(r, attr) is not None]
                sy = [getattr(r, attr) for r in pts if getattr(r, attr) is not None]
                self.pain_plot.plot(
                    sx,
                    sy,
                    pen=pg.mkPen(colour, width=2),
                    symbol=symbol,
                    symbolSize=9,
                    symbolBrush=colour,
                    symbolPen=pg.mkPen(th.panel, width=1),
                    name=label,
                )
            pad = max(86400.0, (max(xs) - min(xs)) * 0.04)
            self.pain_plot.setXRange(min(xs) - pad, max(xs) + pad, padding=0)
            self.pain_plot.getAxis("bottom").setTicks(day_ticks(min(xs), max(xs)))
        self.pain_plot.setYRange(-0.4, 10.4, padding=0)
        self._draw_minutes(th.text)

    def _draw_minutes(self, text_colour: str) -> None:
        self.minutes_plot.clear()
        self.minutes_legend.clear()
        guided: dict[str, float] = {}
        practice: dict[str, float] = {}
        for r in self._shown:
            target = practice if r.mode == "practice" else guided
            for s in r.steps:
                target[s.technique] = target.get(s.technique, 0.0) + s.seconds / 60.0
        names = sorted(
            set(guided) | set(practice), key=lambda t: -(guided.get(t, 0) + practice.get(t, 0))
        )
        axis = self.minutes_plot.getAxis("left")
        labels = [technique_name(t) for t in names]
        axis.setTicks([list(enumerate(labels))])
        metrics = QFontMetrics(axis.font())
        width = max((metrics.horizontalAdvance(x) for x in labels), default=20)
        axis.setWidth(width + 14)
        self.minutes_plot.getAxis("bottom").setLabel(self.tr("minutes"), color=text_colour)
        if not names:
            return
        g = [guided.get(t, 0.0) for t in names]
        p = [practice.get(t, 0.0) for t in names]
        ys = list(range(len(names)))
        self.minutes_plot.addItem(
            pg.BarGraphItem(
                x0=[0] * len(names),
                y=ys,
                width=g,
                height=0.62,
                brush=GUIDED_COLOUR,
                pen=None,
                name=self.tr("guided"),
            )
        )
        if any(p):
            self.minutes_plot.addItem(
                pg.BarGraphItem(
                    x0=g,
                    y=ys,
                    width=p,
                    height=0.62,
                    brush=PRACTICE_COLOUR,
                    pen=None,
                    name=self.tr("practice"),
                )
            )
        self.minutes_plot.getViewBox().invertY(True)
        self.minutes_plot.setYRange(-0.6, len(names) - 0.4, padding=0)
        self.minutes_plot.setXRange(
            0, max(a + b for a, b in zip(g, p, strict=True)) * 1.08, padding=0
        )

    # ------------------------------------------------------------------ selection and export

    def selected_session(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        sid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._shown if r.id == sid), None)

    def select_session(self, session_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == session_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        self.csv_button.setEnabled(bool(self._shown))
        self.pdf_button.setEnabled(self.selected_session() is not None)

    def _activated(self, row: int, _col: int) -> None:
        self.sessionActivated.emit(int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)))

    def export_csv(self, path: Path) -> None:
        """Write the shown sessions; UTF-8 with a BOM so spreadsheets read accents and Cyrillic."""
        path.write_text(to_csv(self._shown), encoding="utf-8-sig", newline="")

    def export_pdf(self, path: Path, session_id: int) -> None:
        from massage_trainer.ui.report_pdf import write_report

        record = next(r for r in self._records if r.id == session_id)
        events = self._history.events(session_id) if self._history is not None else []
        write_report(
            path,
            record,
            events,
            self._records,
            protocol=self._protocols(record.protocol_id),
            today=self._today(),
            lang=self._lang,
        )

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export sessions"), "massage-sessions.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self._save(lambda: self.export_csv(Path(name)), name)

    def _ask_pdf(self) -> None:
        record = self.selected_session()
        if record is None:
            return
        default = f"session-{record.started.strftime('%Y-%m-%d')}-{record.id}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save session report"), default, self.tr("PDF files (*.pdf)")
        )
        if name:
            self._save(lambda: self.export_pdf(Path(name), record.id), name)

    def _save(self, action: Callable[[], None], name: str) -> None:
        try:
            action()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("%1 could not be written: %2. Choose another folder.")
                .replace("%1", name)
                .replace("%2", exc.strerror or str(exc)),
            )
