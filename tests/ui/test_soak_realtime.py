"""Real-time soak (marked `soak`: runs in `make bench`, not in `make test`): the window plays every
bundled protocol twice on the real clock, sped up so each step boundary is crossed in a couple of
minutes, recording to the history as the app does. Memory must not grow once warmed up.

RSS is sampled on the session's own frames; growth = the highest RSS in the second pass minus the
RSS at the end of the first (warm-up) pass. The figure is merged into bench/results.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from massage_trainer.core.protocol import catalog
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable

PROTOCOLS = ("back-pain-relief", "therapeutic-lower-back", "gentle-pregnancy")
SPEED = 24.0  # ~1970 s of protocols per pass -> ~82 s per pass
GROWTH_BUDGET_MB = 10.0
BENCH = Path(__file__).resolve().parents[2] / "bench"


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: soak")


@pytest.mark.soak
@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_memory_does_not_grow_over_a_real_time_soak(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol=None)
    w = build_window(args, cues=cues, get_ready_s=0.5, safety=True, defer=False)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    c = w.controller
    c.gate = lambda _command: None  # nobody answers the safety questions in a soak
    samples: list[float] = []
    frames = [0]

    def sample(_t: float) -> None:
        frames[0] += 1
        if frames[0] % 30 == 0:
            samples.append(_rss_mb())

    c.frame.connect(sample)
    warm_end = 0.0
    boundaries = 0
    for lap in range(2):
        if lap == 1:
            warm_end = _rss_mb()
            samples.clear()
        for pid in PROTOCOLS:
            protocol = catalog.bundled(pid)
            w.load_protocol(protocol)
            c.set_speed(SPEED)
            seen: list[int] = []
            c.stepStarted.connect(seen.append)
            assert c.start()
            timeout_ms = int((protocol.planned_s / SPEED + 20) * 1000)
            qtbot.waitUntil(lambda: c.state is State.FINISHED, timeout=timeout_ms)
            c.stepStarted.disconnect(seen.append)
            assert seen == list(range(len(protocol.steps)))  # every boundary crossed, in order
            boundaries += len(seen)
    growth = max(samples) - warm_end
    sys.path.insert(0, str(BENCH))
    from common import merge

    merge({"soak_rss_growth_mb": growth, "soak_rss_end_mb": samples[-1]})
    from massage_trainer.ui.session.session_log import SessionRecorder

    recorder = w.findChild(SessionRecorder)
    assert isinstance(recorder, SessionRecorder)
    assert recorder.history is not None
    statuses = [r.status for r in recorder.history.sessions()]
    assert statuses == ["completed"] * 2 * len(PROTOCOLS)
    assert boundaries == 2 * sum(len(catalog.bundled(p).steps) for p in PROTOCOLS)
    assert growth <= GROWTH_BUDGET_MB, f"RSS grew by {growth:.1f} MB after warm-up"
