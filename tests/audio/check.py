"""`make audio-check`: the cues through a real sound server, measured from its recording.

    python -m tests.audio.check            the short part (as in `make test`): one protocol with
                                           every cue, the recording checks, the server killed
    python -m tests.audio.check --full     the short part with the five tempos 12, 10, 60, 30,
                                           120, a speech engine that hangs, then ten sessions of
                                           at least two minutes each (about 30 minutes)

It needs PulseAudio (pulseaudio, parec, pactl), Xvfb and xdotool; without them it says so and
exits 0. It prints its figures and exits 1 when a check fails. Set MT_AUDIO_DISPLAY=:N to use
that X display number; MT_AUDIO_KEEP=1 keeps the working folder (recordings' logs, stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.audio import scenarios
from tests.audio.rig import missing_tools
from tests.sound.hung import hanging_daemon

SHORT_TEMPOS = [60.0, 30.0, 120.0]
FULL_TEMPOS = [12.0, 10.0, 60.0, 30.0, 120.0]


def show(result: scenarios.Result) -> None:
    verdict = "PASS" if not result.problems else "FAIL"
    print(f"{verdict}  {result.name}")
    for key, value in result.figures.items():
        shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
        print(f"      {key}: {shown}")
    for problem in result.problems:
        print(f"      problem: {problem}")
    sys.stdout.flush()


def run(full: bool, folder: Path) -> list[scenarios.Result]:
    results: list[scenarios.Result] = []
    rig = scenarios.Rig(folder)
    try:
        tempos = FULL_TEMPOS if full else SHORT_TEMPOS
        results.append(scenarios.protocol_and_server_kill(rig, tempos, "protocol"))
        show(results[-1])
        if not full:
            return results
        daemon, env = hanging_daemon(folder)
        try:
            results.append(
                scenarios.hanging_speech_engine(rig, {"SPEECHD_ADDRESS": env["SPEECHD_ADDRESS"]})
            )
        finally:
            daemon.close()
        show(results[-1])
        for i in range(1, 11):
            results.append(scenarios.soak_session(rig, i))
            show(results[-1])
    finally:
        rig.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.audio.check")
    parser.add_argument("--full", action="store_true", help="add the hanging engine and the soak")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"audio-check: skipped, not installed here: {', '.join(missing)}")
        print("  (sudo apt-get install -y pulseaudio pulseaudio-utils xvfb xdotool)")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="mt-audio-"))
    try:
        results = run(args.full, folder)
    finally:
        if os.environ.get("MT_AUDIO_KEEP"):
            print(f"audio-check: working folder kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    failed = [r.name for r in results if r.problems]
    soak = [r for r in results if r.name.startswith("soak")]
    if soak:
        gaps = [r.figures.get("longest_beat_gap_s", 0) for r in soak]
        lines = [r.figures.get("stderr_lines", 0) for r in soak]
        print(
            f"soak: {len(soak)} sessions, {len(soak) - len([r for r in soak if r.problems])} "
            f"passed; longest beat gap {max(gaps)} s; stderr lines at most {max(lines)}"
        )
    print("audio-check: " + ("FAILED: " + ", ".join(failed) if failed else "all checks passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
