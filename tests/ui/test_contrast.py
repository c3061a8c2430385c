"""WCAG 2.1 AA in every theme, measured on rendered pixels (tests/ui/contrast.py): every text 4.5:1
(3:1 when large), every check box and radio button outline and chosen mark 3:1, the focus ring
2 px and 3:1, disabled controls plainly unlike enabled ones. Each window and dialog of a session
is opened and grabbed in each theme; custom-painted pictures (diagram, timeline, charts) are left
to their own colour checks below."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from massage_trainer.core.history.log import History
from massage_trainer.core.safety import rules as safety_rules
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.base import window_style
from massage_trainer.ui.classroom.audience import AudienceWindow
from massage_trainer.ui.diagram.view import BodyView
from massage_trainer.ui.history.receivers import AfterDialog, BeforeDialog
from massage_trainer.ui.history.window import HistoryWindow
from massage_trainer.ui.safety.pain_dialog import PainDialog
from massage_trainer.ui.session.cue_dialog import CueDialog
from massage_trainer.ui.session.cues import CueSettings
from massage_trainer.ui.session.main_window import MainWindow
from massage_trainer.ui.session.timeline import THEME_COLOURS, Timeline
from tests.ui import contrast
from tests.ui.conftest import classroom_of
from tests.ui.test_history_view import seed_course
from tests.ui.test_main_window import make_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
THEMES = ("light", "dark", "high-contrast")
PICTURES = (BodyView, Timeline, pg.PlotWidget)  # drawn, not made of text widgets


@pytest.fixture
def win(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:
    w = make_window(data_dir, clock, safety=True)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    classroom = classroom_of(w)
    classroom.presenter.stop()
    w.controller.shutdown()
    classroom.practice.shutdown()
    classroom.authoring.watcher.stop()


class Walk:
    """Collects what falls short, window by window."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.problems: list[str] = []
        self.looked = 0

    def look(self, top: QWidget, label: str) -> None:
        top.show()
        QApplication.processEvents()
        self.looked += 1
        self.problems += [f"{label}: {f}" for f in contrast.check_window(top, PICTURES)]

    def dialog(self, d: QWidget, label: str, *states: Callable[[], object]) -> None:
        self.qtbot.addWidget(d)
        self.look(d, label)
        for i, state in enumerate(states):
            state()
            self.look(d, f"{label} ({i + 1})")
        d.close()


def _answer_all_clear(w: MainWindow) -> None:
    panel = w.safety_panel
    assert panel is not None
    for q in safety_rules.load().questions:
        panel.set_answer(  # type: ignore[attr-defined]
            q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
        )
    assert w.controller.protocol is not None
    for item in w.controller.protocol.preparation:
        panel.set_answer(item, True)  # type: ignore[attr-defined]


@pytest.mark.parametrize("theme", THEMES)
def test_every_window_and_dialog_meets_wcag_aa(
    qtbot: QtBot, win: MainWindow, clock: FakeClock, data_dir: Path, theme: str
) -> None:
    win.set_theme(theme)
    walk = Walk(qtbot)
    panel = win.safety_panel
    assert panel is not None
    rules = safety_rules.load()
    for i, q in enumerate(rules.questions):  # yes to every other question: stop, wait, adapt marks
        if q.kind != "number":
            panel.set_answer(q.id, i % 2 == 0)  # type: ignore[attr-defined]
    walk.look(win, "main window, questions marked")
    _answer_all_clear(win)
    win.controller.start()
    clock.advance(5)
    win.controller.poll()
    walk.look(win, "main window, running")
    win.view.flash(clock.now())
    walk.look(win, "main window, flashing")
    classroom = classroom_of(win)
    classroom.authoring.banner.show_message(
        "The protocol has 2 problems", ["mine.yaml:3:5: unknown technique"], colours=win.colours
    )
    classroom.practice.glossary.show()
    walk.look(win, "main window, problem banner and glossary")

    pain = PainDialog(rules, parent=win)
    walk.dialog(
        pain,
        "pain dialog",
        lambda: pain.set_feeling("aching"),
        lambda: pain.flag_boxes[next(iter(pain.flag_boxes))].setChecked(True),
    )
    history, _ = History.open(data_dir / "h")
    seed_course(history)
    before = BeforeDialog(history, win)
    walk.dialog(before, "before dialog", lambda: before.pain.set_value(7))
    after = AfterDialog(7, win)
    walk.dialog(after, "after dialog", lambda: after.pain.set_value(2))
    hw = HistoryWindow(history, "en", win)
    hw.view.set_theme(theme)
    walk.dialog(hw, "history window")
    history.close()
    walk.dialog(CueDialog(CueSettings(), ["Sound is off."], win), "cue settings")
    audience = AudienceWindow()
    walk.dialog(audience, "audience window")

    assert walk.looked >= 12
    assert not walk.problems, "\n".join(walk.problems)


