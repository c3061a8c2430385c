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
from PySide6.QtGui import QFont
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.files import write_bytes_atomic
from massage_trainer.core.history import course
from massage_trainer.core.history.export_csv import to_csv
from massage_trainer.core.history.log import ALL, History, SessionRecord, Status
from massage_trainer.core.history.records import TRIAL, minutes_text
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.ui.base import window_style
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.history.charts import MinutesChart, PainChart
from massage_trainer.ui.history.receivers import NO_RECEIVER
from massage_trainer.ui.history.sessions_model import SessionsModel
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
        self._places: dict[int, course.Place] = {}
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
        self.receiver_label.setBuddy(self.receiver)  # its name for a screen reader
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
        self.notice = QLabel()  # read-only and why; where an export went and that it is private
        self.notice.setObjectName("historyNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        outer.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = SessionsModel(self._cells, self._status_colour, self._status_tip)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured to lay out
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # widths from the rows on screen, not all of them
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
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda index: self._activated(index.row(), index.column()))
        self.retranslate()
        self.set_theme(self._theme)

    def retranslate(self) -> None:
        self.receiver_label.setText(self.tr("Receiver:"))
        self.receiver.setAccessibleName(self.tr("Receiver"))
        self.table.setAccessibleName(self.tr("Past sessions"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.pdf_button.setText(self.tr("Session report (PDF)…"))
        self.model.set_headers(
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
        if name == self._theme and self.pain_plot.theme is not None:
            return  # already drawn in it: years of sessions are not drawn twice
        self._theme = name
        for chart in (self.pain_plot, self.minutes_plot):
            chart.apply_theme(get_theme(name))
        self._draw_charts()
        self.table.viewport().update()  # the status colours are the theme's
        th = get_theme(name)
        self.notice.setStyleSheet(
            f"QLabel#historyNotice {{ background: {th.panel}; color: {th.text}; "
            f"border-left: 4px solid {th.warning}; padding: 6px 8px; }}"
        )

    # ------------------------------------------------------------------ data

    def protocol_title(self, protocol_id: str) -> str:
        found = self._protocols(protocol_id)
        return found.title.get(self._lang) if found is not None else protocol_id

    def set_history(self, history: History | None) -> None:
        self._history = history
        self.refresh()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _read_only_notice(self) -> None:
        """A log that cannot be changed is shown as it is, and the window says so and why."""
        reason = self._history.read_only_reason if self._history is not None else None
        if reason is not None:
            self._say(self.tr("Read-only: %1").replace("%1", reason.message(self._lang)))

    def refresh(self) -> None:
        """Re-read the log (after a session ended, or a receiver was added)."""
        self._read_only_notice()
        self._records = (
            self._history.sessions(with_steps=False) if self._history is not None else []
        )
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
        self._places = course.places_by_session(self._records)
        self.model.set_rows(self._shown[::-1])
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

    def _cells(self, r: SessionRecord) -> list[str]:
        """The words of one row of the table (made only when the row is shown)."""
        place = self._places.get(r.id)
        pain = "–"
        if r.pain_before is not None or r.pain_after is not None:
            b = "?" if r.pain_before is None else str(r.pain_before)
            a = "?" if r.pain_after is None else str(r.pain_after)
            pain = f"{b} → {a}"
        return [
            r.started.strftime("%Y-%m-%d %H:%M"),
            r.receiver_name or self.tr("No name"),
            self.protocol_title(r.protocol_id),
            status_text(r.status) + (" · " + self.tr("trial run") if r.mode == TRIAL else ""),
            str(r.steps_done),
            pain,
            minutes_text(r.minutes),
            self.tr("%1 · %2").replace("%1", str(place.course)).replace("%2", str(place.session))
            if place
            else "–",
        ]

    def _status_colour(self, r: SessionRecord) -> str:
        th = get_theme(self._theme)
        return {
            Status.COMPLETED: th.ok,
            Status.INTERRUPTED: window_style.colours(self._theme).warning,  # readable as text
            Status.STOPPED: th.danger,
            Status.REFUSED: th.muted,
            Status.RUNNING: th.accent,
        }[r.status]

    def _status_tip(self, r: SessionRecord) -> str:
        return reason_text(r.reason) if r.reason else ""

    def cell(self, row: int, column: int) -> str:
        """The text shown in the table at `row` (0 = newest session) and `column`."""
        return self.model.text(row, column)

    def _draw_charts(self) -> None:
        given = [r for r in self._shown if r.mode != TRIAL]  # a trial run massaged nobody
        self.pain_plot.draw(given)
        self.minutes_plot.draw(given)

    # ------------------------------------------------------------------ selection and export

    def selected_session(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_session(self, session_id: int) -> None:
        row = self.model.row_of(session_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.csv_button.setEnabled(bool(self._shown))
        self.pdf_button.setEnabled(self.selected_session() is not None)

    def _activated(self, row: int, _col: int) -> None:
        self.sessionActivated.emit(self.model.record(row).id)

    def export_csv(self, path: Path) -> None:
        """Write the shown sessions; UTF-8 with a BOM so spreadsheets read accents and Cyrillic.
        Health data: written whole or not at all, readable by its owner only."""
        write_bytes_atomic(path, to_csv(self._shown).encode("utf-8-sig"), private=True)

    def export_pdf(self, path: Path, session_id: int) -> None:
        from massage_trainer.ui.history.report_pdf import write_report

        if self._history is not None:  # with its steps, which the table's records leave out
            record = self._history.session(session_id)
            events = self._history.events(session_id)
        else:
            record, events = next(r for r in self._records if r.id == session_id), []
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
            self,
            self.tr("Export sessions (health information: keep the file private)"),
            "massage-sessions.csv",
            self.tr("CSV files (*.csv)"),
        )
        if name:
            self._save(lambda: self.export_csv(Path(name)), name)

    def _ask_pdf(self) -> None:
        record = self.selected_session()
        if record is None:
            return
        default = f"session-{record.started.strftime('%Y-%m-%d')}-{record.id}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save session report (health information: keep it private)"),
            default,
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            self._save(lambda: self.export_pdf(Path(name), record.id), name)

    def _save(self, action: Callable[[], None], name: str) -> None:
        try:
            action()
            self._say(
                self.tr(
                    "Saved %1. It holds health information, so only your user account can open "
                    "it; keep it private when you share or print it."
                ).replace("%1", name)
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("%1 could not be written: %2. Choose another folder.")
                .replace("%1", name)
                .replace("%2", exc.strerror or str(exc)),
            )
