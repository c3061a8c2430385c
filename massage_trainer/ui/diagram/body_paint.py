"""The static body of a pose: its drawing (prone: `back_paint`; the others: `pose_paint`), faint
zone outlines, caution hatching, and the vertebral levels and zone names as crisp text.

Drawn once per size/theme and cached by diagram.DiagramCache.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)

from massage_trainer.core.body.geometry import Body
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram.back_paint import curve_path, paint_back, shape_path, zone_path
from massage_trainer.ui.diagram.layout import Layout
from massage_trainer.ui.diagram.pose_paint import paint_pose

__all__ = ["curve_path", "halo_text", "level_marks", "paint_body", "shape_path", "zone_path"]


def paint_body(
    painter: QPainter,
    lay: Layout,
    body: Body,
    th: Theme,
    *,
    labels: bool,
    lang: str,
    quiet: tuple[str, ...] = (),
    levels: bool = True,
) -> None:
    """Background, the receiver's body with its landmarks, faint zone outlines, caution hatching
    (quieter on the caution zones in `quiet`: those far from the step's worked region); the
    vertebral levels unless `levels` is False (a diagram with hands writes them over the hands)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    bg = QLinearGradient(lay.rect.topLeft(), lay.rect.bottomLeft())
    bg.setColorAt(0.0, th.c("background"))
    bg.setColorAt(1.0, th.c("background2"))
    painter.fillRect(lay.rect, QBrush(bg))
    painter.save()
    painter.setTransform(lay.to_px, True)
    if body.back_transform is None:
        paint_back(painter, body, th, arms=True, fade=True)
    else:
        paint_pose(painter, body, th)
    # zones: faint dotted borders; caution zones hatched
    for z in body.zones.values():
        if z.fine:
            continue  # the finer zones are for the zone map and hover, not every diagram
        path = zone_path(z)
        if z.is_caution:
            far = z.id in quiet
            painter.setPen(QPen(th.c("caution", 110 if far else 200), 0.2, Qt.PenStyle.DashLine))
            painter.setBrush(
                QBrush(th.c("caution", 50 if far else 110), Qt.BrushStyle.BDiagPattern)
            )
        else:
            painter.setPen(QPen(th.c("zone_line", 70), 0.14, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    painter.restore()
    _text_marks(painter, lay, body, th, labels=labels, lang=lang, levels=levels)


def text_paths(
    at: QPointF, text: str, *, px: int, align_left: bool = False
) -> tuple[QPainterPath, QPainterPath]:
    """A word centred on `at` (or starting there) as a path, and the halo round it."""
    f = QFont()
    f.setPixelSize(px)
    fm = QFontMetricsF(f)
    w = fm.horizontalAdvance(text)
    x = at.x() if align_left else at.x() - w / 2
    path = QPainterPath()
    path.addText(QPointF(x, at.y() + fm.ascent() / 2 - 1), f, text)
    stroker = QPainterPathStroker()
    stroker.setWidth(max(2.0, px / 4))
    return path, stroker.createStroke(path)


def halo_text(
    painter: QPainter, at: QPointF, text: str, th: Theme, *, px: int, align_left: bool = False
) -> None:
    """A word in the text colour on a halo of the background: readable on any part of the body."""
    path, halo = text_paths(at, text, px=px, align_left=align_left)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(th.c("background", 200))
    painter.drawPath(halo)
    painter.setBrush(th.c("text"))
    painter.drawPath(path)


def level_marks(lay: Layout, body: Body) -> list[tuple[str, QPointF, int, bool]]:
    """The vertebral levels written beside the spine: (name, where, pixel size, starts there);
    none when the body is drawn too small for them."""
    s = lay.scale
    if s < 4.0:
        return []
    px = max(9, round(1.25 * s), round(lay.label_px))
    rx, ry = body.right_dir
    upright = abs(rx) > 0.7  # the spine runs down the page: the name beside it, to its right
    d = 1.6 if upright else 2.4
    out = []
    for name in body.levels:
        if name == "coccyx" or name not in body.landmarks:
            continue
        x, y = body.landmark(name)
        out.append((name, lay.to_px.map(QPointF(x + d * rx, y + d * ry)), px, upright))
    return out


def _text_marks(
    painter: QPainter, lay: Layout, body: Body, th: Theme, *, labels: bool, lang: str, levels: bool
) -> None:
    """Vertebral levels beside the spine (when `levels`) and, optionally, zone names, in device
    pixels (crisp text)."""
    s = lay.scale
    painter.save()
    for name, at, px, upright in level_marks(lay, body) if levels else ():
        halo_text(painter, at, name, th, px=px, align_left=upright)
    if labels:
        px = max(9, round(1.35 * s), round(lay.label_px))
        for z in body.zones.values():
            if z.is_caution or z.fine:
                continue
            cx, cy = z.centroid()
            if z.id.startswith("lumbar"):  # clear of the kidney hatching, toward the feet
                cx, cy = cx + 4.0 * body.feet_dir[0], cy + 4.0 * body.feet_dir[1]
            name = z.name.get(lang).split(" (")[0]  # the side is plain from where it sits
            halo_text(painter, lay.to_px.map(QPointF(cx, cy)), name, th, px=px)
    painter.restore()
