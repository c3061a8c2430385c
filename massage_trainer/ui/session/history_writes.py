"""The window's writes to the session log: queued to just after the event that caused them is on
screen (so a slow disk never delays a cue), written in order, and a failure told once while the
session goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from massage_trainer.core.history.log import HistoryError

WRITE_ERRORS = (HistoryError, sqlite3.Error, OSError, KeyError, ValueError)


class HistoryWrites(QObject):
    """A queue of history writes for one window; `tell` shows the person a message."""

    def __init__(self, parent: QObject, tell: Callable[[str], None], lang: str) -> None:
        super().__init__(parent)
        self._tell, self._lang = tell, lang
        self._pending: list[Callable[[], None]] = []
        self._flush_due = False
        self.failed = False
        """A write failed this run (said once)."""

    def later(self, job: Callable[[], None]) -> None:
        """Queue a write for just after this event is shown (one event-loop turn)."""
        self._pending.append(job)
        if not self._flush_due:
            self._flush_due = True
            QTimer.singleShot(0, self, self.flush)

    def flush(self) -> None:
        """Write everything queued, in order."""
        self._flush_due = False
        jobs, self._pending = self._pending, []
        for job in jobs:
            self.guard(job)

    def guard(self, job: Callable[[], object]) -> object:
        """`job()`, or None when it fails (the person is told the first time)."""
        try:
            return job()
        except WRITE_ERRORS as exc:
            if not self.failed:
                self.failed = True
                why = exc.message(self._lang) if isinstance(exc, HistoryError) else str(exc)
                self._tell(
                    self.tr("This session could not be recorded in the history: %1").replace(
                        "%1", why
                    )
                )
            return None
