"""The sessions table's model: one row per session, newest first, each cell made when it is shown.

Years of daily use leave thousands of sessions; a table that made every cell up front would take
seconds to open. A model answers only for the rows on screen, so the History window opens at once
whatever the log holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from massage_trainer.core.history.log import SessionRecord

Index = QModelIndex | QPersistentModelIndex
CENTRED = frozenset({4, 5, 6, 7})
STATUS = 3


class SessionsModel(QAbstractTableModel):
    """Rows of sessions; `cells` words a row, `colour` and `tooltip` dress its status cell."""

    def __init__(
        self,
        cells: Callable[[SessionRecord], list[str]],
        colour: Callable[[SessionRecord], str],
        tooltip: Callable[[SessionRecord], str],
    ) -> None:
        super().__init__()
        self._cells, self._colour, self._tooltip = cells, colour, tooltip
        self._rows: list[SessionRecord] = []
        self._texts: dict[int, list[str]] = {}
        self._row_of: dict[int, int] = {}
        self.headers: list[str] = []

    def set_rows(self, rows: Sequence[SessionRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self._texts = {}  # the words of the cells may have changed language too
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(headers) - 1)
            )

    def record(self, row: int) -> SessionRecord:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        return self._row_of.get(session_id)

    def text(self, row: int, column: int) -> str:
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = self._cells(self._rows[row])
        return texts[column]

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 8

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[row].id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return QColor(self._colour(self._rows[row]))
        if role == Qt.ItemDataRole.ToolTipRole and col == STATUS:
            return self._tooltip(self._rows[row]) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
