"""Unscaled blits of the diagram's cached images, kept on the painting thread.

Qt's raster engine hands every blend of 96 or more spans to a GUI thread pool and waits for it.
For the diagram's small, frequent blits (hand sprites, the glow, the dirty part of the cached
body) those hand-offs cost more CPU than the copying: at 60 fps they were about a third of the
view's CPU. QT_NO_GUI_THREADPOOL (read once, when Qt first wants the pool) turns the pool off, so
it is set here, on import of the drawing code, before anything is painted.
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPixmap, QRegion

os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def blit(painter: QPainter, at: QPointF, img: QImage | QPixmap) -> None:
    """Draw `img` at its own size with its top-left at `at`, snapped to whole device pixels
    (no scaling, no resampling: the fastest path of the raster engine)."""
    dpr = img.devicePixelRatio()
    p = QPointF(round(at.x() * dpr) / dpr, round(at.y() * dpr) / dpr)
    if isinstance(img, QImage):
        painter.drawImage(p, img)
    else:
        painter.drawPixmap(p, img)


def trimmed(img: QImage) -> tuple[QImage, int, int]:
    """`img` without its fully transparent border (rows and columns of alpha 0), and how far its
    top-left corner moved: a blit of the rest covers the same visible pixels, and less to copy
    and to repaint round it."""
    alpha = img.convertToFormat(QImage.Format.Format_Alpha8)
    bits, stride, w = bytes(alpha.constBits()), alpha.bytesPerLine(), img.width()
    top, bottom, left, right = -1, -1, w, 0
    for y in range(img.height()):
        seen = bits[y * stride : y * stride + w].rstrip(b"\0")
        if seen:
            top = y if top < 0 else top
            bottom = y
            left = min(left, len(seen) - len(seen.lstrip(b"\0")))
            right = max(right, len(seen))
    if top < 0 or (left, top, right, bottom + 1) == (0, 0, w, img.height()):
        return img, 0, 0
    return img.copy(left, top, right - left, bottom + 1 - top), left, top


BLOCK = 16
"""A moving picture's repaint region is made of blocks this many device pixels wide."""

_BLOCKS: dict[tuple[int, float], QRegion] = {}


def blocks_of(img: QImage, dpr: float) -> QRegion:
    """The blocks (BLOCK device pixels wide, in logical pixels from the image's top-left) that hold
    a visible pixel of `img`: the repaint round a hand is its shape, not its whole rectangle.
    Rows of blocks are scanned from the alpha bytes; a block row's runs become rectangles. Off a
    device-pixel ratio of 1 each block is a pixel bigger all round (logical pixels are rounded)."""
    key = (img.cacheKey(), dpr)
    hit = _BLOCKS.get(key)
    if hit is not None:
        return hit
    alpha = img.convertToFormat(QImage.Format.Format_Alpha8)
    bits, stride, w, h = bytes(alpha.constBits()), alpha.bytesPerLine(), img.width(), img.height()
    grow = 0 if dpr == 1 else 1
    region = QRegion()
    for top in range(0, h, BLOCK):
        seen = 0
        for y in range(top, min(h, top + BLOCK)):
            seen |= int.from_bytes(bits[y * stride : y * stride + w], "little")
        cols = [seen >> (8 * x0) & ((1 << (8 * BLOCK)) - 1) != 0 for x0 in range(0, w, BLOCK)]
        x = 0
        while x < len(cols):
            if not cols[x]:
                x += 1
                continue
            start = x
            while x < len(cols) and cols[x]:
                x += 1
            x0, y0 = math.floor(start * BLOCK / dpr), math.floor(top / dpr)
            x1 = math.ceil(min(w, x * BLOCK) / dpr)
            y1 = math.ceil(min(h, top + BLOCK) / dpr)
            region = region.united(
                QRegion(x0 - grow, y0 - grow, x1 - x0 + 2 * grow, y1 - y0 + 2 * grow)
            )
    if len(_BLOCKS) > 512:
        _BLOCKS.clear()
    _BLOCKS[key] = region
    return region
