"""The safety checklist dock: screening questions, preparation ticks and the verdict that gates Start.

The panel shows and collects; core.safety.evaluate decides, from the answers, the protocol the
person chose (judged by its content), the receiver's open "see a doctor first" holds and the
minutes already massaged in this sitting. When the verdict wants another protocol played (the
pregnancy adaptation, or back to the chosen one once its reason is gone) the panel asks the window
to load exactly that protocol and says why at that moment.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.holds import Hold
from massage_trainer.core.safety.rules import Outcome
from massage_trainer.core.safety.verdict import (
    Answer,
    Rules,
    Verdict,
    VerdictKind,
    evaluate,
    lighter_copy_of,
    load_rules,
)
from massage_trainer.core.safety.verdict import may_start as verdict_may_start
from massage_trainer.ui.base import window_style
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.safety.checklist import Checklist
from massage_trainer.ui.safety.text import describe
from massage_trainer.ui.safety.widgets import VerdictBox

COLLAPSE_BELOW_PX = 1100
"""A main window narrower than this shows only the verdict once the check is complete."""
PLAYABLE = (VerdictKind.GO, VerdictKind.ADAPT, VerdictKind.INCOMPLETE, VerdictKind.WAIT)


class SafetyPanel(QDockWidget):
    """Today's safety check. Start may only follow `may_start()`; verdicts arrive on verdictChanged."""

    verdictChanged = Signal(object)  # noqa: N815 (Qt signal naming)
    playRequested = Signal(object, str)  # noqa: N815
    """(Protocol, why): the verdict wants this very protocol played instead of the loaded one."""
    clearanceGiven = Signal(str)  # noqa: N815
    """A doctor's clearance was recorded here (who said so); the history keeps it."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        rules: Rules | None = None,
        lang: str = "en",
        resolve: Callable[[str], Protocol] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPanel")
        self.setWindowTitle(self.tr("Safety check"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.rules = rules if rules is not None else load_rules()
        self.lang = lang
        self._resolve = resolve or catalog.bundled
        self._chosen: Protocol | None = None
        """What the person chose; the verdict judges it and may play another instead."""
        self._loaded: Protocol | None = None
        """What the window has loaded now."""
        self._switch_to: Protocol | None = None
        self._holds: tuple[Hold, ...] = ()
        self._run_holds: list[Hold] = []
        """Holds of this run not (yet) in the history: kept even when it cannot be written."""
        self._massaged_s = 0.0
        self._theme = "light"
        self._collapsed = False
        self._verdict: Verdict | None = None
        self.last_switch = ""
        """What the last protocol switch said, for the window's status bar and tests."""
        self._build()
        self.setMinimumWidth(300)
        self._update()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget(self)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        self.intro = intro = QLabel(
            self.tr("Answer every question for today. “No” is always the safe answer.")
        )
        intro.setWordWrap(True)
        self.collapse_button = QToolButton(root)
        self.collapse_button.setCheckable(True)
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.toggled.connect(self.set_collapsed)
        top.addWidget(intro, 1)
        top.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.checklist = Checklist(self.rules, self.lang, lambda _k, _v: self._update(), root)
        self.scroll = QScrollArea(root)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.checklist)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the answers inside
        outer.addWidget(self.scroll, 1)
        self.verdict_box = VerdictBox(root)
        self.verdict_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.verdict_box)
        self.clearance_button = QPushButton(self.tr("Record a doctor's clearance…"), root)
        self.clearance_button.setObjectName("clearanceButton")
        self.clearance_button.clicked.connect(self.ask_clearance)
        outer.addWidget(self.clearance_button)
        self.reset_button = self.checklist.reset_button  # after the last tick, asks first
        self.reset_button.clicked.connect(self.ask_reset)
        self._filler = QWidget(root)
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        outer.addWidget(self._filler)
        holder = QScrollArea(self)  # on a small screen (or at 200 %) the whole panel scrolls
        holder.setObjectName("safetyScroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder.setWidget(root)
        self.setWidget(holder)
        self._show_collapse_state()

    # ---- answers -------------------------------------------------------------------------

    def set_answer(self, key: str, value: Answer) -> None:
        """Answer a question or tick an item as a person would (used by tests and scripts)."""
        self.checklist.set_answer(key, value)

    def answers(self) -> dict[str, Answer]:
        """Today's answers and ticks, to keep with the session record."""
        return dict(self.checklist.answers)

    def ask_reset(self) -> None:
        """Clear every answer, once the person has said yes to it."""
        from PySide6.QtWidgets import QMessageBox

        yes = QMessageBox.StandardButton.Yes
        text = self.tr(
            "Clear every answer and tick of today's check? Start stays locked until all are given again."
        )
        if QMessageBox.question(self, self.tr("Clear all answers"), text) == yes:
            self.reset()

    def reset(self) -> None:
        for key in self.checklist.answer_keys():
            self.checklist.set_answer(key, None)
        self.checklist.answers.clear()
        self._update()

    # ---- what else the verdict depends on ------------------------------------------------

    def set_protocol(self, protocol: Protocol | None) -> None:
        """The window loaded `protocol`: the person's choice, unless it is the switch this panel
        asked for (or a copy of it with a step lightened after a pain stop)."""
        ours = self._switch_to is not None and protocol == self._switch_to
        lighter = (
            protocol is not None
            and self._loaded is not None
            and lighter_copy_of(protocol, self._loaded)
        )
        self._switch_to = None
        if protocol is None:
            self._chosen = None
        elif not (ours or lighter):
            self._chosen = protocol
        self._loaded = protocol
        self._update()

    def set_holds(self, holds: tuple[Hold, ...] | list[Hold]) -> None:
        """The receiver's open "see a doctor first" holds, from the history."""
        self._holds = tuple(holds)
        kept = {h.reason for h in self._holds}  # a hold of this run, once written, is in the list
        self._run_holds = [h for h in self._run_holds if h.reason not in kept]
        self._update()

    def hold_now(self, reason: str, detail: str = "") -> None:
        """A pain stop with a warning sign just happened: lock Start from now on."""
        from datetime import datetime

        if any(h.reason == reason for h in self.holds()):  # already kept (the history wrote it)
            return
        when = datetime.now().astimezone().isoformat(timespec="seconds")
        self._run_holds.append(Hold(-1 - len(self._run_holds), None, when, reason, detail))
        self._update()

    def record_clearance(self, note: str) -> None:
        """A doctor has cleared the receiver: lift every hold (the history keeps who said so)."""
        if not note.strip():
            return
        self._run_holds.clear()
        self._holds = ()
        self.clearanceGiven.emit(note.strip())
        self._update()

    def ask_clearance(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getText(
            self,
            self.tr("Record a doctor's clearance"),
            self.tr(
                "Only when a doctor has said massage is fine again. Who cleared the receiver, "
                "and when? (for example: Dr Petrova, 25 November)"
            ),
        )
        if ok:
            self.record_clearance(note)

    def add_massaged(self, seconds: float) -> None:
        """Wall-clock seconds of massage just done in this sitting (limits count them)."""
        self._massaged_s += max(0.0, seconds)
        self._update()

    def massaged_s(self) -> float:
        return self._massaged_s

    def attach_to(self, window: Any) -> None:
        """Called by the main window when it docks this panel: the pain stop, pausing on a turn."""
        from massage_trainer.ui.safety.wiring import SafetyWiring

        self.wiring = SafetyWiring(window, self)

    # ---- the verdict ---------------------------------------------------------------------

    def protocol(self) -> Protocol | None:
        return self._loaded

    def chosen(self) -> Protocol | None:
        return self._chosen

    def verdict(self) -> Verdict | None:
        return self._verdict

    def holds(self) -> tuple[Hold, ...]:
        return (*self._holds, *self._run_holds)

    def may_start(self) -> bool:
        """True only when the verdict is Go or Adapt for exactly the protocol now loaded."""
        v = self._verdict
        return v is not None and self._loaded is not None and verdict_may_start(v, self._loaded)

    def _update(self) -> None:
        old = self._verdict
        v = self._verdict = (
            None
            if self._chosen is None
            else evaluate(
                self.rules,
                self.checklist.answers,
                self._chosen,
                resolve=self._resolve,
                holds=self.holds(),
                massaged_s=self._massaged_s,
            )
        )
        target = v.protocol if v is not None and v.kind in PLAYABLE else None
        shown = target or self._loaded
        self.checklist.show_preparation(None if shown is None else shown.preparation)
        self._render()
        if v != old:
            self.verdictChanged.emit(v)
        loaded = self._loaded
        if (
            target is not None
            and loaded is not None
            and target != loaded
            and not lighter_copy_of(loaded, target)
        ):
            self._switch_to = target
            self.last_switch = self._why_switch(v, target)
            self.playRequested.emit(target, self.last_switch)

    def _why_switch(self, v: Verdict | None, target: Protocol) -> str:
        title = target.title.get(self.lang)
        if v is not None and v.adapted_from is not None:
            why = " ".join(
                r.reason.get(self.lang)
                for r in self.rules.rules
                if r.id in v.fired and r.outcome is Outcome.ADAPT
            )
            text = QCoreApplication.translate("SafetyPanel", "Switched to “%1”: %2")
            return text.replace("%1", title).replace("%2", why)
        text = QCoreApplication.translate(
            "SafetyPanel", "Back to “%1”: the answers no longer call for the adapted massage."
        )
        return text.replace("%1", title)

    # ---- showing the verdict -------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self._theme = name
        self._render()

    def _render(self) -> None:
        t = get_theme(self._theme)
        v = self._verdict
        adapted_from = v.adapted_from if v is not None else None
        title, html, kind = describe(
            v,
            self._loaded,
            adapted_from,
            rules=self.rules,
            lang=self.lang,
            wait_until=self.wait_until_text,
        )
        warning = window_style.colours(self._theme).warning  # the readable one, not the hatching
        colour = {"go": t.ok, "adapt": warning, "wait": t.accent, "stop": t.danger}.get(
            kind, t.muted
        )
        tint = {"go": "#e6f4ef", "adapt": "#fdf1dc", "wait": "#edf4fa", "stop": "#fbe6dc"}.get(
            kind, "#eef0f3"
        )
        if self._theme != "light":
            tint = t.panel
        self.verdict_box.show_verdict(title, html, colour, t.text, tint)
        self.clearance_button.setVisible(bool(self.holds()))
        self._mark_questions({"stop": t.danger, "wait": t.accent, "adapt": warning})
        self._auto_collapse()

    def _mark_questions(self, colours: dict[str, str]) -> None:
        fired = set(self._verdict.fired) if self._verdict is not None else set()
        marks: dict[str, str] = {}
        for rule in self.rules.rules:
            colour = colours.get(str(rule.outcome))
            if rule.id not in fired or colour is None or rule.outcome is Outcome.WARN:
                continue
            for clause in rule.when:
                for c in (clause, *clause.any):
                    if c.question is not None:
                        marks.setdefault(c.question, colour)
        self.checklist.mark(marks)

    # ---- small screens -------------------------------------------------------------------

    def set_collapsed(self, on: bool) -> None:
        """Collapsed: only the verdict shows, leaving room for the diagram."""
        self._collapsed = on
        if self.collapse_button.isChecked() != on:
            self.collapse_button.setChecked(on)
        self._show_collapse_state()

    def is_collapsed(self) -> bool:
        return self._collapsed

    def _show_collapse_state(self) -> None:
        self.scroll.setVisible(not self._collapsed)
        self.intro.setVisible(not self._collapsed)
        self.reset_button.setVisible(not self._collapsed)
        self._filler.setVisible(self._collapsed)
        self.collapse_button.setText(self.tr("Show") if self._collapsed else self.tr("Hide"))
        self.collapse_button.setToolTip(
            self.tr("Show the checklist") if self._collapsed else self.tr("Show only the verdict")
        )

    def _auto_collapse(self) -> None:
        window = self.parentWidget()
        if window is None or not window.isVisible():
            return
        em = window.fontMetrics().height()  # larger text counts like a smaller screen
        small = window.width() < max(COLLAPSE_BELOW_PX, 66 * em)
        if self.may_start() and small and not self._collapsed:
            self.set_collapsed(True)
        elif not self.may_start() and self._collapsed:
            self.set_collapsed(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._auto_collapse()

    def wait_until_text(self, minutes: float) -> str:
        return QTime.currentTime().addSecs(math.ceil(minutes) * 60).toString("HH:mm")
