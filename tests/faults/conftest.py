"""Fault injection as users' machines fail: another user's permissions, a full disk, odd files.

Permission cases run the command line as the unprivileged user `nobody` (root ignores file
modes, so running them as root would prove nothing); disk-full cases run on a small tmpfs. Both
need root to set up and are skipped, with the reason, where the machine does not allow them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO

SYSTEM_PYTHON = Path("/usr/bin/python3")
"""An interpreter every user can run (the test's own may live under /root)."""

CLI = "import sys; from massage_trainer.cli import main; sys.exit(main())"

try:  # POSIX only: elsewhere the tests that need another user are skipped
    import pwd
except ImportError:
    pwd = None  # type: ignore[assignment]

Run = Callable[..., subprocess.CompletedProcess[str]]


def _why_not_as_nobody() -> str | None:
    if pwd is None or os.name != "posix" or not hasattr(os, "geteuid"):
        return "file permissions of another user are a POSIX test"
    if os.geteuid() != 0:
        return "running a command as another user needs root"
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return "there is no 'nobody' user on this machine"
    if not SYSTEM_PYTHON.exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import yaml, sqlite3"],
        capture_output=True,
        text=True,
        check=False,
        user="nobody",
        extra_groups=[],
        cwd="/",
    )
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import PyYAML as nobody: {probe.stderr.strip()[-200:]}"
    return None


@contextmanager
def _open_folder() -> Iterator[Path]:
    """A new folder in the system's temporary folder that other users can enter (pytest's own
    are private to root), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="mt-faults-"))
    folder.chmod(0o755)
    parent = folder
    while parent != parent.parent:  # every folder above it must be passable
        parent = parent.parent
        if not os.stat(parent).st_mode & 0o001:
            shutil.rmtree(folder)
            pytest.skip(f"{parent} cannot be entered by other users")
    try:
        yield folder
    finally:
        for p in [folder, *folder.rglob("*")]:  # a test may have locked itself out
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def nobody_package() -> Iterator[Path]:
    """A copy of the app (package, protocols, assets) that the user nobody can read."""
    reason = _why_not_as_nobody()
    if reason:
        pytest.skip(reason)
    with _open_folder() as root:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in ("massage_trainer", "protocols", "assets"):
            shutil.copytree(REPO / name, root / name, ignore=ignore)
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield root


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder anyone may write in (like /tmp), owned by root."""
    with _open_folder() as root:
        folder = root / "shared"
        folder.mkdir()
        folder.chmod(0o1777)
        yield folder


@pytest.fixture
def as_nobody(nobody_package: Path, shared: Path) -> Run:
    """Run `massage-trainer ARGS` as nobody, in `shared`, with the system interpreter."""
    home = shared / "home"
    home.mkdir()
    nobody = pwd.getpwnam("nobody")
    os.chown(home, nobody.pw_uid, nobody.pw_gid)

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "PYTHONPATH": str(nobody_package),
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
        }
        return subprocess.run(
            [str(SYSTEM_PYTHON), "-c", CLI, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env=env,
            cwd=shared,
            user=nobody.pw_uid,
            group=nobody.pw_gid,
            extra_groups=[],
        )

    return run


def give_to_nobody(*paths: Path) -> None:
    nobody = pwd.getpwnam("nobody")
    for p in paths:
        for q in [p, *(p.rglob("*") if p.is_dir() else [])]:
            os.chown(q, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs: filled up by the test to make writes fail with 'No space left'."""
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = shutil.which("mount")
    umount = shutil.which("umount")
    if not mount or not umount:
        pytest.skip("mount/umount are not installed")
    where = tmp_path / "disk"
    where.mkdir()
    r = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if r.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {r.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run([umount, "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path, leave: int = 0) -> None:
    """Fill the disk until at most `leave` bytes are free."""
    with open(disk / "filler", "ab") as fh:
        chunk = b"\0" * 4096
        while shutil.disk_usage(disk).free > leave:
            try:
                fh.write(chunk)
                fh.flush()
            except OSError:
                break


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`massage-trainer ARGS` with the test's interpreter, as this user."""
    return subprocess.run(
        [sys.executable, "-m", "massage_trainer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env if env is not None else os.environ.copy(),
    )
