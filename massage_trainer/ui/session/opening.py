"""Opening protocols: the one to start with, the picker (Ctrl+L), a file (Ctrl+O) and the
protocol the safety rules switch to.

A protocol that cannot be used is never loaded: the person is told what is wrong and where, and
the session on screen stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from massage_trainer.ui.base import paths

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

DEFAULT_PROTOCOL = "back-pain-relief"


def choose(parent: QWidget, data_dir: Path, current: Protocol | None, lang: str) -> Protocol | None:
    """The picker over every bundled and user protocol; None when the person cancels."""
    from massage_trainer.core.protocol import catalog
    from massage_trainer.ui.session.picker import ProtocolPicker

    picker = ProtocolPicker(catalog.scan(data_dir), current.id if current else None, lang, parent)
    if picker.exec() and (entry := picker.selected()) is not None and entry.protocol:
        return entry.protocol
    return None


def by_id(protocol_id: str, data_dir: Path) -> Protocol | str:
    """The protocol with this id (the safety rules ask for it), or why it cannot be opened."""
    from massage_trainer.core.protocol import catalog
    from massage_trainer.core.protocol.yamlsafe import DocumentError

    try:
        return catalog.resolve(protocol_id, data_dir)
    except (catalog.NotFound, DocumentError, OSError) as exc:
        return (
            QCoreApplication.translate("MainWindow", "Could not open %1: %2")
            .replace("%1", protocol_id)
            .replace("%2", str(exc))
        )


class PlainOpener:
    """File ▸ Open before (or without) the authoring tools: a file dialog, and a protocol with
    problems is shown in a message box instead of being loaded."""

    def __init__(self, parent: QWidget, load: Callable[[Protocol], None]) -> None:
        self.parent, self.load = parent, load

    def open_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("MainWindow", "Open protocol"),
            str(paths.documents_dir()),
            QCoreApplication.translate("MainWindow", "Protocols (*.yaml *.yml)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        from massage_trainer.core.protocol import loader
        from massage_trainer.core.protocol.yamlsafe import DocumentError

        try:
            protocol = loader.load(path)
        except (DocumentError, OSError) as exc:
            problems = getattr(exc, "problems", None) or [exc]
            from massage_trainer.core.words import problem_line
            from massage_trainer.ui.base.i18n import current

            lines = "\n".join(
                problem_line(p, current()) if hasattr(p, "line") else str(p) for p in problems[:12]
            )
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.parent,
                QCoreApplication.translate("MainWindow", "This protocol cannot be used"),
                QCoreApplication.translate("MainWindow", "%1 has problems:\n\n%2")
                .replace("%1", path.name)
                .replace("%2", lines),
            )
            return False
        self.load(protocol)
        return True


def _resolve(name: str, data_dir: Path) -> Protocol:
    """A protocol file named by path, or by id when a file is named after its id (fast start);
    anything else goes the long way through the catalog, which also says what is wrong with a
    broken file.
    """
    from massage_trainer.core.protocol import loader
    from massage_trainer.resources import protocols_dir

    by_path = Path(name).suffix in (".yaml", ".yml") or any(sep in name for sep in "/\\")
    if by_path:
        candidates = [Path(name)]
    else:  # folders as in catalog.user_protocols_dir
        candidates = [protocols_dir() / f"{name}.yaml", data_dir / "protocols" / f"{name}.yaml"]
    for path in candidates:
        if path.is_file():
            try:
                protocol = loader.load(path)
            except Exception as exc:
                if not _expected(exc):
                    raise
                break
            if by_path or protocol.id == name:
                return protocol
            break
    from massage_trainer.core.protocol import catalog

    return catalog.resolve(name, data_dir)


def _expected(exc: BaseException) -> bool:
    """A protocol that is missing, unreadable or invalid (reported to the person, not raised)."""
    from massage_trainer.core.protocol import catalog
    from massage_trainer.core.protocol.yamlsafe import DocumentError

    return isinstance(exc, (catalog.NotFound, DocumentError, OSError))


def first_protocol(
    wanted: str | None, last: object, data_dir: Path
) -> tuple[Protocol | None, str | None]:
    """The protocol to open at start: the one asked for, else the `last` one (from the settings),
    else the default; plus a notice when the one asked for could not be opened."""
    notice = None
    if wanted:
        try:
            return _resolve(wanted, data_dir), None
        except Exception as exc:
            if not _expected(exc):
                raise
            notice = QCoreApplication.translate("App", "Could not open %1: %2").replace(
                "%1", wanted
            )
            notice = notice.replace("%2", _first_line(exc))
    for name in (str(last) if last else None, DEFAULT_PROTOCOL):
        if not name:
            continue
        try:
            return _resolve(name, data_dir), notice
        except Exception as exc:
            if not _expected(exc):
                raise
            continue
    return None, notice


def _first_line(exc: BaseException) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        return str(problems[0])
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
