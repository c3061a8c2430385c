"""Where the diagram goes in a rectangle: the body's frame, the caption's room and the
centimetres-to-pixels transform that every painter of the diagram shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from massage_trainer.core.body import framing
from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.model import Step


@dataclass(frozen=True)
class Layout:
    rect: QRectF
    body_rect: QRectF
    caption_rect: QRectF | None
    to_px: QTransform
    """Body centimetres -> painter (logical pixel) coordinates."""
    frame: framing.Box = (0.0, 0.0, 0.0, 0.0)
    """The part of the body (cm) this layout was made to show whole."""
    label_px: float = 0.0
    """Smallest pixel size of any word drawn on the diagram (0: the drawing's own sizes)."""

    @property
    def scale(self) -> float:
        return self.to_px.m11()

    def to_cm(self, p: QPointF) -> tuple[float, float]:
        inv, _ok = self.to_px.inverted()
        q = inv.map(p)
        return q.x(), q.y()


_LAST_LAYOUT: list[tuple[tuple[object, ...], Body, Layout]] = []


def compute_layout(
    rect: QRectF,
    body: Body,
    caption: bool,
    frame: framing.Box | None = None,
    label_px: float = 0.0,
) -> Layout:
    """Where the body and the caption go: caption on the left of a wide picture, on top of a tall
    one; the body placed so `frame` (body cm, default the whole body) fills the rest. The last
    answer is kept and given again for the same question (every frame of a step asks it): one
    Layout object for the step, so what is worked out from a layout can be kept with it."""
    key = (rect.getRect(), caption, frame, label_px)
    if _LAST_LAYOUT and _LAST_LAYOUT[0][0] == key and _LAST_LAYOUT[0][1] is body:
        return _LAST_LAYOUT[0][2]
    lay = _layout(rect, body, caption, frame, label_px)
    _LAST_LAYOUT[:] = [(key, body, lay)]
    return lay


def _layout(
    rect: QRectF, body: Body, caption: bool, frame: framing.Box | None, label_px: float
) -> Layout:
    cap: QRectF | None = None
    area = QRectF(rect)
    if caption:
        if rect.width() >= rect.height() * 1.1:
            w = rect.width() * 0.42
            cap = QRectF(rect.left(), rect.top(), w, rect.height())
            area = QRectF(rect.left() + w, rect.top(), rect.width() - w, rect.height())
        else:
            h = rect.height() * 0.26
            cap = QRectF(rect.left(), rect.top(), rect.width(), h)
            area = QRectF(rect.left(), rect.top() + h, rect.width(), rect.height() - h)
    shown = frame if frame is not None else body.extent
    margin = 0.03 * min(area.width(), area.height())
    s, mx, my = framing.fit(
        shown,
        max(1.0, area.width() - 2 * margin),
        max(1.0, area.height() - 2 * margin),
        body.extent,
    )
    to_px = QTransform(s, 0, 0, s, area.center().x() - s * mx, area.center().y() - s * my)
    return Layout(QRectF(rect), area, cap, to_px, shown, label_px)


def worked_px(lay: Layout, body: Body, step: Step | None) -> QRectF | None:
    """The step's worked region in painter pixels (what a legend should not hide)."""
    region = framing.worked_region(step, body) if step is not None else None
    if region is None:
        return None
    x0, y0, x1, y1 = region
    return lay.to_px.mapRect(QRectF(x0, y0, x1 - x0, y1 - y0))


_CAUTIONS: list[tuple[tuple[object, ...], Body, tuple[str, ...]]] = []


def cautions_in_view(lay: Layout, body: Body, lang: str) -> tuple[str, ...]:
    """Names of the caution zones hatched inside the picture ("spine", "kidney area"), once each
    (the last answer is kept: every frame of a step asks the same)."""
    t = lay.to_px
    key = (t.m11(), t.dx(), t.dy(), lay.body_rect.getRect(), lang)
    if _CAUTIONS and _CAUTIONS[0][0] == key and _CAUTIONS[0][1] is body:
        return _CAUTIONS[0][2]
    names = _cautions(lay, body, lang)
    _CAUTIONS[:] = [(key, body, names)]
    return names


def _cautions(lay: Layout, body: Body, lang: str) -> tuple[str, ...]:
    inv, _ok = lay.to_px.inverted()
    seen = inv.mapRect(lay.body_rect)
    view = (seen.left(), seen.top(), seen.right(), seen.bottom())
    names: list[str] = []
    for z in body.zones.values():
        if z.is_caution and not z.fine and framing.intersects(z.bbox(), view):  # as drawn
            name = z.name.get(lang).split(" (")[0].lower()  # the side is plain from where it sits
            if name not in names:
                names.append(name)
    return tuple(names)
