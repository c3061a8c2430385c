"""Shared test setup: headless Qt, and user data isolated in a temporary folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PROTOCOLS = REPO / "protocols"
BUNDLED = sorted(
    p for p in PROTOCOLS.glob("*.yaml") if p.name not in {"safety-rules.yaml", "template.yaml"}
)


@pytest.fixture(autouse=True)
def _isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real home: user data, settings and caches go to a fresh folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("MASSAGE_TRAINER_DATA_DIR", str(home / "massage-trainer"))
    return home


@pytest.fixture
def data_dir(_isolated_user_data: Path) -> Path:
    d = _isolated_user_data / "massage-trainer"
    d.mkdir(mode=0o700, parents=True, exist_ok=True)  # as the app makes it: private
    return d
