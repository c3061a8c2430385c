"""Words on the diagram: the step caption (title, technique, hands, pressure gauge) and the legend.

Sized from the picture's height so a projected render reads from the back of a classroom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import Pressure
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.base.vocab_text import (
    classical_name,
    contact_name,
    technique_name,
    tempo_text,
)


def pressure_name(p: Pressure) -> str:
    return {
        Pressure.LIGHT: QCoreApplication.translate("Diagram", "Light pressure"),
        Pressure.MODERATE: QCoreApplication.translate("Diagram", "Moderate pressure"),
        Pressure.FIRM: QCoreApplication.translate("Diagram", "Firm pressure"),
    }[p]


def paint_gauge(painter: QPainter, r: QRectF, level: int, th: Theme) -> None:
    """Three rising bars, `level` of them filled in the pressure colour."""
    gap = r.width() * 0.08
    w = (r.width() - 2 * gap) / 3
    for i in range(3):
        h = r.height() * (0.45 + 0.275 * i)
        bar = QRectF(r.left() + i * (w + gap), r.bottom() - h, w, h)
        on = i < level
        painter.setPen(QPen(th.c("text", 200), max(1.0, r.height() / 22)))
        painter.setBrush(QColor(th.pressure[level - 1]) if on else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, w * 0.18, w * 0.18)


def _font(px: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(6, round(px)))
    f.setBold(bold)
    f.setItalic(italic)
    return f


def _text_block(
    painter: QPainter, x: float, y: float, w: float, *, text: str, font: QFont, color: QColor
) -> float:
    """Word-wrapped text at (x, y); returns the y below it."""
    painter.setFont(font)
    painter.setPen(color)
    br = painter.boundingRect(QRectF(x, y, w, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    painter.drawText(QRectF(x, y, w, br.height()), int(Qt.TextFlag.TextWordWrap), text)
    return y + br.height()


def caution_text(cautions: tuple[str, ...]) -> str:
    """The legend's caution line, naming the caution zones hatched in the picture."""
    return QCoreApplication.translate("Diagram", "Caution: %1, no pressure or tapping").replace(
        "%1", ", ".join(cautions)
    )


def legend_items(
    step: Step | None, th: Theme, marked: bool, cautions: tuple[str, ...] = ()
) -> list[tuple[str, QBrush, QColor]]:
    """(label, swatch, swatch edge) per colour meaning shown; `cautions` names the caution zones
    hatched in the picture (no caution line when none is)."""
    items = [
        (
            QCoreApplication.translate("Diagram", "Work here"),
            QBrush(th.c("target", 120)),
            th.c("target"),
        )
    ]
    if cautions:
        items.append(
            (
                caution_text(cautions),
                QBrush(th.c("caution", 200), Qt.BrushStyle.BDiagPattern),
                th.c("caution"),
            )
        )
    if marked:
        items.append(
            (
                QCoreApplication.translate("Diagram", "Marked (pain)"),
                QBrush(th.c("marked", 200), Qt.BrushStyle.Dense6Pattern),
                th.c("marked"),
            )
        )
    if step is not None:
        items.append(
            (
                QCoreApplication.translate("Diagram", "Stroke path (dotted: hands lift)"),
                QBrush(th.c("trail")),
                th.c("trail"),
            )
        )
        items.append(
            (
                QCoreApplication.translate("Diagram", "Part of the hand that touches"),
                QBrush(th.c("touch")),
                th.c("touch_line"),
            )
        )
    return items


def paint_legend(
    painter: QPainter,
    x: float,
    y: float,
    w: float,
    *,
    px: float,
    items: list[tuple[str, QBrush, QColor]],
    th: Theme,
) -> float:
    font = _font(px)
    fm = QFontMetricsF(font)
    for label, brush, edge in items:
        sw = QRectF(x, y + (fm.height() - px) / 2, px * 1.6, px)
        painter.setPen(QPen(edge, max(1.0, px / 10)))
        painter.setBrush(th.c("background"))
        painter.drawRoundedRect(sw, px * 0.15, px * 0.15)
        painter.setBrush(brush)
        painter.drawRoundedRect(sw, px * 0.15, px * 0.15)
        y = (
            _text_block(
                painter, x + px * 2.2, y, w - px * 2.2, text=label, font=font, color=th.c("text")
            )
            + px * 0.35
        )
    return y


