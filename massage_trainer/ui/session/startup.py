"""The main window's two-stage start: the first paint shows the window at once; everything that
can wait (the protocol, the diagram, the safety check, the history, the classroom tools) runs
right after it, in order, from the event loop. Start stays locked until then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class AfterFirstPaint(QObject):
    """Jobs queued for right after the window's first paint; `run` carries them out once."""

    def __init__(
        self, parent: QObject, first: Callable[[], None], last: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self._first, self._last = first, last
        """The window's own parts, before the queued jobs (the keys) and after (the diagram)."""
        self._jobs: list[Callable[[], None]] = []
        self.painted = False
        self.started = False

    def on_paint(self) -> bool:
        """Note a paint; True (and `run` scheduled) the first time."""
        if self.painted:
            return False
        self.painted = True
        QTimer.singleShot(0, self, self.run)
        return True

    def add(self, job: Callable[[], None]) -> None:
        """Queue `job` (it runs at once when the start has already finished)."""
        if self.started:
            job()
        else:
            self._jobs.append(job)

    def run(self) -> None:
        if self.started:
            return
        self.started = True
        self._first()
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job()
        self._last()
