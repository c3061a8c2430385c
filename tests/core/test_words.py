"""The core's own words in Russian: every message has both languages, file problems are translated
by their shape, and a shape that is not known stays as it is (never lost)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.vocab import Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.words import MESSAGES, problem_line, problem_text, say, technique
from tests.conftest import PROTOCOLS

PROTOCOL = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")


def test_every_message_has_russian_with_the_same_blanks() -> None:
    for key, (en, ru) in MESSAGES.items():
        assert ru and re.search("[а-яё]", ru.lower()), key
        blanks = set(re.findall(r"{(\w+)}", en)) | {"title"}  # Russian names a title, not an id
        assert set(re.findall(r"{(\w+)}", ru)) <= blanks, key


def test_every_technique_has_a_russian_name() -> None:
    for t in Technique:
        assert re.search("[а-яё]", technique(t, "ru")), t


@pytest.mark.parametrize(
    ("old", "new", "russian"),
    [
        (
            "id: back-pain-relief\n",
            "id: back-pain-relief\ncolour: red\n",
            "неизвестный ключ 'colour'",
        ),
        ("    tempo: 12\n", "    tempoo: 12\n", "(может быть, 'tempo'?)"),
        ("    tempo: 12\n", "    tempo: 0\n", "слишком мало"),
        ("    tempo: 12\n", "    tempo: 900\n", "слишком много"),
        (
            "    pressure: light\n",
            "    pressure: hard\n",
            "'hard' нет в списке: light, moderate, firm",
        ),
        ("    repetitions: 12\n", "", "укажите repetitions или duration_s"),
    ],
)
def test_file_problems_are_translated_by_their_shape(old: str, new: str, russian: str) -> None:
    assert old in PROTOCOL
    with pytest.raises(DocumentError) as caught:
        loader.parse(PROTOCOL.replace(old, new, 1), "f.yaml")
    lines = [problem_line(p, "ru") for p in caught.value.problems]
    assert any(russian in line for line in lines), lines
    assert all(line.startswith("f.yaml:") for line in lines)


def test_an_unknown_shape_stays_english_and_english_is_untouched() -> None:
    assert problem_text("something new went wrong", "ru") == "something new went wrong"
    assert problem_text("tempo: must not be empty", "en") == "tempo: must not be empty"
    assert problem_text("tempo: must not be empty", "ru") == "tempo: не может быть пустым"
    assert say("play.finished", "ru", done=3, n=8) == "Готово: завершено шагов — 3 из 8."


def test_the_history_table_speaks_russian() -> None:
    from datetime import UTC, datetime

    from massage_trainer.commands.history import table
    from massage_trainer.core.history.records import SessionRecord, Status

    when = datetime(2026, 1, 5, 18, tzinfo=UTC)
    rec = SessionRecord(
        id=1,
        protocol_id="p",
        protocol_version=1,
        started=when,
        ended=when,
        status=Status.COMPLETED,
        receiver_id=None,
        steps=(),
    )
    head, row = table([rec], "ru")
    assert head.split()[:3] == ["ID", "НАЧАЛО", "КОМУ"] and "завершён" in row and "сеанс" in row
    assert "completed" in table([rec])[1]


def test_validate_in_russian_translates_the_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from massage_trainer.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: x\ncolour: red\n", encoding="utf-8")
    assert main(["validate", str(bad), "--lang", "ru"]) == 1
    err = capsys.readouterr().err
    assert "нет обязательного ключа 'title'" in err and "неизвестный ключ 'colour'" in err
    assert main(["validate", str(bad)]) == 1
    assert "the required key 'title' is missing" in capsys.readouterr().err


def test_validate_says_ok_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    from massage_trainer.cli import main

    files = [str(PROTOCOLS / "back-pain-relief.yaml"), str(PROTOCOLS / "safety-rules.yaml")]
    assert main(["validate", *files, "--lang", "ru"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": в порядке (back-pain-relief, около 8 мин, шагов: 8)"), out
    assert "правила безопасности: вопросов — " in out[1] and " ok " not in out[1]
