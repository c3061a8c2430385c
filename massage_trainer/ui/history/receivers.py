"""Receiver profiles and the before/after questions: pain 0-10, a pain map on the diagram, a note.

Profiles are optional: the nameless default ("No name") works without ever creating one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.body.geometry import Body, load_body
from massage_trainer.core.history import course
from massage_trainer.core.history.log import History
from massage_trainer.ui.base import window_style

NO_RECEIVER = -1
"""Combo data for the nameless default receiver (stored as NULL)."""


def pain_colour(value: int) -> QColor:
    """Green (0) through amber to red (10): a familiar pain-scale gradient."""
    hue = int(120 * (1 - value / 10))
    return QColor.fromHsv(hue, 150, 225)


class PainScale(QWidget):
    """Eleven buttons 0..10; nothing chosen until the person picks (None means 'not asked')."""

    valueChanged = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        self.setAccessibleName(self.tr("Pain from 0 (no pain) to 10 (worst imaginable)"))
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for n in range(11):
            b = QPushButton(str(n))
            b.setCheckable(True)
            b.setAutoDefault(False)  # Space picks the number; Enter goes on to the dialog's button
            b.setMinimumSize(34, 34)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setStyleSheet(_scale_button_style(n))
            b.setAccessibleName(
                QCoreApplication.translate("Receivers", "Pain %1 of 10").replace("%1", str(n))
            )
            self._group.addButton(b, n)
            row.addWidget(b)
        self._group.idClicked.connect(self.valueChanged.emit)

    def value(self) -> int | None:
        v = self._group.checkedId()
        return v if v >= 0 else None

    def set_value(self, value: int | None) -> None:
        if value is None:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
            return
        button = self._group.button(value)
        if button is not None:
            button.setChecked(True)


def _scale_button_style(n: int) -> str:
    """A number of the pain scale: a pale tint of its colour with dark text; chosen, a deep
    shade of it with white text and a thick dark edge (text 4.5:1 or more either way, and the
    chosen number unlike the others); a focus ring in the theme's focus colour."""
    c = pain_colour(n)
    pale = QColor.fromHsv(c.hue(), 70, 250).name()
    deep = QColor.fromHsv(c.hue(), 230, 105).name()
    focus = window_style.colours(window_style.current()).focus
    return (
        f"QPushButton {{ border: 1px solid {c.darker(160).name()}; border-radius: 4px;"
        f" background: {pale}; color: #1f2328; font-weight: 600; padding: 2px; }}"
        f"QPushButton:checked {{ background: {deep}; color: #ffffff;"
        " border: 3px solid #1f2328; }"
        f"QPushButton:focus {{ border: 3px solid {focus}; }}"
    )


def _scale_with_legend(scale: PainScale) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(scale)
    ends = QHBoxLayout()
    left, right = (
        QLabel(QCoreApplication.translate("Receivers", "0 = no pain")),
        QLabel(QCoreApplication.translate("Receivers", "10 = worst imaginable")),
    )
    right.setAlignment(Qt.AlignmentFlag.AlignRight)
    for lab in (left, right):
        lab.setStyleSheet("color: palette(placeholder-text);")  # the theme's muted text
        ends.addWidget(lab)
    lay.addLayout(ends)
    return box


def name_problem(history: History, name: str, exc: ValueError, keep: int | None = None) -> str:
    """Why a receiver name cannot be used, in the interface language (the history says it in
    English): the name is empty, or someone else already has it."""
    clean = " ".join(name.split())
    if not clean:
        return QCoreApplication.translate("Receivers", "Please enter a name.")
    if any(r.name == clean and r.id != keep for r in history.receivers()):
        return QCoreApplication.translate(
            "Receivers", "There is already someone called %1. Choose another name."
        ).replace("%1", clean)
    return str(exc)


class ReceiverPicker(QWidget):
    """A combo of receivers with the nameless default first, and a button to add one."""

    changed = Signal()

    def __init__(self, history: History, parent: QWidget | None = None, label: str = "") -> None:
        super().__init__(parent)
        self._history = history
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.setMinimumWidth(200)
        self.combo.setAccessibleName(self.tr("Receiver"))
        self.add_button = QPushButton(self.tr("New receiver…"))
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(not history.read_only)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        if label:  # the label names the combo for a screen reader (Linux reads a combo's value)
            self.label = QLabel(label, self)
            self.label.setBuddy(self.combo)
            column.addWidget(self.label)
        column.addLayout(row)
        self.add_button.clicked.connect(self._ask_new)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.reload()

    def reload(self, select: int | None = None) -> None:
        keep = self.receiver_id() if select is None else select
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("No name"), NO_RECEIVER)
        for r in self._history.receivers():
            self.combo.addItem(r.name, r.id)
        index = self.combo.findData(NO_RECEIVER if keep is None else keep)
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.changed.emit()

    def receiver_id(self) -> int | None:
        data = self.combo.currentData() if self.combo.count() else NO_RECEIVER
        return None if data in (None, NO_RECEIVER) else int(data)

    def add(self, name: str) -> int | None:
        """Create a receiver and select it; says why when the name cannot be used."""
        try:
            rid = self._history.add_receiver(name)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Receiver"), name_problem(self._history, name, exc))
            return None
        self.reload(select=rid)
        return rid

    def _ask_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New receiver"), self.tr("Name:"))
        if ok and name.strip():
            self.add(name)


@dataclass(frozen=True)
class Before:
    receiver_id: int | None
    pain_before: int | None
    pain_map: tuple[str, ...]
    new_course: bool


