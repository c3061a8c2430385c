"""Renders the Russian main window mid-session: docs/window-ru-1280x800.png (other sizes to --out).

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

from massage_trainer.core.session.clock import FakeClock  # noqa: E402
from massage_trainer.ui.app import build_window  # noqa: E402
from massage_trainer.ui.base import i18n  # noqa: E402
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable  # noqa: E402

SIZES = ((1024, 600), (1280, 800), (1920, 1080))
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
    window = build_window(args, clock=clock, cues=cues, defer=False)
    c = window.controller
    c.gate = lambda _command: None  # the picture shows a session under way
    c.start()
    clock.advance(5)
    c.poll()
    c.next()
    clock.advance(41.3)
    c.poll()
    for w, h in SIZES:
        window.resize(w, h)
        window.show()
        app.processEvents()
        c.poll()
        app.processEvents()
        name = f"window-ru-{w}x{h}.png"
        if (w, h) == COMMITTED:
            window.grab().save(str(DOCS / name))
        if opts.out is not None:
            window.grab().save(str(opts.out / name))
    c.shutdown()


if __name__ == "__main__":
    main()
