"""A file made in memory by a Qt writer, then put on disk whole (or not at all) by core.files.

QPdfWriter and QImage.save given a file name say nothing useful when the disk is full (a PDF is
cut short, a PNG half written): made in memory, the bytes are written beside the target and
renamed, so an error leaves the old file untouched and comes with the system's reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from massage_trainer.core.files import write_bytes_atomic


class MemoryFile:
    """`device` is what the Qt writer writes to; `save` puts the result at the target."""

    def __init__(self) -> None:
        self.data = QByteArray()
        self.device = QBuffer(self.data)
        self.device.open(QIODevice.OpenModeFlag.WriteOnly)

    def save(self, target: Path, *, private: bool = False) -> None:
        """Write the bytes atomically (0600 when `private`); raises OSError on failure."""
        self.device.close()
        write_bytes_atomic(target, bytes(self.data.data()), private=private)
