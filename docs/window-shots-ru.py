"""Renders the Russian main window mid-session, the safety check answered all clear as a person
would: docs/window-ru-1280x800.png (other sizes to --out).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/window-shots-ru.py [--out DIR]
The Russian translator is installed before any widget is built, as the app does at start.
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
from massage_trainer.ui.base import i18n  # noqa: E402
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable  # noqa: E402

SIZES = ((1280, 800), (1024, 600), (1920, 1080))  # the committed one first: a small window
# folds the answered checklist away, and it stays folded when the window grows again
COMMITTED = (1280, 800)


def _no_backend(*_args: object) -> object:
    raise Unavailable("")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None, help="folder for the other sizes")
    opts = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if not i18n.install("ru"):
        sys.exit("massage_trainer_ru.qm is missing: run make translations")
    clock = FakeClock()
    cues = Cues(CueSettings(), sound_factory=_no_backend, speech_factory=_no_backend)  # type: ignore[arg-type]
    args = argparse.Namespace(
        data_dir=Path(tempfile.mkdtemp()), protocol="back-pain-relief", lang="ru"
    )
    window = build_window(args, clock=clock, cues=cues, defer=False, record=False)
    c = window.controller
    panel = window.safety_panel  # answer the safety check as a person would: all clear
    rules = safety_rules.load()
    for q in rules.questions:
        panel.set_answer(
            q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
        )
    for item in c.protocol.preparation:
        panel.set_answer(item, True)
    assert panel.may_start(), "the all-clear answers should let the session start"
    c.start()
    clock.advance(5)
    c.poll()
    c.next()
    clock.advance(41.3)
    c.poll()
    for w, h in SIZES:
        window.resize(w, h)
        window.show()
        for _ in range(5):  # the step text's fit changes fonts, which lays out again: let it settle
            app.processEvents()
            c.poll()
        name = f"window-ru-{w}x{h}.png"
        if (w, h) == COMMITTED:
            window.grab().save(str(DOCS / name))
        if opts.out is not None:
            window.grab().save(str(opts.out / name))
    c.shutdown()


if __name__ == "__main__":
    main()
