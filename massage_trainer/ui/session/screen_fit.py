"""The main window on any screen, at any scale: it opens at a size that fits, never asks for more
than the screen has, and rearranges itself when it is narrow (a small screen, 200 % scaling or a
large text size).

Narrow, the safety panel moves above the session (it keeps the whole width, and collapses to its
verdict once everything is answered), the step panel goes under the diagram, and the control bar
takes two rows; what still does not fit scrolls (SessionView), the control bar always in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

from massage_trainer.ui.base.screen_room import available, fit_to_screen
from massage_trainer.ui.session.session_view import SessionView

PREFERRED = QSize(1280, 800)
"""The size the window opens at on a screen with room for it."""
SMALLEST = QSize(480, 320)
"""The window's minimum size, or the screen's available size when that is smaller."""
NARROW_EM = 72
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Below this many text heights of width, the window takes its narrow arrangement."""


class ScreenFit(QObject):
    """Keeps one main window within its screen and arranges it for its width."""

    def __init__(self, window: QMainWindow, view: SessionView) -> None:
        super().__init__(window)
        self.window, self.view = window, view
        self.narrow: bool | None = None
        self._docks: dict[QObject, QDockWidget] = {}
        """A panel's content (watched for size changes) and its dock."""
        window.setMinimumSize(SMALLEST.boundedTo(available(window).size()))
        window.installEventFilter(self)

    def restore(self, geometry: QByteArray) -> None:
        """The saved geometry brought back within this screen, or the first start's size."""
        if not geometry.isEmpty() and self.window.restoreGeometry(geometry):
            self.restored()
        else:
            self.open_size()

    def open_size(self) -> None:
        """The first start (no saved geometry): 1280×800, or the whole available screen."""
        fit_to_screen(self.window, PREFERRED)

    def restored(self) -> None:
        """A saved geometry from a larger screen (or scale) is brought back within this one."""
        room = available(self.window)
        if not room.contains(self.window.frameGeometry()):
            fit_to_screen(self.window, self.window.size())

    def _frame_within(self) -> None:
        """Once shown the frame is known: a window that fits the screen only without its frame
        (as opened or restored) is made that much smaller. A size asked for on purpose (a
        script's picture larger than the screen) is left alone."""
        room = available(self.window)
        if room.contains(self.window.geometry()) and not room.contains(self.window.frameGeometry()):
            fit_to_screen(self.window, self.window.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._docks and event.type() == QEvent.Type.LayoutRequest:
            self._size_top_dock(self._docks[watched])  # the safety panel collapsed or opened
        elif watched is self.window and event.type() == QEvent.Type.Resize:
            self.arrange()
        elif watched is self.window and event.type() == QEvent.Type.Show:
            self._frame_within()
        return False

    def arrange(self, force: bool = False) -> None:
        """Wide or narrow arrangement for the window's width now (in text heights, so a larger
        text size counts like a smaller screen); `force`: again even if that did not change
        (a panel was docked, the text size changed)."""
        em = max(1, self.window.fontMetrics().height())
        narrow = self.window.width() < NARROW_EM * em
        if narrow == self.narrow and not force:
            return
        self.narrow = narrow
        self.view.set_narrow(narrow)
        for dock in self.window.findChildren(QDockWidget):
            if dock.isFloating() or dock.objectName() != "safetyPanel":
                continue
            area = self.window.dockWidgetArea(dock)
            content = _content(dock)
            if content not in self._docks:
                self._docks[content] = dock
                content.installEventFilter(self)
            if narrow and area == Qt.DockWidgetArea.LeftDockWidgetArea:
                self.window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
            elif not narrow and area == Qt.DockWidgetArea.TopDockWidgetArea:
                self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            self._size_top_dock(dock)

    def _size_top_dock(self, dock: QDockWidget) -> None:
        """Above the session a panel takes the height it needs, at most half the window: the
        verdict alone once collapsed, the questions (scrolling) while they are answered."""
        if self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.TopDockWidgetArea:
            dock.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        content = _content(dock)
        outside = dock.height() - (content.parentWidget() or content).height()  # title, margins
        lay = content.layout()
        need = (
            lay.totalHeightForWidth(content.width())
            if lay is not None and lay.hasHeightForWidth()
            else content.sizeHint().height()
        )
        dock.setMaximumHeight(
            max(dock.minimumSizeHint().height(), min(need + outside, self.window.height() // 2))
        )


def _content(dock: QDockWidget) -> QWidget:
    """What a dock shows, inside its scroll area if it has one."""
    inner = dock.widget()
    if isinstance(inner, QScrollArea) and inner.widget() is not None:
        return inner.widget()
    return inner if inner is not None else dock
