"""Authoring helpers: keep the place across a reload, import and export protocol files, templates."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from massage_trainer.core.protocol import catalog, loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.resources import protocols_dir

TEMPLATE = "template.yaml"


def carry_over_step(old: Protocol | None, new: Protocol, index: int) -> int:
    """The step index in `new` that matches step `index` of `old`: same id if it still exists,
    otherwise the same position, clamped to the new protocol's length."""
    if old is not None and 0 <= index < len(old.steps):
        step_id = old.steps[index].id
        for i, s in enumerate(new.steps):
            if s.id == step_id:
                return i
    return max(0, min(index, len(new.steps) - 1))


def template_text() -> str:
    return (protocols_dir() / TEMPLATE).read_text(encoding="utf-8")


def new_from_template(data_dir: Path, protocol_id: str) -> Path:
    """Write a fresh protocol from the template into the user's folder and return its path."""
    folder = catalog.user_protocols_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    text = template_text().replace("id: my-protocol", f"id: {protocol_id}", 1)
    target = _free_name(folder / f"{protocol_id}.yaml")
    _write_atomically(target, text)
    schema = protocols_dir() / "schema.json"
    if not (folder / "schema.json").exists():
        shutil.copyfile(schema, folder / "schema.json")
    return target


def import_protocol(source: Path, data_dir: Path) -> tuple[Protocol, Path]:
    """Validate a shared file first, then copy it into the user's protocols (never overwriting).

    Raises ProtocolError with the file's problems when it is not valid, or when it takes the id of
    a protocol that comes with the app (it would hide it); nothing is copied then.
    """
    protocol, root = loader.read(source)
    loader.refuse_shadowing(protocol, root, None)
    folder = catalog.user_protocols_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder / f"{protocol.id}.yaml")
    _write_atomically(target, source.read_text(encoding="utf-8"))
    return loader.load(target), target


def export_protocol(protocol: Protocol, target: Path) -> Path:
    """Copy a protocol's file to `target` (a file or a folder) as it is on disk."""
    if protocol.path is None:
        raise ValueError("this protocol has no file to export")
    if target.is_dir():
        target = target / protocol.path.name
    _write_atomically(target, protocol.path.read_text(encoding="utf-8"))
    return target


def _free_name(path: Path) -> Path:
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"too many files named like {path.name}")


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
