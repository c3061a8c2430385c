"""The body diagram, drawn with plain QPainter: ONE drawing path for the window, `render` and PDFs.

Three layers: the body (static per size/theme), the step (target zones, towel, stroke arrows,
caption, legend: static per step) and the frame (pulse, hover, trail, hands). A DiagramCache keeps
the first two as pixmaps so a frame only blits one pixmap and draws the moving parts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRegion,
)

from massage_trainer.core.body import framing, motion
from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import Technique
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.diagram import captions as diagram_text
from massage_trainer.ui.diagram import hands, level_labels, overlays, work_area
from massage_trainer.ui.diagram.blit import blit
from massage_trainer.ui.diagram.body_paint import paint_body, zone_path
from massage_trainer.ui.diagram.layer_cache import DiagramCache
from massage_trainer.ui.diagram.layout import Layout, cautions_in_view, compute_layout, worked_px

PULSE_S = 4.0
"""Seconds of one glow pulse of the target zones: about one calm breath (15 a minute), slow
enough to draw the eye without urging, and 6 repaints of the outline a second instead of the 10
a 2.4-s pulse took (each repaints a ring of 16-px blocks round the whole work area)."""


PULSE_LEVELS = 12
"""The glow changes in this many steps: the view repaints it only when its level changes."""


def pulse(t: float) -> float:
    """0..1 glow of the target zones at time t: a gentle, pure function of time."""
    return 0.5 - 0.5 * math.cos(2 * math.pi * t / PULSE_S)


def pulse_level(t: float) -> int:
    return round(pulse(t) * PULSE_LEVELS)


def _device_ratio(painter: QPainter) -> float:
    dev = painter.device()
    return float(dev.devicePixelRatioF()) if dev is not None else 1.0


def _marked_path(body: Body, ids: Iterable[str]) -> QPainterPath:
    path = QPainterPath()
    for zid in ids:
        if zid in body.zones:
            path.addPath(zone_path(body.zones[zid]))
    return path


def _towel(painter: QPainter, lay: Layout, body: Body, step: Step, th: Theme) -> None:
    xs0, ys0, xs1, ys1 = 1e9, 1e9, -1e9, -1e9
    for zid in step.target_zones:
        if zid in body.zones:
            a, b, c, d = body.zones[zid].bbox()
            xs0, ys0, xs1, ys1 = min(xs0, a), min(ys0, b), max(xs1, c), max(ys1, d)
    if xs0 > xs1:
        return
    r = QRectF(xs0 - 1.5, ys0 - 2.5, xs1 - xs0 + 3.0, ys1 - ys0 + 5.0)
    painter.save()
    painter.setTransform(lay.to_px, True)
    col = th.c("towel", 225)
    painter.setPen(QPen(th.c("hand_line", 120), 0.15))
    painter.setBrush(col)
    painter.drawRoundedRect(r, 1.2, 1.2)
    stripe = th.c("trail", 120)
    painter.setPen(QPen(stripe, 0.45))
    for y in (r.top() + 1.3, r.top() + 2.1, r.bottom() - 2.1, r.bottom() - 1.3):
        painter.drawLine(QPointF(r.left() + 0.6, y), QPointF(r.right() - 0.6, y))
    painter.setPen(QPen(th.c("hand_line", 70), 0.1))
    x = r.left() + 0.4
    while x < r.right() - 0.3:
        painter.drawLine(QPointF(x, r.top()), QPointF(x, r.top() - 0.7))
        painter.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 0.7))
        x += 0.6
    painter.restore()


def paint_step_layer(
    painter: QPainter,
    lay: Layout,
    body: Body,
    th: Theme,
    step: Step | None,
    *,
    caption: bool,
    legend: bool,
    marked: tuple[str, ...],
    lang: str,
) -> None:
    """Everything that stays put during a step: target zones, avoid outlines, towel, arrows, text."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if marked:
        painter.save()
        painter.setTransform(lay.to_px, True)
        path = _marked_path(body, marked)
        painter.setPen(QPen(th.c("marked"), 0.35, Qt.PenStyle.DashLine))
        painter.setBrush(th.c("marked", 70))
        painter.drawPath(path)
        painter.setBrush(QBrush(th.c("marked", 200), Qt.BrushStyle.Dense6Pattern))
        painter.drawPath(path)
        painter.restore()
    if step is not None:
        painter.save()
        painter.setTransform(lay.to_px, True)
        target, carved = work_area.work_path(body, step)  # exactly what the checker checks
        painter.setPen(QPen(th.c("target"), 0.3))
        painter.setBrush(th.c("target", 85))
        painter.drawPath(target)
        work_area.hatch(painter, body, carved, th, 150)
        painter.restore()
        if step.technique is Technique.TOWEL_RUB:
            _towel(painter, lay, body, step, th)
    hatched = cautions_in_view(lay, body, lang)
    if caption and lay.caption_rect is not None:
        diagram_text.paint_caption(
            painter,
            lay.caption_rect,
            lay.rect,
            step,
            th,
            lang=lang,
            legend=legend,
            marked=bool(marked),
            cautions=hatched,
            min_px=lay.label_px,
        )


