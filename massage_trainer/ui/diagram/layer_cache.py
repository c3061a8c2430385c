"""The diagram's still layers (the body; the step's zones, arrows' place and words) kept as
pixmaps, so a frame copies them instead of drawing them again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap


class DiagramCache:
    """Pixmaps of the static layers, rebuilt only when their inputs change."""

    def __init__(self) -> None:
        self._body_key: object = None
        self._body: QPixmap | None = None
        self._step_key: object = None
        self._step: QPixmap | None = None
        self.rebuilds = 0

    def still(self) -> QPixmap | None:
        """The still layers drawn last (body and step), as the view showed them."""
        return self._step

    def clear(self) -> None:
        self._body_key = self._step_key = None
        self._body = self._step = None

    def layer(  # noqa: PLR0917
        self,
        key: object,
        size: QSize,
        dpr: float,
        draw: Callable[[QPainter], None],
        base: bool,
        under: QColor | None = None,
    ) -> QPixmap:
        """The cached layer for `key`, drawn anew when the key changes. With `under` (the body
        paints an opaque background) the pixmap has no alpha channel: a frame copies it fast."""
        have_key = self._body_key if base else self._step_key
        have = self._body if base else self._step
        if have is not None and have_key == key:
            return have
        pm = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
        pm.setDevicePixelRatio(dpr)
        pm.fill(under if under is not None else QColor(Qt.GlobalColor.transparent))
        p = QPainter(pm)
        try:
            draw(p)
        finally:
            p.end()
        self.rebuilds += 1
        if base:
            self._body_key, self._body = key, pm
        else:
            self._step_key, self._step = key, pm
        return pm
