"""A parsed copy of protocol files, so the window can open without the YAML parser (start-up time).

Parsing and validating a protocol needs PyYAML, the schema and the safety rules: about 0.1 s of
imports and parsing before the first paint. The result is kept (pickled) in the user's own cache
folder, keyed by the file's path, size and modification time, the rules file's, and the program's
own core sources; the entry holds that whole key, so a file-name clash is a miss. Any doubt (an edited file, another program version, an unreadable cache) means:
parse the file again, exactly as without a cache. Errors are never cached.
"""

from __future__ import annotations

import io
import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from massage_trainer import __version__
from massage_trainer.core import record
from massage_trainer.core.protocol import Protocol
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


def cache_file(path: Path, cache_dir: Path) -> Path:
    """Where the parsed copy of `path` (as it is now) would be kept.

    Named by a CRC of the key (hashlib's OpenSSL import costs ~3 ms before the first paint); the
    entry stores the key itself, so two keys sharing a name never mix.
    """
    data = cache_key(path).encode()
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return cache_dir / f"protocol-{name}.pickle"


def load(path: Path, cache_dir: Path | None) -> Protocol:
    """The protocol in `path`: from the cache when it is current, else parsed (and then kept)."""
    if cache_dir is None:
        return _parse(path)
    try:
        where = cache_file(path, cache_dir)
        key, kept = _SafeUnpickler(io.BytesIO(where.read_bytes())).load()
    except Exception:  # missing, stale or damaged: parse instead
        key, kept = None, None
    if isinstance(kept, Protocol) and key == cache_key(path):
        return kept
    protocol = _parse(path)
    _keep(protocol, path, cache_dir)
    return protocol


_ALLOWED_MODULES = frozenset(
    {
        "massage_trainer.core.protocol",
        "massage_trainer.core.vocab",
        "massage_trainer.core.localtext",
    }
)
_ALLOWED_OTHERS = frozenset(
    {("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("pathlib", "Path")}
)


class _SafeUnpickler(pickle.Unpickler):
    """Unpickles only the protocol's own data classes and enums, never an arbitrary callable:
    a tampered cache file cannot run code, it just fails and the file is parsed instead."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("massage_trainer.core.record", "rebuild"):
            return record.rebuild  # sets the fields of an allowed record class, nothing else
        if module in _ALLOWED_MODULES or (module, name) in _ALLOWED_OTHERS:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the protocol cache")


def _parse(path: Path) -> Protocol:
    from massage_trainer.core import loader

    return loader.load(path)


def _keep(protocol: Protocol, path: Path, cache_dir: Path) -> None:
    """Write the cache entry atomically and drop the oldest beyond KEEP; failures are ignored."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        where = cache_file(path, cache_dir)
        tmp = where.with_suffix(f".{os.getpid()}.tmp")
        entry = (cache_key(path), protocol)
        tmp.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, where)
        entries = sorted(cache_dir.glob("protocol-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return
