"""BodyView wiring: API, hit-testing through the widget, hover/click signals, cache, no timers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from massage_trainer.core.protocol import catalog
from massage_trainer.ui.diagram.view import BodyView


def _view(qtbot: QtBot) -> BodyView:
    v = BodyView()
    qtbot.addWidget(v)
    v.resize(500, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_api_sets_state_and_owns_no_timer(qtbot: QtBot) -> None:
    v = _view(qtbot)
    step = catalog.bundled("therapeutic-lower-back").steps[3]
    v.set_step(step)
    v.settle()
    v.set_time(2.5)
    v.set_theme("dark")
    v.set_show_labels(True)
    v.set_language("ru")
    v.set_marked_zones(["lumbar-left", "not-a-zone"])
    assert v.step() is step and v.time() == 2.5 and v.theme_name() == "dark"
    assert v.marked_zones() == ("lumbar-left",)
    v.set_theme("no-such-theme")
    assert v.theme_name() == "light"
    from PySide6.QtCore import QTimer

    assert v.findChildren(QTimer) == []
    img = v.grab()
    assert not img.isNull()


def test_click_on_a_zone_emits_its_id(qtbot: QtBot) -> None:
    v = _view(qtbot)
    x, y = v._body.zone("lumbar-right").centroid()
    # a point of lumbar-right outside the kidney area
    pos = v.body_to_widget(x + 3.0, y + 4.0)
    with qtbot.waitSignal(v.zoneClicked) as sig:
        qtbot.mouseClick(v, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert sig.args == ["lumbar-right"]
    assert v.zone_at_pos(v.body_to_widget(0.0, 50.0)) == "spine"
    assert v.zone_at_pos(QPointF(2, 2)) == ""


def test_hover_emits_zone_and_empty_when_leaving(qtbot: QtBot) -> None:
    v = _view(qtbot)
    pos = v.body_to_widget(*v._body.zone("sacrum").centroid()).toPoint()
    with qtbot.waitSignal(v.zoneHovered) as sig:
        qtbot.mouseMove(v, pos)
    assert sig.args == ["sacrum"]
    assert v.hovered_zone() == "sacrum"
    assert v.toolTip() == "Sacrum"
    with qtbot.waitSignal(v.zoneHovered) as sig2:
        qtbot.mouseMove(v, v.body_to_widget(0.0, 50.0).toPoint())
    assert sig2.args == ["spine"]


def test_static_layers_are_cached_across_frames(qtbot: QtBot) -> None:
    v = _view(qtbot)
    v.set_step(catalog.bundled("back-pain-relief").steps[0])
    v.settle()
    v.grab()
    built = v._cache.rebuilds
    for i in range(5):
        v.set_time(i * 0.1)
        v.grab()
    assert v._cache.rebuilds == built
    v.set_theme("high-contrast")
    v.grab()
    assert v._cache.rebuilds > built


def test_time_changes_the_picture(qtbot: QtBot) -> None:
    v = _view(qtbot)
    v.set_step(catalog.bundled("therapeutic-lower-back").steps[0])
    v.settle()
    v.set_time(0.0)
    a = v.grab().toImage()
    v.set_time(2.4)
    b = v.grab().toImage()
    assert a != b


def test_frames_reuse_hand_sprites_and_repaint_a_small_region(qtbot: QtBot) -> None:
    from PySide6.QtCore import QRect

    from massage_trainer.core.body import motion
    from massage_trainer.ui.diagram import hands

    v = _view(qtbot)
    step = catalog.bundled("therapeutic-lower-back").steps[3]  # kneading: angles and squeezes vary
    v.set_step(step)
    v.settle()
    v.grab()
    loop = motion.loop_s(step)
    for i in range(120):  # one loop draws every sprite it needs...
        v.set_time(loop * i / 120)
    built = hands.STATS["builds"]
    regions: list[QRect] = []
    v.update = lambda *a: regions.append(a[0].boundingRect() if a else v.rect())  # type: ignore[method-assign]
    for i in range(120):  # ...the next loop draws none
        v.set_time(loop + loop * i / 120)
    assert hands.STATS["builds"] == built
    whole = v.width() * v.height()
    assert regions and max(r.width() * r.height() for r in regions) < whole * 0.6


def test_no_repaint_when_nothing_visible_moved(qtbot: QtBot) -> None:
    v = _view(qtbot)
    v.set_step(catalog.bundled("back-pain-relief").steps[0])
    v.settle()
    v.grab()
    v.set_time(1.0)
    calls: list[object] = []
    v.update = lambda *a: calls.append(a)  # type: ignore[method-assign]
    v.set_time(1.0)
    assert calls == []
    v.set_time(2.0)
    assert calls


def test_a_new_step_moves_the_framing_smoothly_then_stops(qtbot: QtBot) -> None:
    from PySide6.QtCore import QVariantAnimation

    from massage_trainer.core.body import framing

    v = _view(qtbot)
    steps = catalog.bundled("gentle-pregnancy").steps
    v.set_step(steps[1])  # lower back
    v.settle()
    low = v.layout_now().frame
    v.set_step(steps[3])  # shoulders
    goal = framing.frame_for(steps[3], v._body)
    assert v.is_moving() and v.target_frame() == goal and v.layout_now().frame == low
    move = v.findChild(QVariantAnimation)
    assert move is not None and 400 <= move.duration() <= 600
    move.setCurrentTime(move.duration() // 2)
    mid = v.layout_now().frame
    assert goal[1] < mid[1] < low[1]  # on its way up the back
    move.setCurrentTime(move.duration())
    assert v.layout_now().frame == goal and not v.is_moving()
    v.hide()
    v.set_step(steps[1])  # nobody watches: no move
    assert not v.is_moving() and v.layout_now().frame == low


def _shown(qtbot: QtBot, protocol: str, index: int, theme: str) -> BodyView:
    from massage_trainer.core.body import framing

    proto = catalog.bundled(protocol)
    v = BodyView(body=framing.body_of(proto))
    qtbot.addWidget(v)
    v.resize(520, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_theme(theme)
    v.set_step(proto.steps[index])
    v.settle()
    return v


def _partial_matches_full(
    qtbot: QtBot, protocol: str, index: int, theme: str, dt: float | None = None
) -> None:
    """Frames painted only where the view asked (as Qt repaints them into its backing store)
    leave exactly the picture a fresh view gives at the time the hands were last drawn (its
    first paint is whole; the outline's pulse has the same level then as at the last time)."""
    from PySide6.QtGui import QImage, QRegion

    from massage_trainer.core.body import motion

    v = _shown(qtbot, protocol, index, theme)
    canvas = QImage(v.size(), QImage.Format.Format_ARGB32_Premultiplied)
    v.render(canvas)
    asked: list[QRegion | None] = []
    v.update = lambda *a: asked.append(a[0] if a else None)  # type: ignore[method-assign]
    t = 0.0
    for i in range(1, 91):
        asked.clear()
        t = i * dt if dt else 0.6 * motion.loop_s(v.step()) * i / 90  # type: ignore[arg-type]
        v.set_time(t)
        for region in asked:
            dirty = region if region is not None else QRegion(v.rect())
            v.render(canvas, dirty.boundingRect().topLeft(), dirty)  # drawn where it was
        if dt and not asked and i % 4 == 0:  # a whole repaint now (an expose) agrees with them
            again = QImage(v.size(), QImage.Format.Format_ARGB32_Premultiplied)
            v.render(again)
            assert again == canvas, f"{protocol} step {index + 1}: a whole repaint at {t:.3f} s"
    drawn = v._plan
    assert drawn is not None and t - 0.25 <= drawn.t <= t
    fresh = _shown(qtbot, protocol, index, theme)
    fresh.set_time(drawn.t)
    whole = QImage(v.size(), QImage.Format.Format_ARGB32_Premultiplied)
    fresh.render(whole)
    assert canvas == whole, f"{protocol} step {index + 1}: partial repaints left stale pixels"


def test_partial_repaints_leave_the_picture_a_whole_repaint_gives(qtbot: QtBot) -> None:
    for protocol, index, theme in (
        ("back-pain-relief", 0, "light"),
        ("therapeutic-lower-back", 3, "dark"),
        ("back-pain-relief", 5, "high-contrast"),
        ("gentle-pregnancy", 2, "light"),
    ):
        _partial_matches_full(qtbot, protocol, index, theme)
    _partial_matches_full(qtbot, "back-pain-relief", 0, "light", dt=1 / 60)  # slow drift


def test_hands_are_redrawn_when_they_moved_two_pixels_and_never_lag_further(qtbot: QtBot) -> None:
    """At 60 frames a second a slow stroke moves a hand less than 2 px a frame: the view redraws
    it every other frame or so, and the hands it shows are never 2 px or more from their place."""
    from PySide6.QtGui import QImage, QRegion

    from massage_trainer.ui.base.themes import theme as get_theme
    from massage_trainer.ui.diagram import frame_paint

    v = _shown(qtbot, "back-pain-relief", 0, "light")
    v.render(QImage(v.size(), QImage.Format.Format_ARGB32_Premultiplied))  # the first, whole
    asked: list[QRegion | None] = []
    v.update = lambda *a: asked.append(a[0] if a else None)  # type: ignore[method-assign]
    step, lay, th = v.step(), v.layout_now(), get_theme("light")
    assert step is not None
    places_changed = redrawn = 0
    last = None
    for i in range(1, 301):
        asked.clear()
        t = i / 60
        v.set_time(t)
        true = frame_paint.hands_at(lay, v.body(), step, th, 1.0, v._shown_t(t)).looks
        drawn = v._plan
        assert drawn is not None
        for (key_d, xd, yd), (key_t, xt, yt) in zip(drawn.looks, true, strict=True):
            assert key_d == key_t and abs(xd - xt) < 2 and abs(yd - yt) < 2, (t, drawn.t)
        redrawn += any(r is not None and not r.isEmpty() for r in asked)
        places_changed += last is not None and true != last
        last = true
    assert 0 < redrawn < 0.75 * places_changed, (redrawn, places_changed)
