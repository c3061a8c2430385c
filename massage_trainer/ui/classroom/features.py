"""Classroom features in the main window's menus: presenter mode, practice mode, authoring, handouts.

Installed once by the main window; each feature lives in its own module, this only adds the menu
items and keys and tidies up when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from massage_trainer.ui.classroom.authoring import AuthoringUi
from massage_trainer.ui.classroom.practice import PracticeMode
from massage_trainer.ui.classroom.presenter import PresenterMode

if TYPE_CHECKING:
    from massage_trainer.ui.session.main_window import MainWindow


class Classroom(QObject):
    """Owns the presenter, practice and authoring helpers of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.presenter = PresenterMode(window)
        self.practice = PracticeMode(window)
        self.authoring = AuthoringUi(window)
        self.actions: dict[str, QAction] = {}
        self._add_menus()
        window.installEventFilter(self)

    def _action(self, name: str, text: str, keys: str = "", tip: str = "") -> QAction:
        a = QAction(text, self.window)
        a.setObjectName(f"action_{name}")
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        a.setToolTip(tip + (f"  ({shown})" if shown else ""))
        a.setStatusTip(tip)
        self.window.addAction(a)
        self.actions[name] = a
        return a

    def _add_menus(self) -> None:
        w, au = self.window, self.authoring
        presenter = self._action(
            "presenter",
            QCoreApplication.translate("Classroom", "&Presenter mode"),
            "F5",
            QCoreApplication.translate(
                "Classroom",
                "Show the session full screen for a class, on the second screen if there is one",
            ),
        )
        presenter.setCheckable(True)
        presenter.triggered.connect(lambda _=False: self.presenter.toggle())
        self.presenter.activeChanged.connect(presenter.setChecked)
        new = self._action(
            "new_protocol",
            QCoreApplication.translate("Classroom", "&New protocol from template…"),
            "Ctrl+N",
            QCoreApplication.translate(
                "Classroom", "Start a protocol of your own from the commented template"
            ),
        )
        new.triggered.connect(au.new_from_template)
        imp = self._action(
            "import",
            QCoreApplication.translate("Classroom", "&Import protocol…"),
            "",
            QCoreApplication.translate("Classroom", "Copy a shared protocol into yours"),
        )
        imp.triggered.connect(au.import_file)
        exp = self._action(
            "export",
            QCoreApplication.translate("Classroom", "&Export protocol…"),
            "",
            QCoreApplication.translate("Classroom", "Save the current protocol file elsewhere"),
        )
        exp.triggered.connect(au.export_file)
        pdf = self._action(
            "handout",
            QCoreApplication.translate("Classroom", "Export &handout (PDF)…"),
            "Ctrl+Shift+E",
            QCoreApplication.translate(
                "Classroom",
                "A printable handout: safety checklist, then every step with its diagram",
            ),
        )
        pdf.triggered.connect(au.export_handout)

        file_menu = w.menuBar().findChild(QMenu, "menu_file")
        view_menu = w.menuBar().findChild(QMenu, "menu_view")
        if file_menu is not None:
            before = w.actions_["quit"]
            file_menu.insertActions(before, [new])
            file_menu.insertSeparator(before)
            file_menu.insertActions(before, [imp, exp, pdf])
            file_menu.insertSeparator(before)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addActions([presenter, self.practice.action, self.practice.glossary_action])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.presenter.stop()
            self.practice.shutdown()
        return False


def install(window: MainWindow) -> Classroom:
    return Classroom(window)
