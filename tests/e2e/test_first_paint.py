"""What the window does before its first paint (start-up budget, issue 15 and bench_startup.py).

Run in a fresh process, as a person starting the app would: the first paint shows the window
saying that the protocol is being opened, with no YAML read yet (nor the protocol model and
its vocabulary, the body model, the key guard or the screen-reader announcements loaded); right
after it the default protocol is on screen with the diagram, the shortcuts and the rest of the
window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import argparse, json, sys
from pathlib import Path
from PySide6 import QtCore, QtWidgets
from massage_trainer.ui.app import application, build_window

app = application()
window = build_window(argparse.Namespace(data_dir=Path(sys.argv[1]), protocol=None))
seen = {}
LATER = ("massage_trainer.core.protocol.model", "massage_trainer.core.protocol.vocab",
         "massage_trainer.core.body.framing", "massage_trainer.ui.session.keyboard",
         "massage_trainer.ui.base.announcer")

def first_paint():
    protocol = window.controller.protocol
    seen.update(
        protocol=protocol.id if protocol else None,
        step_title=window.view.panel.title.text(),
        yaml="yaml" in sys.modules,
        loaded_early=[name for name in LATER if name in sys.modules],
        message_box="QMessageBox" in QtWidgets.__dict__,
        started=window.startup.started,
        start_enabled=window.actions_["start"].isEnabled(),
    )
    QtCore.QTimer.singleShot(0, app.quit)  # runs after the deferred start-up work

window.firstPainted.connect(first_paint)
window.show()
app.exec()
protocol = window.controller.protocol
seen["started_after"] = window.startup.started
seen["loaded_after"] = [name for name in LATER if name in sys.modules]
seen["protocol_after"] = protocol.id if protocol else None
seen["step_title_after"] = window.view.panel.title.text()
seen["first_step"] = protocol.steps[0].title.get("en") if protocol else None
seen["body_view"] = type(window.view.body_view).__name__
seen["space"] = [k.toString() for k in window.actions_["pause"].shortcuts()]
print(json.dumps(seen))
"""


def _start(data_dir: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    result: dict[str, object] = json.loads(r.stdout.strip().splitlines()[-1])
    return result


def test_the_first_paint_says_opening_and_the_protocol_follows_right_after(
    tmp_path: Path,
) -> None:
    first = _start(tmp_path)
    assert first["protocol"] is None and first["step_title"] == "Opening the protocol…"
    assert first["yaml"] is False  # nothing is parsed before the window is on screen
    assert first["message_box"] is False
    # the protocol (and its vocabulary) and body models, the key guard and the announcements
    # come right after it
    assert first["loaded_early"] == [] and len(first["loaded_after"]) == 5
    assert first["started"] is False and first["start_enabled"] is False
    assert first["started_after"] is True
    assert first["protocol_after"] == "back-pain-relief"
    assert first["step_title_after"] == first["first_step"]
    assert first["space"][0] == "Space"  # shortcuts are given right after the first paint
    assert first["body_view"] == "BodyView"
