"""A built wheel carries its assets and protocols and works from any working directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_carries_data_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    (wheel,) = dist.glob("massage_trainer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "massage_trainer/_data/assets/body/prone.json",
        "massage_trainer/_data/assets/glossary.yaml",
        "massage_trainer/_data/protocols/back-pain-relief.yaml",
        "massage_trainer/_data/protocols/safety-rules.yaml",
        "massage_trainer/_data/protocols/schema.json",
    ):
        assert needed in names, needed
    site = tmp_path / "site"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site))
    r = subprocess.run(
        [sys.executable, "-m", "massage_trainer", "--data-dir", str(tmp_path / "data"), "list"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert str(site / "massage_trainer" / "_data" / "protocols") in r.stdout
    assert "gentle-pregnancy" in r.stdout
