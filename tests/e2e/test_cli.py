"""The command line as a person uses it: exit codes, messages, hostile files, no display."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, PROTOCOLS


def cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "massage_trainer", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env if env is not None else os.environ.copy(),
        check=False,
    )


def test_validate_bundled_protocols_exit_0() -> None:
    r = cli("validate", *map(str, BUNDLED))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(": ok (") == len(BUNDLED)


def test_unknown_key_on_line_2_fails_with_its_location(tmp_path: Path) -> None:
    lines = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8").splitlines(True)
    lines.insert(1, "favourite_colour: blue\n")
    bad = tmp_path / "copy.yaml"
    bad.write_text("".join(lines), encoding="utf-8")
    r = cli("validate", str(bad))
    assert r.returncode == 1
    assert f"{bad}:2:1: favourite_colour: unknown key 'favourite_colour'" in r.stderr
    assert "Traceback" not in r.stderr


def test_validate_reports_every_file_and_every_problem(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text("id: x\n", encoding="utf-8")
    r = cli("validate", str(a), str(BUNDLED[0]), str(tmp_path / "missing.yaml"))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert any(
        line.startswith(f"{a}:1:1: the required key 'schema_version' is missing") for line in lines
    )
    assert f"{tmp_path / 'missing.yaml'}:1:1: no such file" in lines
    assert "ok (" in r.stdout


def test_validate_warns_when_estimated_minutes_is_far_from_the_steps(tmp_path: Path) -> None:
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    assert "estimated_minutes: 8\n" in text  # the steps add up to 8 minutes
    far = tmp_path / "far.yaml"
    far.write_text(
        text.replace("id: back-pain-relief", "id: mine").replace(
            "estimated_minutes: 8\n", "estimated_minutes: 10\n"
        ),
        encoding="utf-8",
    )
    r = cli("validate", str(far), *map(str, BUNDLED))
    assert r.returncode == 0, r.stderr  # a warning, not an error
    warnings = [line for line in r.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and warnings[0].startswith(f"{far}:")
    assert "estimated_minutes (10)" in warnings[0] and "about 8 min" in warnings[0]
    assert "about 8 min" in r.stdout


def test_usage_errors_exit_2() -> None:
    assert cli("validate").returncode == 2
    assert cli("no-such-command").returncode == 2


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 12):
        p, c = chr(97 + i - 1), chr(97 + i)
        lines.append(f"{c}: &{c} [{','.join(['*' + p] * 9)}]")
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, bytes] = {
    "object-tag.yaml": b"steps: !!python/object/apply:os.system ['echo pwned']\n",
    "alias-bomb.yaml": _alias_bomb().encode(),
    "deep.yaml": b"[" * 20_000 + b"]" * 20_000,
    "binary.yaml": bytes(range(256)) * 64,
    "utf16.yaml": "schema_version: 1\nid: x\n".encode("utf-16"),
    "absurd.yaml": b"schema_version: 1e999999\n",
    "long-line.yaml": b"id: " + b"x" * 900_000 + b"\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_fail_cleanly_and_quickly(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(HOSTILE[name])
    t0 = time.monotonic()
    r = cli("validate", str(f))
    elapsed = time.monotonic() - t0
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stderr.startswith(f"{f}:"), r.stderr[:300]
    assert "Traceback" not in r.stderr
    assert elapsed < 5.0, f"{name} took {elapsed:.1f} s"
    assert "pwned" not in r.stdout


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    with f.open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    r = cli("validate", str(f))
    assert r.returncode == 1
    assert f"{f}:1:1: the file is too large" in r.stderr


def test_list_shows_bundled_and_user_protocols(tmp_path: Path) -> None:
    user = tmp_path / "data" / "protocols"
    user.mkdir(parents=True)
    text = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
    (user / "mine.yaml").write_text(
        text.replace("id: back-pain-relief", "id: my-own").replace(
            "estimated_minutes: 8\n", "estimated_minutes: 10\n"
        ),
        encoding="utf-8",
    )
    (user / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    r = cli("--data-dir", str(tmp_path / "data"), "list")
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[0].split()[:4] == ["ID", "TITLE", "MINUTES", "ORIGIN"]
    ids = {row.split()[0]: row for row in rows[1:]}
    assert {"back-pain-relief", "therapeutic-lower-back", "gentle-pregnancy", "my-own"} <= set(ids)
    assert "user" in ids["my-own"] and str(user / "mine.yaml") in ids["my-own"]
    assert " 8 min " in ids["my-own"]  # what its steps add up to, not its estimated_minutes
    assert "broken.yaml: skipped" in r.stderr


def test_gui_without_display_explains_instead_of_aborting() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    r = cli(env=env)
    assert r.returncode == 1
    assert "no screen" in r.stderr and "xvfb-run" in r.stderr
    assert "xcb" not in r.stderr.lower()


def test_version() -> None:
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("massage-trainer ")
