"""Write docs/zone-map-<pose>.png: every pose's zones drawn by the app itself (ids and names).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/zone-maps.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from massage_trainer.core.body.geometry import POSES, load_body
from massage_trainer.ui.diagram.zone_map import render_zone_map

DOCS = Path(__file__).resolve().parent


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    only = sys.argv[1:] or list(POSES)
    for pose in only:
        img = render_zone_map(load_body(pose), QSize(1800, 1200))
        out = DOCS / f"zone-map-{pose}.png"
        img.save(str(out))
        print(out)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
