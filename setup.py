"""Carries the top-level assets/ and protocols/ into the wheel as massage_trainer/_data.

Everything else about the package lives in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("assets", "protocols")


class BuildPyWithData(build_py):
    """Copy the data folders into the built package (skipped for editable installs)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "massage_trainer" / "_data"
        for name in DATA:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
