"""The parsed-protocol cache gives the same protocol as parsing, and never a stale or broken one."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from massage_trainer.core import loader, protocol_cache, safety_rules
from massage_trainer.core.yamlsafe import DocumentError
from massage_trainer.resources import protocols_dir


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    dst = tmp_path / "back-pain-relief.yaml"
    shutil.copy(protocols_dir() / "back-pain-relief.yaml", dst)
    return dst


def test_rules_file_name_matches_the_rules_module() -> None:
    assert protocol_cache.RULES_FILE == safety_rules.RULES_FILE


def test_second_load_comes_from_the_cache_and_equals_parsing(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = protocol_cache.load(copy, cache)
    entry = protocol_cache.cache_file(copy, cache)
    assert entry.is_file() and first == loader.load(copy)
    entry.write_bytes(entry.read_bytes())  # same content: still used
    assert protocol_cache.load(copy, cache) == first


def test_an_edited_file_is_parsed_again(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    protocol_cache.load(copy, cache)
    text = copy.read_text(encoding="utf-8").replace("\nversion: 1", "\nversion: 7", 1)
    copy.write_text(text, encoding="utf-8")
    st = copy.stat()
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert protocol_cache.load(copy, cache).version == 7


def test_a_damaged_cache_entry_is_ignored(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    protocol_cache.load(copy, cache)
    protocol_cache.cache_file(copy, cache).write_bytes(b"\x80\x05 not a pickle")
    assert protocol_cache.load(copy, cache) == loader.load(copy)


def test_an_entry_kept_for_another_key_is_a_miss(copy: Path, tmp_path: Path) -> None:
    """Entry names are a short checksum of the key; the key inside the entry decides."""
    from massage_trainer.core import record

    cache = tmp_path / "cache"
    parsed = protocol_cache.load(copy, cache)
    other = record.replace(parsed, version=99)
    entry = protocol_cache.cache_file(copy, cache)
    entry.write_bytes(protocol_cache.dump_entry("some other file's key", other))
    assert protocol_cache.load(copy, cache).version == parsed.version
    entry.write_bytes(protocol_cache.dump_entry(protocol_cache.cache_key(copy), other))
    assert protocol_cache.load(copy, cache).version == 99  # the same key: used as kept


def test_errors_are_raised_and_never_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(DocumentError):
        protocol_cache.load(bad, cache)
    assert not list(cache.glob("*.pickle")) if cache.exists() else True


def test_the_parsing_modules_named_in_the_key_exist() -> None:
    core = Path(protocol_cache.__file__).parent
    assert all((core / name).is_file() for name in protocol_cache.PARSING)
    assert {"loader.py", "protocol.py", "schema.py"} <= set(protocol_cache.PARSING)


def test_a_tampered_cache_cannot_run_code(tmp_path: Path) -> None:
    """Entries are read only into the protocol's own classes: a planted pickle, or an entry
    naming another class, is refused and the file parsed."""

    source = protocols_dir() / "back-pain-relief.yaml"
    cache_dir = tmp_path / "cache"
    protocol_cache.load(source, cache_dir)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (open, (str(marker), "w"))

    protocol_cache.cache_file(source, cache_dir).write_bytes(pickle.dumps(Evil()))
    again = protocol_cache.load(source, cache_dir)
    assert again.id == "back-pain-relief"
    assert not marker.exists()


def test_every_bundled_protocol_round_trips_through_an_entry() -> None:
    for path in sorted(protocols_dir().glob("*.yaml")):
        if "safety" in path.name:
            continue
        parsed = loader.load(path)
        key, back = protocol_cache.read_entry(protocol_cache.dump_entry("k", parsed))
        assert key == "k" and back == parsed
        assert [type(s.technique) for s in back.steps] == [type(s.technique) for s in parsed.steps]


def test_entries_naming_other_classes_or_damaged_are_refused(tmp_path: Path) -> None:
    import marshal
    import zlib

    def entry(encoded: object) -> bytes:
        body = marshal.dumps(("k", encoded))
        return protocol_cache.MAGIC + zlib.crc32(body).to_bytes(4, "big") + body

    for hostile in (
        ("R", "Popen", ("T", ())),  # not one of the protocol's classes
        ("E", "Signals", "SIGKILL"),
        ("X", "anything"),
        ("R", "Protocol", ("T", ("too", "few"))),
    ):
        with pytest.raises((KeyError, ValueError, TypeError)):
            protocol_cache.read_entry(entry(hostile))
    good = protocol_cache.dump_entry("k", loader.load(protocols_dir() / "back-pain-relief.yaml"))
    damaged = good[:-10] + bytes(10)
    with pytest.raises(ValueError, match="damaged"):
        protocol_cache.read_entry(damaged)
