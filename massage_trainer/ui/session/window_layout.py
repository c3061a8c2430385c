"""The main window's layout and start-up: what it builds before its first paint, and after.

A mixin of MainWindow (like window_view.py), kept apart so each file stays small. Before the
first paint the window builds only what that paint shows; the diagram, the safety panel, the
timeline's content, the history and the classroom tools come right after (`finish_startup`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.ui.session import window_actions
from massage_trainer.ui.session.step_panel import StepPanel
from massage_trainer.ui.session.timeline import Timeline

if TYPE_CHECKING:
    _Base = Any
else:
    _Base = object

TEXT_BESIDE_ICON = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


def elide_right(metrics: QFontMetrics, text: str, width: int) -> str:
    """`text` cut to fit `width` pixels, ending in "…" when cut (QFontMetrics.elidedText needs
    the `Qt` namespace, which the first paint does without)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    lo, hi = 0, len(text)  # the longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(text[:mid].rstrip() + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _make_body_view(parent: QWidget) -> QWidget:
    """The animated body diagram (ui/body_view.py), or a plain placeholder if it cannot load."""
    try:
        from massage_trainer.ui.diagram.view import BodyView
    except ImportError:
        return _placeholder(parent)
    return BodyView(parent)


def _placeholder(parent: QWidget) -> QWidget:
    label = QLabel(parent)
    label.setObjectName("diagramPlaceholder")
    return label


class _ControlBar(QWidget):
    """The button row; tells the window its width so the buttons can fit."""

    def __init__(self, parent: QWidget, on_width: Callable[[int], None]) -> None:
        super().__init__(parent)
        self._on_width = on_width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_width(event.size().width())


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


class WindowLayoutMixin(_Base):
    """Widgets, their sizes and the two-stage start of the main window (mixed into MainWindow)."""

    def _build_body(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel(central)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.body_view = _placeholder(central)
        self.blank = QWidget(central)
        self.blank.setObjectName("blank")
        self.blank.setAccessibleName(self.tr("Diagram blanked (press B to show it)"))
        self.stack = QStackedWidget(central)
        self.stack.addWidget(self.body_view)
        self.stack.addWidget(self.blank)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.panel = StepPanel(central)
        self.panel.lang = self.lang
        self.panel.setMinimumWidth(330)
        self.splitter = _Splitter(central, self._first_split)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)

        self.timeline = Timeline(central)
        outer.addWidget(self.timeline)
        outer.addWidget(self._build_controls(central))
        self.setCentralWidget(central)

        self.state_label = QLabel(self)
        self.elapsed_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.state_label)
        self.statusBar().addPermanentWidget(self.elapsed_label)

    def _build_controls(self, parent: QWidget) -> QWidget:
        bar = _ControlBar(parent, self._fit_controls)
        bar.setObjectName("controlBar")
        self.control_bar = bar
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(8)
        a = self.actions_
        self.protocol_button = QToolButton(bar)
        self.protocol_button.setObjectName("protocolButton")
        self.protocol_button.clicked.connect(a["choose"].trigger)
        self.protocol_button.setToolTip(a["choose"].toolTip())
        self.protocol_button.setText(self.tr("Choose protocol"))
        self.protocol_button.setAccessibleName(self.tr("Choose protocol"))
        self.protocol_button.setToolButtonStyle(TEXT_BESIDE_ICON)
        self.protocol_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("stepProgress")
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress through the steps"))
        self.progress.setMinimumWidth(80)
        self.buttons: dict[str, QToolButton] = {}
        lay.addWidget(self.protocol_button)
        lay.addSpacing(6)
        lay.addWidget(self.progress, 1)
        lay.addSpacing(6)
        for name, obj in (
            ("previous", ""),
            ("start", "startButton"),
            ("next", ""),
            ("restart", ""),
            ("stop", ""),
            ("pain", "painButton"),
        ):
            b = QToolButton(bar)
            if name == "start":
                b.clicked.connect(lambda: self._play_action().trigger())
            else:
                b.setDefaultAction(a[name])
            b.setToolButtonStyle(TEXT_BESIDE_ICON)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAccessibleName(a[name].text().replace("&", ""))
            if obj:
                b.setObjectName(obj)
            lay.addWidget(b)
            self.buttons[name] = b
        self.buttons["start"].setMinimumWidth(120)
        return bar

    def _first_split(self, width: int) -> None:
        """Share the splitter between diagram and panel when it first gets its width (before its
        children are shown, so the panel lays out its text once), unless a saved split exists."""
        if not self.splitter.restoreState(self._splitter_state()):
            self.splitter.setSizes([round(width * 0.62), round(width * 0.38)])

    def _splitter_state(self) -> QByteArray:
        value = self.settings.value("window/splitter")
        return value if isinstance(value, QByteArray) else QByteArray()

    def _fit_controls(self, width: int) -> None:
        """Words beside the icons where they fit the bar's `width`: else the four secondary
        buttons, then the protocol button, show icons only (their tooltips stay). Start and
        Pain always keep their words."""
        layout = self.control_bar.layout()
        for secondary, protocol in (
            (TEXT_BESIDE_ICON, TEXT_BESIDE_ICON),
            (ICON_ONLY, TEXT_BESIDE_ICON),
            (ICON_ONLY, ICON_ONLY),
        ):
            for name in ("previous", "next", "restart", "stop"):
                self.buttons[name].setToolButtonStyle(secondary)
            self.protocol_button.setToolButtonStyle(protocol)
            if layout.minimumSize().width() <= width:
                return

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
            QTimer.singleShot(0, self, self.finish_startup)

    def _install_body_view(self) -> None:
        view = _make_body_view(self.stack)
        view.setAccessibleName(self.tr("Body diagram with the hands of the current step"))
        view.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        old = self.body_view
        self.stack.insertWidget(0, view)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.body_view = view
        if hasattr(view, "zoneHovered"):
            view.zoneHovered.connect(self._zone_hovered)
        if hasattr(view, "set_theme"):
            view.set_theme(self.theme)
        if hasattr(view, "set_show_labels"):
            view.set_show_labels(self.actions_["labels"].isChecked())
        if not self.actions_["blank"].isChecked():
            self.stack.setCurrentIndex(0)
        player = self.controller.player
        if player is not None:
            self._show_step(player.step_index)
            self._on_frame(player.step_time())

    def _install_classroom(self) -> None:
        """Presenter, practice and authoring: imported after the first paint (~0.1 s of imports)."""
        from massage_trainer.ui.classroom import features as classroom

        self.classroom = classroom.install(self)

    def add_deferred(self, job: Callable[[], None]) -> None:
        """Work to do right after the first paint (it runs at once if that already happened)."""
        if self._started:
            job()
        else:
            self._deferred.append(job)

    def finish_startup(self) -> None:
        """What can wait until the window is on screen: diagram, safety panel, timeline, cues.

        Start stays locked until this has run, so the safety gate is never skipped.
        """
        if self._started:
            return
        self._started = True
        window_actions.install_shortcuts(self.actions_)
        if self.controller.protocol is None:  # else it names the protocol (MainWindow._on_protocol)
            self.protocol_button.setToolTip(self.actions_["choose"].toolTip())
        self._install_body_view()
        for job in self._deferred:
            job()
        self._deferred.clear()
        self._refresh_actions()
        self.timeline.build()
        self.timeline.set_theme(self.theme)
        self.cues.prepare()
