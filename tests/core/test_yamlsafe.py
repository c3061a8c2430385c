"""The safe YAML reader: hostile input is refused cleanly, in bounded time, with a location."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map, Scalar, Seq


def messages(exc: pytest.ExceptionInfo[DocumentError]) -> str:
    return "\n".join(str(p) for p in exc.value.problems)


def test_plain_document_keeps_locations() -> None:
    root = yamlsafe.parse("a: 1\nb:\n  - x\n  - 2.5\n", "f.yaml")
    assert isinstance(root, Map)
    assert root.key_locs["b"].line == 2
    b = root.entries["b"]
    assert isinstance(b, Seq)
    assert [n.value for n in b.items if isinstance(n, Scalar)] == ["x", 2.5]
    assert b.items[1].loc.line == 4 and b.items[1].loc.col == 5


def test_quoted_numbers_stay_text() -> None:
    root = yamlsafe.parse("a: '12'\nb: 12\n", "f.yaml")
    assert isinstance(root, Map)
    a, b = root.entries["a"], root.entries["b"]
    assert isinstance(a, Scalar) and a.value == "12" and a.quoted
    assert isinstance(b, Scalar) and b.value == 12


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        (
            "a: !!python/object/apply:os.system ['true']\n",
            "1:4",
            "tag '!!python/object/apply:os.system'",
        ),
        ("a: !custom 3\n", "1:4", "tag '!custom'"),
        ("a: &x [1]\nb: *x\n", "1:4", "anchors"),
        ("a: 1\n---\nb: 2\n", "2:1", "more than one document"),
        ("a: 1\na: 2\n", "2:1", "'a' appears twice"),
        ("a: [1, 2\n", ":", "not valid YAML"),
        ("", "1:1", "empty"),
        ("? [a]\n: 1\n", "1:3", "a key must be a plain word"),
    ],
)
def test_refusals_name_the_place(text: str, where: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse(text, "f.yaml")
    msg = messages(exc)
    assert f"f.yaml:{where}" in msg if where != ":" else "f.yaml:" in msg
    assert fragment in msg


def test_duplicate_keys_are_all_reported() -> None:
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse("a: 1\na: 2\nb: 1\nb: 3\n", "f.yaml")
    assert [p.line for p in exc.value.problems] == [2, 4]


@pytest.mark.parametrize("depth", [41, 20_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    text = "[" * depth + "]" * depth
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse(text, "deep.yaml")
    assert "nested too deeply" in messages(exc)


def test_block_nesting_is_refused() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "v: 1\n"
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse(text, "deep.yaml")
    assert "nested too deeply" in messages(exc)


def test_alias_bomb_is_refused_at_the_first_anchor() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse("\n".join(lines), "bomb.yaml")
    assert "bomb.yaml:1:4" in messages(exc)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        ("a: 1\n".encode("utf-32"), "UTF-32"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"a: caf\xe9\n", "not valid UTF-8"),
    ],
)
def test_wrong_encodings(tmp_path: Path, data: bytes, fragment: str) -> None:
    f = tmp_path / "x.yaml"
    f.write_bytes(data)
    with pytest.raises(DocumentError) as exc:
        yamlsafe.read_file(f)
    assert fragment in messages(exc)
    assert str(f) in messages(exc)


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_bytes(b"a: 1\nbb: caf\xe9\n")
    with pytest.raises(DocumentError) as exc:
        yamlsafe.read_file(f)
    assert exc.value.problems[0].line == 2
    assert exc.value.problems[0].col == 8


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert yamlsafe.parse(yamlsafe.read_file(f), str(f)).loc.line == 1


def test_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.yaml"
    f.write_bytes(b"a: " + b"x" * (yamlsafe.MAX_FILE_BYTES + 10) + b"\n")
    with pytest.raises(DocumentError) as exc:
        yamlsafe.read_file(f)
    assert "too large" in messages(exc)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        yamlsafe.read_file(tmp_path / "nope.yaml")
    with pytest.raises(DocumentError, match="folder"):
        yamlsafe.read_file(tmp_path)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_or_raises_document_error(text: str) -> None:
    try:
        yamlsafe.parse(text, "fuzz.yaml")
    except DocumentError as exc:
        assert exc.problems
        assert all(p.line >= 1 and p.col >= 1 for p in exc.problems)


TEMPLATE_TEXT = (Path(__file__).resolve().parents[2] / "protocols" / "template.yaml").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    ("new", "where", "words"),
    [
        ("\ttechnique: stroking", ":1:", ("tab", "spaces")),
        ("   technique: stroking", ":4:", ("indentation", "column 4", "column 5")),
        ("      technique: stroking", ":7:", ("indentation", "'technique:'", "column 5")),
        ("  technique: stroking", ":3:", ("indentation", "'- '", "column 5")),
    ],
)
def test_tabs_and_indentation_say_so_and_how_to_fix_it(
    new: str, where: str, words: tuple[str, ...]
) -> None:
    old = "    technique: stroking"
    assert old in TEMPLATE_TEXT
    line = TEMPLATE_TEXT[: TEMPLATE_TEXT.index(old)].count("\n") + 1
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse(TEMPLATE_TEXT.replace(old, new, 1), "t.yaml")
    msg = str(exc.value.problems[0])
    assert msg.startswith(f"t.yaml:{line}{where}"), msg
    for w in words:
        assert w in msg, msg


def test_a_list_item_among_keys_is_an_indentation_problem() -> None:
    with pytest.raises(DocumentError) as exc:
        yamlsafe.parse("a:\n  b: 1\n  - c\n", "t.yaml")
    msg = str(exc.value)
    assert msg.startswith("t.yaml:3:3: indentation") and "under a key of its own" in msg
