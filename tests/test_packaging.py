"""The bundle's recipe (packaging/massage-trainer.spec) and its icons, checked without building.

Building takes minutes (`make dist`, whose smoke test starts the frozen app); these catch the
cheap mistakes first: a module the app imports listed as unused (the frozen history window once
failed on pydoc, pyqtgraph.multiprocess and QtOpenGL), and Windows or macOS icons that are
missing, stale or malformed.
"""

from __future__ import annotations

import ast
import json
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "massage-trainer.spec"
ICONS = ROOT / "packaging" / "icons"
APP_ID = "io.github.massage_trainer.MassageTrainer"

sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402


def _spec_list(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value: list[str] = ast.literal_eval(node.value)
            return value
    raise AssertionError(f"{name} is not a plain list in {SPEC.name}")


OPTIONAL = {"PySide6.QtTest"}
"""Imported when present, and fine without: pyqtgraph tries QtTest and carries on."""

IMPORT_EVERYTHING = """
import json, pkgutil, importlib, sys
import massage_trainer
for m in pkgutil.walk_packages(massage_trainer.__path__, "massage_trainer."):
    if not m.name.endswith("__main__"):
        importlib.import_module(m.name)
from massage_trainer.ui.history import charts  # pyqtgraph and what it imports by name
import pyqtgraph.Qt.OpenGLHelpers
for name in sys.argv[1:]:  # the spec's QT_MODULES, imported by name at run time
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def test_nothing_the_app_imports_is_left_out_of_the_bundle(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING, *_spec_list("QT_MODULES")],
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    imported = set(json.loads(r.stdout.strip().splitlines()[-1]))
    excluded = [f"PySide6.{m}" for m in _spec_list("UNUSED_QT")] + _spec_list("UNUSED_MODULES")
    wrongly = sorted(
        e
        for e in excluded
        if e not in OPTIONAL and any(m == e or m.startswith(e + ".") for m in imported)
    )
    assert not wrongly, f"the app imports these, yet the spec leaves them out: {wrongly}"


def test_the_spec_has_windows_and_macos_branches_with_their_icons() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert (
        'WINDOWS = sys.platform == "win32"' in text and 'MACOS = sys.platform == "darwin"' in text
    )
    assert "massage-trainer.ico" in text and "massage-trainer.icns" in text
    assert f'BUNDLE_ID = "{APP_ID}"' in text and "bundle_identifier=BUNDLE_ID" in text
    desktop = (ROOT / "packaging" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in desktop  # one identifier on every system


def test_the_windows_icon_holds_every_size_as_the_pngs() -> None:
    data = (ICONS / "massage-trainer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for i, size in enumerate(make_icons.ICO_SIZES):
        w, h, _c, _r, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (w or 256, h or 256, planes, bpp) == (size, size, 1, 32)
        image = data[offset : offset + length]
        assert make_icons.png_size(image) == (size, size)
        assert image == make_icons.png(size)


def test_the_macos_icon_holds_every_chunk_as_the_pngs() -> None:
    data = (ICONS / "massage-trainer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    chunks: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        code, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        assert length > 8
        chunks[code] = data[at + 8 : at + length]
        at += length
    assert at == len(data)
    for code, size in make_icons.ICNS_TYPES:
        assert make_icons.png_size(chunks[code]) == (size, size)


def test_the_committed_icons_are_made_from_the_current_pngs() -> None:
    assert (ICONS / "massage-trainer.ico").read_bytes() == make_icons.ico(), (
        "run: python packaging/make_icons.py"
    )
    assert (ICONS / "massage-trainer.icns").read_bytes() == make_icons.icns()
