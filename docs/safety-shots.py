"""Renders the two pictures of docs/safety.md: a tapping step with the kidney areas carved out of
"Work here" (docs/safety-tapping.png) and the safety panel locked after a "see a doctor" pain stop
(docs/safety-see-a-doctor.png).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/safety-shots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from massage_trainer.core.protocol import catalog  # noqa: E402
from massage_trainer.core.safety import rules as safety_rules  # noqa: E402
from massage_trainer.core.session.clock import FakeClock  # noqa: E402
from massage_trainer.ui.app import build_window  # noqa: E402
from massage_trainer.ui.diagram.drawing import render_image  # noqa: E402
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable  # noqa: E402


def _no_backend(*_args: object) -> object:
    raise Unavailable("")


def tapping() -> None:
    step = next(s for s in catalog.bundled("back-pain-relief").steps if s.id == "palm-edge-tapping")
    render_image(step, 0.9, QSize(1280, 800)).save(str(DOCS / "safety-tapping.png"))


def see_a_doctor(app: QApplication) -> None:
    clock = FakeClock()
    cues = Cues(CueSettings(), sound_factory=_no_backend, speech_factory=_no_backend)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=Path(tempfile.mkdtemp()), protocol="back-pain-relief")
    window = build_window(args, clock=clock, cues=cues, defer=False)
    panel = window.safety_panel
    for q in safety_rules.load().questions:
        panel.set_answer(
            q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
        )
    for item in window.controller.protocol.preparation:
        panel.set_answer(item, True)
    window.resize(1280, 800)
    window.show()
    window.controller.start()
    clock.advance(25)
    window.controller.poll()
    window.pain_stop()
    dialog = panel.wiring.dialog
    dialog.set_zone("lumbar-left")
    dialog.set_feeling("aching")
    dialog.flag_boxes["pain-after-spine-injury"].setChecked(True)
    dialog.decide("stop")
    for _ in range(3):  # let the panels lay out their new text before the picture is taken
        app.processEvents()
    window.grab().save(str(DOCS / "safety-see-a-doctor.png"))
    window.controller.shutdown()


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    tapping()
    see_a_doctor(app)


if __name__ == "__main__":
    main()
