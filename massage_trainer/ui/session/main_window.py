"""The main window: the diagram in the middle, the step panel beside it, timeline and controls below.

It only shows and forwards: every session command goes through the SessionController's gate, and
what happens next is decided by the core player. Features beside the session (classroom tools,
the session log, the safety check) attach through its public methods (host.SessionHost lists
them); ui/app.py builds and connects them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from massage_trainer.core.session.player import Event, EventKind, State
from massage_trainer.ui.base import i18n, window_style
from massage_trainer.ui.session import icons, opening, window_actions
from massage_trainer.ui.session.controller import SessionController
from massage_trainer.ui.session.cue_switches import CueSwitches
from massage_trainer.ui.session.cues import Cues
from massage_trainer.ui.session.host import FileOpener
from massage_trainer.ui.session.safety_gate import SafetyGate
from massage_trainer.ui.session.screen_fit import ScreenFit
from massage_trainer.ui.session.session_view import SessionView
from massage_trainer.ui.session.startup import AfterFirstPaint

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)


class MainWindow(QMainWindow):
    """Follow a protocol step by step, hands-free once started."""

    firstPainted = Signal()  # noqa: N815 (Qt signal naming)
    painStopRequested = Signal()  # noqa: N815 (Qt signal naming)
    """Emitted after pain_stop() paused the session; the safety panel asks what happened."""
    closing = Signal()
    """The window is closing (before the session is shut down): features tidy up."""

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
        self.confirm = self._ask_confirmation
        self.startup = AfterFirstPaint(self, self._start_first, self._start_done)
        self._icons_paused = False
        self._presenting = False
        self.app_style = window_style.AppStyle()  # styled before the widgets exist: no re-polish
        self.theme = "light"
        self.colours = self.app_style.use(str(settings.value("view/theme", "light")))
        self.setWindowTitle(self.tr("Massage Trainer"))
        self.setWindowIcon(icons.app_icon())
        self.actions_ = window_actions.build(self)
        view_menu = self.menu("view")
        assert view_menu is not None
        i18n.add_language_menu(self, settings, view_menu)
        self.view = SessionView(self, self.actions_, lang, _saved(settings, "window/splitter"))
        self.setCentralWidget(self.view)
        self.screen_fit = ScreenFit(self, self.view)  # within the screen at any scale
        self.statusBar().addPermanentWidget(self.view.state_label)
        self.statusBar().addPermanentWidget(self.view.elapsed_label)
        self.cue_switches = CueSwitches(
            self, cues, self.actions_, settings, lambda: self.view.notices
        )
        self.opener: FileOpener = opening.PlainOpener(self, self.load_protocol)
        self.safety_gate = SafetyGate(
            self,
            controller,
            started=lambda: self.startup.started,
            changed=self._refresh_actions,
            load=self.load_protocol,
            notify=lambda text: self.notify_once(text, key=None),
            data_dir=data_dir,
        )
        self._wire()
        controller.gate = self.safety_gate.gate
        self._restore_settings()
        self._refresh_actions()
        self.view.panel.show_opening()  # until the first protocol is read, after the first paint

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
        for name, act in a.themes.items():
            act.triggered.connect(lambda _=False, n=name: self.set_theme(n))
        for k, act in a.speeds.items():
            act.triggered.connect(lambda _=False, k=k: c.set_speed(k))
        c.event.connect(self._on_event)
        c.stepMoved.connect(self._show_step)  # before a session: title, timer and diagram agree
        c.frame.connect(self._on_frame)
        c.stateChanged.connect(lambda _s: self._refresh_actions())
        c.protocolChanged.connect(self._on_protocol)
        c.refused.connect(lambda _cmd, why: self.show_status(why, 8000))
        self.view.timeline.stepClicked.connect(c.jump_to)
        self.view.controls.playClicked.connect(lambda: self._play_action().trigger())
        self.view.zoneHovered.connect(self._zone_hovered)
        self.cues.notice.connect(self.notify_once)
        self.cues.flashRequested.connect(self._flash)

    def _zone_hovered(self, zone_id: str) -> None:
        if zone_id:
            self.show_status(self.view.zone_name(zone_id), 3000)

    # ---- what features use (host.SessionHost) ----------------------------------------------

    def as_widget(self) -> QMainWindow:
        return self

    def menu(self, name: str) -> QMenu | None:
        found = self.menuBar().findChild(QMenu, f"menu_{name}")
        return found if isinstance(found, QMenu) else None

    def add_banner(self, banner: QWidget) -> None:
        self.view.add_banner(banner)

    def set_untimed(self, on: bool) -> None:
        self.view.panel.untimed = on
        self.view.panel.update_clock(self.controller.player)

    def set_file_opener(self, opener: FileOpener) -> None:
        self.opener = opener

    def show_status(self, text: str, ms: int = 10000) -> None:
        self.statusBar().showMessage(text, ms)

    def notify_once(self, text: str, key: str | None = "") -> None:
        """Tell the person something once per run (missing sound, speech...), in a banner."""
        if self.view.notify_once(text, key):
            self.show_status(text)

    # ---- the safety check -----------------------------------------------------------------

    @property
    def safety_panel(self) -> QWidget | None:
        """The docked safety check, once it is built (ui/app.py docks it after the first paint)."""
        return self.safety_gate.panel

    def attach_safety_panel(self, panel: QWidget) -> None:
        """Dock the safety panel on the left; Start then follows its verdict."""
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, panel)  # type: ignore[call-overload]
        self.safety_gate.attach(panel, self, self.theme)
        self.screen_fit.arrange(force=True)

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
        self.show_status(self.tr("Paused for pain. Ask how the receiver feels."))
        self.painStopRequested.emit()

    def _ask_confirmation(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # dialogs load after the first paint

        answer = QMessageBox.question(self, self.tr("Massage Trainer"), text)
        return answer == QMessageBox.StandardButton.Yes

    def show_keys(self) -> None:
        from massage_trainer.ui.session.about import show_keys  # dialogs load after the first paint

        show_keys(self)

    def show_about(self) -> None:
        from massage_trainer.ui.session.about import show_about

        show_about(self)

    # ---- protocols -----------------------------------------------------------------------

    def load_protocol(self, protocol: Protocol) -> None:
        self.controller.load(protocol)

    def show_no_protocol(self) -> None:
        """No protocol could be opened at start: ask the person to choose one."""
        self.view.panel.show_step(None, 0)

    def choose_protocol(self) -> None:
        chosen = opening.choose(self, self.data_dir, self.controller.protocol, self.lang)
        if chosen is not None:
            self.load_protocol(chosen)

    def open_protocol_file(self) -> None:
        self.opener.open_file()

    def open_path(self, path: Path) -> bool:
        return self.opener.open_path(path)

    def _on_protocol(self, protocol: Protocol) -> None:
        title = protocol.title.get(self.lang)
        self.setWindowTitle(self.tr("%1 — Massage Trainer").replace("%1", title))
        player = self.controller.player  # a live reload keeps the step
        self.view.show_protocol(protocol, self.lang, player.step_index if player else 0)
        self.settings.setValue(
            "session/protocol", str(protocol.path) if protocol.path else protocol.id
        )
        self._refresh_actions()

    # ---- session events ------------------------------------------------------------------

    def _on_event(self, e: Event) -> None:
        player = self.controller.player
        assert player is not None
        self.cues.on_event(e, player)
        if e.kind in (EventKind.STEP_STARTED, EventKind.GET_READY):
            self._show_step(e.step_index)  # a new session's lead-in shows step 1, not the last
        elif e.kind is EventKind.MAX_DURATION:
            self.notify_once(
                self.tr(
                    "The time limit is reached (%1 of massage on the body, whatever the speed): "
                    "the session has ended."
                ).replace("%1", e.detail),
                key=None,
            )
        elif e.kind is EventKind.FINISHED:
            self.view.show_finished()
            self.show_status(self.tr("Session complete."), 15000)
        elif e.kind is EventKind.STOPPED and e.detail == "user":
            self.show_status(self.tr("Session stopped."), 15000)

    def _show_step(self, index: int) -> None:
        player = self.controller.player
        if player is not None:
            self.view.show_step(player.protocol, index)

    def _on_frame(self, t: float) -> None:
        player = self.controller.player
        if player is not None:
            self.view.show_frame(player, t, self.controller.clock.now())

    def _flash(self) -> None:
        self.view.flash(self.controller.clock.now())

    def _play_action(self) -> QAction:
        """Start before the session begins, pause/resume after: one big button for both."""
        begun = self.controller.state not in NOT_BEGUN
        return self.actions_["pause" if begun else "start"]

    def _sync_play_button(self) -> None:
        state = self.controller.state
        self.view.controls.show_play(state not in NOT_BEGUN, state is State.PAUSED, self.colours)

    def _refresh_actions(self) -> None:
        state = self.controller.state
        loaded = self.controller.player is not None
        window_actions.follow_state(self.actions_, state, loaded, self.safety_gate.may_start())
        paused = state is State.PAUSED
        if paused != self._icons_paused:
            self._apply_icons(paused)
        self._sync_play_button()
        self.view.show_state(state, self.controller.player)

    # ---- view ----------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = name if name in window_style.THEME_NAMES else "light"
        self.colours = self.app_style.use(self.theme)
        self._apply_icons(self.controller.state is State.PAUSED)
        self.actions_.themes[self.theme].setChecked(True)
        self.view.set_theme(self.theme)
        self.safety_gate.set_theme(self.theme)
        self.settings.setValue("view/theme", self.theme)

    def _apply_icons(self, paused: bool) -> None:
        self._icons_paused = paused
        self.view.controls.show_icons(self.colours, paused)
        self._sync_play_button()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: B blanks the audience screen only, the instructor keeps the diagram."""
        self._presenting = on
        self.view.set_blank(self.actions_["blank"].isChecked() and not on)

    def set_blank(self, on: bool) -> None:
        self.view.set_blank(on and not self._presenting)
        if self.actions_["blank"].isChecked() != on:
            self.actions_["blank"].setChecked(on)
        if not on:
            self._on_frame(self.controller.player.step_time() if self.controller.player else 0.0)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _set_labels(self, on: bool) -> None:
        self.view.set_labels(on)
        self.settings.setValue("view/labels", on)

    # ---- start-up: the first paint, then the rest ----------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.startup.on_paint():
            self.firstPainted.emit()

    def add_deferred(self, job: Callable[[], None]) -> None:
        """Work to do right after the first paint (it runs at once if that already happened)."""
        self.startup.add(job)

    def finish_startup(self) -> None:
        """Do now what waits for the first paint (tests and headless renders call it)."""
        self.startup.run()

    def _start_first(self) -> None:
        """Before the queued jobs (the protocol first among them): the keys."""
        window_actions.install_shortcuts(self.actions_)
        self.view.controls.protocol_button.setToolTip(self.actions_["choose"].toolTip())

    def _start_done(self) -> None:
        """After the queued jobs: the diagram and the timeline for the protocol now open, the
        commands follow the state, and the cue back-ends come up last."""
        a = self.actions_
        self.view.install_body_view(
            blanked=a["blank"].isChecked(), theme=self.theme, labels=a["labels"].isChecked()
        )
        player = self.controller.player
        if player is not None:
            self._show_step(player.step_index)
            self._on_frame(player.step_time())
        self.view.timeline.build()
        self.view.timeline.set_theme(self.theme)
        self._refresh_actions()
        self.cues.prepare()

    # ---- settings and lifetime -----------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        self.screen_fit.restore(_saved(s, "window/geometry"))
        state = _saved(s, "window/state")
        if not state.isEmpty():
            self.restoreState(state)
        self.set_theme(str(s.value("view/theme", "light")))
        self.actions_["labels"].setChecked(str(s.value("view/labels", "false")).lower() == "true")
        self.cue_switches.restore()

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.view.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_settings()
        self.controller.shutdown()
        super().closeEvent(event)


def _saved(settings: QSettings, key: str) -> QByteArray:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) else QByteArray()