class BeforeDialog(QDialog):
    """Before a session: who receives it, how much it hurts now, and where (click the zones)."""

    def __init__(
        self,
        history: History,
        parent: QWidget | None = None,
        *,
        body: Body | None = None,
        today: date | None = None,
        lang: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before the session"))
        self._history = history
        self._body = body or load_body()
        self._today = today or date.today()
        self._lang = lang
        self._marked: set[str] = set()
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.picker = ReceiverPicker(history, label=self.tr("Who receives the massage?"))
        left.addWidget(self.picker)
        self.course_label = QLabel()
        self.course_label.setWordWrap(True)
        left.addWidget(self.course_label)
        self.new_course = QCheckBox(self.tr("Start a new course with this session"))
        left.addWidget(self.new_course)
        left.addSpacing(12)
        left.addWidget(QLabel(self.tr("How strong is the pain right now?")))
        self.pain = PainScale()
        left.addWidget(_scale_with_legend(self.pain))
        left.addSpacing(12)
        hint = QLabel(
            self.tr("Where does it hurt? Click the areas on the back (click again to clear).")
        )
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.zones_label = QLabel()
        self.zones_label.setWordWrap(True)
        left.addWidget(self.zones_label)
        left.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        go_on = buttons.button(QDialogButtonBox.StandardButton.Ok)
        go_on.setText(self.tr("Continue"))
        go_on.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        left.addWidget(buttons)
        self.body_view = self._make_body_view()
        if self.body_view is not None:
            outer.addWidget(self.body_view, 2)
        self.picker.changed.connect(self._update_course)
        self._update_course()
        self._update_zones()

    def _make_body_view(self) -> QWidget | None:
        try:
            from massage_trainer.ui.diagram.view import BodyView, ZoneKeys
        except ImportError:  # the diagram is optional here: the rest still works
            return None
        view = BodyView(body=self._body)
        view.set_language(self._lang)
        view.setAccessibleName(self.tr("Body map: where does it hurt?"))
        hint = self.tr("Arrows name the zones one by one; Enter or Space marks or unmarks a zone.")
        ZoneKeys(view, hint)
        view.zoneClicked.connect(self.toggle_zone)
        view.setMinimumSize(260, 360)
        return view

    def toggle_zone(self, zone_id: str) -> None:
        if not zone_id:
            return
        self._marked.symmetric_difference_update({zone_id})
        self._update_zones()

    def _update_zones(self) -> None:
        if self.body_view is not None:
            self.body_view.set_marked_zones(self._marked)  # type: ignore[attr-defined]
        names = [
            self._body.zones[z].name.get(self._lang) if z in self._body.zones else z
            for z in sorted(self._marked)
        ]
        self.zones_label.setText(
            self.tr("Marked: %1").replace("%1", ", ".join(names))
            if names
            else self.tr("Nothing marked.")
        )

    def _update_course(self) -> None:
        who = self.picker.receiver_id()
        st = course.receiver_status(self._history.sessions(who, with_steps=False), who, self._today)
        nxt = st.next_session
        text = self.tr("This will be session %1 of course %2.").replace("%1", str(nxt.session))
        text = text.replace("%2", str(nxt.course))
        if st.break_due:
            text += " " + self.tr(
                "A course is usually 10 to 20 sessions: a break of about two months is advised now."
            )
        if st.next_course_from is not None and not st.over:
            text += " " + self.tr(
                "A new course may start from %1 (two months after the last session)."
            ).replace("%1", st.next_course_from.isoformat())
        self.course_label.setText(text)

    def result_values(self) -> Before:
        return Before(
            receiver_id=self.picker.receiver_id(),
            pain_before=self.pain.value(),
            pain_map=tuple(sorted(self._marked)),
            new_course=self.new_course.isChecked(),
        )


class AfterDialog(QDialog):
    """After a session: pain 0-10 now (beside the score before), and a free note."""

    def __init__(self, pain_before: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("After the session"))
        lay = QVBoxLayout(self)
        if pain_before is not None:
            lay.addWidget(
                QLabel(
                    self.tr("Before the session the pain was %1 of 10.").replace(
                        "%1", str(pain_before)
                    )
                )
            )
        lay.addWidget(QLabel(self.tr("How strong is the pain now?")))
        self.pain = PainScale()
        lay.addWidget(_scale_with_legend(self.pain))
        lay.addWidget(QLabel(self.tr("Note (how it went, what helped):")))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note (how it went, what helped):").rstrip(":"))
        self.note.setPlaceholderText(self.tr("Optional. Ctrl+Enter saves."))
        self.note.setMinimumHeight(90)
        self.note.setTabChangesFocus(True)  # Tab leaves the note for the buttons
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter alone starts a new line of the note
            QShortcut(QKeySequence(keys), self, self.accept)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def result_values(self) -> tuple[int | None, str]:
        return self.pain.value(), self.note.toPlainText().strip()


class ReceiversDialog(QDialog):
    """Manage receiver profiles: add and rename (sessions keep their receiver)."""

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receivers"))
        self._history = history
        lay = QVBoxLayout(self)
        label = self.tr("People you massage. A profile is optional.")
        self.picker = ReceiverPicker(history, label=label)
        lay.addWidget(self.picker)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setEnabled(not history.read_only)
        self.rename_button.clicked.connect(self._ask_rename)
        lay.addWidget(self.rename_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)

    def rename(self, receiver_id: int, name: str) -> bool:
        try:
            self._history.rename_receiver(receiver_id, name)
        except ValueError as exc:
            problem = name_problem(self._history, name, exc, receiver_id)
            QMessageBox.warning(self, self.tr("Receiver"), problem)
            return False
        self.picker.reload(select=receiver_id)
        return True

    def _ask_rename(self) -> None:
        rid = self.picker.receiver_id()
        if rid is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename receiver"), self.tr("Name:"), text=self.picker.combo.currentText()
        )
        if ok:
            self.rename(rid, name)
