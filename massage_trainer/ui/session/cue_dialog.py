"""The cue settings dialog: each cue on or off, with its volume."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from massage_trainer.ui.session.cues import CueSettings


class CueDialog(QDialog):
    """Edit a copy of the cue settings; `result_settings()` gives the edited copy."""

    def __init__(
        self, settings: CueSettings, notes: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cues"))
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        self.sliders: dict[str, QSlider] = {}
        rows = [
            ("chime", self.tr("Chime when a step begins"), "chime_volume"),
            ("metronome", self.tr("Metronome at the step's tempo"), "metronome_volume"),
            ("voice", self.tr("Spoken cues"), "voice_volume"),
            ("flash", self.tr("Visual flash (for people who cannot hear)"), None),
        ]
        for row, (name, text, volume) in enumerate(rows):
            box = QCheckBox(text, self)
            box.setChecked(bool(getattr(settings, name)))
            grid.addWidget(box, row, 0)
            self.boxes[name] = box
            if volume is not None:
                slider = QSlider(Qt.Orientation.Horizontal, self)
                slider.setRange(0, 100)
                slider.setValue(round(getattr(settings, volume) * 100))
                slider.setAccessibleName(self.tr("%1 volume").replace("%1", text))
                slider.setEnabled(box.isChecked())
                box.toggled.connect(slider.setEnabled)
                grid.addWidget(slider, row, 1)
                self.sliders[volume] = slider
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        for note in notes:
            label = QLabel(note, self)
            label.setWordWrap(True)
            label.setObjectName("banner")
            lay.addWidget(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def result_settings(self) -> CueSettings:
        out = CueSettings()
        for name, box in self.boxes.items():
            setattr(out, name, box.isChecked())
        for name, slider in self.sliders.items():
            setattr(out, name, slider.value() / 100.0)
        return out
