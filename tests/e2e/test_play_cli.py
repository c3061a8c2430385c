"""`questions` and gated `play --headless` as a script uses them: output, exit codes, signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from massage_trainer.cli import main
from massage_trainer.core.history.log import History
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.safety.verdict import load_rules

RULES = load_rules()
EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "neck-and-shoulders.yaml"
STOP_ANSWERS = [
    *(
        (q.id, "yes")
        for q in RULES.questions
        if q.kind == QuestionKind.YES_NO and q.id not in {"breastfeeding", "ointment"}
    ),
    ("pregnancy-month", "1"),
    ("pregnancy-month", "2"),
    ("pregnancy-month", "3"),
]


def clear_answers() -> dict[str, str]:
    out = {q.id: ("no" if q.kind == QuestionKind.YES_NO else "0") for q in RULES.questions}
    out["meal-minutes"] = "120"
    out.update({p.id: "yes" for p in RULES.preparation})
    return out


def write(tmp: Path, answers: dict[str, str], name: str = "answers.yaml") -> Path:
    f = tmp / name
    f.write_text("".join(f"{k}: {v}\n" for k, v in answers.items()), encoding="utf-8")
    return f


def play(
    data_dir: Path, answers: Path, *extra: str, protocol: str = "back-pain-relief"
) -> list[str]:
    return [
        "--data-dir",
        str(data_dir),
        "play",
        protocol,
        "--headless",
        "--answers",
        str(answers),
        "--speed",
        "1000",
        *extra,
    ]


def test_questions_lists_at_least_ten_tab_separated_items(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["questions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 10
    kinds = set()
    for line in lines:
        ident, kind, text = line.split("\t")
        assert ident and text
        kinds.add(kind)
    assert kinds == {"yes-no", "number", "check"}
    assert main(["questions", "--lang", "ru"]) == 0
    assert "температура" in capsys.readouterr().out


def test_all_clear_plays_to_the_end_quickly_in_a_real_process(
    tmp_path: Path, data_dir: Path
) -> None:
    f = write(tmp_path, clear_answers())
    r = subprocess.run(
        [sys.executable, "-m", "massage_trainer", *play(data_dir, f)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    steps = [line for line in lines if line.startswith("Step ")]
    assert steps[0].startswith("Step 1/8: Warm-up stroking") and steps[-1].startswith("Step 8/8:")
    assert lines[-1] == "Finished: 8 of 8 steps completed."
    history, _ = History.open(data_dir)
    try:
        (session,) = history.sessions()
        assert session.status == "completed" and session.verdict == "go"
        assert session.answers["fever"] is False
    finally:
        history.close()


@pytest.mark.parametrize(("question", "value"), STOP_ANSWERS)
def test_each_stop_answer_refuses_with_exit_3(
    question: str, value: str, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write(tmp_path, {**clear_answers(), question: value})
    assert main(play(data_dir, f)) == 3
    out = capsys.readouterr()
    assert "Step " not in out.out
    assert "STOP" in out.err and "What to do:" in out.err


def protocol_using(item: str) -> str:
    """A bundled protocol that needs `item` (any protocol needs every question)."""
    special = {
        "receiver-side-lying": "gentle-pregnancy",
        "clean-sheet": "therapeutic-lower-back",
        "receiver-seated": str(EXAMPLE),  # no bundled protocol is seated: the docs example is
    }
    return special.get(item, "back-pain-relief")


@pytest.mark.parametrize(
    "item", [*(q.id for q in RULES.questions), *(p.id for p in RULES.preparation)]
)
def test_each_missing_answer_refuses_with_exit_3(
    item: str, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = clear_answers()
    del answers[item]
    f = write(tmp_path, answers)
    assert main(play(data_dir, f, protocol=protocol_using(item))) == 3
    out = capsys.readouterr()
    assert item in out.err and "Step " not in out.out


def test_unticked_check_refuses(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write(tmp_path, {**clear_answers(), "hands-washed": "no"})
    assert main(play(data_dir, f)) == 3
    assert "Not ticked (answer 'yes' once ready): hands-washed" in capsys.readouterr().err


def test_wait_refuses_and_says_how_long(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write(tmp_path, {**clear_answers(), "meal-minutes": "20"})
    assert main(play(data_dir, f)) == 3
    err = capsys.readouterr().err
    assert "WAIT" in err and "Wait 40 more minute(s)" in err


def test_month_five_plays_the_gentle_protocol_and_says_why(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write(tmp_path, {**clear_answers(), "pregnancy-month": "5"})
    assert main(play(data_dir, f)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Adapted: playing gentle-pregnancy")
    assert "instead of back-pain-relief" in out and "fourth month" in out
    assert "Finished: 6 of 6 steps completed." in out


def test_refused_sessions_are_kept_in_the_history(tmp_path: Path, data_dir: Path) -> None:
    f = write(tmp_path, {**clear_answers(), "cancer": "yes"})
    assert main(play(data_dir, f)) == 3
    history, _ = History.open(data_dir)
    try:
        (session,) = history.sessions()
        assert session.status == "refused" and session.verdict == "stop"
        assert session.answers["cancer"] is True
        assert any("cancer" in r for r in session.verdict_reasons)
    finally:
        history.close()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["play", "back-pain-relief", "--answers", "x.yaml"], 2),
        (["play", "back-pain-relief", "--headless"], 2),
        (["play", "back-pain-relief", "--headless", "--answers", "a.yaml", "--speed", "0"], 2),
        (["play", "back-pain-relief", "--headless", "--answers", "a.yaml", "--speed", "fast"], 2),
        (["play", "no-such-protocol", "--headless", "--answers", "a.yaml"], 1),
        (["play", "back-pain-relief", "--headless", "--answers", "missing.yaml"], 1),
    ],
)
def test_usage_and_input_errors(
    args: list[str],
    code: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, clear_answers(), "a.yaml")
    try:
        got = main(args)
    except SystemExit as exc:  # argparse rejects bad option values itself
        got = int(exc.code or 0)
    assert got == code
    err = capsys.readouterr().err
    assert err and "Traceback" not in err


def test_malformed_answers_file_is_an_error_with_locations(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = clear_answers()
    answers["fever"] = "perhaps"
    f = write(tmp_path, answers)
    assert main(play(data_dir, f)) == 1
    err = capsys.readouterr().err
    assert f"{f}:1:8: fever: expected yes or no, found 'perhaps'" in err


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_cleanly_with_exit_4(sig: int, tmp_path: Path, data_dir: Path) -> None:
    f = write(tmp_path, clear_answers())
    args = play(data_dir, f, "--get-ready", "0")
    args[args.index("1000")] = "1"  # real time: the first step lasts a minute
    proc = subprocess.Popen(
        [sys.executable, "-m", "massage_trainer", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert proc.stdout is not None
        while not (line := proc.stdout.readline()).startswith("Step 1/"):
            assert line, "the process ended before the first step"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 4, err
    assert "Stopped (signal): 0 of 8 steps completed." in out
    history, _ = History.open(data_dir)
    try:
        (session,) = history.sessions()
        assert session.status == "stopped"
    finally:
        history.close()


def test_data_dir_may_follow_the_subcommand(tmp_path: Path) -> None:
    """As the issue writes it: play PROTOCOL --headless --answers FILE --data-dir DIR."""
    answers = write(tmp_path, clear_answers())
    folder = tmp_path / "after"
    code = main(
        [
            "play",
            "back-pain-relief",
            "--headless",
            "--answers",
            str(answers),
            "--speed",
            "1000",
            "--data-dir",
            str(folder),
        ]
    )
    assert code == 0
    history, _ = History.open(folder)
    try:
        assert [r.status for r in history.sessions()] == ["completed"]
    finally:
        history.close()


def _no_english(text: str) -> list[str]:
    """Lines with a Latin word other than the program's name, ids and file names."""
    allowed = {"massage-trainer", "play", "yes", "questions", "headless", "answers", "file"}
    bad = []
    for line in text.splitlines():
        words = [w.strip("'.,:()«»-") for w in line.split()]
        latin = [w for w in words if w and w.isascii() and w.isalpha()]
        if [w for w in latin if w.lower() not in allowed]:
            bad.append(line)
    return bad


def test_play_in_russian_prints_no_english(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path, clear_answers())
    assert main([*play(data_dir, answers, "--get-ready", "0", "--lang", "ru")]) == 0
    out = capsys.readouterr()
    assert "Шаг 1/8: Разогревающее поглаживание (поглаживание, 1:00)" in out.out
    assert "Готово: завершено шагов — 8 из 8." in out.out
    assert _no_english(out.out) == [] and _no_english(out.err) == []


def test_play_refusals_and_errors_in_russian(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path, {**clear_answers(), "fever": "yes"})
    assert main([*play(data_dir, answers, "--lang", "ru")]) == 3
    err = capsys.readouterr().err
    assert "СТОП: сегодня без массажа." in err and "Что делать:" in err
    assert _no_english(err) == []
    assert main([*play(data_dir, answers, "--lang", "ru", protocol="nope")]) == 1
    err = capsys.readouterr().err
    assert "нет программы с идентификатором 'nope'" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nid: broken\ncolour: red\n", encoding="utf-8")
    assert main([*play(data_dir, answers, "--lang", "ru", protocol=str(broken))]) == 1
    err = capsys.readouterr().err
    assert "неизвестный ключ 'colour'" in err and "нет обязательного ключа 'title'" in err
