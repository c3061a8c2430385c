"""The zone map of a pose, drawn by the app itself: the broad zones and the finer zones on two
pictures of the body, each zone numbered, with a key that gives its id (what a protocol names)
and its name. `docs/zone-maps.py` writes one per pose into docs/.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from massage_trainer.core.body.geometry import Body, Zone
from massage_trainer.ui.base.themes import OKABE_ITO, Theme
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.diagram.body_paint import paint_body, zone_path
from massage_trainer.ui.diagram.layout import Layout, compute_layout

_FILLS = ("sky-blue", "bluish-green", "orange", "reddish-purple", "blue", "yellow", "vermillion")


def _panels(rect: QRectF, body: Body) -> tuple[QRectF, QRectF, QRectF]:
    """Two body pictures and the key: side by side for a tall body, stacked for a wide one."""
    x0, y0, x1, y1 = body.extent
    key_w = rect.width() * 0.34
    pics = QRectF(rect.left(), rect.top(), rect.width() - key_w, rect.height())
    key = QRectF(pics.right(), rect.top(), key_w, rect.height())
    if (x1 - x0) > (y1 - y0):
        h = pics.height() / 2
        return (
            QRectF(pics.left(), pics.top(), pics.width(), h),
            pics.translated(0, h).adjusted(0, 0, 0, -h),
            key,
        )
    w = pics.width() / 2
    a = QRectF(pics.left(), pics.top(), w, pics.height())
    return a, a.translated(w, 0), key


def _draw_zones(
    painter: QPainter, lay: Layout, zones: list[Zone], th: Theme, *, first: int, px: int
) -> None:
    painter.save()
    painter.setTransform(lay.to_px, True)
    for i, z in enumerate(zones):
        if z.is_caution:
            painter.setBrush(QBrush(th.c("caution", 150), Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(th.c("caution", 230), 0.25, Qt.PenStyle.DashLine))
        else:
            col = QColor(OKABE_ITO[_FILLS[i % len(_FILLS)]])
            col.setAlpha(95)
            painter.setBrush(col)
            painter.setPen(QPen(QColor(col.red(), col.green(), col.blue(), 230), 0.22))
        painter.drawPath(zone_path(z))
    painter.restore()
    f = QFont()
    f.setPixelSize(px)
    f.setBold(True)
    painter.setFont(f)
    for i, z in enumerate(zones):
        c = lay.to_px.map(QPointF(*label_point(z)))
        r = px * 0.85
        painter.setPen(QPen(th.c("text"), 1.2))
        painter.setBrush(th.c("background", 235))
        painter.drawEllipse(c, r, r)
        painter.drawText(
            QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(first + i)
        )


def label_point(z: Zone) -> tuple[float, float]:
    """The centroid, or the polygon point nearest it when the centroid falls outside."""
    cx, cy = z.centroid()
    if z.contains(cx, cy):
        return cx, cy
    return min(z.polygon, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)


def paint_zone_map(
    painter: QPainter, rect: QRectF, body: Body, theme: str = "light", lang: str = "en"
) -> None:
    th = get_theme(theme)
    painter.fillRect(rect, th.c("background"))
    broad = [z for z in body.zones.values() if not z.fine]
    fine = [z for z in body.zones.values() if z.fine]
    a, b, key = _panels(rect, body)
    px = max(12, round(rect.height() / 60))
    for panel, zones, first, title in (
        (a, broad, 1, "Zones" if lang == "en" else "Зоны"),
        (b, fine, len(broad) + 1, "Finer zones" if lang == "en" else "Подробные зоны"),
    ):
        head = QRectF(panel.left(), panel.top(), panel.width(), px * 2.2)
        pic = panel.adjusted(0, px * 2.2, 0, 0)
        lay = compute_layout(pic, body, False)
        painter.save()
        painter.setClipRect(pic)
        paint_body(painter, lay, body, th, labels=False, lang=lang)
        painter.restore()
        _draw_zones(painter, lay, zones, th, first=first, px=px)
        f = QFont()
        f.setPixelSize(round(px * 1.25))
        f.setBold(True)
        painter.setFont(f)
        painter.setPen(th.c("text"))
        painter.drawText(head, Qt.AlignmentFlag.AlignCenter, title)
    _key(painter, key, broad + fine, th, lang=lang, px=px, pose=body.pose)
    hidden = body.raw.get("hidden_zones", ())
    if hidden:
        f = QFont()
        f.setPixelSize(max(10, round(px * 0.8)))
        painter.setFont(f)
        painter.setPen(th.c("muted"))
        note = ("Not visible in this pose: " if lang == "en" else "Не видны в этой позе: ") + (
            ", ".join(hidden)
        )
        painter.drawText(
            key.adjusted(px * 0.6, 0, -px * 0.3, -px * 0.4),
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            note,
        )


def _key(
    painter: QPainter, rect: QRectF, zones: list[Zone], th: Theme, *, lang: str, px: int, pose: str
) -> None:
    f = QFont()
    f.setPixelSize(round(px * 1.2))
    f.setBold(True)
    painter.setFont(f)
    painter.setPen(th.c("text"))
    painter.drawText(rect.adjusted(px, px * 0.5, 0, 0), Qt.AlignmentFlag.AlignLeft, f"pose: {pose}")
    size = int(min(px, (rect.height() - px * 3.2) / (max(1, len(zones)) * 2.45)))
    line = size * 2.45
    small = QFont()
    small.setPixelSize(max(9, size))
    mono = QFont("monospace")
    mono.setStyleHint(QFont.StyleHint.Monospace)
    mono.setPixelSize(max(9, size))
    y = rect.top() + px * 2.6
    for i, z in enumerate(zones, start=1):
        mark = "▨ " if z.is_caution else ""
        painter.setFont(small)
        painter.setPen(th.c("caution") if z.is_caution else th.c("text"))
        painter.drawText(QPointF(rect.left() + px * 0.6, y), f"{i:>2}")
        painter.setFont(mono)
        painter.drawText(QPointF(rect.left() + px * 2.4, y), z.id)
        painter.setFont(small)
        painter.setPen(th.c("muted"))
        name = z.name.get(lang)
        painter.drawText(QPointF(rect.left() + px * 2.4, y + size * 1.15), f"{mark}{name}")
        y += line


def render_zone_map(body: Body, size: QSize, theme: str = "light", lang: str = "en") -> QImage:
    """The zone map as an image (docs/zone-maps.py writes one per pose)."""
    img = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_zone_map(p, QRectF(0, 0, size.width(), size.height()), body, theme, lang)
    finally:
        p.end()
    return img
