"""Records what happens in the window into the session history (core.history), and shows it.

It listens to the session controller's events: a session is written the moment it begins, every
completed step at its boundary, pauses, resumes and pain stops as events, and how it ended. The
writes at step boundaries run just after the window has shown the new step, so a slow disk never
delays a cue. The optional before/after questions (receiver, pain 0-10, pain map, note) can be
skipped with Esc, and "don't ask again" is remembered in the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
)

from massage_trainer.core.history.log import PRACTISED, History, HistoryError, practised_detail
from massage_trainer.core.history.records import PRACTICE
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.headless import verdict_reasons
from massage_trainer.core.session.player import Event, EventKind, State
from massage_trainer.ui.history.before_ask import BeforeAsk
from massage_trainer.ui.history.receivers import AfterDialog, Before
from massage_trainer.ui.history.window import HistoryWindow
from massage_trainer.ui.session.course_label import CourseLabel
from massage_trainer.ui.session.history_writes import WRITE_ERRORS, HistoryWrites
from massage_trainer.ui.session.host import SessionHost

NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)
ASK_KEY = "history/ask_before"
RECEIVER_KEY = "history/receiver"


def stop_reason(detail: str) -> str:
    """The player's stop detail in the words kept with the session record."""
    return {
        "user": "stopped by the user",
        "pain": "pain",
        "closed": "window closed",
        "protocol-changed": "another protocol was chosen",
        "max-duration": "the protocol's time limit was reached",
    }.get(detail, detail or "stopped")


