"""Session ▸ History…: the history page in a window of its own, next to the main window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from massage_trainer.core.history.log import History
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import Protocol


class HistoryWindow(QDialog):
    """Session ▸ History…: the history page in its own window (non-modal)."""

    def __init__(self, history: History, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from massage_trainer.ui.history.view import HistoryView

        self.setWindowTitle(self.tr("Session history"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.view = HistoryView(history, self, protocols=_protocol_lookup(), lang=lang)
        lay.addWidget(self.view)
        self.resize(1100, 720)


def _protocol_lookup() -> Callable[[str], Protocol | None]:
    found: dict[str, Protocol | None] = {}

    def lookup(protocol_id: str) -> Protocol | None:
        if protocol_id not in found:
            try:
                found[protocol_id] = catalog.bundled(protocol_id)
            except Exception:  # an unknown or broken protocol shows by its id
                found[protocol_id] = None
        return found[protocol_id]

    return lookup
