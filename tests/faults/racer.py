"""A worker for the first-use race: for each folder read from stdin, open the log there at once,
record one session and say how it went (one line). Several run side by side, so the parent's
line is the starting gun: they all open the same new folder at the same moment."""

from __future__ import annotations

import sys
from pathlib import Path

from massage_trainer.core.history.log import History


def main() -> None:
    for line in sys.stdin:
        folder = Path(line.rstrip("\n"))
        try:
            history, notice = History.open(folder)
            try:
                sid = history.begin_session(
                    protocol_id="back-pain-relief",
                    protocol_version=1,
                    answers={},
                    verdict="go",
                    verdict_reasons=[],
                )
                history.step_completed(sid, 0, "warm-up", "stroking", 1.0)
                history.end_session(sid, "completed")
            finally:
                history.close()
            print("ok" if notice is None else f"notice: {notice}", flush=True)
        except Exception as exc:  # reported to the test, which fails on anything but ok
            print(f"error: {type(exc).__name__}: {exc}", flush=True)


if __name__ == "__main__":
    main()
