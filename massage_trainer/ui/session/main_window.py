"""The main window: the diagram in the middle, the step panel beside it, timeline and controls below.

It only shows and forwards: every session command goes through the SessionController's gate, and
what happens next is decided by the core player.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QWidget,
)

from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.player import Event, EventKind, State
from massage_trainer.ui.base import i18n
from massage_trainer.ui.session import window_actions
from massage_trainer.ui.session.controller import SessionController
from massage_trainer.ui.session.cues import Cues
from massage_trainer.ui.session.step_panel import clock_text
from massage_trainer.ui.session.window_layout import WindowLayoutMixin, elide_right
from massage_trainer.ui.session.window_view import WindowViewMixin

if TYPE_CHECKING:
    from massage_trainer.ui.classroom.features import Classroom

FLASH_S = 0.6
NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)


class MainWindow(WindowLayoutMixin, WindowViewMixin, QMainWindow):
    """Follow a protocol step by step, hands-free once started."""

    firstPainted = Signal()  # noqa: N815 (Qt signal naming)
    painStopRequested = Signal()  # noqa: N815 (Qt signal naming)
    """Emitted after pain_stop() paused the session; the safety panel asks what happened."""

    def __init__(
        self,
        controller: SessionController,
        cues: Cues,
        settings: QSettings,
        data_dir: Path,
        lang: str = "en",
    ) -> None:
        super().__init__()
        self.controller, self.cues, self.settings = controller, cues, settings
        self.data_dir, self.lang = data_dir, lang
        self.safety_panel: QWidget | None = None
        self.confirm = self._ask_confirmation
        self._painted = False
        self._started = False
        self._deferred: list[Callable[[], None]] = []
        self._icons_paused = False
        self._styled: str | None = None
        """The theme whose palette and style sheet the application has (window_view.set_theme)."""
        self.colours = self._style_app(str(settings.value("view/theme", "light")))
        self._notices: set[str] = set()
        self._elapsed_shown: tuple[str, int] = ("", 0)
        self.theme = "light"
        self.setWindowTitle(self.tr("Massage Trainer"))
        self.setWindowIcon(window_actions.app_icon())
        window_actions.set_icon_cache(data_dir / "cache" / "icons")
        self.setMinimumSize(960, 560)
        self.actions_ = window_actions.build(self)
        i18n.add_language_menu(self, settings, self.menuBar().findChild(QMenu, "menu_view"))
        self._build_body()
        self._wire()
        controller.gate = self._gate
        self._restore_settings()
        self._refresh_actions()
        self.classroom: Classroom | None = None  # presenter, practice, authoring
        self.add_deferred(self._install_classroom)

    def _wire(self) -> None:
        a, c = self.actions_, self.controller
        a["start"].triggered.connect(self.start)
        a["pause"].triggered.connect(self.play_pause)
        a["next"].triggered.connect(c.next)
        a["previous"].triggered.connect(c.previous)
        a["restart"].triggered.connect(c.restart_step)
        a["stop"].triggered.connect(self.stop_with_confirmation)
        a["pain"].triggered.connect(self.pain_stop)
        a["choose"].triggered.connect(self.choose_protocol)
        a["open"].triggered.connect(self.open_protocol_file)
        a["quit"].triggered.connect(self.close)
        a["fullscreen"].toggled.connect(self.set_full_screen)
        a["blank"].toggled.connect(self.set_blank)
        a["labels"].toggled.connect(self._set_labels)
        a["loop"].toggled.connect(c.set_loop_step)
        a["keys"].triggered.connect(self.show_keys)
        a["about"].triggered.connect(self.show_about)
        a["cue_settings"].triggered.connect(self.edit_cues)
        for name in ("chime", "metronome", "voice", "flash"):
            a[name].toggled.connect(lambda on, n=name: self._set_cue(n, on))
        for name, act in a.themes.items():
            act.triggered.connect(lambda _=False, n=name: self.set_theme(n))
        for k, act in a.speeds.items():
            act.triggered.connect(lambda _=False, k=k: c.set_speed(k))
        c.event.connect(self._on_event)
        c.frame.connect(self._on_frame)
        c.stateChanged.connect(lambda _s: self._refresh_actions())
        c.protocolChanged.connect(self._on_protocol)
        c.refused.connect(lambda _cmd, why: self.statusBar().showMessage(why, 8000))
        self.timeline.stepClicked.connect(c.jump_to)
        self.cues.notice.connect(self.notify_once)
        self.cues.flashRequested.connect(self._flash)

    # ---- the safety hook -----------------------------------------------------------------

    def attach_safety_panel(self, panel: QWidget) -> None:
        """Dock the safety panel on the left; Start then follows its verdict."""
        self.safety_panel = panel
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, panel)  # type: ignore[arg-type]
        set_protocol = getattr(panel, "set_protocol", None)
        if callable(set_protocol):
            set_protocol(self.controller.protocol)
            self.controller.protocolChanged.connect(set_protocol)
        set_theme = getattr(panel, "set_theme", None)
        if callable(set_theme):
            set_theme(self.theme)
        verdict = getattr(panel, "verdictChanged", None)
        if verdict is not None:
            verdict.connect(lambda _v: self._refresh_actions())
        adapt = getattr(panel, "adaptRequested", None)
        if adapt is not None:
            adapt.connect(self._adapt_to)
        attach = getattr(panel, "attach_to", None)
        if callable(attach):
            attach(self)  # the panel's own wiring: pain questions, pausing when the verdict turns
        self._refresh_actions()

    def _adapt_to(self, protocol_id: str) -> None:
        """The safety rules want another protocol (e.g. the pregnancy one): load it."""
        current = self.controller.protocol
        if current is not None and current.id == protocol_id:
            return
        from massage_trainer.core.protocol import catalog
        from massage_trainer.core.protocol.yamlsafe import DocumentError

        try:
            self.load_protocol(catalog.resolve(protocol_id, self.data_dir))
        except (catalog.NotFound, DocumentError, OSError) as exc:
            self.notify_once(
                self.tr("Could not open %1: %2").replace("%1", protocol_id).replace("%2", str(exc))
            )

    def _start_allowed(self) -> bool:
        """May a session start now? The safety panel decides; without one, yes."""
        if not self._started:
            return False
        if self.safety_panel is None:
            return True
        may_start = getattr(self.safety_panel, "may_start", None)
        return bool(may_start()) if callable(may_start) else True

    def _gate(self, command: str) -> str | None:
        """Every session command comes here: nothing starts or goes on while the safety check says no."""
        if command in ("stop", "pause") or self._start_allowed():
            return None
        state = self.controller.state
        pausing = command == "toggle_pause" and state is not State.PAUSED
        if command == "start" or (state not in NOT_BEGUN and not pausing):
            return self.tr("Locked by the safety check: see the Safety check panel on the left.")
        return None

    # ---- commands ------------------------------------------------------------------------

    def start(self) -> None:
        self.controller.start()

    def play_pause(self) -> None:
        """Space: start when nothing runs yet, otherwise pause or resume."""
        if self.controller.state in NOT_BEGUN:
            self.start()
        else:
            self.controller.toggle_pause()

    def stop_with_confirmation(self) -> None:
        if self.controller.state in NOT_BEGUN:
            self.set_blank(False)
            return
        if self.confirm(self.tr("Stop this session now?")):
            self.controller.stop("user")

    def pain_stop(self) -> None:
        """The receiver feels pain: pause immediately, then let the safety panel ask about it."""
        if self.controller.state in (State.GET_READY, State.RUNNING, State.WAITING):
            self.controller.pause()
        self.statusBar().showMessage(self.tr("Paused for pain. Ask how the receiver feels."), 10000)
        self.painStopRequested.emit()

    def _ask_confirmation(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # dialogs load after the first paint

        answer = QMessageBox.question(self, self.tr("Massage Trainer"), text)
        return answer == QMessageBox.StandardButton.Yes

    # ---- protocols -----------------------------------------------------------------------

    def load_protocol(self, protocol: Protocol) -> None:
        self.controller.load(protocol)

    def choose_protocol(self) -> None:
        from massage_trainer.core.protocol import catalog
        from massage_trainer.ui.session.picker import ProtocolPicker

        current = self.controller.protocol
        picker = ProtocolPicker(
            catalog.scan(self.data_dir), current.id if current else None, self.lang, self
        )
        if picker.exec() and (entry := picker.selected()) is not None and entry.protocol:
            self.load_protocol(entry.protocol)

    def open_protocol_file(self) -> None:
        if self.classroom is not None:  # opens, shows problems in a banner and watches the file
            self.classroom.authoring.open_file()
            return
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open protocol"), str(Path.home()), self.tr("Protocols (*.yaml *.yml)")
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        if self.classroom is not None:
            return self.classroom.authoring.open_path(path)
        from massage_trainer.core.protocol import loader
        from massage_trainer.core.protocol.yamlsafe import DocumentError

        try:
            protocol = loader.load(path)
        except DocumentError as exc:
            lines = "\n".join(str(p) for p in exc.problems[:12])
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,
                self.tr("This protocol cannot be used"),
                self.tr("%1 has problems:\n\n%2").replace("%1", path.name).replace("%2", lines),
            )
            return False
        self.load_protocol(protocol)
        return True

    def _on_protocol(self, protocol: Protocol) -> None:
        title = protocol.title.get(self.lang)
        self.setWindowTitle(self.tr("%1 — Massage Trainer").replace("%1", title))
        metrics = self.protocol_button.fontMetrics()
        self.protocol_button.setText(elide_right(metrics, title, 240))
        self.protocol_button.setToolTip(self.tr("%1 (Ctrl+L: choose another)").replace("%1", title))
        self.progress.setRange(0, len(protocol.steps))
        self.timeline.set_protocol(protocol, self.lang)
        player = self.controller.player
        self._show_step(player.step_index if player is not None else 0)  # a live reload keeps it
        self.settings.setValue(
            "session/protocol", str(protocol.path) if protocol.path else protocol.id
        )
        self._refresh_actions()

    # ---- session events ------------------------------------------------------------------

    def _on_event(self, e: Event) -> None:
        player = self.controller.player
        assert player is not None
        self.cues.on_event(e, player)
        if e.kind is EventKind.STEP_STARTED:
            self._show_step(e.step_index)
        elif e.kind is EventKind.MAX_DURATION:
            self.notify_once(
                self.tr("This protocol's time limit (%1) is reached: the session stopped.").replace(
                    "%1", e.detail
                ),
                key=None,
            )
        elif e.kind is EventKind.FINISHED:
            self.progress.setValue(self.progress.maximum())
            self.statusBar().showMessage(self.tr("Session complete."), 15000)
        elif e.kind is EventKind.STOPPED and e.detail == "user":
            self.statusBar().showMessage(self.tr("Session stopped."), 15000)

    def _show_step(self, index: int) -> None:
        player = self.controller.player
        if player is None:
            return
        step = player.protocol.steps[index]
        self.panel.show_step(player.protocol, index)
        if hasattr(self.body_view, "set_step"):
            self.body_view.set_step(step)
        self.progress.setValue(index)

    def _on_frame(self, t: float) -> None:
        player = self.controller.player
        if player is None:
            return
        if hasattr(self.body_view, "set_time") and self.stack.currentIndex() == 0:
            self.body_view.set_time(t)
        self.panel.set_now(self.controller.clock.now())
        self.panel.update_clock(player)
        self.timeline.set_now(player.step_index, t)
        shown = (clock_text(player.session_elapsed_s()), id(player.protocol))
        if shown != self._elapsed_shown:  # once a second, not every frame
            self._elapsed_shown = shown
            elapsed = self.tr("%1 of about %2").replace("%1", shown[0])
            self.elapsed_label.setText(elapsed.replace("%2", clock_text(player.protocol.planned_s)))

    def _flash(self) -> None:
        now = self.controller.clock.now()
        self.panel.flash(now + FLASH_S, now)

    def _refresh_actions(self) -> None:
        a, state = self.actions_, self.controller.state
        loaded = self.controller.player is not None
        begun = state not in NOT_BEGUN
        a["start"].setEnabled(loaded and not begun and self._start_allowed())
        a["pause"].setEnabled(loaded and (begun or self._start_allowed()))
        for name in ("next", "previous", "restart"):
            a[name].setEnabled(loaded and state not in (State.FINISHED, State.STOPPED))
        a["stop"].setEnabled(begun)
        paused = state is State.PAUSED
        a["pause"].setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        if paused != self._icons_paused:
            self._apply_icons(paused)
        self._sync_play_button()
        names = {
            State.IDLE: self.tr("Ready"),
            State.GET_READY: self.tr("Get ready"),
            State.RUNNING: self.tr("Running"),
            State.PAUSED: self.tr("Paused"),
            State.WAITING: self.tr("Waiting for Next"),
            State.FINISHED: self.tr("Finished"),
            State.STOPPED: self.tr("Stopped"),
        }
        self.state_label.setText(names[state])
        self.panel.update_clock(self.controller.player)
        if state is State.PAUSED:
            self.panel.clear_flash()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.controller.shutdown()
        super().closeEvent(event)
