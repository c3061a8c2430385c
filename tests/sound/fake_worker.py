"""A stand-in worker for the supervisor's tests: `python fake_worker.py MODE`.

It speaks the real line protocol (massage_trainer.sound.wire) and misbehaves as MODE says:
ok (ready, answers pings, echoes every command back as {"ev": "got", ...}), crash (ready, then
dies at the first command), hang-at-start (never ready, never answers), go-silent (ready, then
stops answering after the first command), off / down (says so and exits), flood (ready, then
writes 500 lines to stderr), no-server (says down no-device, like a worker without sound server).
"""

from __future__ import annotations

import os
import sys
import time

from massage_trainer.sound import wire


def send(message: dict[str, object]) -> None:
    sys.stdout.buffer.write(wire.encode(message))
    sys.stdout.buffer.flush()


def main(mode: str) -> int:
    if mode == "hang-at-start":
        time.sleep(3600)
    if mode in ("off", "down", "no-server"):
        why = {"off": wire.NO_ENGINE, "down": wire.STALLED, "no-server": wire.NO_DEVICE}[mode]
        send({"ev": "off" if mode == "off" else "down", "why": why})
        return 4 if mode == "off" else 3
    send({"ev": "ready"})
    if mode == "flood":
        for i in range(500):
            print(f"noise {i}", file=sys.stderr)
        sys.stderr.flush()
    silent = False
    for raw in sys.stdin.buffer:
        message = wire.decode(raw)
        if message is None or silent:
            continue
        if message.get("op") == "ping":
            send({"ev": "pong", "n": message.get("n")})
            continue
        if mode == "crash":
            os._exit(139)
        send({"ev": "got", **message})
        if mode == "go-silent":
            silent = True
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
