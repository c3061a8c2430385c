"""Authoring in the window: open and watch a protocol file, new from template, import and export.

Saving the watched file reloads it and the session goes on at the same step (same step id, else
the same position). A broken save shows its PATH:LINE:COL problems in a banner above the diagram
while the last good version stays on screen and keeps playing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.protocol import authoring, loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.yamlsafe import DocumentError, Problem
from massage_trainer.core.session.player import State
from massage_trainer.core.words import problem_line
from massage_trainer.ui.base import paths
from massage_trainer.ui.classroom.watcher import ProtocolWatcher
from massage_trainer.ui.session.host import SessionHost

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SHOWN = 12
ACTIVE = (State.GET_READY, State.RUNNING, State.PAUSED, State.WAITING)


class ProblemBanner(QFrame):
    """A dismissable bar above the diagram: what is wrong, then one problem per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.heading = QLabel(self)
        self.heading.setObjectName("problemHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel(self)
        self.details.setObjectName("problemList")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAccessibleName(self.tr("Hide the problems"))
        self.close_button.clicked.connect(self.hide)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.heading)
        text.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 8, 10)
        row.addLayout(text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(
        self, heading: str, lines: Sequence[str] = (), *, colours: object = None
    ) -> None:
        shown = list(lines[:MAX_SHOWN])
        if len(lines) > MAX_SHOWN:
            shown.append(self.tr("… and %1 more").replace("%1", str(len(lines) - MAX_SHOWN)))
        self.heading.setText(heading)
        self.details.setText("\n".join(shown))
        self.details.setVisible(bool(shown))
        fg = getattr(colours, "danger", "#a01818")
        bg = getattr(colours, "warning_bg", "#fff1d6")
        text = getattr(colours, "text", "#1d2329")
        self.setStyleSheet(
            f"#problemBanner {{ background: {bg}; border-left: 6px solid {fg};"
            f" border-bottom: 1px solid {fg}; }}"
            f"#problemHeading {{ color: {fg}; font-weight: 700; }}"
            f"#problemList {{ color: {text}; font-family: monospace; }}"
            f"QToolButton {{ color: {text}; border: none; font-weight: 700; padding: 2px 6px; }}"
        )
        self.show()

    def text(self) -> str:
        return self.heading.text() + "\n" + self.details.text()


class AuthoringUi(QObject):
    """File menu commands for people who write protocols, and the live reload of the open file."""

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.banner = ProblemBanner()
        window.add_banner(self.banner)  # under the notice banner, above the diagram
        self.watcher = ProtocolWatcher(self)
        self.watcher.reloaded.connect(self.on_reloaded)
        self.watcher.failed.connect(self.on_failed)
        window.controller.protocolChanged.connect(self._protocol_changed)
        # seams for tests (and the dialogs a person sees)
        self.ask_open_path: Callable[[str, str], str] = self._ask_open
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

    # ---- dialogs -------------------------------------------------------------------------

    def _ask_open(self, title: str, filters: str) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self.window.as_widget(), title, str(paths.documents_dir()), filters
        )
        return name

    def _ask_save(self, title: str, suggested: str, filters: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self.window.as_widget(), title, suggested, filters)
        return name

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.window.as_widget(), title, label)
        return text if ok else None

    def _status(self, text: str, ms: int = 10000) -> None:
        self.window.show_status(text, ms)

    def _problems(self, heading: str, problems: Sequence[Problem]) -> None:
        lines = [problem_line(p, self.window.lang) for p in problems]
        self.banner.show_message(heading, lines, colours=self.window.colours)

    # ---- open and watch ------------------------------------------------------------------

    def open_file(self) -> None:
        name = self.ask_open_path(self.tr("Open protocol"), self.tr("Protocols (*.yaml *.yml)"))
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Load and show a protocol file, and watch it; a broken one is still watched, so the
        fixed version appears as soon as it is saved."""
        try:
            protocol = loader.load(path)
        except DocumentError as exc:
            self._problems(
                self.tr("%1 cannot be used yet. Fix these and save; it opens by itself:").replace(
                    "%1", path.name
                ),
                exc.problems,
            )
            self.watcher.watch(path)
            return False
        except OSError as exc:
            self.banner.show_message(
                self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", str(exc)),
                colours=self.window.colours,
            )
            return False
        self.banner.hide()
        self.window.load_protocol(protocol)
        self.watcher.watch(path)
        self._status(self.tr("Watching %1: saved changes show at once.").replace("%1", str(path)))
        return True

    def _watched_is_current(self) -> bool:
        current = self.window.controller.protocol
        watched = self.watcher.path
        return (
            current is not None
            and current.path is not None
            and watched is not None
            and current.path.resolve() == watched
        )

    def on_reloaded(self, protocol: Protocol) -> None:
        """A good save: swap it in at the same step; the session goes on."""
        c = self.window.controller
        if self._watched_is_current():
            player = c.player
            assert player is not None
            index = authoring.carry_over_step(player.protocol, protocol, player.step_index)
            c.replace_protocol(protocol, index)
            self.banner.hide()
            self._status(
                self.tr("Reloaded %1: still at step %2.")
                .replace("%1", protocol.path.name if protocol.path else protocol.id)
                .replace("%2", str(index + 1))
            )
        elif c.state in ACTIVE:
            self.banner.show_message(
                self.tr(
                    "%1 is valid now. It opens when this session is over (File ▸ Open)."
                ).replace("%1", protocol.path.name if protocol.path else protocol.id),
                colours=self.window.colours,
            )
        else:
            self.banner.hide()
            self.window.load_protocol(protocol)

    def on_failed(self, problems: list[Problem]) -> None:
        """A broken save: show where, keep the last good version and the session."""
        name = self.watcher.path.name if self.watcher.path else ""
        self._problems(
            self.tr("The saved %1 has problems; the last good version stays on screen:").replace(
                "%1", name
            ),
            problems,
        )

    def _protocol_changed(self, protocol: Protocol) -> None:
        """Another protocol was chosen: stop watching the old file."""
        watched = self.watcher.path
        if watched is None:
            return
        if protocol.path is None or protocol.path.resolve() != watched:
            self.watcher.stop()
            self.banner.hide()

    # ---- new, import, export -------------------------------------------------------------

    def new_from_template(self) -> Path | None:
        pid = self.ask_text(
            self.tr("New protocol"),
            self.tr("An id for the new protocol (lowercase letters, digits and hyphens):"),
        )
        if pid is None:
            return None
        pid = pid.strip()
        if not ID_RE.fullmatch(pid) or len(pid) > 64:
            self.banner.show_message(
                self.tr(
                    "'%1' cannot be an id: use lowercase letters, digits and single hyphens, "
                    "e.g. neck-and-shoulders."
                ).replace("%1", pid),
                colours=self.window.colours,
            )
            return None
        try:
            path = authoring.new_from_template(self.window.data_dir, pid)
        except OSError as exc:
            self.banner.show_message(
                self.tr("Could not create the protocol: %1").replace("%1", str(exc)),
                colours=self.window.colours,
            )
            return None
        self.open_path(path)
        self.open_url(QUrl.fromLocalFile(str(path)))
        self._status(
            self.tr("Created %1 and opened it in your editor; save it to see the changes.").replace(
                "%1", str(path)
            )
        )
        return path

    def import_file(self) -> Path | None:
        name = self.ask_open_path(self.tr("Import a protocol"), self.tr("Protocols (*.yaml *.yml)"))
        if not name:
            return None
        source = Path(name)
        try:
            protocol, target = authoring.import_protocol(source, self.window.data_dir)
        except DocumentError as exc:
            self._problems(
                self.tr("%1 was not imported; it has problems:").replace("%1", source.name),
                exc.problems,
            )
            return None
        except OSError as exc:
            self.banner.show_message(
                self.tr("%1 was not imported: %2")
                .replace("%1", source.name)
                .replace("%2", str(exc)),
                colours=self.window.colours,
            )
            return None
        self.banner.hide()
        self._status(
            self.tr("Imported “%1” into your protocols; choose it with Ctrl+L.").replace(
                "%1", protocol.title.get(self.window.lang)
            ),
            15000,
        )
        if self.window.controller.state not in ACTIVE:
            self.window.load_protocol(protocol)
        return target

    def export_file(self) -> Path | None:
        protocol = self.window.controller.protocol
        if protocol is None or protocol.path is None:
            self._status(self.tr("Open a protocol first."))
            return None
        name = self.ask_save_path(
            self.tr("Export protocol"),
            str(paths.documents_dir() / protocol.path.name),
            self.tr("Protocols (*.yaml)"),
        )
        if not name:
            return None
        try:
            target = authoring.export_protocol(protocol, Path(name))
        except (OSError, ValueError) as exc:
            self.banner.show_message(
                self.tr("Could not export: %1").replace("%1", str(exc)), colours=self.window.colours
            )
            return None
        self._status(self.tr("Exported to %1").replace("%1", str(target)))
        return target

    def export_handout(self) -> Path | None:
        protocol = self.window.controller.protocol
        if protocol is None:
            self._status(self.tr("Open a protocol first."))
            return None
        name = self.ask_save_path(
            self.tr("Export handout (PDF)"),
            str(paths.documents_dir() / f"{protocol.id}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        from massage_trainer.ui.classroom.handout import default_paper, write_handout

        try:
            pages = write_handout(protocol, target, paper=default_paper(), lang=self.window.lang)
        except OSError as exc:
            self.banner.show_message(
                self.tr("Could not write the handout: %1").replace("%1", str(exc)),
                colours=self.window.colours,
            )
            return None
        self._status(
            self.tr("Handout written: %1 (%2 pages)")
            .replace("%1", str(target))
            .replace("%2", str(pages))
        )
        return target
