"""The protocol picker: every bundled and user protocol, searchable by title, summary and technique."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.protocol.catalog import Entry
from massage_trainer.core.protocol.vocab import TECHNIQUES

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def search_text(entry: Entry, lang: str) -> str:
    """Everything a person might type to find this protocol, lower-cased."""
    p = entry.protocol
    if p is None:
        return entry.path.name.lower()
    parts = [p.id, p.title.get("en"), p.title.get(lang), p.summary.get(lang), p.safety_profile]
    for s in p.steps:
        info = TECHNIQUES[s.technique]
        parts += [s.title.get(lang), info.plain, info.classical]
    return " ".join(parts).lower()


def matches(entry: Entry, query: str, lang: str = "en") -> bool:
    """True when every word of the query appears somewhere in the protocol."""
    hay = search_text(entry, lang)
    return all(word in hay for word in query.lower().split())


class ProtocolPicker(QDialog):
    """Choose a protocol: type to filter, arrows to move, Enter to open."""

    def __init__(
        self,
        entries: list[Entry],
        current_id: str | None,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a protocol"))
        self.resize(640, 480)
        self._entries = entries
        self._lang = lang
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, technique or body area…"))
        self.search.setAccessibleName(self.tr("Search protocols"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Protocols"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.empty = QLabel(self.tr("No protocol matches. Try fewer or other words."), self)
        self.empty.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._open = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty)
        lay.addWidget(buttons)
        self._fill(current_id)
        self.search.textChanged.connect(self.filter)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_open())
        self.search.installEventFilter(self)
        self._update_open()

    def _fill(self, current_id: str | None) -> None:
        for entry in self._entries:
            p = entry.protocol
            if p is None:
                problem = str(entry.problems[0]) if entry.problems else self.tr("unreadable")
                text = self.tr("%1 (cannot be used: %2)").replace("%1", entry.path.name)
                item = QListWidgetItem(text.replace("%2", problem))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                origin = self.tr("bundled") if entry.origin == "bundled" else self.tr("yours")
                head = self.tr("%1 · about %2 min · %3").replace("%1", p.title.get(self._lang))
                head = head.replace("%2", str(p.length_minutes)).replace("%3", origin)
                item = QListWidgetItem(f"{head}\n{p.summary.get(self._lang)}")
                item.setToolTip(str(entry.path))
            item.setData(ENTRY_ROLE, entry)
            self.list.addItem(item)
            if p is not None and p.id == current_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self._select_first_visible()

    def filter(self, query: str) -> None:
        """Hide what does not match; keep a visible protocol selected."""
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            ok = matches(item.data(ENTRY_ROLE), query, self._lang)
            item.setHidden(not ok)
            shown += ok
        self.empty.setVisible(shown == 0)
        cur = self.list.currentItem()
        if cur is None or cur.isHidden():
            self._select_first_visible()
        self._update_open()

    def _select_first_visible(self) -> None:
        self.list.setCurrentItem(None)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden() and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(item)
                return

    def _update_open(self) -> None:
        self._open.setEnabled(self.selected() is not None)

    def selected(self) -> Entry | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        entry: Entry = item.data(ENTRY_ROLE)
        return entry if entry.protocol is not None else None

    def visible_ids(self) -> list[str]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry: Entry = item.data(ENTRY_ROLE)
            if not item.isHidden() and entry.protocol is not None:
                out.append(entry.protocol.id)
        return out

    def eventFilter(self, obj: object, event: object) -> bool:
        """Up and Down in the search field move through the list, so typing and choosing flow."""
        if (
            obj is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            self.list.setFocus()
            self.list.keyPressEvent(event)
            self.search.setFocus()
            return True
        return super().eventFilter(obj, event)  # type: ignore[arg-type]
