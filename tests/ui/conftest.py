"""UI test guards (no QTimer left running: a timer left on burns CPU) and the classroom tests'
shared window: built on a fake clock and torn down with presenter, practice and watcher stopped.
Modules that define their own `clock` or `window` fixture override these."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.classroom.features import Classroom
from massage_trainer.ui.session.main_window import MainWindow


def classroom_of(w: MainWindow) -> Classroom:
    """The classroom tools ui/app.py attached to `w` (a child of the window)."""
    found = w.findChild(Classroom)
    assert isinstance(found, Classroom)
    return found


@pytest.fixture(autouse=True)
def no_timer_left_running(qapp: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    started: list[weakref.ref[QTimer]] = []
    original = QTimer.start

    def tracking_start(self: QTimer, *args: object) -> None:
        started.append(weakref.ref(self))
        original(self, *args)

    monkeypatch.setattr(QTimer, "start", tracking_start)
    yield
    monkeypatch.setattr(QTimer, "start", original)
    running = []
    for ref in started:
        timer = ref()
        try:
            if timer is not None and timer.isActive():
                running.append(timer)
        except RuntimeError:  # the C++ object is already gone: not running
            continue
    for t in running:
        t.stop()
    assert not running, f"{len(running)} QTimer(s) still running after the test: {running}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from tests.ui.test_main_window import make_window

    w = make_window(data_dir, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    classroom = w.findChild(Classroom)
    if classroom is not None:
        classroom.presenter.stop()
    w.controller.shutdown()
    if classroom is not None:
        classroom.practice.shutdown()
        classroom.authoring.watcher.stop()
