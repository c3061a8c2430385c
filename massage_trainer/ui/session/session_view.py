"""What a session shows: the notice banner, the diagram (or the blank page), the step panel
beside it, the timeline and the control bar below, and the state and elapsed time in the status
bar. The main window feeds it the session's protocol, steps and frames.

Before the first paint the diagram is a plain placeholder; `install_body_view` puts the animated
BodyView in its place right after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.session.player import Player, State
from massage_trainer.ui.base.a11y import clock_words, step_words
from massage_trainer.ui.session.control_bar import ControlBar
from massage_trainer.ui.session.step_panel import StepPanel
from massage_trainer.ui.session.step_text import clock_text, pace_text
from massage_trainer.ui.session.timeline import Timeline
from massage_trainer.ui.session.window_actions import Actions

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

FLASH_S = 0.6
"""How long the step panel flashes when a step begins (the visual cue)."""
DIAGRAM_SHARE = 0.62
"""The diagram's share of the width at the first start; the step panel has the rest."""


class _Splitter(QSplitter):
    """A horizontal splitter that calls `on_first_width` once, when it is first laid out."""

    def __init__(self, parent: QWidget, on_first_width: Callable[[int], None]) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._on_first_width: Callable[[int], None] | None = on_first_width

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._on_first_width is not None and event.size().width() > 1:
            call, self._on_first_width = self._on_first_width, None
            call(event.size().width())
        super().resizeEvent(event)


def _placeholder(parent: QWidget) -> QWidget:
    label = QLabel(parent)
    label.setObjectName("diagramPlaceholder")
    return label


def _make_body_view(parent: QWidget) -> QWidget:
    """The animated body diagram, or a plain placeholder if it cannot load."""
    try:
        from massage_trainer.ui.diagram.view import BodyView, ZoneKeys
    except ImportError:
        return _placeholder(parent)
    view = BodyView(parent)
    ZoneKeys(view).setObjectName("zoneKeys")  # the zones by keyboard, the step in words
    return view


