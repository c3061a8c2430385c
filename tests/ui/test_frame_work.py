"""Per-frame work of the window (wiring): a frame that changes nothing a person sees measures no
text and names nothing anew. Counted calls, not time (speed is measured in bench/)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont

from massage_trainer.core.protocol import catalog
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.session import session_view
from massage_trainer.ui.session.main_window import MainWindow
from massage_trainer.ui.session.timeline import Timeline


def test_the_timeline_cursor_measures_its_words_once_not_every_frame(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.resize(900, timeline.minimumHeight())
    timeline.set_protocol(catalog.bundled("back-pain-relief"))
    timeline.build()
    timeline.set_now(0, 0.0)
    measured: list[int] = []
    small = timeline._small_font
    monkeypatch.setattr(timeline, "_small_font", lambda: measured.append(1) or small())
    for i in range(120):  # two seconds of frames
        timeline.set_now(0, i / 60)
    assert measured == []
    left = timeline._plot_rect().left()
    big = QFont(timeline.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    timeline.setFont(big)  # a font change measures again: room for the larger words
    assert measured and timeline._plot_rect().left() > left
    measured.clear()
    QCoreApplication.sendEvent(timeline, QEvent(QEvent.Type.LanguageChange))
    timeline.set_now(0, 3.0)
    assert len(measured) == 1  # a language change measures the new names, once


def test_the_clock_words_are_named_again_only_when_they_change(
    window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    named: list[str] = []
    real = session_view.clock_words
    monkeypatch.setattr(
        session_view,
        "clock_words",
        lambda panel, big, rep: named.append(big) or real(panel, big, rep),
    )
    c = window.controller
    c.gate = lambda _command: None
    c.get_ready_s = 0.0
    c.start()
    for _ in range(60):  # one second of frames: the countdown changes once or twice
        clock.advance(1 / 60)
        c.poll()
    assert 1 <= len(named) <= 3, named
    assert len(set(named)) == len(named)
    countdown = window.view.panel.countdown
    assert countdown.accessibleName() == f"Time left in this step: {countdown.text()}"
    c.stop()
