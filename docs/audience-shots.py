"""Renders the audience screen of presenter mode at 1920x1080 (offscreen), framed on a step:
docs/audience-1920x1080.png (the lower back), docs/audience-shoulders-1920x1080.png (a shoulder
step) and docs/presenter.png (the README's picture of presenter mode).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/audience-shots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from massage_trainer.core.protocol import catalog  # noqa: E402
from massage_trainer.ui.classroom.audience import AudienceWindow  # noqa: E402
from massage_trainer.ui.diagram.view import BodyView  # noqa: E402


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    audience = AudienceWindow()
    audience.resize(1920, 1080)
    audience.show()
    app.processEvents()
    for protocol_id, index, at, clock, reps, names in (
        ("back-pain-relief", 1, 1.0, "1:19", "Repetition 7 / 20", ("audience", "presenter")),
        ("gentle-pregnancy", 3, 2.0, "2:04", "", ("audience-shoulders",)),
    ):
        audience.show_step(catalog.bundled(protocol_id), index)
        view = audience.diagram
        assert isinstance(view, BodyView)
        view.settle()
        view.set_time(at)
        audience.countdown.setText(clock)
        audience.reps.setText(reps)
        app.processEvents()
        shot = audience.grab()
        for name in names:
            out = "presenter.png" if name == "presenter" else f"{name}-1920x1080.png"
            shot.save(str(DOCS / out))
    audience.close()


if __name__ == "__main__":
    main()
