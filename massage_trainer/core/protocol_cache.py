"""A parsed copy of protocol files, so the window can open without the YAML parser (start-up time).

Parsing and validating a protocol needs PyYAML, the schema and the safety rules: about 0.1 s of
imports and parsing before the first paint. The result is kept in the user's own cache folder as
tagged tuples written with `marshal` (built in: `pickle` alone cost ~4 ms to import), and read
back only into the protocol's own record classes, enums and paths (a tampered entry cannot name
anything else, so it cannot run code: it fails and the file is parsed instead).

Entries are keyed by the file's path, size and modification time, the rules file's, and the
program's own core sources; the entry holds that whole key, so a file-name clash is a miss. Any
doubt (an edited file, another program version, an unreadable cache) means: parse the file
again, exactly as without a cache. Errors are never cached.
"""

from __future__ import annotations

import marshal
import os
import zlib
from enum import StrEnum
from pathlib import Path
from typing import Any

from massage_trainer import __version__
from massage_trainer.core import record, vocab
from massage_trainer.core.localtext import LocalText
from massage_trainer.core.protocol import HandPlacement, Motion, Protocol, Source, SourceRef, Step
from massage_trainer.resources import assets_dir, protocols_dir

RULES_FILE = "safety-rules.yaml"
"""The bundled safety rules (core.safety_rules.RULES_FILE): protocols are checked against them."""

KEEP = 16
"""Cache entries kept (older program versions and edited files leave stale ones behind)."""

_CODE: str | None = None


def _stat(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}|-"
    return f"{path}|{st.st_size}|{st.st_mtime_ns}"


PARSING = (
    "protocol.py",
    "vocab.py",
    "localtext.py",
    "loader.py",
    "schema.py",
    "yamlsafe.py",
    "safety_rules.py",
    "body.py",
    "protocol_cache.py",
)
"""The core modules that shape a parsed protocol (its classes, checks and defaults)."""


def code_stamp() -> str:
    """The program version, the parsing modules and the zone data, by size and time (memoised)."""
    global _CODE  # noqa: PLW0603 (a per-process memo)
    if _CODE is None:
        core = Path(__file__).resolve().parent
        files = [core / name for name in PARSING] + [assets_dir() / "body.json"]
        _CODE = "\n".join([__version__, *(_stat(p) for p in files)])
    return _CODE


def cache_key(path: Path) -> str:
    """Everything the parsed copy of `path` depends on: its file, the rules, the program."""
    resolved = path.resolve()
    return "\n".join(
        (code_stamp(), _stat(resolved), _stat(protocols_dir() / RULES_FILE), str(resolved))
    )


def cache_file(path: Path, cache_dir: Path, key: str | None = None) -> Path:
    """Where the parsed copy of `path` (as it is now, or under `key`) would be kept.

    Named by a CRC of the key (hashlib's OpenSSL import costs ~3 ms before the first paint); the
    entry stores the key itself, so two keys sharing a name never mix.
    """
    data = (key if key is not None else cache_key(path)).encode()
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return cache_dir / f"protocol-{name}.cache"


def load(path: Path, cache_dir: Path | None) -> Protocol:
    """The protocol in `path`: from the cache when it is current, else parsed (and then kept)."""
    if cache_dir is None:
        return _parse(path)
    wanted = cache_key(path)  # resolves the path and reads four stats: once, not per use
    try:
        key, kept = read_entry(cache_file(path, cache_dir, wanted).read_bytes())
    except Exception:  # missing, stale or damaged: parse instead
        key, kept = None, None
    if isinstance(kept, Protocol) and key == wanted:
        return kept
    protocol = _parse(path)
    _keep(protocol, path, cache_dir, wanted)  # the key of the file as it was read
    return protocol


MAGIC = b"MTPC1"
"""Start of every entry (format version 1), followed by a CRC-32 of the rest."""

_RECORDS: dict[str, type[record.Record]] = {
    cls.__name__: cls
    for cls in (Source, SourceRef, HandPlacement, Motion, Step, Protocol, LocalText)
}
_ENUMS: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        vocab.Technique,
        vocab.Contact,
        vocab.Orientation,
        vocab.Pattern,
        vocab.Direction,
        vocab.Coordination,
        vocab.Pressure,
        vocab.Audience,
        vocab.SafetyProfile,
    )
}


def _encode(value: Any) -> Any:
    """Plain data marshal can write: every tuple tagged with what it stands for."""
    if isinstance(value, record.Record):
        name = value.__class__.__name__
        if _RECORDS.get(name) is not value.__class__:
            raise TypeError(f"{name} is not kept in the protocol cache")
        return ("R", name, tuple(_encode(v) for v in value._values()))
    if isinstance(value, StrEnum):
        return ("E", value.__class__.__name__, str(value.value))
    if isinstance(value, Path):
        return ("P", str(value))
    if isinstance(value, tuple):
        return ("T", tuple(_encode(v) for v in value))
    if value is None or isinstance(value, (str, int, float)):  # bool is an int
        return value
    raise TypeError(f"{type(value).__name__} is not kept in the protocol cache")


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if not isinstance(value, tuple) or not value:
        raise ValueError("not a protocol cache entry")
    tag = value[0]
    if tag == "R":
        _, name, fields = value
        return record.rebuild(_RECORDS[name], tuple(_decode(v) for v in fields))
    if tag == "E":
        _, name, member = value
        return _ENUMS[name](member)
    if tag == "P":
        return Path(value[1])
    if tag == "T":
        return tuple(_decode(v) for v in value[1])
    raise ValueError(f"unknown tag {tag!r} in a protocol cache entry")


def dump_entry(key: str, kept: Protocol) -> bytes:
    """The bytes of a cache entry for `kept` under `key`."""
    body = marshal.dumps((key, _encode(kept)))
    return MAGIC + zlib.crc32(body).to_bytes(4, "big") + body


def read_entry(data: bytes) -> tuple[str, Protocol]:
    """(key, protocol) from an entry's bytes; ValueError (or another error) when it is not one."""
    head = len(MAGIC) + 4
    body = data[head:]
    if (
        data[: len(MAGIC)] != MAGIC
        or zlib.crc32(body).to_bytes(4, "big") != data[len(MAGIC) : head]
    ):
        raise ValueError("not a protocol cache entry, or a damaged one")
    key, encoded = marshal.loads(body)
    kept = _decode(encoded)
    if not isinstance(key, str) or not isinstance(kept, Protocol):
        raise ValueError("not a protocol cache entry")
    return key, kept


def _parse(path: Path) -> Protocol:
    from massage_trainer.core import loader

    return loader.load(path)


def _keep(protocol: Protocol, path: Path, cache_dir: Path, key: str) -> None:
    """Write the cache entry atomically and drop the oldest beyond KEEP; failures are ignored."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        where = cache_file(path, cache_dir, key)
        tmp = where.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(dump_entry(key, protocol))
        os.replace(tmp, where)
        for legacy in cache_dir.glob("protocol-*.pickle"):  # the format before version 1
            legacy.unlink(missing_ok=True)
        entries = sorted(cache_dir.glob("protocol-*.cache"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return
