"""UI test guards: fail any test that leaves a QTimer running (a timer left on burns CPU)."""

from __future__ import annotations

import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer


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
