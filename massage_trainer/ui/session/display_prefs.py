"""View ▸ Text size, Reduce motion and Step panel: how the window is shown, kept in the settings.

The text size scales the application font (100, 125, 150 or 200 %); everything sized from the
font follows: the step panel's text, check boxes, the verdict, the window's narrow arrangement.
Reduce motion stops the diagram's glow pulse and shows the hands at the key poses of a stroke
(ui/diagram/key_poses.py). Qt 6.11 tells nothing of the desktop's reduced-motion preference
(QStyleHints and QAccessibilityHints have no such hint), so it starts off until the person asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QWidget

from massage_trainer.ui.diagram.key_poses import REDUCE_MOTION

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from massage_trainer.ui.base.window_style import AppStyle, Colours
    from massage_trainer.ui.session.safety_gate import SafetyGate
    from massage_trainer.ui.session.screen_fit import ScreenFit
    from massage_trainer.ui.session.session_view import SessionView


class Window(Protocol):
    """What the display settings use of the main window (only ui/app.py imports it)."""

    theme: str
    colours: Colours
    app_style: AppStyle
    view: SessionView
    safety_gate: SafetyGate
    screen_fit: ScreenFit

    def menu(self, name: str) -> QMenu | None: ...


TEXT_SIZES = (100, 125, 150, 200)
_BASE_PT = "massageTrainerBasePointSize"


def saved_text_size(settings: QSettings) -> int:
    try:
        value = int(str(settings.value("view/text_size", 100)))
    except ValueError:
        return 100
    return value if value in TEXT_SIZES else 100


def saved_reduce_motion(settings: QSettings) -> bool:
    return str(settings.value("view/reduce_motion", "false")).lower() == "true"


def apply_text_size(percent: int) -> None:
    """Scale the application font to `percent` of what the desktop gave it."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = app.property(_BASE_PT)
    if not isinstance(base, float):
        base = app.font().pointSizeF()
        app.setProperty(_BASE_PT, base)
    font = QFont(app.font())
    font.setPointSizeF(base * percent / 100)
    app.setFont(font)


def apply_saved(settings: QSettings) -> None:
    """Before the window is built: the saved text size and motion preference."""
    apply_text_size(saved_text_size(settings))
    app = QApplication.instance()
    if app is not None:
        app.setProperty(REDUCE_MOTION, saved_reduce_motion(settings))


class DisplayPrefs(QObject):
    """The View menu's display entries for one main window."""

    def __init__(self, window: Window, settings: QSettings, parent: QObject) -> None:
        super().__init__(parent)
        self.window, self.settings = window, settings
        menu = window.menu("view")
        assert menu is not None
        menu.addSeparator()
        sizes = menu.addMenu(QCoreApplication.translate("DisplayPrefs", "Text si&ze"))
        group = QActionGroup(self)
        self.size_actions: dict[int, QAction] = {}
        current = saved_text_size(settings)
        for pct in TEXT_SIZES:
            act = QAction(f"{pct} %", self)
            act.setCheckable(True)
            act.setChecked(pct == current)
            act.setObjectName(f"action_text_{pct}")
            act.triggered.connect(lambda _=False, p=pct: self.set_text_size(p))
            group.addAction(act)
            sizes.addAction(act)
            self.size_actions[pct] = act
        self.motion_action = QAction(
            QCoreApplication.translate("DisplayPrefs", "Reduce &motion"), self
        )
        self.motion_action.setObjectName("action_reduce_motion")
        self.motion_action.setCheckable(True)
        self.motion_action.setToolTip(
            QCoreApplication.translate(
                "DisplayPrefs",
                "No pulsing glow; the hands shown at the start, middle and end of a stroke",
            )
        )
        self.motion_action.setChecked(saved_reduce_motion(settings))
        self.motion_action.toggled.connect(self.set_reduce_motion)
        self.panel_action = QAction(QCoreApplication.translate("DisplayPrefs", "S&tep panel"), self)
        self.panel_action.setObjectName("action_step_panel")
        self.panel_action.setCheckable(True)
        self.panel_action.setToolTip(
            QCoreApplication.translate(
                "DisplayPrefs", "Show or fold away the step's instructions beside the diagram"
            )
        )
        self.panel_action.setChecked(str(settings.value("view/step_panel", "true")) != "false")
        self.panel_action.toggled.connect(self.set_step_panel)
        menu.addActions([self.motion_action, self.panel_action])
        window.view.set_step_panel_shown(self.panel_action.isChecked())

    def set_text_size(self, percent: int) -> None:
        percent = percent if percent in TEXT_SIZES else 100
        apply_text_size(percent)
        w = self.window
        w.colours = w.app_style.use(w.theme, force=True)  # indicator sizes follow the font
        w.view.panel.refresh_fonts()
        w.safety_gate.set_theme(w.theme)  # the verdict's title size
        w.screen_fit.arrange(force=True)
        w.view.controls.fit(w.view.controls.width())
        self.size_actions[percent].setChecked(True)
        self.settings.setValue("view/text_size", percent)

    def set_reduce_motion(self, on: bool) -> None:
        app = QApplication.instance()
        if app is not None:
            app.setProperty(REDUCE_MOTION, on)
        for top in QApplication.topLevelWidgets():
            for view in [top, *top.findChildren(QWidget)]:
                still = getattr(view, "set_reduce_motion", None)
                if callable(still):
                    still(on)
        self.settings.setValue("view/reduce_motion", on)

    def set_step_panel(self, on: bool) -> None:
        self.window.view.set_step_panel_shown(on)
        self.settings.setValue("view/step_panel", on)