@pytest.mark.parametrize("theme", THEMES)
def test_the_timeline_labels_are_readable(theme: str) -> None:
    background, text, marker = THEME_COLOURS[theme]
    assert contrast.ratio(text, background) >= contrast.TEXT_AA
    assert contrast.ratio(marker, background) >= contrast.NON_TEXT_AA


def _grab(top: QWidget) -> np.ndarray:
    img = top.grab().toImage()
    return contrast.pixels(img, img.rect()).reshape(img.height(), img.width(), 3)


def _focus_ring(top: QWidget, widget: QWidget) -> tuple[float, int]:
    """Contrast of the focus ring against what is around it, and its thickness at the left."""
    widget.clearFocus()
    QApplication.processEvents()
    before = _grab(top)
    widget.setFocus()
    QApplication.processEvents()
    assert widget.hasFocus()
    after = _grab(top)
    widget.clearFocus()
    r = (
        contrast.rect_in(widget, top)
        .adjusted(-3, -3, 3, 3)
        .intersected(QRect(0, 0, before.shape[1], before.shape[0]))
    )
    b = before[r.top() : r.bottom() + 1, r.left() : r.right() + 1]
    a = after[r.top() : r.bottom() + 1, r.left() : r.right() + 1]
    changed = np.any(a != b, axis=2)
    assert changed.any(), "focus changes nothing on screen"
    colours, counts = np.unique(a[changed], axis=0, return_counts=True)
    ring = tuple(int(v) for v in colours[int(np.argmax(counts))])
    # what the ring stands on: the colour it replaced where it was drawn
    under, under_counts = np.unique(b[changed], axis=0, return_counts=True)
    ground = tuple(int(v) for v in under[int(np.argmax(under_counts))])
    row = changed[changed.shape[0] // 2]
    cols = np.nonzero(row)[0]
    thickness = 0
    if len(cols):
        x = cols[0]
        while x < len(row) and row[x]:
            thickness, x = thickness + 1, x + 1
    ratio = max(
        contrast.ratio(ring, ground),  # type: ignore[arg-type]
        contrast.ratio(ring, window_style.colours(window_style.current()).window),
    )
    return ratio, thickness


@pytest.mark.parametrize("theme", THEMES)
def test_the_focus_ring_is_two_pixels_and_three_to_one(
    qtbot: QtBot, win: MainWindow, theme: str
) -> None:
    win.set_theme(theme)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    panel = win.safety_panel
    assert panel is not None
    checklist = panel.checklist  # type: ignore[attr-defined]
    radio = next(iter(checklist._groups.values())).buttons()[0]
    spin = next(iter(checklist._spins.values()))
    check = next(iter(checklist._checks.values()))
    bar = win.view.controls
    targets = {
        "radio button": radio,
        "number field": spin,
        "check box": check,
        "push button": panel.reset_button,  # type: ignore[attr-defined]
        "pain button": bar.buttons["pain"],
        "next button": bar.buttons["next"],
        "protocol button": bar.protocol_button,
    }
    problems = []
    for name, widget in targets.items():
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the control bar's too, for this test
        for area in panel.findChildren(QScrollArea):
            if area.isAncestorOf(widget):
                area.ensureWidgetVisible(widget)
        ratio, thickness = _focus_ring(win, widget)
        if ratio < contrast.NON_TEXT_AA or thickness < 2:
            problems.append(f"{name}: ring {ratio:.2f}:1, {thickness} px")
    assert not problems, problems


@pytest.mark.parametrize("theme", THEMES)
def test_a_disabled_button_looks_unlike_an_enabled_one(win: MainWindow, theme: str) -> None:
    win.set_theme(theme)
    button = win.view.controls.buttons["restart"]
    button.setEnabled(True)
    QApplication.processEvents()
    on = contrast.read(contrast.pixels(button.grab().toImage(), QRect(0, 0, 10**4, 10**4)))
    button.setEnabled(False)
    QApplication.processEvents()
    off = contrast.read(contrast.pixels(button.grab().toImage(), QRect(0, 0, 10**4, 10**4)))
    assert on.inks and off.inks
    strongest_on = max(on.inks, key=lambda i: i.ratio)
    strongest_off = max(off.inks, key=lambda i: i.ratio)
    assert contrast.ratio(strongest_on.colour, strongest_off.colour) >= 1.8, (on, off)
