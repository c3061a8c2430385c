"""Run in a child process by tests/ui/test_scaling.py (the scale is fixed when Qt starts): builds
the main window and the pain dialog on a virtual screen and prints, as JSON, every control that
lies off the screen or is cut off. Also writes screenshots when asked (docs/scaling-shots.py).

    QT_SCALE_FACTOR=2 python -m tests.ui.scaled_window 1280x800 [--text 200] [--theme dark]
        [--shots DIR] [--answered]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QProgressBar,
    QWidget,
)


def screen_config(width: int, height: int) -> str:
    """An offscreen screen of the given device pixels (Qt's offscreen plugin reads this file)."""
    path = Path(tempfile.mkdtemp()) / "screen.json"
    path.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "virtual",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    return str(path)


CONTROLS = (QAbstractButton, QLabel, QComboBox, QAbstractSpinBox, QProgressBar)


def _scroller(w: QWidget) -> QAbstractScrollArea | None:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea) and p.viewport().isAncestorOf(w):
            return p
        p = p.parentWidget()
    return None


def _place(w: QWidget) -> QRect:
    """Where `w` is seen: inside scroll areas, the outermost one's viewport (scrolling reaches
    the rest)."""
    area = _scroller(w)
    if area is None:
        return _global(w)
    return _place(area) if _scroller(area) is not None else _global(area.viewport())


def _global(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def problems(top: QWidget, screen: QRect, name: str) -> list[str]:
    """Controls of `top` off `screen` (a control in a scroll area counts where its scroll area
    is: it is reached by scrolling) or smaller than they need to show their text."""
    found = []
    if not screen.contains(top.frameGeometry()):
        found.append(f"{name}: the window {top.frameGeometry()} is larger than {screen}")
    for w in top.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible():
            continue
        if isinstance(w, QLabel) and not w.text():
            continue
        label = f"{name}: {type(w).__name__} {w.objectName() or ''} {_text(w)!r}"
        place = _place(w)
        if not screen.contains(place):
            found.append(f"{label} off the screen at {place}")
        need = w.minimumSizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            if w.height() < w.heightForWidth(w.width()) - 1:
                found.append(f"{label} cut: {w.height()} < {w.heightForWidth(w.width())} high")
        elif not isinstance(w, QProgressBar) and (
            w.width() < need.width() or w.height() < need.height()
        ):
            found.append(f"{label} cut: {w.size()} < {need}")
    return found


def _text(w: QWidget) -> str:
    for getter in ("text", "currentText"):
        if hasattr(w, getter):
            return " ".join(str(getattr(w, getter)()).split())[:30]
    return ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--text", type=int, default=100)
    parser.add_argument("--theme", default="light")
    parser.add_argument("--shots")
    parser.add_argument("--answered", action="store_true")
    opts = parser.parse_args()
    width, height = (int(v) for v in opts.size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
    os.environ["MASSAGE_TRAINER_DATA_DIR"] = tempfile.mkdtemp()
    from massage_trainer.core.safety import rules as safety_rules
    from massage_trainer.core.session.clock import FakeClock
    from massage_trainer.ui.app import build_window, settings_for
    from massage_trainer.ui.safety.pain_dialog import PainDialog
    from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable

    def silent(*_args: object) -> object:
        raise Unavailable("")

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    data = Path(os.environ["MASSAGE_TRAINER_DATA_DIR"])
    settings = settings_for(data)
    settings.setValue("view/text_size", opts.text)
    settings.setValue("view/theme", opts.theme)
    clock = FakeClock()
    cues = Cues(CueSettings(), sound_factory=silent, speech_factory=silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data, protocol="back-pain-relief")
    window = build_window(
        args, clock=clock, cues=cues, settings=settings, record=False, defer=False
    )
    window.show()
    app.processEvents()
    panel = window.safety_panel
    assert panel is not None
    if opts.answered:
        for q in safety_rules.load().questions:
            panel.set_answer(  # type: ignore[attr-defined]
                q.id, 120 if q.id == "meal-minutes" else (0 if q.kind == "number" else False)
            )
        assert window.controller.protocol is not None
        for item in window.controller.protocol.preparation:
            panel.set_answer(item, True)  # type: ignore[attr-defined]
        window.controller.start()
        clock.advance(12)
        window.controller.poll()
    app.processEvents()
    app.processEvents()  # the scrolled session area lays out once more
    screen = window.screen().availableGeometry()
    found = problems(window, screen, "main window")
    dialog = PainDialog(safety_rules.load(), parent=window)
    dialog.show()
    dialog.set_feeling("aching")
    app.processEvents()
    found += problems(dialog, screen, "pain dialog")
    for key, b in dialog.buttons.items():
        if not screen.contains(_global(b)):
            found.append(f"pain dialog: the {key} button is off the screen at {_global(b)}")
    if opts.shots:
        stem = f"{opts.shots}-{opts.theme}-{width}x{height}"
        window.grab().save(f"{stem}.png")
        dialog.grab().save(f"{stem}-pain.png")
    print(json.dumps({"screen": [screen.width(), screen.height()], "problems": found}))
    dialog.close()
    window.controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
