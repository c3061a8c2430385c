"""The pain stop: where it hurts, what it feels like, which warning signs apply, and what to do now.

The session is already paused when this opens. There should be no pain: a warning sign (or a
feeling or place the rules treat as one) leaves only "stop and see a doctor"; sharp, burning,
shooting or spreading pain leaves only "stop"; otherwise the person may go on one pressure level
lighter (after a get-ready lead-in) or skip the step, never carry on as before. Closing the dialog
keeps the session paused.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol.vocab import Pressure
from massage_trainer.core.safety.pain import PainAdvice, assess_pain
from massage_trainer.core.safety.rules_model import Rules
from massage_trainer.ui.base import window_style
from massage_trainer.ui.base.announcer import Announcer
from massage_trainer.ui.base.screen_room import fit_to_screen
from massage_trainer.ui.base.window_style import Colours

DECISIONS = ("stop", "lighten", "skip", "paused")
QWIDGETSIZE_MAX = (1 << 24) - 1


@dataclass(frozen=True)
class PainReport:
    """What the person reported and decided; kept with the session as a pain-stop event."""

    zone: str | None
    feeling: str | None
    red_flags: tuple[str, ...]
    stop_advised: bool
    """The session must end."""
    decision: str
    see_doctor: bool = False
    """A warning sign: a "see a doctor first" hold is kept for the receiver."""
    reasons: tuple[str, ...] = ()
    """Why, in the words shown."""

    def detail(self) -> str:
        flags = ",".join(self.red_flags) or "-"
        return (
            f"zone={self.zone or '-'} feeling={self.feeling or '-'} flags={flags} "
            f"decision={self.decision}"
        )


class PainDialog(QDialog):
    """Ask about the pain and offer the choices the rules allow; emits `decided` once."""

    decided = Signal(object)
    """A PainReport."""

    def __init__(
        self,
        rules: Rules,
        *,
        lang: str = "en",
        parent: QWidget | None = None,
        zone: str | None = None,
        with_diagram: bool = True,
        pressure: Pressure | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("painDialog")
        self.setWindowTitle(self.tr("Pain: the session is paused"))
        self.rules, self.lang = rules, lang
        self.pressure = pressure
        """The current step's pressure: lightening needs a lower level to go to."""
        self._report: PainReport | None = None
        self._body = load_body()
        self.announcer = Announcer(self)  # the advice is said as it changes
        # the questions scroll when the screen is small (or at 200 %); the decisions stay in sight
        page = QWidget(self)
        self._row = outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body_view: QWidget | None = self._diagram() if with_diagram else None
        if self.body_view is not None:
            outer.addWidget(self.body_view, 2)
        col = QVBoxLayout()
        outer.addLayout(col, 3)
        col.addWidget(self._where_box())
        col.addWidget(self._feeling_box())
        col.addWidget(self._flags_box())
        self.advice = QLabel(self)
        self.advice.setObjectName("painAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setFrameShape(QFrame.Shape.StyledPanel)
        col.addWidget(self.advice)
        scroll = QScrollArea(self)
        scroll.setObjectName("painScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(page)
        main = QVBoxLayout(self)
        main.addWidget(scroll, 1)
        main.addLayout(self._buttons())
        # all of it at once where the screen has room; else the questions scroll
        fit_to_screen(self, QSize(820, 560).expandedTo(page.sizeHint() + QSize(40, 90)), False)
        if zone:
            self.set_zone(zone)
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_screen(self, self.size())  # its frame is known now: all of it on the screen

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (a small screen, large text): the questions first, the diagram under them
        (choosing the place in the list does the same as clicking it)."""
        em = max(1, self.fontMetrics().height())
        narrow = event.size().width() < 48 * em
        self._row.setDirection(
            QBoxLayout.Direction.BottomToTop if narrow else QBoxLayout.Direction.LeftToRight
        )
        if self.body_view is not None:
            self.body_view.setMaximumHeight(24 * em if narrow else QWIDGETSIZE_MAX)
        super().resizeEvent(event)

    # ---- building ------------------------------------------------------------------------

    def _diagram(self) -> QWidget | None:
        try:
            from massage_trainer.ui.diagram.view import BodyView, ZoneKeys
        except ImportError:
            return None
        view = BodyView(self, body=self._body)
        view.set_language(self.lang)
        view.set_theme(window_style.current())  # the picture in the window's theme too
        if hasattr(view, "set_show_legend"):
            view.set_show_legend(False)
        view.setMinimumSize(260, 360)
        view.setAccessibleName(self.tr("Body diagram: click where it hurts"))
        ZoneKeys(view, self.tr("Arrows name the zones one by one; Enter picks where it hurts."))
        view.zoneClicked.connect(self.set_zone)
        return view

    def _where_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where does it hurt? Click the diagram or choose:"), self)
        lay = QVBoxLayout(box)
        self.zone_combo = QComboBox(box)
        self.zone_combo.setAccessibleName(self.tr("Where does it hurt?"))
        self.zone_combo.addItem(self.tr("— not sure —"), None)
        for z in self._body.zones.values():
            self.zone_combo.addItem(z.name.get(self.lang), z.id)
        self.zone_combo.currentIndexChanged.connect(lambda _i: self._on_zone())
        lay.addWidget(self.zone_combo)
        return box

    def _feeling_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What does it feel like?"), self)
        lay = QVBoxLayout(box)
        self.feelings = QButtonGroup(box)
        self._feeling_ids: list[str] = []
        for i, f in enumerate(self.rules.pain.feelings):
            b = QRadioButton(f.text.get(self.lang), box)
            self.feelings.addButton(b, i)
            self._feeling_ids.append(f.id)
            lay.addWidget(b)
        self.feelings.idToggled.connect(lambda _i, on: on and self._refresh())
        return box

    def _flags_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Does any of this apply? Each one means: stop and see a doctor."))
        lay = QVBoxLayout(box)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for f in self.rules.pain.red_flags:
            c = QCheckBox(f.text.get(self.lang), box)
            c.toggled.connect(lambda _on: self._refresh())
            self.flag_boxes[f.id] = c
            lay.addWidget(c)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("stop", self.tr("Stop the session")),
            ("lighten", self.tr("Go on lighter")),
            ("skip", self.tr("Skip this step")),
            ("paused", self.tr("Stay paused")),
        ):
            b = QPushButton(text, self)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, k=key: self.decide(k))
            self.buttons[key] = b
            row.addWidget(b)
        self.buttons["stop"].setObjectName("painStopButton")
        return row

    # ---- state ---------------------------------------------------------------------------

    def set_zone(self, zone_id: str) -> None:
        i = self.zone_combo.findData(zone_id)
        if i >= 0:
            self.zone_combo.setCurrentIndex(i)

    def zone(self) -> str | None:
        z = self.zone_combo.currentData()
        return str(z) if z else None

    def feeling(self) -> str | None:
        i = self.feelings.checkedId()
        return self._feeling_ids[i] if i >= 0 else None

    def set_feeling(self, feeling_id: str) -> None:
        self.feelings.button(self._feeling_ids.index(feeling_id)).setChecked(True)

    def red_flags(self) -> tuple[str, ...]:
        return tuple(k for k, c in self.flag_boxes.items() if c.isChecked())

    def assessment(self) -> PainAdvice:
        return assess_pain(self.rules, self.zone(), self.feeling(), self.red_flags(), self.pressure)

    def _on_zone(self) -> None:
        if self.body_view is not None and hasattr(self.body_view, "set_marked_zones"):
            z = self.zone()
            self.body_view.set_marked_zones([z] if z else [])
        self._refresh()

    def _refresh(self) -> None:
        a = self.assessment()
        name = window_style.current()
        c = window_style.colours(name)
        light = name == "light"
        if a.stop:
            reasons = "".join(f"<li>{r.get(self.lang)}</li>" for r in a.reasons)
            stop = self.tr("Stop: see a doctor")
            self.advice.setText(
                f"<p style='color:{c.danger}; font-weight:bold; font-size:large'>"
                f"{stop}</p><ul style='margin-left:-20px'>{reasons}</ul>"
                f"<p>{a.advice.get(self.lang)}</p>"
            )
            self._advice_box(c, "#fbe6dc" if light else c.panel, c.danger)
        elif self.feeling() is None:
            self.advice.setText(
                self.tr("Choose what the pain feels like, then decide how to go on.")
            )
            self._advice_box(c, "#eef0f3" if light else c.panel, c.line, width=1)
        else:
            self.advice.setText(f"<p>{a.advice.get(self.lang)}</p>")
            self._advice_box(c, "#e6f4ef" if light else c.panel, c.ok)
        known = self.feeling() is not None
        for key in ("lighten", "skip"):
            self.buttons[key].setEnabled(known and key in a.choices)
        if known and "lighten" not in a.choices and not a.stop:
            self.buttons["lighten"].setToolTip(self.tr("The pressure is already light."))
        self.buttons["stop"].setDefault(a.stop)
        self.announcer.say(self.advice.text(), assertive=a.stop)

    def _advice_box(self, c: Colours, background: str, edge: str, width: int = 2) -> None:
        """The advice in the theme's text colour on a background it is readable on."""
        self.advice.setStyleSheet(
            f"QLabel#painAdvice {{ background: {background}; color: {c.text};"
            f" border: {width}px solid {edge}; padding: 8px; }}"
        )

    # ---- result --------------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        """Record the choice (refusing to carry on past a warning sign) and close."""
        if decision not in DECISIONS:
            raise ValueError(decision)
        a = self.assessment()
        if decision in ("lighten", "skip") and (
            self.feeling() is None or decision not in a.choices
        ):
            return
        self._report = PainReport(
            self.zone(),
            self.feeling(),
            self.red_flags(),
            a.stop,
            decision,
            a.see_doctor,
            tuple(r.get(self.lang) for r in a.reasons),
        )
        self.decided.emit(self._report)
        if decision == "paused":
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        if self._report is None:
            a = self.assessment()
            self._report = PainReport(
                self.zone(),
                self.feeling(),
                self.red_flags(),
                a.stop,
                "paused",
                a.see_doctor,
                tuple(r.get(self.lang) for r in a.reasons),
            )
            self.decided.emit(self._report)
        super().reject()

    def report(self) -> PainReport | None:
        return self._report
