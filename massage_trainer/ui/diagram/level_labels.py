"""The vertebral levels (C7, T3, ... S2) written over everything that moves.

They sit beside the spine, where the work area's outline pulses and the hands pass: drawn under
them they were half hidden. Each word is drawn once, with its halo, into a small picture; a frame
blits the pictures after the hands (where a repaint meets them).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform

from massage_trainer.core.body.geometry import Body
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram.blit import blit
from massage_trainer.ui.diagram.body_paint import level_marks, text_paths
from massage_trainer.ui.diagram.layout import Layout

_WORDS: dict[tuple[str, int, bool, str, float], tuple[QImage, QPointF]] = {}


def _word(name: str, px: int, upright: bool, th: Theme, dpr: float) -> tuple[QImage, QPointF]:
    """The word with its halo as a picture, and where its anchor point is in it (logical px)."""
    key = (name, px, upright, th.name, dpr)
    hit = _WORDS.get(key)
    if hit is None:
        path, halo = text_paths(QPointF(0, 0), name, px=px, align_left=upright)
        box = halo.boundingRect().adjusted(-1, -1, 1, 1)
        img = QImage(
            max(1, math.ceil(box.width() * dpr)),
            max(1, math.ceil(box.height() * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        img.setDevicePixelRatio(dpr)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(QTransform.fromTranslate(-box.left(), -box.top()))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(th.c("background", 200))
        p.drawPath(halo)
        p.setBrush(th.c("text"))
        p.drawPath(path)
        p.end()
        if len(_WORDS) > 64:
            _WORDS.clear()
        hit = (img, QPointF(-box.left(), -box.top()))
        _WORDS[key] = hit
    return hit


_PLACED: list[tuple[Layout, Body, str, float, list[tuple[QImage, QPointF, QRect]]]] = []
"""The words of the last layout, each with where it goes (a frame of a step asks again)."""


def placed_words(
    lay: Layout, body: Body, th: Theme, dpr: float
) -> list[tuple[QImage, QPointF, QRect]]:
    if _PLACED:
        have_lay, have_body, theme_name, have_dpr, words = _PLACED[0]
        if have_lay is lay and have_body is body and theme_name == th.name and have_dpr == dpr:
            return words
    words = []
    for name, at, px, upright in level_marks(lay, body):
        img, anchor = _word(name, px, upright, th, dpr)
        top_left = at - anchor
        w, h = img.width() / dpr, img.height() / dpr
        words.append((img, top_left, QRectF(top_left.x(), top_left.y(), w, h).toAlignedRect()))
    _PLACED[:] = [(lay, body, th.name, dpr, words)]
    return words


def paint_levels(
    painter: QPainter, lay: Layout, body: Body, th: Theme, *, dpr: float, dirty: QRegion | None
) -> None:
    """The levels of `lay`, over what is drawn already; with `dirty`, only those it meets."""
    for img, top_left, covers in placed_words(lay, body, th, dpr):
        if dirty is None or dirty.intersects(covers):
            blit(painter, top_left, img)
