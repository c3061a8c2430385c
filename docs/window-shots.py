"""Renders the main window mid-session in every theme at two sizes: docs/window-<theme>-<w>x<h>.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/window-shots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from massage_trainer.core.safety import rules as safety_rules  # noqa: E402
from massage_trainer.core.session.clock import FakeClock  # noqa: E402
from massage_trainer.ui.app import build_window  # noqa: E402
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable  # noqa: E402


def _no_backend(*_args: object) -> object:
    raise Unavailable("")


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    clock = FakeClock()
    cues = Cues(CueSettings(), sound_factory=_no_backend, speech_factory=_no_backend)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=Path(tempfile.mkdtemp()), protocol="back-pain-relief")
    window = build_window(args, clock=clock, cues=cues, defer=False, record=False)
    c = window.controller
    panel = window.safety_panel  # answer the safety check as a person would: all clear
    rules = safety_rules.load()
    for q in rules.questions:
        panel.set_answer(
            q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
        )
    for item in window.controller.protocol.preparation:
        panel.set_answer(item, True)
    assert panel.may_start(), "the all-clear answers should let the session start"
    c.start()
    clock.advance(5)
    c.poll()
    c.next()
    clock.advance(41.3)
    c.poll()
    for theme in ("light", "dark", "high-contrast"):
        for w, h in ((1280, 800), (1920, 1080)):
            window.set_theme(theme)
            window.resize(w, h)
            window.show()
            app.processEvents()
            c.poll()
            app.processEvents()
            app.processEvents()  # the scrolled session area lays out once more
            window.grab().save(str(DOCS / f"window-{theme}-{w}x{h}.png"))
    c.shutdown()


if __name__ == "__main__":
    main()
