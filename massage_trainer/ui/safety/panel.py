"""The safety checklist dock: screening questions, preparation ticks and the verdict that gates Start.

Nothing is pre-answered: a yes/no question starts with neither button checked and a number starts
blank, so a session can only start after a person has answered everything for today. The panel
only shows and collects; core.safety.evaluate decides.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.rules import Outcome, Question, QuestionKind
from massage_trainer.core.safety.verdict import (
    Answer,
    Rules,
    Verdict,
    VerdictKind,
    evaluate,
    load_rules,
)
from massage_trainer.core.safety.verdict import may_start as verdict_may_start
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.safety.text import describe
from massage_trainer.ui.safety.widgets import ClickLabel, VerdictBox

COLLAPSE_BELOW_PX = 1100
"""A main window narrower than this shows only the verdict once the check is complete."""


class SafetyPanel(QDockWidget):
    """Today's safety check. Start may only follow `may_start()`; verdicts arrive on verdictChanged."""

    verdictChanged = Signal(object)  # noqa: N815 (Qt signal naming)
    adaptRequested = Signal(str)  # noqa: N815
    """A protocol id the rules want played instead of the current one."""

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
        self._protocol: Protocol | None = None
        self._adapted_from: Protocol | None = None
        self._answers: dict[str, Answer] = {}
        self._groups: dict[str, QButtonGroup] = {}
        self._spins: dict[str, QSpinBox] = {}
        self._checks: dict[str, QCheckBox] = {}
        self._help: list[QLabel] = []
        self._labels: dict[str, QLabel] = {}
        self._theme = "light"
        self._collapsed = False
        self._verdict: Verdict | None = None
        self._prep_for: tuple[str, ...] | None = ()
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

        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(0, 0, 4, 0)
        col.addWidget(self._build_questions(content))
        self.prep_box = QGroupBox(self.tr("Preparation"), content)
        self.prep_layout = QVBoxLayout(self.prep_box)
        col.addWidget(self.prep_box)
        col.addStretch(1)
        self.scroll = QScrollArea(root)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        self.verdict_box = VerdictBox(root)
        self.verdict_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(self.verdict_box)
        self.reset_button = QPushButton(self.tr("Clear all answers"), root)
        self.reset_button.clicked.connect(self.reset)
        outer.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        self._filler = QWidget(root)
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        outer.addWidget(self._filler)
        self.setWidget(root)
        self._show_collapse_state()

    def _build_questions(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Questions"), parent)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        row = 0
        for q in self.rules.questions:
            label = QLabel(q.text.get(self.lang), box)
            label.setWordWrap(True)
            self._labels[q.id] = label
            grid.addWidget(label, row, 0)
            grid.addWidget(self._answer_widget(q, box), row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
            if q.help is not None:
                help_label = QLabel(q.help.get(self.lang), box)
                help_label.setWordWrap(True)
                help_label.setObjectName("questionHelp")
                help_label.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
                grid.addWidget(help_label, row, 0, 1, 2)
                self._help.append(help_label)
                row += 1
        return box

    def _answer_widget(self, q: Question, parent: QWidget) -> QWidget:
        if q.kind == QuestionKind.NUMBER:
            spin = QSpinBox(parent)
            lo = math.floor(q.minimum or 0)
            spin.setRange(lo - 1, math.ceil(q.maximum or 0))
            spin.setSpecialValueText(self.tr("—"))
            spin.setValue(lo - 1)
            spin.setAccessibleName(q.text.get(self.lang))
            spin.setMinimumWidth(72)
            spin.valueChanged.connect(lambda v, qid=q.id, s=spin: self._on_number(qid, s, v))
            self._spins[q.id] = spin
            return spin
        cell = QWidget(parent)
        lay = QHBoxLayout(cell)
        lay.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(cell)
        for value, text in ((True, self.tr("Yes")), (False, self.tr("No"))):
            b = QRadioButton(text, cell)
            b.setAccessibleName(f"{q.text.get(self.lang)} {text}")
            b.toggled.connect(lambda on, qid=q.id, v=value: on and self._set(qid, v))
            group.addButton(b, 1 if value else 0)
            lay.addWidget(b)
        self._groups[q.id] = group
        return cell

    def _rebuild_preparation(self) -> None:
        while self.prep_layout.count():
            item = self.prep_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()  # at once: deletion waits for the event loop
                w.deleteLater()
        self._checks.clear()
        shown = self._checklist_protocol()
        items = shown.preparation if shown is not None else ()
        for pid in items:
            entry = self.rules.prep_item(pid)
            text = entry.text.get(self.lang) if entry is not None else pid
            row = QWidget(self.prep_box)
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox(row)
            box.setAccessibleName(text)
            box.setChecked(self._answers.get(pid) is True)
            box.toggled.connect(lambda on, p=pid: self._set(p, bool(on)))
            lay.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            lay.addWidget(ClickLabel(text, box), 1)
            self.prep_layout.addWidget(row)
            self._checks[pid] = box
        if not items:
            self.prep_layout.addWidget(QLabel(self.tr("Choose a protocol to see what to prepare.")))

    # ---- answers -------------------------------------------------------------------------

    def _on_number(self, qid: str, spin: QSpinBox, value: int) -> None:
        self._set(qid, None if value == spin.minimum() else value)

    def _set(self, key: str, value: Answer) -> None:
        if value is None:
            self._answers.pop(key, None)
        else:
            self._answers[key] = value
        self._update()

    def set_answer(self, key: str, value: Answer) -> None:
        """Answer a question or tick an item as a person would (used by tests and scripts)."""
        if key in self._groups:
            group = self._groups[key]
            if value is None:
                group.setExclusive(False)
                for b in group.buttons():
                    b.setChecked(False)
                group.setExclusive(True)
                self._set(key, None)
            else:
                button = group.button(1 if value else 0)
                button.setChecked(True)
        elif key in self._spins:
            spin = self._spins[key]
            spin.setValue(spin.minimum() if value is None else int(value))
        elif key in self._checks:
            self._checks[key].setChecked(value is True)
        else:
            self._set(key, value)

    def answers(self) -> dict[str, Answer]:
        """Today's answers and ticks, to keep with the session record."""
        return dict(self._answers)

    def reset(self) -> None:
        for qid in list(self._groups) + list(self._spins) + list(self._checks):
            self.set_answer(qid, None)
        self._answers.clear()
        self._adapted_from = None
        self._update()

    # ---- protocol and verdict ------------------------------------------------------------

    def set_protocol(self, protocol: Protocol | None) -> None:
        """The protocol the window will play; its preparation items are listed."""
        previous, v = self._protocol, self._verdict
        switched = (
            protocol is not None
            and previous is not None
            and v is not None
            and self._adapting(v)
            and v.protocol_id == protocol.id
            and previous.id != protocol.id
        )
        if switched:
            self._adapted_from = previous
        elif protocol is None or (previous is not None and protocol.id != previous.id):
            self._adapted_from = None
        self._protocol = protocol
        self._update()

    def attach_to(self, window: Any) -> None:
        """Called by the main window when it docks this panel: the pain stop, pausing on a turn."""
        from massage_trainer.ui.safety.wiring import SafetyWiring

        self.wiring = SafetyWiring(window, self)

    def protocol(self) -> Protocol | None:
        return self._protocol

    def verdict(self) -> Verdict | None:
        return self._verdict

    def may_start(self) -> bool:
        """True only when the verdict is Go or Adapt for exactly the protocol now loaded."""
        v = self._verdict
        return v is not None and self._protocol is not None and verdict_may_start(v, self._protocol)

    def _adapting(self, v: Verdict) -> bool:
        """Did an adapt rule fire (whatever else is still missing)?"""
        return any(r.id in v.fired and r.outcome == Outcome.ADAPT for r in self.rules.rules)

    def _checklist_protocol(self) -> Protocol | None:
        v = self._verdict
        if (
            v is not None
            and self._protocol is not None
            and v.protocol_id not in (None, self._protocol.id)
        ):
            try:
                return self._resolve(v.protocol_id)  # type: ignore[arg-type]
            except Exception:
                return self._protocol
        return self._protocol

    def _update(self) -> None:
        old = self._verdict
        if self._protocol is None:
            self._verdict = None
        else:
            self._verdict = evaluate(
                self.rules, self._answers, self._protocol, resolve=self._resolve
            )
        if self._verdict is None or not self._adapting(self._verdict):
            self._adapted_from = None
        shown = self._checklist_protocol()
        wanted = None if shown is None else shown.preparation
        if wanted != self._prep_for:
            self._prep_for = wanted
            self._rebuild_preparation()
        self._render()
        if self._verdict != old:
            self.verdictChanged.emit(self._verdict)
        v = self._verdict
        if (
            v is not None
            and self._protocol is not None
            and v.protocol_id is not None
            and v.protocol_id != self._protocol.id
            and v.kind in (VerdictKind.ADAPT, VerdictKind.INCOMPLETE, VerdictKind.WAIT)
        ):
            self.adaptRequested.emit(v.protocol_id)

    # ---- showing the verdict -------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self._theme = name
        self._render()

    def _render(self) -> None:
        t = get_theme(self._theme)
        title, html, kind = describe(
            self._verdict,
            self._protocol,
            self._adapted_from,
            rules=self.rules,
            lang=self.lang,
            wait_until=self.wait_until_text,
        )
        colour = {"go": t.ok, "adapt": t.warning, "wait": t.accent, "stop": t.danger}.get(
            kind, t.muted
        )
        tint = {"go": "#e6f4ef", "adapt": "#fdf1dc", "wait": "#e3eef7", "stop": "#fbe6dc"}.get(
            kind, "#eef0f3"
        )
        if self._theme != "light":
            tint = t.panel
        self.verdict_box.show_verdict(title, html, colour, t.text, tint)
        self._mark_questions({"stop": t.danger, "wait": t.accent, "adapt": t.warning})
        self._auto_collapse()

    def _mark_questions(self, colours: Mapping[str, str]) -> None:
        """Show which answers caused a stop, a wait or an adaptation, in the verdict's colour."""
        fired = set(self._verdict.fired) if self._verdict is not None else set()
        marks: dict[str, str] = {}
        for rule in self.rules.rules:
            colour = colours.get(str(rule.outcome))
            if rule.id not in fired or colour is None:
                continue
            for clause in rule.when:
                for c in (clause, *clause.any):
                    if c.question is not None:
                        marks.setdefault(c.question, colour)
        for qid, label in self._labels.items():
            colour = marks.get(qid)
            label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

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
        small = window.width() < COLLAPSE_BELOW_PX
        if self.may_start() and small and not self._collapsed:
            self.set_collapsed(True)
        elif not self.may_start() and self._collapsed:
            self.set_collapsed(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._auto_collapse()

    def wait_until_text(self, minutes: float) -> str:
        return QTime.currentTime().addSecs(math.ceil(minutes) * 60).toString("HH:mm")