def paint_caption(
    painter: QPainter,
    r: QRectF,
    whole: QRectF,
    step: Step | None,
    th: Theme,
    *,
    lang: str,
    legend: bool,
    marked: bool,
    cautions: tuple[str, ...] = (),
    min_px: float = 0.0,
) -> None:
    """Title (>= 1/20 of the picture height), technique, hands, pressure gauge, tempo; legend below
    (no word smaller than `min_px`)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    h = whole.height()
    wide = r.height() >= whole.height() * 0.99
    unit = h / 20.0 if wide else h / 16.0
    pad = unit * 0.8
    x, y, w = r.left() + pad, r.top() + pad, r.width() - 2 * pad
    if step is None:
        _text_block(
            painter,
            x,
            y,
            w,
            text=QCoreApplication.translate("Diagram", "Choose a step"),
            font=_font(unit * 1.05, bold=True),
            color=th.c("text"),
        )
        painter.restore()
        return
    title_px = unit * 1.08
    y = _text_block(
        painter,
        x,
        y,
        w,
        text=step.title.get(lang),
        font=_font(title_px, bold=True),
        color=th.c("text"),
    )
    y += unit * 0.25
    classical = classical_name(step.technique)
    tech = technique_name(step.technique) + (f" · {classical}" if classical else "")
    y = _text_block(
        painter, x, y, w, text=tech, font=_font(unit * 0.62, italic=True), color=th.c("accent")
    )
    y += unit * 0.3
    contact = contact_name(step.hands.contact)
    y = _text_block(
        painter,
        x,
        y,
        w,
        text=QCoreApplication.translate("Diagram", "Hands: %1").replace("%1", contact),
        font=_font(unit * 0.5),
        color=th.c("text"),
    )
    y += unit * 0.35
    gh = unit * 0.9
    paint_gauge(painter, QRectF(x, y, gh * 1.25, gh), step.pressure.level, th)
    painter.setFont(_font(unit * 0.55, bold=True))
    painter.setPen(th.c("text"))
    painter.drawText(
        QRectF(x + gh * 1.6, y, w - gh * 1.6, gh),
        int(Qt.AlignmentFlag.AlignVCenter),
        pressure_name(step.pressure),
    )
    y += gh + unit * 0.3
    tempo = tempo_text(step.motion.pattern, step.tempo)
    if step.repetitions:
        tempo += " · " + QCoreApplication.translate("Diagram", "%1 times").replace(
            "%1", str(step.repetitions)
        )
    elif step.duration_s:
        tempo += " · " + QCoreApplication.translate("Diagram", "%1 s").replace(
            "%1", f"{step.duration_s:g}"
        )
    y = _text_block(painter, x, y, w, text=tempo, font=_font(unit * 0.45), color=th.c("muted"))
    if wide:
        y += unit * 0.35
        y = _text_block(
            painter,
            x,
            y,
            w,
            text=step.cue.get(lang),
            font=_font(unit * 0.48, italic=True),
            color=th.c("text"),
        )
    if legend and wide:
        items = legend_items(step, th, marked, cautions)
        px = max(unit * 0.36, min_px)
        lh = len(items) * px * 2.1
        paint_legend(
            painter, x, max(y + unit * 0.5, r.bottom() - pad - lh), w, px=px, items=items, th=th
        )
    painter.restore()


def _label_lines(font: QFont, text: str, width: float) -> float:
    """Height of `text` word-wrapped to `width` in `font`."""
    fm = QFontMetricsF(font)
    r = fm.boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return r.height()


def legend_corner(whole: QRectF, w: float, h: float, pad: float, avoid: QRectF | None) -> QRectF:
    """A w x h box in the corner of `whole` that overlaps `avoid` least (top left on a tie)."""
    left, right = whole.left() + pad, whole.right() - pad - w
    top, bottom = whole.top() + pad, whole.bottom() - pad - h
    corners = [QRectF(x, y, w, h) for y in (top, bottom) for x in (left, right)]
    if avoid is None:
        return corners[0]

    def hidden(r: QRectF) -> float:
        i = r.intersected(avoid)
        return i.width() * i.height() if not i.isEmpty() else 0.0

    return min(corners, key=hidden)


_LEGENDS: dict[tuple[object, ...], tuple[Step | None, QImage, QPointF]] = {}


def corner_legend(
    whole: QRectF,
    step: Step | None,
    th: Theme,
    *,
    marked: bool,
    cautions: tuple[str, ...],
    min_px: float,
    avoid: QRectF | None,
    dpr: float,
) -> tuple[QImage, QPointF]:
    """The corner legend as a picture and where it goes, drawn once per step and size (it is
    blitted over the hands each frame: nothing that moves hides it)."""
    box = (avoid.x(), avoid.y(), avoid.width(), avoid.height()) if avoid is not None else None
    key = (id(step), th.name, whole.width(), whole.height(), marked, cautions, min_px, box, dpr)
    hit = _LEGENDS.get(key)
    if hit is None or hit[0] is not step:
        if len(_LEGENDS) > 4:
            _LEGENDS.clear()
        hit = (step, *_draw_corner_legend(whole, step, th, marked, cautions, min_px, avoid, dpr))
        _LEGENDS[key] = hit
    return hit[1], hit[2]


def _draw_corner_legend(  # noqa: PLR0917
    whole: QRectF,
    step: Step | None,
    th: Theme,
    marked: bool,
    cautions: tuple[str, ...],
    min_px: float,
    avoid: QRectF | None,
    dpr: float,
) -> tuple[QImage, QPointF]:
    """A compact legend in a corner when there is no caption (the window's view): the colour keys
    and the pressure gauge, all inside one box, in the corner that hides least of `avoid` (the
    worked region). Text shrinks (down to 8 px, never below `min_px`) before a label would wrap
    onto more than two lines."""
    items = legend_items(step, th, marked, cautions)
    floor = max(8.0, min_px)
    px = max(floor, min(16.0, whole.height() / 55))
    w = min(whole.width() * 0.42, px * 18)
    longest = max((label for label, _b, _e in items), key=len)
    while px > floor:
        font = _font(px)
        if _label_lines(font, longest, w - px * 3.4) <= QFontMetricsF(font).lineSpacing() * 2.2:
            break
        px -= 0.5
    font = _font(px)
    text_w = w - px * 3.4
    gap = px * 0.35
    heights = [_label_lines(font, label, text_w) for label, _b, _e in items]
    gauge_h = px * 1.6 if step is not None else 0.0
    pad = px * 0.6
    box = legend_corner(
        whole,
        w,
        pad * 2 + sum(heights) + gap * len(items) + (gauge_h + gap if gauge_h else 0.0),
        pad,
        avoid,
    )
    img = QImage(
        max(1, math.ceil((box.width() + 2) * dpr)),
        max(1, math.ceil((box.height() + 2) * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    img.setDevicePixelRatio(dpr)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.translate(1 - box.left(), 1 - box.top())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(th.c("muted", 90), 1.0))
    painter.setBrush(th.c("panel", 215))
    painter.drawRoundedRect(box, px * 0.5, px * 0.5)
    y = paint_legend(
        painter,
        box.left() + pad,
        box.top() + pad,
        w - pad * 2,
        px=px,
        items=items,
        th=th,
    )
    if step is not None:
        g = QRectF(box.left() + pad, y, px * 1.6, gauge_h * 0.95)
        paint_gauge(painter, g, step.pressure.level, th)
        painter.setFont(font)
        painter.setPen(th.c("text"))
        painter.drawText(
            QRectF(box.left() + pad + px * 2.2, g.top(), text_w, g.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            pressure_name(step.pressure),
        )
    painter.end()
    return img, QPointF(box.left() - 1, box.top() - 1)
