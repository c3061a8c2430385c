"""The button row under the timeline: the protocol button, the progress bar and the session buttons.

It shows the window's actions and fits its words to its width; what a button does is the action's
business (the big Start button asks the window which action it stands for).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QProgressBar, QToolButton, QWidget

from massage_trainer.ui.base.a11y import name_with_value
from massage_trainer.ui.base.window_style import Colours
from massage_trainer.ui.session import icons
from massage_trainer.ui.session.window_actions import Actions

TEXT_BESIDE_ICON = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly
PROTOCOL_TITLE_PX = 240
SESSION_BUTTONS = (
    ("previous", ""),
    ("start", "startButton"),
    ("next", ""),
    ("restart", ""),
    ("stop", ""),
    ("pain", "painButton"),
)


class ControlBar(QWidget):
    """Protocol, progress and the session buttons; Start and Pain always keep their words."""

    playClicked = Signal()  # noqa: N815 (Qt signal naming)
    """The big Start button: start before the session begins, pause or resume after."""

    def __init__(self, parent: QWidget, actions: Actions) -> None:
        super().__init__(parent)
        self.actions = actions
        self.setObjectName("controlBar")
        # one row when it fits, else the protocol and progress above the session buttons
        lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(8)
        self._rows = head, tail = QHBoxLayout(), QHBoxLayout()
        head.setSpacing(8)
        tail.setSpacing(8)
        lay.addLayout(head, 1)
        lay.addLayout(tail)
        a = actions
        self.protocol_button = QToolButton(self)
        self.protocol_button.setObjectName("protocolButton")
        self.protocol_button.clicked.connect(a["choose"].trigger)
        self.protocol_button.setToolTip(a["choose"].toolTip())
        self.protocol_button.setText(self.tr("Choose protocol"))
        self.protocol_button.setAccessibleName(self.tr("Choose protocol"))
        self.protocol_button.setToolButtonStyle(TEXT_BESIDE_ICON)
        self.protocol_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click keeps the focus
        self.progress = QProgressBar(self)
        self.progress.setObjectName("stepProgress")
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress through the steps"))
        self.progress.setMinimumWidth(80)
        self.buttons: dict[str, QToolButton] = {}
        head.addWidget(self.protocol_button)
        head.addSpacing(6)
        head.addWidget(self.progress, 1)
        head.addSpacing(6)
        for name, obj in SESSION_BUTTONS:
            b = QToolButton(self)
            if name == "start":
                b.clicked.connect(self.playClicked)
            else:
                b.setDefaultAction(a[name])
            b.setToolButtonStyle(TEXT_BESIDE_ICON)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, a click leaves the focus
            b.setAccessibleName(a[name].text().replace("&", ""))
            if obj:
                b.setObjectName(obj)
            tail.addWidget(b)
            self.buttons[name] = b
        self.buttons["start"].setMinimumWidth(120)

    def show_protocol(self, title: str, tip: str) -> None:
        """Name the open protocol on its button (cut with "…" when long)."""
        metrics = self.protocol_button.fontMetrics()
        room = max(PROTOCOL_TITLE_PX, 27 * metrics.averageCharWidth())  # grows with the text size
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        self.protocol_button.setText(shown)
        self.protocol_button.setToolTip(tip)

    def show_progress(self, step: int, steps: int) -> None:
        """Step `step` (counted from 1) of `steps`: the bar and what a screen reader hears."""
        self.progress.setRange(0, steps)
        self.progress.setValue(step)
        name_with_value(
            self.progress,
            self.tr("Progress through the steps"),
            self.tr("step %1 of %2").replace("%1", str(step)).replace("%2", str(steps)),
        )

    def show_play(self, begun: bool, paused: bool, colours: Colours) -> None:
        """The big filled button mirrors Start before the session begins, Pause or Resume
        after, with an icon in the window colour."""
        action = self.actions["pause" if begun else "start"]
        b = self.buttons["start"]
        b.setText(action.text().replace("&", ""))
        b.setToolTip(action.toolTip())
        b.setAccessibleName(b.text())
        b.setEnabled(action.isEnabled())
        icon = "pause" if begun and not paused else "start"
        b.setIcon(icons.themed_icon(icon, colours.window, colours.disabled))

    def show_icons(self, colours: Colours, paused: bool) -> None:
        """Every session action's icon in the theme's text colour, and the buttons' with them."""
        icons.apply_icons(self.actions, colours.text, colours.disabled, paused)
        self.protocol_button.setIcon(self.actions["choose"].icon())

    def fit(self, width: int) -> None:
        """Words beside the icons where they fit `width`: else the four secondary buttons, then
        the protocol button, show icons only (their tooltips stay); if one row is still too
        wide (a small screen, large text), the buttons go on a second row, words again first."""
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        for direction in (QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom):
            layout.setDirection(direction)
            for secondary, protocol in (
                (TEXT_BESIDE_ICON, TEXT_BESIDE_ICON),
                (ICON_ONLY, TEXT_BESIDE_ICON),
                (ICON_ONLY, ICON_ONLY),
            ):
                for name in ("previous", "next", "restart", "stop"):
                    self.buttons[name].setToolButtonStyle(secondary)
                self.protocol_button.setToolButtonStyle(protocol)
                for row in (*self._rows, layout):
                    row.invalidate()  # nested rows keep their old sizes otherwise
                if layout.minimumSize().width() <= width:
                    return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(event.size().width())
