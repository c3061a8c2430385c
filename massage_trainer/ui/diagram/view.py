"""The body diagram widget: draws diagram.paint_diagram, tells which zone is clicked or hovered.

It owns no timer: the session adapter drives `set_time`, so nothing runs while nothing moves.
By keyboard (Tab reaches it) the arrows walk through the zones, naming each one, and Enter or
Space picks the named zone as a click would; its accessible description says the current step
in words (text_alternative.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.core.protocol.model import Step
from massage_trainer.ui.base.themes import THEMES
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.diagram import hands, key_poses
from massage_trainer.ui.diagram.drawing import (
    PULSE_LEVELS,
    DiagramCache,
    Layout,
    compute_layout,
    paint_diagram,
    pulse_level,
)
from massage_trainer.ui.diagram.text_alternative import describe_step, zone_name


class BodyView(QWidget):
    """A prone receiver's back with the current step's zones and moving hands."""

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
        self._hint = ""
        self._hover = ""
        self._cache = DiagramCache()
        self._layout: Layout | None = None
        self._last_moving: QRegion | None = None
        self._last_pulse = -1
        self._still = key_poses.asked()
        """Reduced motion: key poses and a steady glow (ui/diagram/key_poses.py)."""
        self._drawn: tuple[object, ...] = ()
        """What the moving parts looked like at the last set_time (sprites and pixel places)."""
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setProperty("ownsArrowKeys", True)  # ui/session/keyboard.py: step keys stay out
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    # --- API (see notes/INTERFACES.md) ---------------------------------------------------------
    def set_step(self, step: Step | None) -> None:
        if step is not self._step:
            self._step = step
            self._last_moving = None
            self._drawn = ()
            self._describe()
            self.update()

    def zone_title(self, zone_id: str) -> str:
        """The zone's name in the diagram's language."""
        return zone_name(self._body, zone_id, self._lang)

    def set_hint(self, text: str) -> None:
        """What a screen reader hears when no step is shown (a body map in a dialog)."""
        self._hint = text
        self._describe()

    def _describe(self) -> None:
        """The step in words (or the hint), the zone named by keyboard and the marked zones."""
        parts = [describe_step(self._step, self._body, self._lang) if self._step else self._hint]
        if self._hover and self.hasFocus():
            parts.insert(0, zone_name(self._body, self._hover, self._lang) + ".")
        if self._marked:
            marked = ", ".join(zone_name(self._body, z, self._lang) for z in self._marked)
            parts.append(QCoreApplication.translate("Diagram", "Marked: %1.").replace("%1", marked))
        self.setAccessibleDescription(" ".join(p for p in parts if p))

    def set_time(self, t: float) -> None:
        """Seconds into the current step; repaints only what moves (glow, trail, hands)."""
        self._t = float(t)
        before = self._drawn
        moving = self._moving_region()
        if moving is None or self._last_moving is None:
            self.update()
        elif self._drawn != before:  # nothing visible moved (sub-pixel, same sprite): no repaint
            self.update(moving.united(self._last_moving))
        self._last_moving = moving

    def _moving_region(self) -> QRegion | None:
        """Widget area of the target glow (when its level changes), each hand's sprite, the trail
        and tap ripples at the current time: separate rectangles, not one box round them all."""
        if self._step is None or self._layout is None:
            return None
        lay = self._layout
        rects: list[QRectF] = []
        level = PULSE_LEVELS if self._still else pulse_level(self._t)
        glow_changed = level != self._last_pulse
        self._last_pulse = level
        for zid in self._step.target_zones if glow_changed else ():
            if zid in self._body.zones:
                x0, y0, x1, y1 = self._body.zones[zid].bbox()
                rects.append(
                    lay.to_px.mapRect(QRectF(x0 - 1.5, y0 - 1.5, x1 - x0 + 3, y1 - y0 + 3))
                )
        pose = motion.pose_at(self._step, self._shown_t(), self._body)
        th = get_theme(self._theme)
        dpr = self.devicePixelRatioF()
        pressure = self._step.pressure.level
        taps = self._step.motion.pattern in (motion.Pattern.ALTERNATING_TAPS, motion.Pattern.CLAPS)
        drawn: list[object] = [level]
        for h, right in ((pose.left, False), (pose.right, True)):
            img, where = hands.placed(
                h, right, theme=th, level=pressure, to_px=lay.to_px, dpr=dpr, ripple=taps
            )
            rects.append(where)
            drawn += [img.cacheKey(), where.x(), where.y()]
        self._drawn = tuple(drawn)
        region = QRegion()
        for r in rects:
            region = region.united(r.adjusted(-2, -2, 2, 2).toAlignedRect())
        return region

    def set_reduce_motion(self, on: bool) -> None:
        """Hands at the stroke's key poses and a steady glow instead of continuous motion."""
        if on != self._still:
            self._still = bool(on)
            self._last_moving = None
            self.update()

    def _shown_t(self) -> float:
        if self._still and self._step is not None:
            return key_poses.shown_time(self._step, self._body, self._t)
        return self._t

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
            self._describe()
            self.update()

    def set_marked_zones(self, ids: Iterable[str]) -> None:
        marked = tuple(sorted({z for z in ids if z in self._body.zones}))
        if marked != self._marked:
            self._marked = marked
            self._describe()
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
        lay = self._layout or compute_layout(QRectF(self.rect()), self._body, self._caption)
        x, y = lay.to_cm(pos)
        z = self._body.zone_at(x, y)
        return z.id if z is not None else ""

    def body_to_widget(self, x: float, y: float) -> QPointF:
        lay = self._layout or compute_layout(QRectF(self.rect()), self._body, self._caption)
        return lay.to_px.map(QPointF(x, y))

    def sizeHint(self) -> QSize:
        return QSize(520, 720)

    # --- Qt events ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._layout = paint_diagram(
                p,
                QRectF(self.rect()),
                self._step,
                self._shown_t(),
                self._theme,
                body=self._body,
                labels=self._labels,
                caption=self._caption,
                legend=self._legend,
                marked=self._marked,
                hover=self._hover or None,
                lang=self._lang,
                cache=self._cache,
                still=self._still,
            )
            if self.hasFocus():  # where the keyboard is: a 2-px frame in the highlight colour
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            p.end()

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows: the next or previous zone, from the head down; Enter or Space: pick it."""
        key = event.key()
        order = sorted(self._body.zones.values(), key=lambda z: (z.bbox()[1], z.bbox()[0]))
        ids = [z.id for z in order]
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) and ids:
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            here = ids.index(self._hover) if self._hover in ids else (-1 if step > 0 else 0)
            self._set_hover(ids[(here + step) % len(ids)])
            self._describe()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._hover:
            self.zoneClicked.emit(self._hover)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._set_hover("")
        self._describe()
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
