"""One command line: global options anywhere, every value checked, each file checked as what it is,
dry and trial runs that leave the receiver's course alone, and a README that lists every command."""

from __future__ import annotations

import argparse
import re
import stat
from pathlib import Path

import pytest

from massage_trainer import cli, commands
from massage_trainer.cli import main
from massage_trainer.core.history import course
from massage_trainer.core.history.log import FILE_NAME, History
from tests.conftest import PROTOCOLS, REPO
from tests.faults.helpers import clear_answers, digest, play_args, seed_log

EXAMPLE_ARGS: dict[str, list[str]] = {
    "gui": [],
    "validate": ["a.yaml"],
    "list": [],
    "schema": [],
    "history": [],
    "questions": [],
    "play": ["back-pain-relief", "--headless"],
    "render": ["back-pain-relief", "-o", "x.png"],
    "export-pdf": ["back-pain-relief", "-o", "x.pdf"],
    "upgrade": ["old.yaml", "-o", "new.yaml"],
}


def _parse(argv: list[str]) -> argparse.Namespace:
    return cli.build_parser(argv).parse_args(argv)


@pytest.mark.parametrize("name", list(commands.COMMANDS))
def test_global_options_work_before_and_after_every_command(name: str, tmp_path: Path) -> None:
    extra = EXAMPLE_ARGS.get(name, [])
    before = _parse(["--data-dir", str(tmp_path), "--lang", "ru", name, *extra])
    after = _parse([name, *extra, "--data-dir", str(tmp_path), "--lang", "ru"])
    mixed = _parse(["--lang", "ru", name, "--data-dir", str(tmp_path), *extra])
    for ns in (before, after, mixed):
        assert (ns.command, ns.data_dir, ns.lang) == (name, tmp_path, "ru")


@pytest.mark.parametrize("name", [n for n in commands.COMMANDS if n != "gui"])
def test_an_unknown_language_is_a_usage_error_everywhere(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([name, *EXAMPLE_ARGS.get(name, []), "--lang", "xx"]) == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err
    assert main(["--lang", "xx", name, *EXAMPLE_ARGS.get(name, [])]) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["render", "back-pain-relief", "-o", "x.png", "--at", value]
        for value in ("-1", "1e308", "nan", "inf", "86401", "x")
    ]
    + [
        ["render", "back-pain-relief", "-o", "x.png", "--step", value]
        for value in ("0", "99999", "-2", "two")
    ]
    + [
        ["render", "back-pain-relief", "-o", "x.png", "--size", value]
        for value in ("0x0", "9000x100", "10x10", "axb")
    ]
    + [
        ["play", "back-pain-relief", "--headless", "--speed", v]
        for v in ("0", "-1", "nan", "1001", "1e308")
    ]
    + [["play", "back-pain-relief", "--headless", "--get-ready", v] for v in ("-1", "601", "nan")],
)
def test_every_number_is_range_checked(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert not (tmp_path / "x.png").exists()


def test_render_at_the_last_allowed_moment_works(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "late.png"
    assert (
        main(["render", "back-pain-relief", "--at", "86400", "--size", "64x64", "-o", str(out)])
        == 0
    )
    assert out.read_bytes().startswith(b"\x89PNG")


def test_validate_checks_each_file_as_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = clear_answers(tmp_path)
    files = sorted(str(p) for p in PROTOCOLS.glob("*.yaml"))
    assert main(["validate", *files, str(REPO / "assets" / "glossary.yaml"), str(answers)]) == 0
    out = capsys.readouterr().out
    assert "safety-rules.yaml: ok (safety rules:" in out
    assert "glossary.yaml: ok (glossary: " in out
    assert f"{answers}: ok (answers: " in out
    assert out.count(" steps)") == len(files) - 1
    assert main(["validate", "--kind", "protocol", str(PROTOCOLS / "safety-rules.yaml")]) == 1
    assert "the required key 'steps' is missing" in capsys.readouterr().err


def test_validate_checks_the_rules_against_their_own_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "my-rules.yaml"
    text = (PROTOCOLS / "safety-rules.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("{question: fever, is: true}", "{question: fever, is: false}", 1))
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "only a 'yes' may fire a rule" in err and "steps" not in err


def test_play_no_history_touches_neither_the_log_nor_the_course(
    data_dir: Path, tmp_path: Path
) -> None:
    log = seed_log(data_dir, sessions=1)
    before = digest(log)
    answers = clear_answers(tmp_path)
    assert main(play_args(data_dir, answers, "--no-history")) == 0
    assert digest(log) == before
    fresh = tmp_path / "never-made"
    assert main(play_args(fresh, answers, "--no-history")) == 0
    assert not fresh.exists()


def test_a_headless_trial_is_kept_but_does_not_move_the_course(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_log(data_dir, sessions=3)
    answers = clear_answers(tmp_path)
    for _ in range(2):
        assert main(play_args(data_dir, answers)) == 0
    history, _ = History.open(data_dir)
    records = history.sessions()
    history.close()
    assert [r.mode for r in records] == ["guided"] * 3 + ["trial"] * 2
    assert all(len(r.steps) == 8 for r in records[3:])  # every step recorded
    status = course.receiver_status(records, None, records[-1].day)
    assert status.sessions == 3 and status.next_session.session == 4
    capsys.readouterr()
    assert main(["history", "--data-dir", str(data_dir)]) == 0
    rows = capsys.readouterr().out.splitlines()
    trials = [row for row in rows if " trial " in row]
    assert len(trials) == 2 and all(row.rstrip().endswith("-") for row in trials)
    assert "Next: session 4 of this course" in "\n".join(rows)


def test_a_crash_log_goes_to_the_data_folder_given_after_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from massage_trainer.commands import questions

    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("an unexpected fault")

    monkeypatch.setattr(questions, "run", broken)
    data = tmp_path / "given"
    assert main(["questions", "--data-dir", str(data)]) == 1
    assert f"Details were written to {data / 'crash.log'}" in capsys.readouterr().err
    assert "an unexpected fault" in (data / "crash.log").read_text()
    assert stat.S_IMODE((data / "crash.log").stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_the_readme_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"^massage-trainer (?:--\S+ \S+ )*([a-z-]+)", block, re.MULTILINE))
    assert set(commands.COMMANDS) - {"gui"} <= listed, set(commands.COMMANDS) - listed
    for option in ("--data-dir", "--lang", "--no-history", "--csv"):
        assert option in readme, option


def test_history_has_no_log_yet_without_making_one(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    assert main(["history", "--data-dir", str(folder)]) == 0
    assert not (folder / FILE_NAME).exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "ru", "plya"], "нет команды «plya»"),
        (["--lang=ru", "list", "--bogus"], "непонятные слова в команде: --bogus"),
        (["play", "--lang", "ru"], "не хватает: PROTOCOL"),
    ],
)
def test_a_usage_mistake_is_explained_in_the_language_asked_for(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "massage-trainer --help" in err
    assert "usage:" not in err and "error:" not in err


def test_a_usage_mistake_in_english_keeps_argparse_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plya"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: massage-trainer") and "invalid choice: 'plya'" in err


def test_list_speaks_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--lang", "ru", "--data-dir", str(tmp_path)]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["ID", "НАЗВАНИЕ", "МИНУТ", "ОТКУДА", "ПУТЬ"]
    assert rows and all(" мин " in r and "встроенная" in r for r in rows)
