"""The audience window of presenter mode: diagram, step title, countdown and repetitions, in large
high-contrast type. It reads only the protocol and the player: nothing personal can reach it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from massage_trainer.core.body import framing
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.player import Player, State
from massage_trainer.ui.base.vocab_text import classical_name, technique_name
from massage_trainer.ui.session.step_text import clock_text

TITLE_SHARE = 1 / 13  # title font pixel height / window height (readable from 8 m needs >= 1/20)
LABEL_SHARE = 1 / 36
"""The smallest words on the screen (step counter, legend, vertebra labels): over 1/40 of its
height, readable from the back of a classroom."""
AUDIENCE_STYLE = """
#audienceWindow, #audienceBlank { background: #000000; }
#audienceWindow QLabel { color: #ffffff; background: transparent; }
#audienceWindow QLabel#audienceCounter, #audienceWindow QLabel#audienceStatus { color: #c8d2dc; }
#audienceWindow QLabel#audienceTechnique { color: #ffd75e; }
#audienceControls { background: rgba(30, 34, 40, 235); border-top: 2px solid #ffd75e; }
#audienceControls QToolButton { color: #ffffff; background: #2d333c; border: 1px solid #8a94a0;
    border-radius: 6px; padding: 10px 18px; font-size: 20px; }
#audienceControls QToolButton:hover { background: #3b4452; }
"""


def _label(parent: QWidget, name: str, wrap: bool = True) -> QLabel:
    w = QLabel(parent)
    w.setObjectName(name)
    w.setWordWrap(wrap)
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return w


class AudienceWindow(QWidget):
    """Full-screen, high-contrast view for the class: diagram, title, countdown and repetitions."""

    keyPressed = Signal(QKeyEvent)  # noqa: N815 (Qt signal naming)
    closed = Signal()

    def __init__(self, lang: str = "en") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setWindowTitle(self.tr("Massage Trainer: audience view"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(AUDIENCE_STYLE)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.lang = lang
        self._protocol: Protocol | None = None
        self._index = -1
        self.counter = _label(self, "audienceCounter")
        self.title = _label(self, "audienceTitle")
        self.technique = _label(self, "audienceTechnique")
        self.countdown = _label(self, "audienceCountdown", wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reps = _label(self, "audienceReps")
        self.reps.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = _label(self, "audienceStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pressure = _label(self, "audiencePressure", wrap=False)
        self.pressure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.diagram = self._make_diagram()
        self.legend = self._make_legend()

        side = QVBoxLayout()
        side.addStretch(1)
        for w in (self.countdown, self.reps, self.status, self.pressure):
            side.addWidget(w)
        side.addSpacing(24)
        if self.legend is not None:
            side.addWidget(self.legend)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.diagram, 3)
        row.addLayout(side, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 28, 48, 28)
        lay.setSpacing(4)
        lay.addWidget(self.counter)
        lay.addWidget(self.title)
        lay.addWidget(self.technique)
        lay.addLayout(row, 1)

        self.blank = QWidget(self)
        self.blank.setObjectName("audienceBlank")
        self.blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.blank.setAccessibleName(self.tr("Audience screen blanked (press B to show it)"))
        self.blank.hide()
        self.controls = QWidget(self)
        self.controls.setObjectName("audienceControls")
        self.controls.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.controls.hide()
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout(self.controls)
        bar.setContentsMargins(24, 12, 24, 12)
        bar.setSpacing(12)
        bar.addStretch(1)
        for name, text, tip in (
            ("previous", self.tr("◀  Previous"), self.tr("Previous step (Page Up)")),
            ("pause", self.tr("Start / pause"), self.tr("Start, pause or resume (Space)")),
            ("next", self.tr("Next  ▶"), self.tr("Next step (Page Down)")),
            ("blank", self.tr("Blank"), self.tr("Black out this screen and back (B)")),
            ("leave", self.tr("Leave"), self.tr("Leave presenter mode (Esc)")),
        ):
            b = QToolButton(self.controls)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            bar.addWidget(b)
            self.buttons[name] = b
        bar.addStretch(1)
        self._fit()

    def _make_diagram(self) -> QWidget:
        try:
            from massage_trainer.ui.diagram.view import BodyView
        except ImportError:
            return QWidget(self)
        view = BodyView(self)
        view.set_theme("high-contrast")
        view.set_language(self.lang)
        view.set_show_legend(False)  # beside it, in the side column (self.legend)
        view.setMouseTracking(False)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setAccessibleName(self.tr("Body diagram with the hands of the current step"))
        return view

    def _make_legend(self) -> QWidget | None:
        try:
            from massage_trainer.ui.diagram.legend_panel import LegendPanel
            from massage_trainer.ui.diagram.view import BodyView
        except ImportError:
            return None
        if not isinstance(self.diagram, BodyView):
            return None
        return LegendPanel(self.diagram, self)

    # ---- content: only the protocol and the player ---------------------------------------

    def show_step(self, protocol: Protocol, index: int) -> None:
        self._protocol, self._index = protocol, index
        step = protocol.steps[index]
        self.counter.setText(
            self.tr("STEP %1 OF %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(protocol.steps)))
        )
        self.title.setText(step.title.get(self.lang))
        classical = classical_name(step.technique)
        self.technique.setText(
            technique_name(step.technique) + (f"  ·  {classical}" if classical else "")
        )
        names = {1: self.tr("light"), 2: self.tr("moderate"), 3: self.tr("firm")}
        level = step.pressure.level
        self.pressure.setText(
            self.tr("Pressure: %1").replace("%1", names.get(level, ""))
            + "  "
            + "●" * level
            + "○" * (3 - level)
        )
        set_body = getattr(self.diagram, "set_body", None)
        if callable(set_body):
            set_body(framing.body_of(protocol))  # the protocol's pose, framed like the window
        set_step = getattr(self.diagram, "set_step", None)
        if callable(set_step):
            set_step(step)
        if self.legend is not None:
            self.legend.updateGeometry()  # the caution line names this step's cautions
            self.legend.update()

    def update_from(self, player: Player, t: float) -> None:
        """Countdown, repetitions and state; called on every frame (cheap when nothing changed)."""
        if player.protocol is not self._protocol or player.step_index != self._index:
            self.show_step(player.protocol, player.step_index)
        state = player.state
        remaining = player.remaining_s()
        status = ""
        if state is State.GET_READY:
            big = clock_text(player.get_ready_remaining_s())
            status = self.tr("Get ready")
        elif state is State.WAITING:
            big = "✓"
        elif state is State.FINISHED:
            big, status = "✓", self.tr("Session complete")
        elif state is State.STOPPED:
            big, status = "■", self.tr("Session stopped")
        elif remaining is None:
            big = clock_text(player.step_time())
        else:
            big = clock_text(remaining)
        if state is State.PAUSED:
            status = self.tr("Paused")
        rep = player.repetition()
        reps = ""
        if rep is not None and state not in (State.IDLE, State.GET_READY):
            reps = (
                self.tr("Repetition %1 / %2").replace("%1", str(rep[0])).replace("%2", str(rep[1]))
            )
        elif rep is not None:
            reps = self.tr("%1 repetitions").replace("%1", str(rep[1]))
        for label, text in ((self.countdown, big), (self.status, status), (self.reps, reps)):
            if label.text() != text:
                label.setText(text)
        set_time = getattr(self.diagram, "set_time", None)
        if callable(set_time) and not self.is_blank:
            set_time(t)

    # ---- blanking and the controls bar ---------------------------------------------------

    @property
    def is_blank(self) -> bool:
        return not self.blank.isHidden()

    def set_blank(self, on: bool) -> None:
        self.blank.setVisible(on)
        if on:
            self.blank.raise_()
            self.controls.raise_()

    def show_controls(self, on: bool) -> None:
        self.controls.setVisible(on)
        self.setCursor(Qt.CursorShape.ArrowCursor if on else Qt.CursorShape.BlankCursor)
        if on:
            self.controls.raise_()

    # ---- size ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Type scales with the window height: the title at TITLE_SHARE of it, readable from 8 m."""
        h = max(200, self.height())
        sizes = {
            self.counter: (h * LABEL_SHARE, QFont.Weight.DemiBold),
            self.title: (h * TITLE_SHARE, QFont.Weight.Bold),
            self.technique: (h / 24, QFont.Weight.Normal),
            self.countdown: (h / 6, QFont.Weight.Bold),
            self.reps: (h / 17, QFont.Weight.DemiBold),
            self.status: (h / 22, QFont.Weight.Normal),
            self.pressure: (h / 26, QFont.Weight.Normal),
        }
        for label, (px, weight) in sizes.items():
            f = QFont(label.font())
            f.setPixelSize(max(12, round(px)))
            f.setWeight(weight)
            label.setFont(f)
        small = max(12.0, h * LABEL_SHARE)
        set_px = getattr(self.legend, "set_px", None)
        if callable(set_px):
            set_px(small)
        set_min = getattr(self.diagram, "set_min_text_px", None)
        if callable(set_min):
            set_min(small)
        self.blank.setGeometry(self.rect())
        bar_h = max(64, round(h / 12))
        self.controls.setGeometry(0, self.height() - bar_h, self.width(), bar_h)

    # ---- keys ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for w in (self, *self.findChildren(QWidget)):
            w.setMouseTracking(True)  # so a moving mouse brings the controls back

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
