"""Live reload of an open protocol file: reload on save, report problems, keep the last good one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.yamlsafe import DocumentError


class ProtocolWatcher(QObject):
    """Watches one protocol file. Editors save in many ways (write in place, or write a new file
    and rename it over the old one), so the folder is watched too and the file is re-added."""

    reloaded = Signal(object)  # Protocol
    failed = Signal(list)  # list[Problem]: the file is broken; keep showing the last good version

    DEBOUNCE_MS = 150

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fs = QFileSystemWatcher(self)
        self._fs.fileChanged.connect(self._changed)
        self._fs.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload_now)
        self._path: Path | None = None
        self._last_text: str | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path) -> None:
        self.stop()
        self._path = path.resolve()
        self._last_text = self._read()
        self._fs.addPath(str(self._path.parent))
        if self._path.exists():
            self._fs.addPath(str(self._path))

    def stop(self) -> None:
        self._debounce.stop()
        paths = self._fs.files() + self._fs.directories()
        if paths:
            self._fs.removePaths(paths)
        self._path = None

    def _read(self) -> str | None:
        try:
            return self._path.read_text(encoding="utf-8", errors="replace") if self._path else None
        except OSError:
            return None

    def _changed(self, _path: str) -> None:
        if self._path is None:
            return
        # After a rename-over the old watch points at a dead inode: always watch the file anew.
        if str(self._path) in self._fs.files():
            self._fs.removePath(str(self._path))
        if self._path.exists():
            self._fs.addPath(str(self._path))
        self._debounce.start()

    def reload_now(self) -> None:
        """Load the file now; emits reloaded or failed, and nothing when the text did not change."""
        if self._path is None or not self._path.exists():
            return
        text = self._read()
        if text == self._last_text:
            return
        self._last_text = text
        try:
            protocol: Protocol = loader.load(self._path)
        except DocumentError as exc:
            self.failed.emit(list(exc.problems))
            return
        self.reloaded.emit(protocol)
