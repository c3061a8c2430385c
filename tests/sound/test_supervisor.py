"""The supervisor keeps a worker going whatever it does, and never makes the window wait.

Real processes, stand-in workers (fake_worker.py) that crash, hang, fall silent or flood stderr;
the watchdog's times are shortened so each case takes a few seconds.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from massage_trainer.sound import supervisor
from massage_trainer.sound.supervisor import Supervisor

FAKE = str(Path(__file__).with_name("fake_worker.py"))
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def quick_watchdog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seconds, not the real tens of seconds; still long enough for a worker to start and answer
    on a busy machine (a healthy worker taken for a stuck one would fail the other tests)."""
    monkeypatch.setattr(supervisor, "PING_S", 0.2)
    monkeypatch.setattr(supervisor, "READY_S", 4.0)
    monkeypatch.setattr(supervisor, "ANSWER_S", 2.0)


@pytest.fixture
def made(qapp: object) -> Iterator[list[Supervisor]]:
    workers: list[Supervisor] = []
    yield workers
    for w in workers:
        w.stop()


def fake(made: list[Supervisor], mode: str, retry_s: tuple[float, ...] = (0.05,)) -> Supervisor:
    w = Supervisor("sound", [sys.executable, FAKE, mode], retry_s=retry_s)
    made.append(w)
    return w


def states(w: Supervisor) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    w.stateChanged.connect(lambda state, why: seen.append((state, why)))
    return seen


def test_a_ready_worker_gets_commands_and_start_does_not_wait(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "ok")
    got: list[dict[str, object]] = []
    w.event.connect(got.append)
    w.start()
    assert w.state == "starting"  # start() returned before the worker said anything
    assert not w.send({"op": "play", "sound": "tick"})  # not ready yet: dropped, not queued
    qtbot.waitUntil(lambda: w.state == "ready", timeout=10_000)
    assert w.send({"op": "play", "sound": "tick", "volume": 0.5})
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5_000)
    assert got[0] == {"ev": "got", "op": "play", "sound": "tick", "volume": 0.5}


def test_a_crashed_worker_is_reported_and_started_again(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "crash")
    seen = states(w)
    w.start()
    qtbot.waitUntil(lambda: w.state == "ready", timeout=10_000)
    first = w.pid
    w.send({"op": "play", "sound": "chime"})
    qtbot.waitUntil(lambda: ("down", "exited") in seen, timeout=5_000)
    qtbot.waitUntil(lambda: w.state == "ready" and w.pid != first, timeout=10_000)
    assert seen[:4] == [("starting", ""), ("ready", ""), ("down", "exited"), ("starting", "exited")]


def test_a_worker_hanging_at_start_is_killed_and_tried_again(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "hang-at-start")
    seen = states(w)
    w.start()
    first = w.pid
    qtbot.waitUntil(lambda: ("down", "not-answering") in seen, timeout=10_000)
    qtbot.waitUntil(lambda: w.pid not in (0, first), timeout=5_000)
    assert w.state == "starting"


def test_a_worker_that_stops_answering_is_killed(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "go-silent")
    seen = states(w)
    w.start()
    qtbot.waitUntil(lambda: w.state == "ready", timeout=10_000)
    w.send({"op": "play", "sound": "tick"})
    qtbot.waitUntil(lambda: ("down", "not-answering") in seen, timeout=5_000)


def test_off_is_final_and_down_is_retried_with_growing_pauses(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    off = fake(made, "off")
    off.start()
    qtbot.waitUntil(lambda: off.state == "off", timeout=10_000)
    assert off.why == "no-engine"
    off.start()  # given up: stays off
    assert off.state == "off" and off.pid == 0

    down = fake(made, "no-server", retry_s=(0.05, 0.1, 60.0))
    seen = states(down)
    down.start()
    qtbot.waitUntil(lambda: seen.count(("down", "no-device")) == 3, timeout=15_000)
    assert down.state == "down" and down.pid == 0  # now waiting the long pause: no process


def test_a_program_that_cannot_start_gives_up_at_once(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = Supervisor("speech", ["/nonexistent/massage-trainer-worker"])
    made.append(w)
    w.start()
    qtbot.waitUntil(lambda: w.state == "off", timeout=5_000)
    assert w.why == "not-started"


def test_stderr_floods_are_cut_to_a_few_lines(qtbot, made, capfd) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "flood")
    w.start()
    qtbot.waitUntil(lambda: w.state == "ready", timeout=10_000)
    err: list[str] = []
    qtbot.waitUntil(
        lambda: err.append(capfd.readouterr().err) or "not shown" in "".join(err), timeout=5_000
    )
    w.stop()
    err.append(capfd.readouterr().err)
    lines = "".join(err).splitlines()
    assert len(lines) == supervisor.STDERR_LINES  # of 500
    assert lines[0] == "massage-trainer: sound worker: noise 0"
    assert lines[-1].endswith("(the rest is not shown)")


def test_stop_ends_the_worker_and_no_new_one_starts(qtbot, made) -> None:  # type: ignore[no-untyped-def]
    w = fake(made, "ok")
    w.start()
    qtbot.waitUntil(lambda: w.state == "ready", timeout=10_000)
    w.stop()
    assert w.state == "stopped" and w.pid == 0
    assert not w.send({"op": "hush"})
