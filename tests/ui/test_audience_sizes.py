"""The audience screen at 1920x1080, measured offscreen: the body uses most of the height, a hand
is at least 1/8 of the screen high (its drawn outline's longer side), and no word is smaller
than 1/40 of the screen height."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from massage_trainer.core.body import motion
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.vocab import BodyPose
from massage_trainer.ui.classroom.audience import AudienceWindow
from massage_trainer.ui.diagram.legend_panel import LegendPanel
from massage_trainer.ui.diagram.view import BodyView
from tests.conftest import BUNDLED

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
W, H = 1920, 1080


def hand_boxes(view: BodyView) -> list[QRectF]:
    """Each hand's drawn outline (its footprint in body cm, mapped as the view maps it)."""
    step = view.step()
    assert step is not None
    to_px = view.layout_now().to_px
    pose = motion.pose_at(step, view.time(), view.body())
    boxes = []
    for hand, right in ((pose.left, False), (pose.right, True)):
        pts = [to_px.map(QPointF(x, y)) for part in motion.footprint(hand, right) for x, y in part]
        xs, ys = [q.x() for q in pts], [q.y() for q in pts]
        boxes.append(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    return boxes


@pytest.fixture
def audience(qapp: object) -> Iterator[AudienceWindow]:
    a = AudienceWindow()
    a.resize(W, H)
    a.show()
    QApplication.processEvents()
    yield a
    a.close()
    a.deleteLater()


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_step_reads_from_the_back_of_the_room(audience: AudienceWindow, path: object) -> None:
    protocol = catalog.resolve(str(path), None)
    view, legend = audience.diagram, audience.legend
    assert isinstance(view, BodyView) and isinstance(legend, LegendPanel)
    assert audience.height() == H
    assert view.height() >= 0.7 * H  # the body's picture takes most of the height
    for i, step in enumerate(protocol.steps):
        audience.show_step(protocol, i)
        view.settle()
        for label in (
            audience.counter,
            audience.title,
            audience.technique,
            audience.countdown,
            audience.reps,
            audience.status,
            audience.pressure,
        ):
            assert label.font().pixelSize() >= H / 40, label.objectName()
        assert legend.px() >= H / 40 and view.min_text_px() >= H / 40
        assert QFontMetricsF(legend.font()).height() > 0
        assert any("Caution" in line for line in legend.lines())
        for t in (0.0, step.period_s * 0.3, step.period_s * 0.7):
            view.set_time(t)
            for box in hand_boxes(view):
                assert max(box.width(), box.height()) >= H / 8, (step.id, t, box)
                assert view.rect().toRectF().intersects(box)  # on screen, not framed away
    audience.grab()  # and the last step draws


def test_the_legend_names_what_is_hatched_in_view(audience: AudienceWindow) -> None:
    # drawn prone (the protocol itself is side-lying, where the turned frame's edge grazes the
    # kidney area)
    protocol = dataclasses.replace(catalog.bundled("gentle-pregnancy"), pose=BodyPose.PRONE)
    audience.show_step(protocol, 3)  # shoulders: the kidneys are out of the picture
    shoulders = " ".join(audience.legend.lines())  # type: ignore[union-attr]
    assert "spine" in shoulders and "kidney" not in shoulders
    audience.show_step(protocol, 1)  # the lower back: the kidneys are in it
    assert "kidney" in " ".join(audience.legend.lines())  # type: ignore[union-attr]
