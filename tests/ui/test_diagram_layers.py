"""How the diagram's layers look and stack: a shadow that fades evenly when zoomed in, vertebral
levels written over the hands, the pulsing outline's repaint region kept to a few rectangles."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol import catalog
from massage_trainer.ui.base.themes import theme
from massage_trainer.ui.diagram import back_paint, hands, level_labels, overlays
from massage_trainer.ui.diagram.body_paint import level_marks
from massage_trainer.ui.diagram.drawing import compute_layout, render_image


def _shadow_row(px_per_cm: float) -> list[int]:
    """Lightness along a line going right from the right edge of a shadowed square, zoomed in."""
    img = QImage(1200, 400, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("white"))
    square = QPainterPath()
    square.addRect(QRectF(0, 0, 10, 10))
    p = QPainter(img)
    p.scale(px_per_cm, px_per_cm)
    back_paint.shadow(p, square, theme("light"))
    p.end()
    y = round(5 * px_per_cm)
    x0 = round(10.5 * px_per_cm)  # the shadow falls 0.5 cm right of the shape
    return [QColor(img.pixel(x, y)).lightness() for x in range(x0, x0 + round(2.2 * px_per_cm))]


def test_the_shadow_fades_evenly_when_zoomed_in(qapp: object) -> None:
    for px_per_cm in (20.0, 60.0):  # a framed window and a framed 4K audience screen
        row = _shadow_row(px_per_cm)
        assert row[0] < row[-1] - 20, "there is a shadow, lighter outward"
        assert row[-1] >= 254, "and it ends within its reach"
        steps = [b - a for a, b in itertools.pairwise(row)]
        assert min(steps) >= -1, "lighter outward"
        assert max(steps) <= 4, f"no stripe edges: {max(steps)} at {px_per_cm} px/cm"
        fading = steps[: row.index(max(row))]  # up to where the background is reached
        flat = max(len(run) for run in "".join("0" if s == 0 else "1" for s in fading).split("1"))
        assert flat < 0.3 * px_per_cm, "no flat bands between steps"


def test_vertebral_levels_are_written_after_the_hands(qapp: object, monkeypatch: object) -> None:
    order: list[str] = []
    draw_hand, paint_levels = hands.draw_hand, level_labels.paint_levels

    def hand(*a: object, **k: object) -> object:
        order.append("hand")
        return draw_hand(*a, **k)  # type: ignore[arg-type]

    def levels(*a: object, **k: object) -> None:
        order.append("levels")
        paint_levels(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(hands, "draw_hand", hand)  # type: ignore[attr-defined]
    monkeypatch.setattr(level_labels, "paint_levels", levels)  # type: ignore[attr-defined]
    step = catalog.bundled("therapeutic-lower-back").steps[3]
    render_image(step, 1.0, QSize(800, 600), caption=False)
    assert order == ["hand", "hand", "levels"]


def test_levels_are_written_on_a_halo_over_the_work_area(qapp: object) -> None:
    body = load_body()
    lay = compute_layout(QRectF(0, 0, 900, 900), body, False, (-12.0, 60.0, 12.0, 95.0))
    img = QImage(900, 900, QImage.Format.Format_ARGB32_Premultiplied)
    green = QColor("#00a000")  # the work area's tint, under the words now
    img.fill(green)
    p = QPainter(img)
    level_labels.paint_levels(p, lay, body, theme("light"), dpr=1.0, dirty=None)
    p.end()
    marks = [m for m in level_marks(lay, body) if 0 <= m[1].y() < 900]
    assert len(marks) >= 2
    for name, at, px, _upright in marks:
        row = [img.pixelColor(x, round(at.y())) for x in range(round(at.x()), round(at.x() + px))]
        assert any(c.lightness() < 90 for c in row), f"{name}: dark letters"
        assert any(c.lightness() > 170 and c != green for c in row), f"{name}: a light halo"


def test_the_outline_repaints_as_a_few_blocks_covering_it(qapp: object) -> None:
    body = load_body()
    step = catalog.bundled("back-pain-relief").steps[6]
    lay = compute_layout(QRectF(0, 0, 600, 400), body, False, None)
    img, where, ring = overlays.glow_image(1.0, lay, body, step, theme("light"))
    assert 0 < ring.rectCount() < 200
    for r in ring:
        assert r.height() % overlays.RING_BLOCK == 0 and r.width() % overlays.RING_BLOCK == 0
    dx, dy = round(where.left()), round(where.top())
    for y in range(img.height()):  # every pixel of the outline is in the region it repaints
        for x in range(img.width()):
            if img.pixelColor(x, y).alpha():
                assert ring.contains(QPoint(x + dx, y + dy)), (x, y)
