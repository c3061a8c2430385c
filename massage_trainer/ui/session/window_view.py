"""The main window's view side: theme, icons, blanking, notices, cue switches, help, settings.

A mixin of MainWindow, kept apart so each file stays small; it relies on the widgets MainWindow builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from massage_trainer.core.session.player import State
from massage_trainer.ui.base import window_style
from massage_trainer.ui.session import window_actions
from massage_trainer.ui.session.cues import CueSettings

NOT_BEGUN = (State.IDLE, State.FINISHED, State.STOPPED)

if TYPE_CHECKING:
    _Base = Any
else:
    _Base = object


class WindowViewMixin(_Base):
    """Look and settings of the main window (mixed into MainWindow)."""

    # ---- view ----------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = name if name in window_style.THEME_NAMES else "light"
        self.colours = self._style_app(self.theme)
        self._apply_icons(self.controller.state is State.PAUSED)
        self.actions_.themes[self.theme].setChecked(True)
        if hasattr(self.body_view, "set_theme"):
            self.body_view.set_theme(self.theme)
        self.timeline.set_theme(self.theme)
        panel_theme = getattr(self.safety_panel, "set_theme", None)
        if callable(panel_theme):
            panel_theme(self.theme)
        self.panel.refresh_fonts()
        self.settings.setValue("view/theme", self.theme)

    def _style_app(self, theme: str) -> window_style.Colours:
        """Give the application the palette and style sheet of `theme`, once per change.

        The window styles the application before it builds its widgets: a new style sheet
        re-polishes every widget that exists, which costs ~5 ms at start-up.
        """
        theme = theme if theme in window_style.THEME_NAMES else "light"
        app = QApplication.instance()
        if theme == self._styled or not isinstance(app, QApplication):
            return window_style.colours(theme)
        self._styled = theme
        return window_style.apply(app, theme)

    def _apply_icons(self, paused: bool) -> None:
        c = self.colours
        self._icons_paused = paused
        window_actions.apply_icons(self.actions_, c.text, c.muted, paused)
        self.protocol_button.setIcon(self.actions_["choose"].icon())
        self._sync_play_button()

    def _play_action(self) -> QAction:
        """Start before the session begins, pause/resume after: one big button for both."""
        begun = self.controller.state not in NOT_BEGUN
        return self.actions_["pause" if begun else "start"]

    def _sync_play_button(self) -> None:
        """The big filled button mirrors its action, with an icon in the window colour."""
        b, act = self.buttons["start"], self._play_action()
        c = self.colours
        paused = self.controller.state is State.PAUSED
        icon = "pause" if act is self.actions_["pause"] and not paused else "start"
        b.setText(act.text().replace("&", ""))
        b.setToolTip(act.toolTip())
        b.setAccessibleName(b.text())
        b.setEnabled(act.isEnabled())
        b.setIcon(window_actions.themed_icon(icon, c.window, c.muted))

    def set_blank(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        if self.actions_["blank"].isChecked() != on:
            self.actions_["blank"].setChecked(on)
        if not on:
            self._on_frame(self.controller.player.step_time() if self.controller.player else 0.0)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _set_labels(self, on: bool) -> None:
        if hasattr(self.body_view, "set_show_labels"):
            self.body_view.set_show_labels(on)
        self.settings.setValue("view/labels", on)

    def _zone_hovered(self, zone_id: str) -> None:
        if zone_id:
            self.statusBar().showMessage(zone_id.replace("-", " "), 3000)

    def notify_once(self, text: str, key: str | None = "") -> None:
        """Tell the person something once per run (missing sound, speech...), in a banner."""
        if not text:
            return
        key = text if key == "" else key
        if key is not None and key in self._notices:
            return
        if key is not None:
            self._notices.add(key)
        shown = [self.banner.text()] if not self.banner.isHidden() and self.banner.text() else []
        self.banner.setText("  ".join([*shown, text]))
        self.banner.show()
        self.statusBar().showMessage(text, 10000)

    # ---- cues ----------------------------------------------------------------------------

    def _set_cue(self, name: str, on: bool) -> None:
        setattr(self.cues.settings, name, on)
        self.settings.setValue(f"cues/{name}", on)

    def edit_cues(self) -> None:
        from massage_trainer.ui.session.cue_dialog import CueDialog

        dialog = CueDialog(self.cues.settings, sorted(self._notices), self)
        if dialog.exec():
            self.apply_cue_settings(dialog.result_settings())

    def apply_cue_settings(self, s: CueSettings) -> None:
        self.cues.settings = s
        for name, value in s.as_dict().items():
            self.settings.setValue(f"cues/{name}", value)
            if isinstance(value, bool):
                self.actions_[name].setChecked(value)

    # ---- help ----------------------------------------------------------------------------

    def show_keys(self) -> None:
        rows = "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>"
            for k, v in window_actions.key_table()
        )
        from PySide6.QtWidgets import QMessageBox  # dialogs load after the first paint

        QMessageBox.information(self, self.tr("Keys"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        """Help ▸ About: version, licences, the disclaimer and the sources (ui/about.py)."""
        from massage_trainer.ui.session.about import show_about

        show_about(self)

    # ---- settings and lifetime -----------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.set_theme(str(s.value("view/theme", "light")))
        self.actions_["labels"].setChecked(str(s.value("view/labels", "false")).lower() == "true")
        cue = CueSettings.from_mapping(lambda name, default: s.value(f"cues/{name}", default))
        self.apply_cue_settings(cue)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
