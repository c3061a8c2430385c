"""The sound notice above the diagram: "Sound stopped; trying again…" while an outage lasts,
"Sound is back." for a few seconds when it ends. Attached to the window as a feature.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from massage_trainer.ui.session.cues import Cues
from massage_trainer.ui.session.host import SessionHost

BACK_MS = 8000
"""How long "Sound is back." stays."""


class SoundNotice(QLabel):
    """One line that follows `Cues.statusChanged`; hidden while all is well."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Sound status"))
        self.hide()
        self._shown_at = 0

    def show_status(self, text: str, ongoing: bool) -> None:
        self._shown_at += 1
        if not text:
            self.hide()
            return
        self.setText(text)
        self.show()
        if not ongoing:  # a passing notice: gone after a while unless replaced meanwhile
            shown = self._shown_at
            QTimer.singleShot(BACK_MS, self, lambda: self._expire(shown))

    def _expire(self, shown: int) -> None:
        if shown == self._shown_at:
            self.hide()


def attach(window: SessionHost, cues: Cues) -> SoundNotice:
    """Show the cues' sound status on `window`, and end the workers when it closes."""
    notice = SoundNotice(window.as_widget())
    window.add_banner(notice)

    def status(text: str, ongoing: bool) -> None:
        notice.show_status(text, ongoing)
        if text:
            window.show_status(text, 10000 if ongoing else BACK_MS)

    cues.statusChanged.connect(status)
    window.closing.connect(cues.shutdown)
    return notice
