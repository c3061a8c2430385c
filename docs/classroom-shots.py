"""Renders practice mode at half speed with a looped step (docs/practice.png, 1920x1080) and the
instructor's window while the audience screen is blanked (docs/presenter-blanked.png, 1280x800).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/classroom-shots.py [--lang ru] [--out DIR]
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
from massage_trainer.ui.classroom.features import Classroom  # noqa: E402
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable  # noqa: E402
from massage_trainer.ui.session.main_window import MainWindow  # noqa: E402

KNEADING = 5  # back-pain-relief step 6


def _no_backend(*_args: object) -> object:
    raise Unavailable("")


def _window(lang: str, clock: FakeClock) -> MainWindow:
    cues = Cues(CueSettings(), sound_factory=_no_backend, speech_factory=_no_backend)  # type: ignore[arg-type]
    args = argparse.Namespace(
        data_dir=Path(tempfile.mkdtemp()), protocol="back-pain-relief", lang=lang
    )
    window = build_window(args, clock=clock, cues=cues, defer=False)
    panel = window.safety_panel  # answer the safety check as a person would: all clear
    for q in safety_rules.load().questions:
        panel.set_answer(  # type: ignore[union-attr]
            q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
        )
    for item in window.controller.protocol.preparation:
        panel.set_answer(item, True)  # type: ignore[union-attr]
    return window


def _settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(3):
        app.processEvents()
        window.controller.poll()


def practice(app: QApplication, lang: str, out: Path) -> None:
    clock = FakeClock()
    window = _window(lang, clock)
    window.resize(1920, 1080)
    window.show()
    classroom = window.findChild(Classroom)
    assert classroom is not None
    pm = classroom.practice
    pm.set_active(True)
    pm.dock.speed_buttons[0.5].click()
    pm.dock.loop.click()
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(KNEADING)
    clock.advance(38)
    _settle(app, window)
    window.grab().save(str(out / f"practice{'' if lang == 'en' else '-' + lang}.png"))
    c.shutdown()
    pm.shutdown()


def presenter_blanked(app: QApplication, lang: str, out: Path) -> None:
    clock = FakeClock()
    window = _window(lang, clock)
    window.resize(1280, 800)
    window.show()
    classroom = window.findChild(Classroom)
    assert classroom is not None
    presenter = classroom.presenter
    presenter.start()
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()
    c.next()
    clock.advance(41.3)
    c.poll()
    window.actions_["blank"].setChecked(True)
    clock.advance(20)  # blanked for a while: the session waits
    _settle(app, window)
    name = f"presenter-blanked{'' if lang == 'en' else '-' + lang}.png"
    window.grab().save(str(out / name))
    presenter.stop()
    c.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("en", "ru"))
    parser.add_argument("--out", type=Path, default=DOCS)
    opts = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if opts.lang != "en" and not i18n.install(opts.lang):
        sys.exit("the translation is missing: run make translations")
    practice(app, opts.lang, opts.out)
    presenter_blanked(app, opts.lang, opts.out)


if __name__ == "__main__":
    main()
