"""Body-view frame cost: one 1920x1080 frame with both hands moving, one frame of the audience
screen's diagram at 3840x2160 (high contrast, framed on the step, both hands), and CPU at 60 fps
for 10 s.

Prints frame_ms_p50/p99, frame_ms_p50_4k/p99_4k and body_view_cpu_pct_animating (the view alone; the budgeted
cpu_pct_animating is the whole window in a session, bench_session.py) and merges them.
The view is painted into an offscreen image the way the window paints it (cached static layers,
per-frame pulse and hands); CPU is process time over wall time while a QTimer drives
set_time at 60 fps, as the session adapter would. Both are steady-state figures: the one-time
drawing of the cached layers and hand sprites happens in a warm-up that is not counted.
"""

from __future__ import annotations

import statistics
import sys
import time

from common import merge, offscreen

offscreen()

from PySide6.QtCore import QElapsedTimer, QEventLoop, QRectF, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from massage_trainer.core.body import motion  # noqa: E402
from massage_trainer.core.protocol import catalog  # noqa: E402
from massage_trainer.ui.diagram.drawing import DiagramCache, paint_diagram  # noqa: E402
from massage_trainer.ui.diagram.view import BodyView  # noqa: E402


def audience_diagram_size(w: int, h: int) -> tuple[QSize, float]:
    """The size of the audience window's diagram on a w x h screen, and its smallest word."""
    from massage_trainer.ui.classroom.audience import AudienceWindow

    a = AudienceWindow()
    a.resize(w, h)
    a.show()
    QApplication.processEvents()
    size = a.diagram.size()
    px = a.diagram.min_text_px()  # type: ignore[attr-defined]
    a.close()
    return size, px


def frame_times(
    n: int = 600,
    size: QSize | None = None,
    theme: str = "light",
    label_px: float = 0.0,
) -> list[float]:
    step = catalog.bundled("therapeutic-lower-back").steps[3]  # kneading: both hands, alternating
    size = size or QSize(1920, 1080)
    img = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    cache = DiagramCache()
    rect = QRectF(0, 0, size.width(), size.height())
    out = []
    warm = round(motion.loop_s(step) * 60)  # one whole loop first: layers and sprites get drawn
    for i in range(n + warm):
        p = QPainter(img)
        t0 = time.perf_counter()
        paint_diagram(p, rect, step, i / 60.0, theme, cache=cache, label_px=label_px)
        p.end()
        dt = (time.perf_counter() - t0) * 1000
        if i >= warm:
            out.append(dt)
    return out


def cpu_animating(app: QApplication, seconds: float = 10.0) -> float:
    view = BodyView()
    view.resize(1920, 1080)
    view.set_step(catalog.bundled("back-pain-relief").steps[6])  # palm-edge tapping
    view.show()
    view.settle()  # framed on the step before the clock starts
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(16)

    def frame() -> None:
        view.set_time(clock.elapsed() / 1000.0)  # schedules the repaint of what moves
        app.processEvents()

    timer.timeout.connect(frame)
    timer.start()
    warm = QEventLoop()  # one second first: the body, step layers and hand sprites get drawn once
    QTimer.singleShot(1000, warm.quit)
    warm.exec()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    c0 = time.process_time()
    w0 = time.perf_counter()
    loop.exec()
    timer.stop()
    cpu = time.process_time() - c0
    wall = time.perf_counter() - w0
    view.close()
    return 100.0 * cpu / wall


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    times = frame_times()
    q = statistics.quantiles(times, n=100)
    p50, p99 = statistics.median(times), q[98]
    size, px = audience_diagram_size(3840, 2160)
    times_4k = frame_times(size=size, theme="high-contrast", label_px=px)
    q4 = statistics.quantiles(times_4k, n=100)
    cpu = cpu_animating(app)  # type: ignore[arg-type]
    merge(
        {
            "frame_ms_p50": p50,
            "frame_ms_p99": p99,
            "frame_ms_p50_4k": statistics.median(times_4k),
            "frame_ms_p99_4k": q4[98],
            "body_view_cpu_pct_animating": cpu,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
