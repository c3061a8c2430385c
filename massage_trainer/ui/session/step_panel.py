"""The step panel: what to do now, read from across the room (big title, huge countdown)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.session.player import Player, State
from massage_trainer.ui.base.choice_text import step_choices
from massage_trainer.ui.session.step_text import (
    clock_line,
    html,
    length_text,
    pace_text,
    pressure_text,
    repetitions_text,
)

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

CLOCK_GAP = 18
"""Pixels between the countdown and the repetition counter beside it."""


class _Scroll(QScrollArea):
    """The scrolling step text; tells the panel when its room changes so the text can fit.

    (Watching `viewport()` would do too, but its first call makes PySide create every QtWidgets
    class, ~20 ms before the first paint.)
    """

    def __init__(self, parent: QWidget, on_resize: Callable[[], None]) -> None:
        super().__init__(parent)
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resize()


class StepPanel(QFrame):
    """Title, technique, countdown, repetitions, pressure and tempo, instructions, next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepPanel")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reads the step from here
        self.lang = "en"
        self._protocol: Protocol | None = None
        self._index = 0
        self._flash_until: float | None = None
        self._fitted: tuple[object, ...] = ()
        self._reps_fitted: tuple[str, int] = ("", 0)
        """The counter's text and the countdown's width it was last fitted beside."""
        self._clock_shown: tuple[object, ...] = ()
        self._pace: tuple[float, bool] = (1.0, False)
        """(speed, loop) of the player shown: practice slow motion and looping a step."""
        self.untimed = False
        """Practice "step through": no countdown, the time in the step counts up instead."""

        def label(name: str, wrap: bool = True) -> QLabel:
            w = QLabel(self)
            w.setObjectName(name)
            w.setWordWrap(wrap)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            return w

        self.counter = label("stepCounter")
        self.title = label("stepTitle")
        self.technique = label("stepTechnique")
        self.countdown = label("countdown", wrap=False)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.countdown.setAccessibleName(self.tr("Time left in this step"))
        self.status = label("sessionStatus")
        self.reps = label("repetitions")  # "12 repetitions" wraps beside a big countdown
        self.reps.setAccessibleName(self.tr("Repetition counter"))
        self.pressure = label("pressureTempo")
        self.instructions = label("instructions")
        self.cautions = label("cautions")
        self.choices = label("projectChoices")
        """What in this step is the project's choice rather than the sources', and why."""
        self.next_preview = label("nextPreview")

        for w in (self.technique, self.pressure, self.cautions, self.next_preview, self.reps):
            w.setTextFormat(Qt.TextFormat.RichText)
        for w in (self.instructions, self.title, self.counter, self.status, self.choices):
            w.setTextFormat(Qt.TextFormat.PlainText)

        side = QVBoxLayout()
        side.setSpacing(2)
        side.addStretch(1)
        side.addWidget(self.reps)
        side.addStretch(1)
        clock_row = QHBoxLayout()
        clock_row.setSpacing(CLOCK_GAP)
        clock_row.addWidget(self.countdown, 0)
        clock_row.addLayout(side, 1)

        details = QWidget(self)
        details.setObjectName("stepDetails")
        dl = QVBoxLayout(details)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(8)
        dl.addWidget(self.pressure)
        dl.addWidget(self.instructions)
        dl.addWidget(self.cautions)
        dl.addWidget(self.choices)
        dl.addStretch(1)
        self.scroll = _Scroll(self, self._fit_details)
        self.scroll.setObjectName("stepScroll")
        details.resize(1, 1)  # so setWidget need not lay it out (and polish it) before the show
        self.scroll.setWidget(details)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 16, 22, 14)
        lay.setSpacing(6)
        lay.addWidget(self.counter)
        lay.addWidget(self.title)
        lay.addWidget(self.technique)
        lay.addLayout(clock_row)
        lay.addWidget(self.status)  # under the clock, full width: a long word never cut
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.next_preview)
        self._scale_fonts()

    # ---- content -------------------------------------------------------------------------

    def show_opening(self) -> None:
        """The first paint's content: the protocol is being read."""
        self.cautions.hide()
        self.choices.hide()
        self.title.setText(self.tr("Opening the protocol…"))

    def show_step(self, protocol: Protocol | None, index: int) -> None:
        """Fill in everything that stays the same for the whole step."""
        self._protocol, self._index = protocol, index
        self._clock_shown = ()  # the clock line is filled in again too
        if protocol is None:
            for w in (self.counter, self.title, self.technique, self.countdown, self.status):
                w.clear()
            for w in (self.reps, self.pressure, self.instructions, self.cautions, self.choices):
                w.clear()
            self.choices.hide()
            self.next_preview.clear()
            self.cautions.hide()
            self.title.setText(self.tr("Choose a protocol to begin"))
            return
        step = protocol.steps[index]
        lang = self.lang
        self.title.setText(step.title.get(lang))
        self._fit_title()
        self.title.setAccessibleName(self.tr("Step: %1").replace("%1", step.title.get(lang)))
        # the vocabulary (core/protocol/vocab.py) loads with the first protocol, after the first paint
        from massage_trainer.ui.base.vocab_text import classical_name, technique_name

        classical = classical_name(step.technique)
        self.technique.setText(
            html(technique_name(step.technique))
            + (f"  ·  <i>{html(classical)}</i>" if classical else "")
        )
        self.instructions.setText(step.instructions.get(lang))
        cautions = [c.get(lang) for c in step.cautions]
        self.cautions.setVisible(bool(cautions))
        self.cautions.setText("<br>".join(f"⚠&nbsp;{html(c)}" for c in cautions))
        chosen = step_choices(protocol, index, lang)
        self.choices.setVisible(bool(chosen))
        self.choices.setText("\n".join(chosen))
        self._show_pace()
        self._fit_details()
        self.scroll.verticalScrollBar().setValue(0)

    def _show_pace(self) -> None:
        """What depends on practice speed and looping: the step line ("STEP 2 OF 8 · 0.5× ·
        loop"), the tempo the hands move at now, and what comes next."""
        if self._protocol is None:
            return
        steps, index, lang = self._protocol.steps, self._index, self.lang
        speed, loop = self._pace
        counter = self.tr("STEP %1 OF %2").replace("%1", str(index + 1))
        pace = pace_text(speed, loop)
        self.counter.setText(
            counter.replace("%2", str(len(steps))) + (f"  ·  {pace}" if pace else "")
        )
        self.pressure.setText(pressure_text(steps[index], speed))
        if loop:
            self.next_preview.setText(self.tr("Next: this step again (loop is on)"))
        elif index + 1 < len(steps):
            nxt = steps[index + 1]
            self.next_preview.setText(
                self.tr("Next: %1").replace("%1", f"<b>{html(nxt.title.get(lang))}</b>")
                + f" <span style='opacity:.8'>({length_text(nxt)})</span>"
            )
        else:
            self.next_preview.setText(self.tr("Last step: afterwards the session is over."))

    def update_clock(self, player: Player | None) -> None:
        """Countdown, repetition counter and state line; cheap enough for every frame."""
        if player is None:
            return
        if (player.speed, player.loop_step) != self._pace:
            self._pace = (player.speed, player.loop_step)
            self._show_pace()
            self._fit_details()  # the tempo line may take another line now
        state = player.state
        step = player.protocol.steps[player.step_index]
        remaining = player.remaining_s()
        if state is State.GET_READY:
            shown = player.get_ready_remaining_s()
        elif self.untimed:
            shown = player.step_time()
        else:
            shown = remaining if remaining is not None else 0.0
        rep = player.repetition()
        key = (id(player), id(step), state, math.ceil(shown - 1e-6), rep, self.untimed)
        if key == self._clock_shown:  # the same second as the last frame: nothing to redo
            self._update_flash()
            return
        self._clock_shown = key
        big, status = clock_line(player, self.untimed)
        self._set(self.countdown, big)
        self._set(self.status, status)
        self.status.setVisible(bool(status))
        self._set(self.reps, repetitions_text(player))
        self.reps.setVisible(bool(self.reps.text()))
        if (self.reps.text(), self.countdown.sizeHint().width()) != self._reps_fitted:
            self._fit_reps()
        self._update_flash()

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    # ---- visual flash (for people who cannot hear the chime) -----------------------------

    def flash(self, until: float, now: float) -> None:
        """Light the panel up until clock time `until`; cleared by update_clock or clear_flash."""
        self._flash_until = until
        self._flash_now = now
        self._apply_flash(True)

    def set_now(self, now: float) -> None:
        self._flash_now = now

    def _update_flash(self) -> None:
        if self._flash_until is not None and getattr(self, "_flash_now", 0.0) >= self._flash_until:
            self.clear_flash()

    def clear_flash(self) -> None:
        self._flash_until = None
        self._apply_flash(False)

    @property
    def flashing(self) -> bool:
        return self._flash_until is not None

    def _apply_flash(self, on: bool) -> None:
        if self.property("flash") != on:
            self.setProperty("flash", on)
            self.style().unpolish(self)
            self.style().polish(self)

    # ---- size ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._scale_fonts()  # fitting is skipped while hidden: the sizes are not known yet

    def refresh_fonts(self) -> None:
        """Re-apply the sizes (a new application style sheet resets widget fonts)."""
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        """Readable at a distance: the countdown grows with the panel, within sane limits."""
        if not self.isVisible():
            return
        w, h = max(1, self.width()), max(1, self.height())
        # from the application's text size (View ▸ Text size) up to nearly twice it on a big panel
        text = QApplication.font().pointSizeF()
        base = max(1.1 * text, min(1.9 * text, h / 46.0, w / 30.0))
        sizes = {
            self.counter: base * 0.85,
            self.title: base * 1.9,
            self.technique: base * 1.2,
            self.countdown: max(36.0, min(120.0, w / 6.5, h / 7.5)),
            self.status: base * 1.0,
            self.reps: base * 1.5,
            self.pressure: base * 1.05,
            self.instructions: base * 1.1,
            self.cautions: base * 1.0,
            self.choices: base * 0.85,
            self.next_preview: base * 1.05,
        }
        self._base = base
        for widget, pt in sizes.items():
            f = QFont(widget.font())
            f.setPointSizeF(pt)
            if widget in (self.title, self.countdown, self.reps):
                f.setWeight(QFont.Weight.Bold)
            if widget is self.countdown:
                f.setStyleHint(QFont.StyleHint.Monospace)
            if widget is self.counter:
                f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
                f.setWeight(QFont.Weight.DemiBold)
            widget.setFont(f)
        self._fitted = ()  # the step text is back at full size: fit it again
        self._fit_reps()
        self._fit_title()
        self._fit_details()

    def _fit_reps(self) -> None:
        """The repetition counter steps down in size until its longest word ("Repetitions",
        "Повторов") fits beside the countdown."""
        base = getattr(self, "_base", None)
        if not self.isVisible() or base is None:
            return
        self._reps_fitted = (self.reps.text(), self.countdown.sizeHint().width())
        margins = self.layout().contentsMargins()
        inside = self.width() - margins.left() - margins.right()
        room = inside - self.countdown.sizeHint().width() - CLOCK_GAP
        for factor in (1.5, 1.3, 1.15, 1.0):
            f = QFont(self.reps.font())
            f.setPointSizeF(base * factor)
            if f != self.reps.font():
                self.reps.setFont(f)
            if self.reps.minimumSizeHint().width() <= room:
                break

    def _fit_title(self) -> None:
        """A long title (Russian ones often are) steps down in size to stay within two lines."""
        if not self.isVisible():
            return
        base = getattr(self, "_base", 12.0)
        margins = self.layout().contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        for factor in (1.9, 1.7, 1.5, 1.35):
            f = QFont(self.title.font())
            f.setPointSizeF(base * factor)
            if f != self.title.font():
                self.title.setFont(f)
            if self.title.heightForWidth(width) <= 2.2 * QFontMetrics(f).lineSpacing():
                break

    def _fit_details(self) -> None:
        """Step text a little too long for the panel shrinks (to 80 %) before it has to scroll."""
        base = getattr(self, "_base", None)
        if not self.isVisible() or base is None:  # sizes come with the first visible scaling
            return
        room = self.scroll.maximumViewportSize()  # the room with no scroll bar showing
        width, room = room.width(), room.height()
        parts = (
            (self.pressure, 1.05),
            (self.instructions, 1.1),
            (self.cautions, 1.0),
            (self.choices, 0.85),
        )
        key = (base, width, room, *(w.text() for w, _ in parts), self.cautions.isHidden())
        if key == self._fitted:
            return  # nothing changed since the last fit
        self._fitted = key
        spacing = self.scroll.widget().layout().spacing()
        text = QApplication.font().pointSizeF()  # never below the text size the person chose
        for k in (1.0, 0.93, 0.86, 0.8):
            if k < 1.0 and base * k < text:
                break
            for widget, factor in parts:
                f = QFont(widget.font())
                f.setPointSizeF(base * factor * k)
                if f != widget.font():
                    widget.setFont(f)
            shown = [w for w, _ in parts if not w.isHidden()]
            need = sum(w.heightForWidth(width) for w in shown) + spacing * (len(shown) - 1)
            if width <= 1 or need <= room:
                break
