"""The static body of a pose: its drawing (prone: `back_paint`; the others: `pose_paint`), faint
zone outlines, caution hatching, and the vertebral levels and zone names as crisp text.

Drawn once per size/theme and cached by diagram.DiagramCache.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
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

__all__ = ["curve_path", "paint_body", "shape_path", "zone_path"]


def paint_body(
    painter: QPainter,
    lay: Layout,
    body: Body,
    th: Theme,
    *,
    labels: bool,
    lang: str,
    quiet: tuple[str, ...] = (),
) -> None:
    """Background, the receiver's body with its landmarks, faint zone outlines, caution hatching
    (quieter on the caution zones in `quiet`: those far from the step's worked region)."""
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
    _text_marks(painter, lay, body, th, labels=labels, lang=lang)


def _halo_text(
    painter: QPainter, at: QPointF, text: str, th: Theme, *, px: int, align_left: bool = False
) -> None:
    f = QFont()
    f.setPixelSize(px)
    painter.setFont(f)
    fm = painter.fontMetrics()
    w = fm.horizontalAdvance(text)
    x = at.x() if align_left else at.x() - w / 2
    path = QPainterPath()
    path.addText(QPointF(x, at.y() + fm.ascent() / 2 - 1), f, text)
    stroker = QPainterPathStroker()
    stroker.setWidth(max(2.0, px / 4))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(th.c("background", 200))
    painter.drawPath(stroker.createStroke(path))
    painter.setBrush(th.c("text"))
    painter.drawPath(path)


def _text_marks(
    painter: QPainter, lay: Layout, body: Body, th: Theme, *, labels: bool, lang: str
) -> None:
    """Vertebral levels beside the spine and, optionally, zone names, in device pixels (crisp text)."""
    s = lay.scale
    painter.save()
    if s >= 4.0:
        px = max(9, round(1.25 * s), round(lay.label_px))
        rx, ry = body.right_dir
        upright = abs(rx) > 0.7  # the spine runs down the page: the name beside it, to its right
        for name in body.levels:
            if name == "coccyx" or name not in body.landmarks:
                continue
            x, y = body.landmark(name)
            d = 1.6 if upright else 2.4
            at = lay.to_px.map(QPointF(x + d * rx, y + d * ry))
            _halo_text(painter, at, name, th, px=px, align_left=upright)
    if labels:
        px = max(9, round(1.35 * s), round(lay.label_px))
        for z in body.zones.values():
            if z.is_caution or z.fine:
                continue
            cx, cy = z.centroid()
            if z.id.startswith("lumbar"):  # clear of the kidney hatching, toward the feet
                cx, cy = cx + 4.0 * body.feet_dir[0], cy + 4.0 * body.feet_dir[1]
            name = z.name.get(lang).split(" (")[0]  # the side is plain from where it sits
            _halo_text(painter, lay.to_px.map(QPointF(cx, cy)), name, th, px=px)
    painter.restore()
