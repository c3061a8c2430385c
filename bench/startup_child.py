"""The processes bench_startup.py times: a bare PySide6 window, and the app started as a person does.

Run as `startup_child.py bare|app DATA_DIR`. Neither imports anything of the harness before its
window paints (json and resource load after), so both figures are a window's own start-up.

The app runs `massage_trainer.cli.main(["--data-dir", DATA_DIR])`, the `massage-trainer` command
itself: argument parsing, the display check, the language, the first-run notice, the window. A
finder on sys.meta_path notes when `massage_trainer.ui.session.main_window` has loaded and connects the
new window's firstPainted signal and its controller's protocolChanged; it changes nothing the app
does. The first paint shows the window saying the protocol is being opened; the protocol is read
right after it. Then the child runs a session condensed (every step of the default protocol shown
in turn, the safety gate opened for the benchmark) so the peak RSS covers a session, and closes
the window.

Prints one JSON line: painted (perf_counter at the first paint), rss (peak MB), and for the app
shown (perf_counter when the default protocol was on screen, after the first paint), default
(1.0 when it was the default protocol) and parsed (1.0 when YAML was parsed before the first
paint).
"""

from __future__ import annotations

import sys
import time
from typing import Any

WIDTH, HEIGHT = 1920, 1080
RUN_S = 1.0
DEFAULT_PROTOCOL = "back-pain-relief"


def _report(out: dict[str, float]) -> None:
    import json
    import resource

    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(out), flush=True)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    out: dict[str, float] = {}

    class Bare(QMainWindow):
        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if not out:
                out["painted"] = time.perf_counter()
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, app.quit)

    w = Bare()
    w.setCentralWidget(QLabel("Massage Trainer"))
    w.resize(WIDTH, HEIGHT)
    w.show()
    app.exec()
    _report(out)


class _WhenLoaded:
    """A meta-path finder that calls `then(module)` once the named module has been executed."""

    def __init__(self, name: str, then: Any) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is None:
            return None
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            self.then(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def app(data_dir: str) -> None:
    out: dict[str, float] = {}

    def instrument(module: Any) -> None:
        cls = module.MainWindow
        init = cls.__init__

        def __init__(window: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N807
            init(window, *args, **kwargs)
            window.resize(WIDTH, HEIGHT)
            window.firstPainted.connect(lambda: first_paint(window))
            window.controller.protocolChanged.connect(protocol_shown)

        cls.__init__ = __init__

    def protocol_shown(protocol: Any) -> None:
        if "shown" not in out:
            out["shown"] = time.perf_counter()
            out["default"] = float(protocol.id == DEFAULT_PROTOCOL)

    def first_paint(window: Any) -> None:
        out["painted"] = time.perf_counter()
        out["parsed"] = float("yaml" in sys.modules)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(50, lambda: run_session(window))

    def run_session(window: Any) -> None:
        from PySide6.QtCore import QTimer

        c = window.controller
        c.gate = lambda _command: None
        c.get_ready_s = 0
        c.start()
        steps = list(range(len(c.protocol.steps))) if c.protocol is not None else []

        def visit() -> None:
            if not steps:
                window.close()  # as a person closing the window: no after-session questions
                return
            c.jump_to(steps.pop(0))
            QTimer.singleShot(150, visit)

        QTimer.singleShot(int(RUN_S * 1000), visit)

    sys.meta_path.insert(0, _WhenLoaded("massage_trainer.ui.session.main_window", instrument))
    from massage_trainer.cli import main

    code = main(["--data-dir", data_dir])
    if code != 0 or "painted" not in out:
        raise SystemExit(f"the app exited with {code} before its first paint")
    _report(out)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2])
