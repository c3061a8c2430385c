"""Renders the pictures of docs/accessibility.md: the window at 200 % on a 1280×800 and a
1920×1080 screen in each theme (docs/a11y-200-<theme>-<w>x<h>.png, with the pain dialog beside
as ...-pain.png), the window at text size 200 % (docs/a11y-text-200-dark-1280x800.png), and the
pain dialog after a warning sign in Dark and High contrast at 100 % (docs/a11y-pain-<theme>.png).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/accessibility-shots.py
Each scaled picture is made in its own process (tests/ui/scaled_window.py): the scale is fixed
when Qt starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent


def scaled(size: str, scale: str, theme: str, stem: str, *extra: str) -> None:
    env = dict(os.environ, QT_SCALE_FACTOR=scale)
    subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_window", size, "--theme", theme,
         "--shots", str(DOCS / stem), *extra],
        cwd=REPO, env=env, check=True, capture_output=True,
    )  # fmt: skip


def pain_dialogs() -> None:
    sys.path.insert(0, str(REPO))
    from tests.ui.scaled_window import screen_config

    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(1920, 1080)}"
    from PySide6.QtWidgets import QApplication

    from massage_trainer.core.safety import rules as safety_rules
    from massage_trainer.ui.base.window_style import AppStyle
    from massage_trainer.ui.safety.pain_dialog import PainDialog

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    style = AppStyle()
    rules = safety_rules.load()
    for theme in ("dark", "high-contrast"):
        style.use(theme)
        dialog = PainDialog(rules)
        dialog.set_zone("lumbar-left")
        dialog.set_feeling("aching")
        dialog.flag_boxes[next(iter(dialog.flag_boxes))].setChecked(True)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(DOCS / f"a11y-pain-{theme}.png"))
        dialog.close()


def main() -> None:
    for theme in ("light", "dark", "high-contrast"):
        scaled("1280x800", "2", theme, "a11y-200", "--answered")
        scaled("1920x1080", "2", theme, "a11y-200", "--answered")
    scaled("1280x800", "2", "light", "a11y-200-questions")
    scaled("1280x800", "1", "dark", "a11y-text-200", "--text", "200", "--answered")
    pain_dialogs()


if __name__ == "__main__":
    main()