class SessionView(QWidget):
    """The central widget of the main window; the window fills it and keeps it in step."""

    zoneHovered = Signal(str)  # noqa: N815 (Qt signal naming)
    """The zone under the mouse on the diagram ("" when none)."""

    def __init__(
        self, parent: QWidget, actions: Actions, lang: str, splitter_state: QByteArray
    ) -> None:
        super().__init__(parent)
        self._splitter_state = splitter_state
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.body_view = _placeholder(self)
        self.blank = QWidget(self)
        self.blank.setObjectName("blank")
        self.blank.setAccessibleName(self.tr("Diagram blanked (press B to show it)"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.body_view)
        self.stack.addWidget(self.blank)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pace_badge = QLabel(self.stack)
        """On the diagram's top right while practising: "0.5× · loop" (hidden at full speed)."""
        self.pace_badge.setObjectName("paceBadge")
        self.pace_badge.setStyleSheet(
            "#paceBadge { background: rgba(20, 24, 28, 210); color: white; font-weight: 700;"
            " font-size: 16px; padding: 5px 12px; border-radius: 7px; }"
        )
        self.pace_badge.hide()
        self.stack.installEventFilter(self)
        self.panel = StepPanel(self)
        self.panel.lang = lang
        self.panel.setMinimumWidth(330)
        self.splitter = _Splitter(self, self._first_split)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.timeline = Timeline(self)
        # Diagram, step panel and timeline scroll when the window is smaller than they need (a
        # small screen, 200 % scaling); the control bar below them always stays in sight.
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("sessionScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget(self.scroll)
        content.setObjectName("sessionContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(0)
        inner.addWidget(self.splitter, 1)
        inner.addWidget(self.timeline)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        self.controls = ControlBar(self, actions)
        outer.addWidget(self.controls)
        self.state_label = QLabel(self)
        self.elapsed_label = QLabel(self)
        """Both go to the window's status bar."""
        self._elapsed_shown: tuple[str, int] = ("", 0)
        self._clock_said: tuple[object, ...] = ()
        self.notices: set[str] = set()
        """What the banner has told the person this run (each notice is shown once)."""

    def _first_split(self, width: int) -> None:
        """Share the splitter between diagram and panel when it first gets its width (before its
        children are shown, so the panel lays out its text once), unless a saved split exists."""
        if not self.splitter.restoreState(self._splitter_state):
            self.splitter.setSizes(
                [round(width * DIAGRAM_SHARE), round(width * (1 - DIAGRAM_SHARE))]
            )

    def set_narrow(self, narrow: bool) -> None:
        """Narrow (a small screen or large text): the step panel goes under the diagram."""
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def set_step_panel_shown(self, on: bool) -> None:
        """The step panel can be folded away to give the diagram the room."""
        self.panel.setVisible(on)

    def add_banner(self, banner: QWidget) -> None:
        """A bar above the diagram, under the notice banner."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, banner)

    def notify_once(self, text: str, key: str | None = "") -> bool:
        """Add `text` to the notice banner unless its `key` (the text itself by default; None:
        always) was shown this run. Notices of one run stay side by side. True when shown."""
        key = text if key == "" else key
        if not text or (key is not None and key in self.notices):
            return False
        if key is not None:
            self.notices.add(key)
        shown = [self.banner.text()] if not self.banner.isHidden() and self.banner.text() else []
        self.banner.setText("  ".join([*shown, text]))
        self.banner.show()
        return True

    def install_body_view(self, *, blanked: bool, theme: str, labels: bool) -> None:
        """Put the animated diagram in the placeholder's place."""
        view = _make_body_view(self.stack)
        view.setAccessibleName(self.tr("Body diagram with the hands of the current step"))
        old = self.body_view
        self.stack.insertWidget(0, view)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.body_view = view
        hovered = getattr(view, "zoneHovered", None)
        if hovered is not None:
            hovered.connect(self.zoneHovered)
        self._call_diagram("set_theme", theme)
        self._call_diagram("set_language", self.panel.lang)  # zone names, the step in words
        self._describe_diagram()
        self.set_labels(labels)
        if not blanked:
            self.stack.setCurrentIndex(0)

    def zone_name(self, zone_id: str) -> str:
        """A zone's name in the UI language (its id, tidied, while the diagram is not there)."""
        body = getattr(self.body_view, "body", None)
        if not callable(body):
            return zone_id.replace("-", " ")
        from massage_trainer.ui.diagram.text_alternative import zone_name

        return zone_name(body(), zone_id, self.panel.lang)

    def _call_diagram(self, method: str, *args: object) -> None:
        """The diagram's `method`, if the diagram is there (a placeholder has none)."""
        call = getattr(self.body_view, method, None)
        if callable(call):
            call(*args)

    def set_labels(self, on: bool) -> None:
        self._call_diagram("set_show_labels", on)

    def set_blank(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)

    def set_theme(self, name: str) -> None:
        self._call_diagram("set_theme", name)
        self.timeline.set_theme(name)
        self.panel.refresh_fonts()

    # ---- the session ---------------------------------------------------------------------

    def show_protocol(self, protocol: Protocol, lang: str, step_index: int) -> None:
        title = protocol.title.get(lang)
        self.controls.show_protocol(
            title, self.tr("%1 (Ctrl+L: choose another)").replace("%1", title)
        )
        self.controls.progress.setRange(0, len(protocol.steps))
        self.timeline.set_protocol(protocol, lang)
        self.show_step(protocol, step_index)

    def show_step(self, protocol: Protocol, index: int) -> None:
        self.panel.show_step(protocol, index)
        title = protocol.steps[index].title.get(self.panel.lang)
        step_words(self.panel, index + 1, len(protocol.steps), title)
        from massage_trainer.core.body import framing  # the body model: after the first paint

        self._call_diagram("set_body", framing.body_of(protocol))  # the protocol's pose
        self._call_diagram("set_step", protocol.steps[index])
        self._describe_diagram()
        self.controls.show_progress(index + 1, len(protocol.steps))

    def _describe_diagram(self) -> None:
        """The diagram's words for a screen reader follow the step and the language."""
        keys = self.body_view.findChild(QObject, "zoneKeys")
        describe = getattr(keys, "describe", None)
        if callable(describe):
            describe()

    def show_frame(self, player: Player, t: float, now: float) -> None:
        """One frame at step time `t`: the moving hands, the countdown, the timeline cursor."""
        if self.stack.currentIndex() == 0:
            self._call_diagram("set_time", t)
        self._show_pace(pace_text(player.speed, player.loop_step))
        self.panel.set_now(now)
        self.panel.update_clock(player)
        self._clock_words(player)
        self.timeline.set_now(player.step_index, t)
        shown = (clock_text(player.session_elapsed_s()), id(player.protocol))
        if shown != self._elapsed_shown:  # once a second, not every frame
            self._elapsed_shown = shown
            elapsed = self.tr("%1 of about %2").replace("%1", shown[0])
            self.elapsed_label.setText(elapsed.replace("%2", clock_text(player.protocol.planned_s)))

    def _show_pace(self, text: str) -> None:
        if text == self.pace_badge.text() and self.pace_badge.isHidden() != bool(text):
            return
        self.pace_badge.setText(text)
        self.pace_badge.setAccessibleName(self.tr("Practice: %1").replace("%1", text))
        self.pace_badge.setVisible(bool(text))
        self._place_badge()

    def _place_badge(self) -> None:
        if self.pace_badge.isHidden():
            return
        self.pace_badge.adjustSize()
        margin = 10
        self.pace_badge.move(self.stack.width() - self.pace_badge.width() - margin, margin)
        self.pace_badge.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stack and event.type() == QEvent.Type.Resize:
            self._place_badge()
        return False

    def _clock_words(self, player: Player | None) -> None:
        """The countdown and repetitions with their values, for a screen reader."""
        if player is not None:
            counting = player.state not in (State.IDLE, State.GET_READY)
            rep = player.repetition() if counting else None
            said = (self.panel.countdown.text(), rep, self.panel.reps.text(), self.panel.lang)
            if said != self._clock_said:  # the words change about once a second, not per frame
                self._clock_said = said
                clock_words(self.panel, said[0], rep)

    def show_finished(self) -> None:
        steps = self.controls.progress.maximum()
        self.controls.show_progress(steps, steps)

    def show_state(self, state: State, player: Player | None) -> None:
        self.state_label.setText(self._state_name(state))
        self.panel.update_clock(player)
        self._clock_words(player)
        if state is State.PAUSED:
            self.panel.clear_flash()

    def flash(self, now: float) -> None:
        self.panel.flash(now + FLASH_S, now)

    def _state_name(self, state: State) -> str:
        return {
            State.IDLE: self.tr("Ready"),
            State.GET_READY: self.tr("Get ready"),
            State.RUNNING: self.tr("Running"),
            State.PAUSED: self.tr("Paused"),
            State.WAITING: self.tr("Waiting for Next"),
            State.FINISHED: self.tr("Finished"),
            State.STOPPED: self.tr("Stopped"),
        }[state]
