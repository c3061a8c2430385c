"""pdf_export_s: write the PDF handout of a 10-step protocol (median of 3 runs), as the
`export-pdf` command does once its application is up."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, median, merge, offscreen


def main() -> None:
    offscreen()
    from PySide6.QtGui import QGuiApplication

    from massage_trainer.core.protocol import loader
    from massage_trainer.ui.classroom.handout import write_handout

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    protocol = loader.load(ROOT / "protocols" / "therapeutic-lower-back.yaml")
    assert len(protocol.steps) == 10, "the benchmark needs the 10-step protocol"
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(3):
            out = Path(tmp) / f"handout-{i}.pdf"
            t0 = time.perf_counter()
            pages = write_handout(protocol, out)
            runs.append(time.perf_counter() - t0)
            assert pages == 11
    merge({"pdf_export_s": median(runs)})


if __name__ == "__main__":
    main()
