"""docs/architecture.md's package map matches the code: every package is in it, every module of a
package is named in its row, and nothing it names is missing (a new module goes on the map)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "massage_trainer"
DOC = ROOT / "docs" / "architecture.md"
NOT_CODE = {"i18n"}
"""Folders of massage_trainer that hold no Python (the translations)."""


def map_rows() -> dict[str, set[str]]:
    """Package folder (relative to massage_trainer, '' for the top) -> the modules its row names."""
    rows: dict[str, set[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([a-z_/]+)/` \|[^|]*\| (.*) \|$", line)
        if not m:
            continue
        folder = "" if m.group(1) == "massage_trainer" else m.group(1)
        rows[folder] = set(re.findall(r"`([a-z0-9_]+)`", m.group(2)))
    return rows


def code_packages() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for init in PACKAGE.rglob("__init__.py"):
        folder = init.parent.relative_to(PACKAGE).as_posix()
        folder = "" if folder == "." else folder
        found[folder] = {p.stem for p in init.parent.glob("*.py") if p.stem != "__init__"}
    for extra in PACKAGE.iterdir():
        if extra.is_dir() and extra.name not in NOT_CODE and extra.name != "__pycache__":
            assert (extra / "__init__.py").exists(), f"{extra} is a folder of code without __init__"
    return found


def test_every_package_is_on_the_map_and_every_mapped_package_exists() -> None:
    rows, code = map_rows(), code_packages()
    assert rows, "docs/architecture.md has no package map"
    missing = sorted(set(code) - set(rows))
    assert not missing, f"packages not on the map in docs/architecture.md: {missing}"
    gone = sorted(set(rows) - set(code))
    assert not gone, f"docs/architecture.md maps packages that do not exist: {gone}"


def test_each_row_names_exactly_the_packages_modules() -> None:
    rows, code = map_rows(), code_packages()
    for folder, modules in code.items():
        named = rows.get(folder, set())
        where = f"massage_trainer/{folder}" if folder else "massage_trainer"
        unnamed = sorted(modules - named)
        assert not unnamed, f"add {unnamed} to the row of {where}/ in docs/architecture.md"
        gone = sorted(named - modules)
        assert not gone, f"the row of {where}/ in docs/architecture.md names missing {gone}"
