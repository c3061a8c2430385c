"""The safety panel's checklist: the screening questions and the preparation ticks, as widgets.

Nothing is pre-answered: a yes/no question starts with neither button checked and a number starts
blank. It only collects answers and reports each change; core.safety decides what they mean.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.safety.rules import Question, QuestionKind, Rules
from massage_trainer.core.safety.verdict import Answer
from massage_trainer.ui.base.choice_text import rules_choice
from massage_trainer.ui.safety.widgets import ClickLabel


class Checklist(QWidget):
    """Questions and preparation items; `changed(key, value)` is called on every answer."""

    def __init__(
        self, rules: Rules, lang: str, changed: Callable[[str, Answer], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.rules, self.lang, self._changed = rules, lang, changed
        self.answers: dict[str, Answer] = {}
        self._groups: dict[str, QButtonGroup] = {}
        self._spins: dict[str, QSpinBox] = {}
        self._checks: dict[str, QCheckBox] = {}
        self._help: list[QLabel] = []
        self._labels: dict[str, QLabel] = {}
        self._prep_for: tuple[str, ...] | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 4, 0)
        col.addWidget(self._build_questions())
        self.prep_box = QGroupBox(self.tr("Preparation"), self)
        self.prep_layout = QVBoxLayout(self.prep_box)
        col.addWidget(self.prep_box)
        self.reset_button = QPushButton(self.tr("Clear all answers…"), self)
        self.reset_button.setObjectName("clearAnswersButton")
        col.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        col.addStretch(1)

    def _build_questions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Questions"), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        row = 0
        for q in self.rules.questions:
            label = QLabel(q.text.get(self.lang), box)
            label.setWordWrap(True)
            if q.choice is not None:
                label.setToolTip(rules_choice(q.choice.get(self.lang)))
            self._labels[q.id] = label
            grid.addWidget(label, row, 0)
            grid.addWidget(self._answer_widget(q, box), row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
            if q.help is not None:
                help_label = QLabel(q.help.get(self.lang), box)
                help_label.setWordWrap(True)
                help_label.setObjectName("questionHelp")
                help_label.setStyleSheet("color: palette(placeholder-text);")  # at the text size
                grid.addWidget(help_label, row, 0, 1, 2)
                for answer in self._answer_controls(q.id):  # read with the question
                    answer.setAccessibleDescription(help_label.text())
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

    def _answer_controls(self, qid: str) -> list[QWidget]:
        if qid in self._groups:
            return list(self._groups[qid].buttons())
        return [self._spins[qid]] if qid in self._spins else []

    def show_preparation(self, items: tuple[str, ...] | None) -> None:
        """List the preparation items of the protocol that will be played (None: no protocol)."""
        if items == self._prep_for:
            return
        self._prep_for = items
        while self.prep_layout.count():
            item = self.prep_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()  # at once: deletion waits for the event loop
                w.deleteLater()
        self._checks.clear()
        for pid in items or ():
            entry = self.rules.prep_item(pid)
            text = entry.text.get(self.lang) if entry is not None else pid
            row = QWidget(self.prep_box)
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox(row)
            box.setAccessibleName(text)
            box.setChecked(self.answers.get(pid) is True)
            box.toggled.connect(lambda on, p=pid: self._set(p, bool(on)))
            lay.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            lay.addWidget(ClickLabel(text, box), 1)
            self.prep_layout.addWidget(row)
            self._checks[pid] = box
        if not items:
            self.prep_layout.addWidget(QLabel(self.tr("Choose a protocol to see what to prepare.")))

    def _on_number(self, qid: str, spin: QSpinBox, value: int) -> None:
        self._set(qid, None if value == spin.minimum() else value)

    def _set(self, key: str, value: Answer) -> None:
        if value is None:
            self.answers.pop(key, None)
        else:
            self.answers[key] = value
        self._changed(key, value)

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
                group.button(1 if value else 0).setChecked(True)
        elif key in self._spins:
            spin = self._spins[key]
            spin.setValue(spin.minimum() if value is None else int(value))
        elif key in self._checks:
            self._checks[key].setChecked(value is True)
        else:
            self._set(key, value)

    def answer_keys(self) -> list[str]:
        return list(self._groups) + list(self._spins) + list(self._checks)

    def mark(self, marks: Mapping[str, str]) -> None:
        """Colour the questions whose answers caused a stop, a wait or an adaptation."""
        for qid, label in self._labels.items():
            colour = marks.get(qid)
            label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
