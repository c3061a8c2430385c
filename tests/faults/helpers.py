"""Shared pieces of the fault tests: a log with sessions in it, an all-clear answers file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from massage_trainer.core.history.log import FILE_NAME, History
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.safety.verdict import load_rules


def seed_log(folder: Path, sessions: int = 2, *, unfinished: bool = False) -> Path:
    """A healthy log with `sessions` completed sessions (and one left running when asked)."""
    history, _ = History.open(folder)
    try:
        for _ in range(sessions):
            sid = history.begin_session(
                protocol_id="back-pain-relief",
                protocol_version=1,
                answers={"fever": False},
                verdict="go",
                verdict_reasons=[],
            )
            history.step_completed(sid, 0, "warm-up", "stroking", 60.0)
            history.end_session(sid, "completed")
        if unfinished:
            sid = history.begin_session(
                protocol_id="back-pain-relief",
                protocol_version=1,
                answers={},
                verdict="go",
                verdict_reasons=[],
            )
            history.step_completed(sid, 0, "warm-up", "stroking", 60.0)
    finally:
        history.close()
    return folder / FILE_NAME


def clear_answers(folder: Path) -> Path:
    """An answers file that lets the session start (every question answered the safe way)."""
    rules = load_rules()
    lines = [f"{q.id}: {'no' if q.kind == QuestionKind.YES_NO else 0}" for q in rules.questions]
    lines = [line for line in lines if not line.startswith("meal-minutes")]
    lines.append("meal-minutes: 120")
    lines += [f"{p.id}: yes" for p in rules.preparation]
    path = folder / "answers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o644)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file in the folder with its mode and contents' digest: to show nothing moved."""
    return {
        p.name: (p.stat().st_mode & 0o7777, digest(p))
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def play_args(data_dir: Path, answers: Path, *extra: str) -> list[str]:
    return [
        "play",
        "back-pain-relief",
        "--headless",
        "--answers",
        str(answers),
        "--speed",
        "1000",
        "--get-ready",
        "0",
        "--data-dir",
        str(data_dir),
        *extra,
    ]
