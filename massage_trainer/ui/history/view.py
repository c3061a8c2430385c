"""The history page: a table of sessions, pain and practice charts, course status, and exports.

The table shows the newest session first; the charts run oldest to newest. Everything comes from
core.history; this widget only draws it and asks where to save exports.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont
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

from massage_trainer.core.files import write_bytes_atomic
from massage_trainer.core.history import course
from massage_trainer.core.history.export_csv import to_csv
from massage_trainer.core.history.log import ALL, History, SessionRecord, Status
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.history.charts import MinutesChart, PainChart
from massage_trainer.ui.history.receivers import NO_RECEIVER
from massage_trainer.ui.history.text import course_text, reason_text, status_text

ALL_RECEIVERS = -2
BEFORE_COLOUR = "#d55e00"  # Okabe-Ito vermillion: pain before
AFTER_COLOUR = "#009e73"  # Okabe-Ito bluish green: pain after
PRACTICE_COLOUR = "#cc79a7"
GUIDED_COLOUR = "#0072b2"


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
        self.pain_plot = PainChart()
        self.minutes_plot = MinutesChart()
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
        self.pain_plot.retranslate()
        self.minutes_plot.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            with contextlib.suppress(sqlite3.Error):  # the log may already be closed
                self.refresh()
        super().changeEvent(event)

    def set_theme(self, name: str) -> None:
        self._theme = name
        for chart in (self.pain_plot, self.minutes_plot):
            chart.apply_theme(get_theme(name))
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
                        item.setToolTip(reason_text(r.reason))
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
        self.pain_plot.draw(self._shown)
        self.minutes_plot.draw(self._shown)

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
        """Write the shown sessions; UTF-8 with a BOM so spreadsheets read accents and Cyrillic.
        Health data: written whole or not at all, readable by its owner only."""
        write_bytes_atomic(path, to_csv(self._shown).encode("utf-8-sig"), private=True)

    def export_pdf(self, path: Path, session_id: int) -> None:
        from massage_trainer.ui.history.report_pdf import write_report

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
