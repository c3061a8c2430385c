"""The real window for the real-key test (test_real_keys.py), reporting on stdout as JSON lines.

Built by the composition root with its safety check, on the real clock, silent cues and no
history; shown on an X display (Xvfb) and driven there by xdotool. Whenever what it shows
changes it prints one line:

    {"wid": ID, "state": S, "step": I, "steps": N, "may_start": B, "dialog": ID or 0,
     "focus": {"kind": K, "name": S, "done": B, "spin": QID}}

kind is radio, spin, check, button, timeline, other (or none); done says whether a radio
group is answered or a check box ticked; keys counts the keys pressed so far (the test waits
for its own keys to be handled before it reads what they did).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QSpinBox, QToolButton, QWidget

from massage_trainer.ui.app import application, build_window
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: real-key test")


def focus_of(window: QWidget) -> dict[str, object]:
    w = QApplication.focusWidget()
    if w is None:
        return {"kind": "none"}
    panel = getattr(window, "safety_panel", None)
    spins = {id(s): q for q, s in panel.checklist._spins.items()} if panel is not None else {}
    if isinstance(w, QRadioButton):
        group = w.group()
        done = group is not None and group.checkedButton() is not None
        return {"kind": "radio", "name": w.text(), "done": done, "label": w.accessibleName()}
    if isinstance(w, QSpinBox):
        return {"kind": "spin", "spin": spins.get(id(w), ""), "done": w.value() > w.minimum()}
    if isinstance(w, QCheckBox):
        return {"kind": "check", "done": w.isChecked(), "label": w.accessibleName()}
    if isinstance(w, QToolButton) or w.inherits("QPushButton"):
        return {"kind": "button", "name": w.objectName(), "label": w.accessibleName()}
    if w.objectName() == "timeline":
        return {"kind": "timeline"}
    return {"kind": "other", "name": type(w).__name__}


class KeyCounter(QObject):
    """Counts the keys pressed in any window (a key let go over a modal dialog never arrives), so
    the test knows its keys have been handled: a status is printed between events."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.pressed = 0
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut or (  # a shortcut's key never reaches the window
            kind == QEvent.Type.KeyPress and isinstance(watched, QWindow)
        ):
            self.pressed += 1
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    app = application()
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    window = build_window(
        argparse.Namespace(data_dir=args.data_dir, protocol="back-pain-relief", lang="en"),
        cues=cues,
        get_ready_s=1.0,
        defer=False,
        record=False,
    )
    window.resize(1280, 760)
    window.show()
    window.activateWindow()
    last = [""]
    counter = KeyCounter(app)

    def report() -> None:
        c = window.controller
        wiring = getattr(window.safety_panel, "wiring", None)
        dialog = getattr(wiring, "dialog", None)
        line = json.dumps(
            {
                "wid": int(window.winId()),
                "state": c.state.name,
                "step": c.player.step_index if c.player else -1,
                "steps": len(c.player.protocol.steps) if c.player else 0,
                "may_start": window.safety_gate.may_start(),
                "dialog": int(dialog.winId()) if dialog is not None and dialog.isVisible() else 0,
                "focus": focus_of(window),
                "keys": counter.pressed,
            }
        )
        if line != last[0]:
            last[0] = line
            print(line, flush=True)

    timer = QTimer(window)
    timer.timeout.connect(report)
    timer.start(30)
    code = app.exec()
    timer.stop()
    window.controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