class SessionRecorder(QObject):
    """Writes one window's sessions to the history; shows the course place and the history page."""

    recorded = Signal(int)
    """A session record was closed (its id): the history page may refresh."""

    def __init__(
        self,
        window: SessionHost,
        history: History | None,
        *,
        ask: bool = False,
        today: Callable[[], date] = date.today,
        before_factory: Callable[..., QDialog] = BeforeAsk,
        after_factory: Callable[..., QDialog] = AfterDialog,
    ) -> None:
        super().__init__(window.as_widget())
        self.window, self.history = window, history
        self.settings: QSettings = window.settings
        self.ask, self.today = ask, today
        self.before_factory, self.after_factory = before_factory, after_factory
        self._mode = "guided"
        self.session_id: int | None = None
        self.dialog: QDialog | None = None
        self.history_window: HistoryWindow | None = None
        self._before: Before | None = None
        self._asked = False
        self._letting_through = False
        self._step_began: float | None = None
        self._paused_at: float | None = None
        self._paused_in_step = 0.0
        self._pain_hooked: object = None
        self.writes = HistoryWrites(self, window.notify_once, window.lang)
        self.course_label = CourseLabel(window.as_widget())
        window.as_widget().statusBar().insertPermanentWidget(0, self.course_label)
        inner = window.controller.gate
        window.controller.gate = lambda command: inner(command) or self._gate(command)
        window.controller.event.connect(self._on_event)
        if "history" in window.actions_.by_name:
            window.actions_["history"].triggered.connect(self.show_history)
        if history is not None:  # the recorder goes when its window goes
            self.destroyed.connect(lambda *_: history.close())
        clearance = getattr(window.safety_panel, "clearanceGiven", None)
        if clearance is not None:
            clearance.connect(self.record_clearance)
        self.update_course()
        self.refresh_holds()

    @property
    def mode(self) -> str:
        """'guided', or 'practice' while the practice mode drives the window."""
        return self._mode

    @mode.setter
    def mode(self, value: str) -> None:
        self._mode = value
        self.update_course()  # practice is not a session of the course: the status bar says so

    # ---- the before questions ------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self.history is not None and not self.history.read_only

    def asks_before(self) -> bool:
        return (
            self.ask
            and self.writable
            and str(self.settings.value(ASK_KEY, "true")).lower() != "false"
        )

    def _gate(self, command: str) -> str | None:
        """Start (Space, Ctrl+Enter) first asks the before questions, when they are wanted."""
        starting = command == "start" or (
            command == "toggle_pause" and self.window.controller.state in NOT_BEGUN
        )
        if not starting or self._letting_through or self._asked or not self.asks_before():
            return None
        self.ask_before()
        return self._before_hint()

    def _before_hint(self) -> str:
        return self.tr("Before the session: answer the questions, or press Skip (Esc).")

    def _back_to_window(self) -> None:
        """A dialog closed: the keys go to the window again (a → right after Continue moves on)
        and the status bar's hint about the dialog goes with it."""
        main = self.window.as_widget()
        if main.statusBar().currentMessage() == self._before_hint():
            main.statusBar().clearMessage()
        main.activateWindow()

    def ask_before(self) -> None:
        """Open the before questions (window-modal, never blocking the event loop)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        assert self.history is not None
        dialog = self.before_factory(self.history, self.window.as_widget(), lang=self.window.lang)
        picker = getattr(dialog, "picker", None)
        rid = self._remembered_receiver()
        if picker is not None and rid is not None:
            picker.reload(select=rid)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result, d=dialog: self._before_done(d, result))
        self.dialog = dialog
        dialog.open()

    def _before_done(self, dialog: QDialog, result: int) -> None:
        self.dialog = None
        self._back_to_window()
        dont_ask = getattr(dialog, "dont_ask", None)
        if dont_ask is not None and dont_ask.isChecked():
            self.settings.setValue(ASK_KEY, False)
        if result == QDialog.DialogCode.Accepted:
            values = dialog.result_values()  # type: ignore[attr-defined]
            self._before = values
            self.settings.setValue(
                RECEIVER_KEY, -1 if values.receiver_id is None else values.receiver_id
            )
        self._asked = True
        self.update_course()
        self.refresh_holds()  # the receiver chosen now: their "see a doctor first" stops apply
        self._letting_through = True
        try:
            self.window.controller.start()
        finally:
            self._letting_through = False

    def _remembered_receiver(self) -> int | None:
        if self._before is not None:
            return self._before.receiver_id
        try:
            rid = int(str(self.settings.value(RECEIVER_KEY, -1)))
        except ValueError:
            return None
        return None if rid < 0 else rid

    # ---- recording -----------------------------------------------------------------------

    def _on_event(self, e: Event) -> None:
        kind = e.kind
        if self.session_id is None:
            if kind in (EventKind.GET_READY, EventKind.STEP_STARTED) and self._active():
                self._begin()
            if self.session_id is None:
                return
        sid = self.session_id
        if kind is EventKind.STEP_STARTED:
            self._step_began, self._paused_in_step = e.at, 0.0
            if self._paused_at is not None:  # moved on while paused: the new step starts paused
                self._paused_at = e.at
        elif kind is EventKind.STEP_COMPLETED:
            self._step_done(sid, e)
        elif kind is EventKind.PAUSED:
            self._paused_at = e.at
            self.writes.later(lambda: self._write().note_event(sid, "pause", e.detail))
        elif kind is EventKind.RESUMED:
            if self._paused_at is not None:
                self._paused_in_step += max(0.0, e.at - self._paused_at)
            self._paused_at = None
            self.writes.later(lambda: self._write().note_event(sid, "resume", e.detail))
        elif kind in (EventKind.STEP_SKIPPED, EventKind.MAX_DURATION):
            self._practised_piece(sid, e)
            self.writes.later(lambda: self._write().note_event(sid, str(kind), e.detail))
        elif kind is EventKind.FINISHED:
            self._end(sid, "completed", "")
        elif kind is EventKind.STOPPED:
            self._practised_piece(sid, e)
            self._end(sid, "stopped", stop_reason(e.detail), ask_after=e.detail != "closed")

    def _active(self) -> bool:
        return self.writable and self.window.controller.state not in NOT_BEGUN

    def _begin(self) -> None:
        c = self.window.controller
        protocol: Protocol = c.protocol
        panel = self.window.safety_panel
        answers: dict[str, object] = dict(panel.answers()) if hasattr(panel, "answers") else {}
        verdict = panel.verdict() if hasattr(panel, "verdict") else None
        before = self._before or Before(self._remembered_receiver(), None, (), False)
        self._hook_pain()
        sid = self.writes.guard(
            lambda: self._write().begin_session(
                protocol_id=protocol.id,
                protocol_version=protocol.version,
                answers=answers,
                verdict=str(verdict.kind) if verdict is not None else "unchecked",
                verdict_reasons=verdict_reasons(verdict, self.window.lang) if verdict else (),
                receiver_id=before.receiver_id,
                pain_before=before.pain_before,
                pain_map=before.pain_map,
                mode=self.mode,
                new_course=before.new_course,
            )
        )
        self.session_id = sid if isinstance(sid, int) else None
        self._step_began, self._paused_at, self._paused_in_step = None, None, 0.0

    def _step_done(self, sid: int, e: Event) -> None:
        protocol: Protocol = self.window.controller.protocol
        if not 0 <= e.step_index < len(protocol.steps):
            return
        step = protocol.steps[e.step_index]
        began = e.at if self._step_began is None else self._step_began
        seconds = max(0.0, e.at - began - self._paused_in_step)
        self.writes.later(
            lambda: self._write().step_completed(
                sid, e.step_index, step.id, str(step.technique), seconds
            )
        )

    def _practised_piece(self, sid: int, e: Event) -> None:
        """In practice mode a step left early still counts toward the minutes per technique."""
        protocol: Protocol | None = self.window.controller.protocol
        if self.mode != "practice" or self._step_began is None or protocol is None:
            return
        if not 0 <= e.step_index < len(protocol.steps):
            return
        paused = self._paused_in_step
        if self._paused_at is not None:
            paused += max(0.0, e.at - self._paused_at)
        seconds = max(0.0, e.at - self._step_began - paused)
        self._step_began = None
        if seconds <= 0:
            return
        detail = practised_detail(str(protocol.steps[e.step_index].technique), seconds)
        self.writes.later(lambda: self._write().note_event(sid, PRACTISED, detail))

    def _end(self, sid: int, status: str, reason: str, *, ask_after: bool = True) -> None:
        self.writes.later(lambda: self._write().end_session(sid, status, reason))
        self.writes.flush()
        self.session_id, self._asked = None, False
        before, self._before = self._before, None
        self.update_course()
        self.recorded.emit(sid)
        if self.history_window is not None:
            self.history_window.view.refresh()
        if ask_after and self.ask and self.writable:
            self.ask_after(sid, before.pain_before if before else None)

    def ask_after(self, sid: int, pain_before: int | None) -> None:
        """After the massage: pain now and a free note (Esc leaves them empty)."""
        dialog = self.after_factory(pain_before, self.window.as_widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._after_done(sid, d))
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._after_closed())
        dialog.open()

    def _after_closed(self) -> None:
        self.dialog = None
        self._back_to_window()

    def _after_done(self, sid: int, dialog: QDialog) -> None:
        pain, note = dialog.result_values()  # type: ignore[attr-defined]
        self.writes.guard(lambda: self._write().set_after(sid, pain, note))

    def note_pain(self, report: Any) -> None:
        """The safety wiring's pain report, kept as a pain-stop event with what was said; a
        warning sign is kept as a "see a doctor first" stop for the receiver."""
        sid = self.session_id
        detail = report.detail() if hasattr(report, "detail") else str(report)
        if sid is not None:
            self.writes.later(lambda: self._write().note_event(sid, "pain-stop", detail))
            self.writes.flush()
        if getattr(report, "see_doctor", False) and self.writable:
            reason = " ".join(getattr(report, "reasons", ())) or self.tr(
                "A warning sign during the massage."
            )
            rid = self._remembered_receiver()
            self.writes.guard(lambda: self._write().add_hold(rid, reason, detail, sid))
            self.refresh_holds()

    # ---- "see a doctor first" ------------------------------------------------------------

    def refresh_holds(self) -> None:
        """Give the safety panel the open stops of the receiver of the next session."""
        set_holds = getattr(self.window.safety_panel, "set_holds", None)
        if self.history is None or not callable(set_holds):
            return
        history, rid = self.history, self._remembered_receiver()
        holds = self.writes.guard(lambda: history.open_holds(rid))
        if isinstance(holds, list):
            set_holds(holds)

    def record_clearance(self, note: str) -> None:
        """A doctor's clearance, given in the safety panel: kept in the history with who said so."""
        if self.writable:
            rid = self._remembered_receiver()
            self.writes.guard(lambda: self._write().clear_holds(rid, note))
        self.refresh_holds()

    def _hook_pain(self) -> None:
        wiring = getattr(self.window.safety_panel, "wiring", None)
        if wiring is not None and wiring is not self._pain_hooked:
            wiring.painReported.connect(self.note_pain)
            self._pain_hooked = wiring

    # ---- writing -------------------------------------------------------------------------

    def _write(self) -> History:
        assert self.history is not None
        return self.history

    def flush(self) -> None:
        """Write everything queued, now."""
        self.writes.flush()

    # ---- the course and the history page -------------------------------------------------

    def update_course(self) -> None:
        """'Session N of this course' for the receiver of the next (or current) session."""
        running, practice = self.session_id is not None, self._mode == PRACTICE
        rid = self._remembered_receiver()
        self.course_label.show_for(self.history, rid, running, self.today(), practice=practice)

    def show_history(self) -> None:
        if self.history is None:
            self.window.notify_once(self.tr("The session history is not available."))
            return
        if self.history_window is None:
            self.history_window = HistoryWindow(
                self.history, self.window.lang, self.window.as_widget()
            )
            self.history_window.view.set_theme(self.window.theme)
        else:
            self.history_window.view.refresh()
        self.history_window.show()
        self.history_window.raise_()


def install(window: SessionHost, *, ask: bool = False) -> SessionRecorder:
    """Open the history in the window's data folder (telling once what was repaired) and record."""
    history: History | None = None
    try:
        history, notice = History.open(window.data_dir)
    except HistoryError as exc:  # says what is wrong, that nothing is recorded, and what to do
        window.notify_once(exc.message(window.lang))
    except WRITE_ERRORS as exc:
        window.notify_once(
            QCoreApplication.translate("SessionRecorder", "Sessions are not recorded: %1").replace(
                "%1", str(exc)
            )
        )
    else:
        if notice:
            window.notify_once(notice.get(window.lang))
    return SessionRecorder(window, history, ask=ask)
