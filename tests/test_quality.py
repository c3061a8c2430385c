"""Project-wide guarantees: lint, types, the Qt-free core contract, and the PySide6 pin."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def run(*cmd: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_ruff_is_clean() -> None:
    r = run(str(BIN / "ruff"), "check", "--no-cache", ".")
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_strict_on_core() -> None:
    r = run(str(BIN / "mypy"))
    assert r.returncode == 0, r.stdout + r.stderr


def test_core_imports_no_qt() -> None:
    r = run(str(BIN / "lint-imports"), "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "core imports no Qt and no UI KEPT" in r.stdout


def test_core_runs_without_qt_installed() -> None:
    """Belt and braces: importing every core module with PySide6 made unimportable still works."""
    code = (
        "import sys, pkgutil, importlib\n"
        "sys.modules['PySide6'] = None\nsys.modules['pyqtgraph'] = None\n"
        "import massage_trainer.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('massage_trainer.core.' + m.name)\n"
        "print('ok')\n"
    )
    r = run(sys.executable, "-c", code)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_pyside6_pin_keeps_612_away_from_python_311() -> None:
    if sys.version_info < (3, 12):
        major, minor = (int(x) for x in version("PySide6").split(".")[:2])
        assert (major, minor) < (6, 12), f"PySide6 {version('PySide6')} aborts on Python 3.11"


def test_pyside6_survives_20000_void_calls() -> None:
    """Regression: PySide6 6.12.0 on Python 3.11 dies with 'none_dealloc' after a few thousand."""
    code = "from PySide6.QtGui import QColor\nc = QColor()\nfor _ in range(20000):\n    c.setRed(1)\nprint('done')\n"
    r = run(sys.executable, "-c", code, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "done"
