"""Classroom features in the main window's menus: presenter mode, practice mode, authoring, handouts.

Installed once per window by the composition root (ui/app.py); each feature lives in its own
module, this only adds the menu items and keys, lets authoring open protocol files, and tidies up
when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from massage_trainer.ui.classroom.authoring import AuthoringUi
from massage_trainer.ui.classroom.practice import PracticeMode
from massage_trainer.ui.classroom.presenter import PresenterMode
from massage_trainer.ui.session.host import SessionHost


class Classroom(QObject):
    """Owns the presenter, practice and authoring helpers of one main window."""

    def __init__(self, window: SessionHost) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.presenter = PresenterMode(window)
        self.practice = PracticeMode(window)
        self.authoring = AuthoringUi(window)
        self.actions: dict[str, QAction] = {}
        self._add_menus()
        window.set_file_opener(self.authoring)  # opens, shows problems in a banner, watches
        window.closing.connect(self.close)

    def _action(self, name: str, text: str, keys: str = "", tip: str = "") -> QAction:
        a = QAction(text, self.window.as_widget())
        a.setObjectName(f"action_{name}")
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        a.setToolTip(tip + (f"  ({shown})" if shown else ""))
        a.setStatusTip(tip)
        self.window.as_widget().addAction(a)
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

        file_menu, view_menu = w.menu("file"), w.menu("view")
        if file_menu is not None:
            before = w.actions_["quit"]
            file_menu.insertActions(before, [new])
            file_menu.insertSeparator(before)
            file_menu.insertActions(before, [imp, exp, pdf])
            file_menu.insertSeparator(before)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addActions([presenter, self.practice.action, self.practice.glossary_action])

    def close(self) -> None:
        """The window closes: the audience window goes with it, practice time is written."""
        self.presenter.stop()
        self.practice.shutdown()


def install(window: SessionHost) -> Classroom:
    return Classroom(window)
