"""Every pose is drawn: the body on its background, each pose's zone map with a numbered key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage

from massage_trainer.core.body.geometry import POSES, load_body
from massage_trainer.ui.base.themes import theme
from massage_trainer.ui.diagram.drawing import compute_layout, render_image
from massage_trainer.ui.diagram.zone_map import label_point, render_zone_map


def _at(img: QImage, pose: str, p: tuple[float, float]) -> QColor:
    lay = compute_layout(QRectF(0, 0, img.width(), img.height()), load_body(pose), caption=False)
    q = lay.to_px.map(QPointF(*p))
    return img.pixelColor(int(q.x()), int(q.y()))


@pytest.mark.parametrize("pose", POSES)
@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_each_pose_draws_skin_on_the_body_and_background_off_it(
    qapp: object, pose: str, name: str
) -> None:
    body = load_body(pose)
    img = render_image(None, 0.0, QSize(500, 500), name, caption=False, legend=False, body=body)
    bg = theme(name).c("background")
    wx, wy = body.landmark("waist-right")
    rx, ry = body.right_dir
    beside = (wx + 3.5 * rx, wy + 3.5 * ry)  # just off the right side of the waist
    assert not body.on_body(*beside)
    off = _at(img, pose, beside)
    assert abs(off.red() - bg.red()) + abs(off.green() - bg.green()) < 40
    skin = _at(img, pose, body.landmark("rib12-right"))
    assert abs(skin.red() - bg.red()) + abs(skin.green() - bg.green()) > 40
    assert skin.red() > skin.blue()  # skin, not the grey of furniture


@pytest.mark.parametrize("pose", POSES)
def test_zone_map_numbers_every_zone_where_it_is(qapp: object, pose: str) -> None:
    body = load_body(pose)
    for z in body.zones.values():
        assert z.contains(*label_point(z)) or label_point(z) in z.polygon, z.id
    img = render_zone_map(body, QSize(900, 600))
    bg = theme("light").c("background").rgb()
    key_column = {img.pixel(x, y) for x in range(620, 890, 3) for y in range(40, 560, 3)}
    assert len(key_column) > 5 and bg in key_column  # text on the background