def paint_frame(
    painter: QPainter,
    lay: Layout,
    body: Body,
    th: Theme,
    *,
    step: Step | None,
    t: float,
    hover: str | None,
    still: bool = False,
    dirty: QRegion | None = None,
    pose_t: float | None = None,
) -> None:
    """The moving parts: glow (steady when `still`; not where `dirty` misses it), hover, hands
    (at `pose_t` when given, else at `t`)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if step is not None:
        glow, where, ring = overlays.glow_image(_device_ratio(painter), lay, body, step, th)
        if dirty is None or dirty.intersects(ring):
            painter.save()
            if dirty is not None:  # blend only the outline's blocks a repaint meets
                painter.setClipRegion(dirty.intersected(ring))
            level = PULSE_LEVELS if still else pulse_level(t)
            painter.setOpacity(0.25 + 0.75 * level / PULSE_LEVELS)
            blit(painter, where.topLeft(), glow)
            painter.restore()
    if hover and hover in body.zones:
        painter.save()
        painter.setTransform(lay.to_px, True)
        painter.setPen(QPen(th.c("hover"), 0.45))
        painter.setBrush(th.c("hover", 40))
        painter.drawPath(zone_path(body.zones[hover]))
        painter.restore()
    if step is None:
        return
    pose = motion.pose_at(step, t if pose_t is None else pose_t, body)
    level = step.pressure.level
    taps = step.motion.pattern in (motion.Pattern.ALTERNATING_TAPS, motion.Pattern.CLAPS)
    for hp, right in ((pose.left, False), (pose.right, True)):
        hands.draw_hand(painter, hp, right, theme=th, level=level, to_px=lay.to_px, ripple=taps)
    # the stroke's direction stays visible: arrows go over the hands, half see-through
    arrows, where = overlays.arrow_image(painter, lay, body, step, th)
    blit(painter, where.topLeft(), arrows)


def still_image(
    size: QSize,
    dpr: float,
    step: Step | None,
    th: Theme,
    *,
    body: Body,
    labels: bool,
    caption: bool,
    legend: bool,
    marked: tuple[str, ...],
    lang: str,
    cache: DiagramCache,
    frame: framing.Box,
    label_px: float,
) -> QPixmap:
    """The still layers (body, then the step's zones, arrows' place, text) for a picture of
    `size` framed on `frame`, from the cache when nothing changed."""
    lay = compute_layout(QRectF(0, 0, size.width(), size.height()), body, caption, frame, label_px)
    quiet = framing.quiet_cautions(step, body)
    body_key = (size.width(), size.height(), dpr, th.name, labels, lang, id(body), frame)
    body_key += (label_px, quiet)
    step_key = (body_key, step, caption, legend, marked)

    def draw_body(p: QPainter) -> None:
        paint_body(p, lay, body, th, labels=labels, lang=lang, quiet=quiet, levels=False)

    base = cache.layer(body_key, size, dpr, draw_body, base=True, under=th.c("background"))

    def draw_step(p: QPainter) -> None:
        p.drawPixmap(QPointF(0, 0), base)
        paint_step_layer(
            p, lay, body, th, step, caption=caption, legend=legend, marked=marked, lang=lang
        )

    return cache.layer(step_key, size, dpr, draw_step, base=False, under=th.c("background"))


def paint_diagram(
    painter: QPainter,
    rect: QRectF,
    step: Step | None,
    t: float,
    theme: str = "light",
    *,
    body: Body | None = None,
    labels: bool = False,
    caption: bool = False,
    legend: bool = True,
    marked: Iterable[str] = (),
    hover: str | None = None,
    lang: str = "en",
    cache: DiagramCache | None = None,
    still: bool = False,
    frame: framing.Box | None = None,
    label_px: float = 0.0,
    dirty: QRegion | None = None,
    pose_t: float | None = None,
) -> Layout:
    """Draw the whole diagram for `step` at `t` seconds into `rect`; returns the layout used
    (so a view can map mouse positions to body centimetres). `still`: no glow pulse. The body is
    framed on `frame` (body cm; default framing.frame_for); no word under `label_px` pixels.
    `dirty`: the region a view repaints (what moved), when it is not the whole picture.
    `pose_t`: the time the hands are drawn at, when not `t` (the view's grid of the loop)."""
    b = body or load_body()
    th = get_theme(theme)
    shown = frame if frame is not None else framing.frame_for(step, b)
    lay = compute_layout(rect, b, caption, shown, label_px)
    mk = tuple(sorted(set(marked)))
    quiet = framing.quiet_cautions(step, b)

    def draw_body(p: QPainter) -> None:
        paint_body(p, lay, b, th, labels=labels, lang=lang, quiet=quiet, levels=False)

    def draw_step(p: QPainter, base: QPixmap | None) -> None:
        if base is not None:
            p.drawPixmap(QPointF(0, 0), base)
        else:
            draw_body(p)
        paint_step_layer(p, lay, b, th, step, caption=caption, legend=legend, marked=mk, lang=lang)

    if cache is None:
        painter.save()
        draw_step(painter, None)
        painter.restore()
    else:
        size = QSize(math.ceil(rect.width()), math.ceil(rect.height()))
        layers = still_image(
            size,
            _device_ratio(painter),
            step,
            th,
            body=b,
            labels=labels,
            caption=caption,
            legend=legend,
            marked=mk,
            lang=lang,
            cache=cache,
            frame=shown,
            label_px=label_px,
        )
        blit(painter, rect.topLeft(), layers)
    painter.save()
    paint_frame(
        painter, lay, b, th, step=step, t=t, hover=hover, still=still, dirty=dirty, pose_t=pose_t
    )
    painter.restore()
    level_labels.paint_levels(painter, lay, b, th, dpr=_device_ratio(painter), dirty=dirty)
    over = legend_picture(
        lay, b, step, th, legend=legend, marked=mk, lang=lang, dpr=_device_ratio(painter)
    )
    if over is not None:  # over everything, the hands included
        blit(painter, over[1], over[0])
    return lay


def legend_picture(
    lay: Layout,
    body: Body,
    step: Step | None,
    th: Theme,
    *,
    legend: bool,
    marked: tuple[str, ...],
    lang: str,
    dpr: float,
) -> tuple[QImage, QPointF] | None:
    """The corner legend and where it goes (none when it is off or a caption holds the keys)."""
    if not legend or lay.caption_rect is not None:
        return None
    return diagram_text.corner_legend(
        lay.rect,
        step,
        th,
        marked=bool(marked),
        cautions=cautions_in_view(lay, body, lang),
        min_px=lay.label_px,
        avoid=worked_px(lay, body, step),
        dpr=dpr,
    )


def render_image(
    step: Step | None,
    t: float,
    size: QSize,
    theme: str = "light",
    *,
    labels: bool = False,
    caption: bool = True,
    legend: bool = True,
    marked: Iterable[str] = (),
    lang: str = "en",
    body: Body | None = None,
    label_px: float = 0.0,
    frame: framing.Box | None = None,
) -> QImage:
    """The diagram as an image (headless render, PDF handouts, tests): same drawing as the window,
    framed the same way."""
    img = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(get_theme(theme).background))
    p = QPainter(img)
    try:
        paint_diagram(
            p,
            QRectF(0, 0, size.width(), size.height()),
            step,
            t,
            theme,
            body=body,
            labels=labels,
            caption=caption,
            legend=legend,
            marked=marked,
            lang=lang,
            label_px=label_px,
            frame=frame,
        )
    finally:
        p.end()
    return img


__all__ = [
    "DiagramCache",
    "Layout",
    "compute_layout",
    "legend_picture",
    "paint_diagram",
    "paint_frame",
    "paint_step_layer",
    "pulse",
    "render_image",
]
