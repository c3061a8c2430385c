"""Print the AT-SPI announcements, focus changes and name changes Orca would get from Massage
Trainer while xdotool presses the keys given on the command line (one every half second)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pyatspi


def on_event(event: object) -> None:
    kind: str = event.type  # type: ignore[attr-defined]
    source = event.source  # type: ignore[attr-defined]
    if "announcement" in kind:
        print("ANNOUNCE", repr(event.any_data)[:200], flush=True)  # type: ignore[attr-defined]
    elif kind.startswith("object:state-changed:focused") and event.detail1:  # type: ignore[attr-defined]
        print(
            "FOCUS",
            source.getRoleName(),
            "|",
            (source.name or "")[:80],
            "|",
            (source.description or "")[:150],
            flush=True,
        )
    elif kind.startswith("object:property-change:accessible-name"):
        print("NAME", source.getRoleName(), "|", (source.name or "")[:100], flush=True)


def press(keys: list[str]) -> None:
    time.sleep(1.5)  # a manual check: let the listener settle
    env = {**os.environ, "DISPLAY": os.environ.get("DISPLAY", ":24")}
    for key in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=env, check=False)
        time.sleep(0.5)
    time.sleep(2)
    pyatspi.Registry.stop()


for name in (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
):
    pyatspi.Registry.registerEventListener(on_event, name)
threading.Thread(target=press, args=(sys.argv[1:],), daemon=True).start()
pyatspi.Registry.start()
