"""The body diagram widget: draws diagram.paint_diagram, tells which zone is clicked or hovered.

The session adapter drives `set_time`, so nothing runs while nothing moves. The one thing the view
runs itself is the move of its framing from one step's worked region to the next (FRAMING_S
seconds, eased); it stops when the view gets there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_trainer.core.body import framing
from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.core.protocol.model import Step
from massage_trainer.ui.base.themes import THEMES
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.diagram import frame_paint, key_poses, moving
from massage_trainer.ui.diagram.captions import legend_items
from massage_trainer.ui.diagram.drawing import (
    PULSE_LEVELS,
    DiagramCache,
    Layout,
    compute_layout,
    paint_diagram,
    pulse_level,
    still_image,
)
from massage_trainer.ui.diagram.layout import cautions_in_view
from massage_trainer.ui.diagram.zone_keys import ZoneKeys, paint_focus  # noqa: F401 (for users)

FRAMING_S = 0.5
"""Seconds the view takes to move its framing from one step's region to the next."""


class BodyView(QWidget):
    """The receiver's body (in the protocol's pose), framed on the current step's worked region,
    with the step's zones and moving hands."""

    zoneClicked = Signal(str)  # noqa: N815 (Qt signal naming)
    zoneHovered = Signal(str)  # noqa: N815
    """Zone id under the mouse; "" when leaving every zone."""

    def __init__(self, parent: QWidget | None = None, *, body: Body | None = None) -> None:
        super().__init__(parent)
        self._body = body or load_body()
        self._step: Step | None = None
        self._t = 0.0
        self._theme = "light"
        self._labels = False
        self._caption = False
        self._legend = True
        self._lang = "en"
        self._marked: tuple[str, ...] = ()
        self._hover = ""
        self._cache = DiagramCache()
        self._layout: Layout | None = None
        self._last_moving: QRegion | None = None
        self._still = key_poses.asked()
        """Reduced motion: key poses and a steady glow (ui/diagram/key_poses.py)."""
        self._plan: frame_paint.Plan | None = None
        """Where the last set_time put the moving parts (sprites and pixel places)."""
        self._hands = frame_paint.HandTable()
        self._parts: frame_paint.Parts | None = None  # what the last whole paint used
        self._label_px = 0.0
        self._frame: framing.Box = self._body.extent
        """The part of the body shown now (moves toward the step's framing)."""
        self._frame_from: framing.Box = self._frame
        self._frame_to: framing.Box = self._frame
        self._move = QVariantAnimation(self)
        self._move.setStartValue(0.0)
        self._move.setEndValue(1.0)
        self._move.setDuration(round(FRAMING_S * 1000))
        self._move.valueChanged.connect(self._on_move)
        self._move.finished.connect(self._arrived)
        self._k = 0.0
        self._shown: moving.Still | None = None  # the last settled still picture, its framing
        self._move_old: moving.Still | None = None
        self._move_new: moving.Still | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        # a paint covers all it repaints (the still picture is opaque): no background under it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # --- API (see notes/INTERFACES.md) ---------------------------------------------------------
    def set_step(self, step: Step | None) -> None:
        if step is not self._step:
            self._step = step
            self._last_moving = None
            self._plan = None
            self._frame_toward(framing.frame_for(step, self._body))
            self.update()

    def set_body(self, body: Body) -> None:
        """Draw on another body (a protocol in another pose); the framing jumps, no move."""
        if body is not self._body:
            self._body = body
            self._move.stop()
            self._frame = self._frame_to = framing.frame_for(self._step, body)
            self._layout = self._last_moving = None
            self._plan = None
            self._cache.clear()
            self.update()

    def set_min_text_px(self, px: float) -> None:
        """No word on the diagram smaller than `px` pixels (the audience screen's rule)."""
        if px != self._label_px:
            self._label_px = float(px)
            self._layout = None
            self.update()

    def body(self) -> Body:
        return self._body

    def min_text_px(self) -> float:
        return self._label_px

    def target_frame(self) -> framing.Box:  # where a move between steps ends
        return self._frame_to

    def legend(self) -> list[tuple[str, QBrush, QColor]]:
        """The colour keys of the framed view (its hatched cautions named), for a legend beside it."""
        hatched = cautions_in_view(self._layout_for(self._frame_to), self._body, self._lang)
        return legend_items(self._step, get_theme(self._theme), bool(self._marked), hatched)

    def settle(self) -> None:
        """End a move between steps at once: the view shows the step's framing now."""
        self._move.stop()
        if self._frame != self._frame_to:
            self._frame = self._frame_to
            self._layout = self._last_moving = None
            self.update()

    def is_moving(self) -> bool:
        return self._move.state() != QVariantAnimation.State.Stopped

    def _frame_toward(self, goal: framing.Box) -> None:
        """Move the framing to `goal`: eased over FRAMING_S while the view is on screen, at
        once when it is not (nothing to watch, nothing left running)."""
        if goal == self._frame_to and (self.is_moving() or goal == self._frame):
            return
        self._move.stop()
        self._frame_from, self._frame_to = self._frame, goal
        if not self.isVisible() or goal == self._frame or self._still:  # reduced motion: jump
            self._frame = goal
            self._layout = None
            return
        self._move_old = self._move_new if self._move_new is not None else self._shown
        self._move_new = None  # drawn at the move's first paint, not in the step's handler
        self._k = 0.0
        self._move.start()

    def _still_for(self, frame: framing.Box) -> QPixmap:
        """The still layers of the current step framed on `frame` (drawn once, then cached)."""
        return still_image(
            QSize(max(1, self.width()), max(1, self.height())),
            self.devicePixelRatioF(),
            self._step,
            get_theme(self._theme),
            frame=frame,
            **self._looks(),
        )

    def _looks(self) -> dict[str, Any]:
        """How the still layers are drawn, for a whole paint and for a move alike."""
        return {"body": self._body, "labels": self._labels, "caption": self._caption,
                "legend": self._legend, "marked": self._marked, "lang": self._lang,
                "cache": self._cache, "label_px": self._label_px}  # fmt: skip

    def _arrived(self) -> None:
        self._move_old = self._move_new = None
        self._last_moving = None
        self.update()

    def _on_move(self, value: object) -> None:
        self._k = float(value) if isinstance(value, (int, float)) else 1.0
        self._frame = framing.blend(self._frame_from, self._frame_to, framing.ease(self._k))
        self._layout = self._last_moving = None
        self.update()

    def set_time(self, t: float) -> None:
        """Seconds into the current step; repaints only what moves (the outline's pulse, hands)."""
        self._t = float(t)
        if self.is_moving():  # the whole view repaints on every step of the move anyway
            return
        before, plan = self._plan, self._new_plan()
        if plan is None or self._last_moving is None:
            self.update()
        elif plan is not before:  # else nothing moved enough to draw (frame_paint.STEP_PX)
            self.update(plan.region.united(self._last_moving))
        self._last_moving = plan.region if plan is not None else None

    def _new_plan(self) -> frame_paint.Plan | None:
        """The moving parts now: the target glow's ring in the repaint region when its level
        changes, each hand's sprite (tap ripples included) as blocks round its shape."""
        if self._step is None or self._layout is None:
            return None
        level = PULSE_LEVELS if self._still else pulse_level(self._t)
        th, dpr = get_theme(self._theme), self.devicePixelRatioF()
        self._plan = frame_paint.plan(self._hands, self._layout, self._body, self._step, th, dpr,
                                      self._t, self._shown_t(self._t), level, self._plan)  # fmt: skip
        return self._plan

    def set_reduce_motion(self, on: bool) -> None:
        """Hands at the stroke's key poses and a steady glow instead of continuous motion."""
        if on != self._still:
            self._still = bool(on)
            self._last_moving = None
            self.update()

    def _shown_t(self, t: float) -> float:  # when the hands are drawn (frame_paint.hands_time)
        return frame_paint.hands_time(self._step, self._body, t, still=self._still)

    def set_theme(self, name: str) -> None:
        if name not in THEMES:
            name = "light"
        if name != self._theme:
            self._theme = name
            self.update()

    def set_show_labels(self, on: bool) -> None:
        if on != self._labels:
            self._labels = bool(on)
            self.update()

    def set_show_caption(self, on: bool) -> None:
        """Draw the big step caption inside the diagram (presenter mode, projector)."""
        if on != self._caption:
            self._caption = bool(on)
            self.update()

    def set_show_legend(self, on: bool) -> None:
        if on != self._legend:
            self._legend = bool(on)
            self.update()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self.update()

    def set_marked_zones(self, ids: Iterable[str]) -> None:
        marked = tuple(sorted({z for z in ids if z in self._body.zones}))
        if marked != self._marked:
            self._marked = marked
            self.update()

    # --- queries ------------------------------------------------------------------------------
    def step(self) -> Step | None:
        return self._step

    def time(self) -> float:
        return self._t

    def theme_name(self) -> str:
        return self._theme

    def marked_zones(self) -> tuple[str, ...]:
        return self._marked

    def hovered_zone(self) -> str:
        return self._hover

    def zone_at_pos(self, pos: QPointF) -> str:
        """The zone id under a widget position ("" when none); caution zones win."""
        x, y = self.layout_now().to_cm(pos)
        z = self._body.zone_at(x, y)
        return z.id if z is not None else ""

    def body_to_widget(self, x: float, y: float) -> QPointF:
        return self.layout_now().to_px.map(QPointF(x, y))

    def layout_now(self) -> Layout:
        """Where the body is drawn in the view now (body cm -> widget pixels)."""
        return self._layout or self._layout_for(self._frame)

    def _layout_for(self, f: framing.Box) -> Layout:
        return compute_layout(QRectF(self.rect()), self._body, self._caption, f, self._label_px)

    def sizeHint(self) -> QSize:
        return QSize(520, 720)

    # --- Qt events ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            if self.is_moving():
                self._paint_moving(p)
                return
            parts, plan, now = self._parts, self._plan, self._inputs()
            if parts is not None and plan is not None and plan.t == self._t and parts.inputs == now:
                frame_paint.paint_moving(p, parts, event.region(), plan.level, plan.hands)
                paint_focus(p, self)
                return
            self._layout = paint_diagram(
                p,
                QRectF(self.rect()),
                self._step,
                self._t,
                self._theme,
                pose_t=self._shown_t(self._plan.t if self._plan is not None else self._t),
                hover=self._hover or None,
                still=self._still,
                frame=self._frame,
                dirty=event.region(),
                **self._looks(),
            )
            still = self._cache.still()
            self._shown = (still, self._frame) if still is not None else None
            self._keep_parts(p, now, still)
            paint_focus(p, self)  # a 2-px frame while the keyboard is here
        finally:
            p.end()

    def _inputs(self) -> tuple[object, ...]:
        """All a whole paint depends on but time: a repaint of the moving parts alone is right
        only while these stay the same."""
        return (self._step, self._body, self._theme, self._labels, self._caption, self._legend,
                self._marked, self._hover, self._lang, self._frame, self._label_px, self._still,
                self.width(), self.height(), self.devicePixelRatioF())  # fmt: skip

    def _keep_parts(self, p: QPainter, inputs: tuple[object, ...], still: QPixmap | None) -> None:
        """After a whole paint at a device-pixel ratio of 1, keep what the next repaints of the
        moving parts reuse (HiDPI screens always get whole paints; so does a change of hover)."""
        step, lay = self._step, self._layout
        whole_only = bool(self._hover) or self.devicePixelRatioF() != 1.0  # hover: paint_diagram
        self._parts = None if step is None or still is None or lay is None or whole_only else (
            frame_paint.parts_of(p, inputs, still, lay, self._body, step, get_theme(self._theme),
                                 legend=self._legend, marked=self._marked, lang=self._lang))  # fmt: skip

    def _paint_moving(self, p: QPainter) -> None:
        """One frame of a move (see moving.paint_move): the hands come back on arrival."""

        def to_px(frame: framing.Box) -> QTransform:
            return self._layout_for(frame).to_px

        if self._move_new is None:
            self._move_new = (self._still_for(self._frame_to), self._frame_to)
        bg, e = get_theme(self._theme).c("background"), framing.ease(self._k)
        old, new = self._move_old, self._move_new
        moving.paint_move(p, QRectF(self.rect()), bg, to_px(self._frame), old, new, e, to_px)
        self._layout = None

    def hideEvent(self, event: QHideEvent) -> None:
        self.settle()  # nobody watches: be there at once
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None
        super().resizeEvent(event)

    def _set_hover(self, zone_id: str) -> None:
        if zone_id == self._hover:
            return
        self._hover = zone_id
        self.zoneHovered.emit(zone_id)
        # the tooltip shows through Qt's own ToolTip event: no popup forced, no timer of ours
        self.setToolTip(self._body.zone(zone_id).name.get(self._lang) if zone_id else "")
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.zone_at_pos(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover("")
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        zone = self.zone_at_pos(event.position())
        if zone:
            self.zoneClicked.emit(zone)
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._cache.clear()
        super().changeEvent(event)


__all__ = ["BodyView", "get_theme"]
