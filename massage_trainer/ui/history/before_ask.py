"""The questions before a session, as the main window asks them: Skip instead of Cancel, and a
"don't ask again" box (the session is recorded either way).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QVBoxLayout, QWidget

from massage_trainer.core.history.log import History
from massage_trainer.ui.history.receivers import BeforeDialog


class BeforeAsk(BeforeDialog):
    """The before-session questions with Skip instead of Cancel and a "don't ask again" box."""

    def __init__(self, history: History, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(history, parent, **kw)
        self.dont_ask = QCheckBox(self.tr("Don't ask before each session"))
        self.dont_ask.setToolTip(
            self.tr("Sessions are still recorded; the questions come back in Session ▸ History…")
        )
        box = self.findChild(QDialogButtonBox)
        if box is not None:
            cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
            if cancel is not None:
                cancel.setText(self.tr("Skip"))
                cancel.setToolTip(self.tr("Start without answering (Esc)"))
        host = self._column_of(box) if box is not None else None
        if host is not None:
            host.insertWidget(host.indexOf(box), self.dont_ask)
        elif (outer := self.layout()) is not None:
            outer.addWidget(self.dont_ask)

    def _column_of(self, widget: QWidget) -> QVBoxLayout | None:
        outer = self.layout()
        if outer is None:
            return None
        for i in range(outer.count()):
            item = outer.itemAt(i)
            lay = item.layout() if item is not None else None
            if isinstance(lay, QVBoxLayout) and lay.indexOf(widget) >= 0:
                return lay
        return None
