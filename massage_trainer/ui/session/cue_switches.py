"""The Cues menu: its switches and volumes, kept in the cues, their menu items and the settings.

One object for one window, so the menu, the Cue volumes dialog and the settings file never
disagree about which cue is on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from massage_trainer.ui.session.cues import Cues, CueSettings
from massage_trainer.ui.session.window_actions import Actions

SWITCHES = ("chime", "metronome", "voice", "flash")


class CueSwitches(QObject):
    """Connects the Cues menu of `actions` to `cues`, remembering every change in `settings`."""

    def __init__(
        self,
        parent: QWidget,
        cues: Cues,
        actions: Actions,
        settings: QSettings,
        notices: Callable[[], Iterable[str]],
    ) -> None:
        super().__init__(parent)
        self.cues, self.actions, self.settings = cues, actions, settings
        self._notices = notices
        """What the window has told the person this run (the dialog lists what is unavailable)."""
        for name in SWITCHES:
            actions[name].toggled.connect(lambda on, n=name: self.set_cue(n, on))
        actions["cue_settings"].triggered.connect(lambda _=False: self.edit())

    def restore(self) -> None:
        """The cue settings saved by the last run (defaults for what was never set)."""
        s = self.settings
        self.apply(CueSettings.from_mapping(lambda name, default: s.value(f"cues/{name}", default)))

    def set_cue(self, name: str, on: bool) -> None:
        setattr(self.cues.settings, name, on)
        self.settings.setValue(f"cues/{name}", on)

    def edit(self) -> None:
        """Cues ▸ Cue volumes…: switches, volumes and what is unavailable here."""
        from massage_trainer.ui.session.cue_dialog import CueDialog

        parent = self.parent()
        assert isinstance(parent, QWidget)
        dialog = CueDialog(self.cues.settings, sorted(self._notices()), parent)
        if dialog.exec():
            self.apply(dialog.result_settings())

    def apply(self, s: CueSettings) -> None:
        self.cues.settings = s
        for name, value in s.as_dict().items():
            self.settings.setValue(f"cues/{name}", value)
            if isinstance(value, bool):
                self.actions[name].setChecked(value)
