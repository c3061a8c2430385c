"""Finding protocols: the bundled ones and the user's own, by id or by path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.yamlsafe import DocumentError, Problem
from massage_trainer.core.words import say
from massage_trainer.resources import protocols_dir

NOT_PROTOCOLS = frozenset({"safety-rules.yaml", "template.yaml"})


@dataclass(frozen=True)
class Entry:
    """One protocol file found on disk: loaded, or with the problems that kept it from loading."""

    path: Path
    origin: str
    """'bundled' or 'user'."""
    protocol: Protocol | None
    problems: tuple[Problem, ...] = ()


def user_protocols_dir(data_dir: Path) -> Path:
    return data_dir / "protocols"


def _files(folder: Path) -> list[Path]:
    """The protocol files in `folder`; a pipe or device named like one is listed too, so that
    loading refuses it with a reason (from its stat, without opening it) instead of hiding it."""
    try:
        names = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return [folder]  # cannot be listed: loading it says why
    return [
        p for p in names if p.suffix in loader.PROTOCOL_SUFFIXES and p.name not in NOT_PROTOCOLS
    ]


def scan(data_dir: Path | None) -> list[Entry]:
    """Every protocol file, bundled first; broken files are listed with their problems, not hidden."""
    places = [(protocols_dir(), "bundled")]
    if data_dir is not None:
        places.append((user_protocols_dir(data_dir), "user"))
    out: list[Entry] = []
    for folder, origin in places:
        for path in _files(folder):
            try:
                out.append(Entry(path, origin, loader.load(path)))
            except DocumentError as exc:
                out.append(Entry(path, origin, None, tuple(exc.problems)))
    return out


class NotFound(LookupError):
    """No protocol matches the name the user gave."""

    def __init__(self, name: str, known: str) -> None:
        self.name, self.known = name, known
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return say("err.not_found", lang, name=self.name, known=self.known)


def resolve(name: str, data_dir: Path | None) -> Protocol:
    """A protocol by path (anything with a slash or a YAML suffix that exists) or by id."""
    p = Path(name)
    if p.suffix in loader.PROTOCOL_SUFFIXES or "/" in name or p.exists():
        return loader.load(p)
    entries = scan(data_dir)
    for e in entries:
        if e.protocol is not None and e.protocol.id == name:
            return e.protocol
    known = ", ".join(e.protocol.id for e in entries if e.protocol is not None)
    raise NotFound(name, known)


def bundled(protocol_id: str) -> Protocol:
    return resolve(protocol_id, None)
