"""The real window for the real-audio check, reporting what it does as JSON lines on stdout.

It is the app's own window, built by the composition root (ui/app.build_window) on the real
clock with the real cues and their workers, shown on the rig's X display and driven there by key
presses (xdotool). Only the safety dock is left out: answering it by keys is not what is tested
here. It prints:

    {"ev": "painted", "t": T, "wid": WINDOW_ID}       the first paint
    {"ev": "ready", "t": T}                           the deferred start-up is done (Start works)
    {"ev": "event", "kind": K, "step": I, "due": D, "t": T}   every player event (D: when due)
    {"ev": "status", "text": S, "ongoing": B, "t": T} the sound notice
    {"ev": "notice", "text": S, "t": T}
    {"ev": "beat", "t": T, "countdown": S, "state": S, "outputs": ["sound", "speech"]}
                            four times a second, from the event loop (when these stop, the
                            window is frozen); outputs: the workers that have worked so far

T is time.monotonic(), the clock the recorder maps its samples to.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from massage_trainer.core.session.player import Event
from massage_trainer.ui.app import application, build_window, settings_for
from massage_trainer.ui.base import i18n

CUES = ("chime", "metronome", "voice", "flash")
VOLUMES = {"chime_volume": 0.4, "metronome_volume": 0.5, "voice_volume": 0.3}
"""Loud enough to find, never summing past full scale (a clipped sum cannot be taken apart)."""


def say(**message: object) -> None:
    print(json.dumps({**message, "t": time.monotonic()}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("protocol")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--cues", default="chime,metronome,voice", help="the cues switched on")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--get-ready", type=float, default=5.0, help="seconds before step 1")
    args = parser.parse_args()
    app = application()
    i18n.install(args.lang)
    settings = settings_for(args.data_dir)
    for name in CUES:
        settings.setValue(f"cues/{name}", name in args.cues.split(","))
    for name, volume in VOLUMES.items():
        settings.setValue(f"cues/{name}", volume)
    window = build_window(
        argparse.Namespace(data_dir=args.data_dir, protocol=args.protocol, lang=args.lang),
        settings=settings,
        get_ready_s=args.get_ready,
        safety=False,
    )
    window.firstPainted.connect(lambda: say(ev="painted", wid=int(window.winId())))

    def event(e: Event) -> None:
        say(ev="event", kind=e.kind.value, step=e.step_index, due=e.at)

    window.controller.event.connect(event)
    if hasattr(window.cues, "statusChanged"):  # not in older versions (a baseline run)
        window.cues.statusChanged.connect(
            lambda text, ongoing: say(ev="status", text=text, ongoing=ongoing)
        )
    window.cues.notice.connect(lambda text: say(ev="notice", text=text))
    started = False

    def beat() -> None:
        nonlocal started
        if window.startup.started and not started:
            started = True
            say(ev="ready")
        countdown = window.findChild(QLabel, "countdown")
        player = window.controller.player
        say(
            ev="beat",
            countdown=countdown.text() if countdown is not None else "",
            state=player.state.value if player is not None else "",
            outputs=sorted(window.cues.health.worked) if hasattr(window.cues, "health") else [],
        )

    timer = QTimer(window)
    timer.timeout.connect(beat)
    timer.start(250)
    window.resize(1280, 800)
    window.show()
    code = int(app.exec())
    window.save_settings()
    return code


if __name__ == "__main__":
    sys.exit(main())
