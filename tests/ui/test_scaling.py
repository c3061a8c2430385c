"""200 % scaling and the text size setting: the window and the pain dialog within the screen,
nothing cut off (tests/ui/scaled_window.py runs each case in its own Qt, as the scale is fixed
when Qt starts); the text size is remembered; reduced motion holds the hands at key poses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.body.motion import palm_centre, pose_at
from massage_trainer.core.protocol.catalog import bundled
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.diagram import key_poses
from massage_trainer.ui.diagram.view import BodyView
from massage_trainer.ui.session.display_prefs import DisplayPrefs
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.test_main_window import make_window

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def _scaled(size: str, scale: str, *extra: str) -> dict[str, object]:
    env = dict(os.environ, QT_SCALE_FACTOR=scale)
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_window", size, *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    ("size", "scale", "extra", "logical"),
    [
        ("1280x800", "2", (), [640, 400]),
        ("1280x800", "2", ("--answered", "--theme", "high-contrast"), [640, 400]),
        ("1920x1080", "2", ("--answered",), [960, 540]),
        ("1280x800", "1", ("--text", "200", "--answered", "--theme", "dark"), [1280, 800]),
    ],
)
def test_every_control_is_on_the_screen_and_whole(
    size: str, scale: str, extra: tuple[str, ...], logical: list[int]
) -> None:
    result = _scaled(size, scale, *extra)
    assert result["screen"] == logical  # the scale really applied
    assert result["problems"] == []


@pytest.fixture
def win(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:
    w = make_window(data_dir, clock)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.controller.shutdown()


def test_the_text_size_scales_the_font_and_is_remembered(win: MainWindow) -> None:
    prefs = win.findChild(DisplayPrefs)
    assert isinstance(prefs, DisplayPrefs)
    before = QApplication.font().pointSizeF()
    title_before = win.view.panel.instructions.font().pointSizeF()
    try:
        prefs.size_actions[200].trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(2 * before)
        assert win.settings.value("view/text_size") in (200, "200")
        # the step text follows the text size, never smaller than the questions
        assert win.view.panel.instructions.font().pointSizeF() >= QApplication.font().pointSizeF()
        assert win.view.panel.instructions.font().pointSizeF() > title_before
    finally:
        prefs.size_actions[100].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(before)


def test_reduced_motion_shows_key_poses_and_a_steady_glow(qtbot: QtBot) -> None:
    step = bundled("back-pain-relief").steps[0]
    body = load_body()
    start, middle, end = key_poses.key_times(step, body)
    assert start == 0.0 < middle < end
    far = palm_centre(pose_at(step, end, body).left, False)
    near = palm_centre(pose_at(step, start, body).left, False)
    assert far != near  # the far end is somewhere else
    view = BodyView()
    qtbot.addWidget(view)
    view.resize(400, 520)
    view.set_step(step)
    view.show()

    def frame(t: float) -> bytes:
        view.set_time(t)
        img = view.grab().toImage()
        return bytes(img.constBits())

    moving = frame(0.3) != frame(0.9)
    view.set_reduce_motion(True)
    held = frame(0.3) == frame(0.9) == frame(key_poses.HOLD_S - 0.1)
    then = frame(key_poses.HOLD_S + 0.1)
    assert moving and held
    assert then != frame(0.3)  # the next key pose after the hold
    assert key_poses.shown_time(step, body, 2 * key_poses.HOLD_S + 0.5) == end


def test_the_timeline_makes_room_for_its_words_at_a_large_text_size(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from massage_trainer.ui.session.timeline import Timeline

    timeline = Timeline()
    qtbot.addWidget(timeline)
    normal = timeline.minimumHeight()
    big = QFont(timeline.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    timeline.setFont(big)
    timeline.resize(900, timeline.minimumHeight())
    small = QFontMetrics(timeline._small_font())
    plot = timeline._plot_rect()
    assert plot.left() >= small.horizontalAdvance("moderate") + 8  # not cut at the left
    assert timeline.height() - plot.bottom() >= 5 + 2 * small.height()  # ticks and "minutes"
    assert timeline.minimumHeight() > normal
