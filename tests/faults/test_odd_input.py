"""Odd input gets a located error: control characters and direction overrides in any text field of
any file kind, binary data far into a file, numbers that are not what they seem; and whatever
reaches a terminal is shown escaped."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.cli import main
from massage_trainer.commands.output import escape
from massage_trainer.core.protocol import glossary, loader
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety import rules
from tests.conftest import PROTOCOLS, REPO
from tests.faults.helpers import clear_answers

PROTOCOL = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")
RULES = (PROTOCOLS / "safety-rules.yaml").read_text(encoding="utf-8")
GLOSSARY = (REPO / "assets" / "glossary.yaml").read_text(encoding="utf-8")
TITLE = "  en: Back-pain relief (lower back)\n"
T = PROTOCOL[: PROTOCOL.index(TITLE)].count("\n") + 1  # the title's line (the header may grow)


def _problems(parse: object, text: str) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        parse(text, "f.yaml")  # type: ignore[operator]
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("new", "where", "what"),
    [
        (
            '  en: "Back-pain \\e[31mrelief"\n',
            f"f.yaml:{T}:7:",
            "terminal escape character (U+001B)",
        ),
        ("  en: Back-pain \x1b[31mrelief\n", f"f.yaml:{T}:17:", "terminal escape character"),
        (
            "  en: Back-pain \u202erelief\n",
            f"f.yaml:{T}:17:",
            "changes the direction of text (U+202E",
        ),
        ("  en: Back-pain \u2066relief\n", f"f.yaml:{T}:17:", "U+2066"),
        (
            '  en: "Back-pain\\nFinished: 8 of 8"\n',
            f"f.yaml:{T}:7:",
            "a line break inside a one-line",
        ),
        ('  en: "Back-pain\\trelief"\n', f"f.yaml:{T}:7:", "a tab character"),
        ('  en: "Back-pain\\x7frelief"\n', f"f.yaml:{T}:7:", "control character (U+007F)"),
    ],
    ids=["escaped-esc", "raw-esc", "rlo", "isolate", "newline", "tab", "del"],
)
def test_unsafe_characters_in_a_protocol_title_are_located(new: str, where: str, what: str) -> None:
    assert TITLE in PROTOCOL
    problems = _problems(loader.parse, PROTOCOL.replace(TITLE, new, 1))
    assert len(problems) == 1 and problems[0].startswith(where) and what in problems[0], problems


def test_block_text_may_span_lines_but_holds_no_controls() -> None:
    assert loader.parse(PROTOCOL, "f.yaml").steps[0].instructions.get("en")
    block = "      en: >-\n        Lay both palms flat on the lower back."
    assert block in PROTOCOL
    bad = PROTOCOL.replace(block, block.replace("flat", "fl\u202eat"), 1)
    (problem,) = _problems(loader.parse, bad)
    line = PROTOCOL[: PROTOCOL.index(block)].count("\n") + 2
    assert problem.startswith(f"f.yaml:{line}:") and "U+202E" in problem


@pytest.mark.parametrize(
    ("parse", "text", "old", "new"),
    [
        (rules.parse, RULES, "a fever or a raised", "a fever or a \u202eraised"),
        (glossary.parse, GLOSSARY, "classical: effleurage", 'classical: "effle\\eurage"'),
        (loader.parse, PROTOCOL, "id: back-pain-relief", 'id: "back-pain\\u202e-relief"'),
    ],
    ids=["rules-question", "glossary-name", "protocol-id"],
)
def test_every_file_kind_refuses_them(parse: object, text: str, old: str, new: str) -> None:
    assert old in text
    (problem,) = _problems(parse, text.replace(old, new, 1))
    line = text[: text.index(old)].count("\n") + 1
    assert problem.startswith(f"f.yaml:{line}:"), problem


@settings(max_examples=60, deadline=None)
@given(
    at=st.integers(min_value=0, max_value=len("Back-pain relief")),
    ch=st.sampled_from(
        [
            *map(chr, [*range(0, 9), *range(11, 32), 0x7F, 0x85, 0x9B]),
            "\u202a",
            "\u202b",
            "\u202c",
            "\u202d",
            "\u202e",
            "\u2067",
            "\u2068",
            "\u2069",
            "\u200f",
        ]
    ),
)
def test_any_unsafe_character_anywhere_in_a_title_is_refused(at: int, ch: str) -> None:
    title = "Back-pain relief"
    escaped = ch.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    new = f'  en: "{title[:at]}{escaped}{title[at:]} (lower back)"\n'
    problems = _problems(loader.parse, PROTOCOL.replace(TITLE, new, 1))
    assert problems and all(p.startswith(f"f.yaml:{T}:") for p in problems), problems


def test_binary_data_far_into_a_file_is_located(tmp_path: Path) -> None:
    f = tmp_path / "long.yaml"
    f.write_bytes(PROTOCOL.encode() + b"# " + b"x" * 70_000 + b"\n# here \x00 it is\n")
    line = PROTOCOL.count("\n") + 2
    with pytest.raises(DocumentError) as caught:
        loader.load(f)
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (line, 8) and "NUL" in problem.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("meal-minutes: .nan", "meal-minutes: expected a number, found '.nan'"),
        ("meal-minutes: .inf", "meal-minutes: expected a number, found '.inf'"),
        ("pregnancy-month: 3.9999999999999999", "3.9999999999999999 is not possible; give a whole"),
    ],
)
def test_answers_that_are_not_numbers_are_located(
    answer: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = clear_answers(tmp_path)
    key = answer.split(":", maxsplit=1)[0]
    lines = [line for line in f.read_text().splitlines() if not line.startswith(key + ":")]
    f.write_text("\n".join([*lines, answer]) + "\n")
    assert (
        main(["play", "back-pain-relief", "--headless", "--answers", str(f), "--no-history"]) == 1
    )
    err = capsys.readouterr().err
    assert f"{f}:{len(lines) + 1}:" in err and message in err, err


def test_a_repetition_count_written_past_float_precision_is_not_rounded() -> None:
    text = PROTOCOL.replace("repetitions: 12\n", "repetitions: 11.9999999999999999\n", 1)
    (problem,) = _problems(loader.parse, text)
    assert "expected a whole number, found 11.9999999999999999" in problem


def test_what_reaches_a_terminal_is_escaped(tmp_path: Path) -> None:
    assert escape("a\x1b[2Jb\u202ec\td\n") == "a\\x1b[2Jb\\u202ec\td\n"
    data = tmp_path / "data"
    (data / "protocols").mkdir(parents=True)
    (data / "protocols" / "\x1b[31mred\u202e.yaml").write_text("id: [\n", encoding="utf-8")
    if not hasattr(os, "openpty"):
        pytest.skip("no pseudo-terminals here")
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "massage_trainer", "list", "--data-dir", str(data)],
            stdout=follower,
            stderr=follower,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
        )
        os.close(follower)
        seen = b""
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=60) == 0
    finally:
        os.close(leader)
    text = seen.decode("utf-8")
    assert "\\x1b[31mred\\u202e.yaml: skipped" in text
    assert "\x1b" not in text and "\u202e" not in text
