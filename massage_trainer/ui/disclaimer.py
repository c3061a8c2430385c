"""The first-run notice: a guide for learning massage, not medical advice. Shown once, remembered.

The acknowledgement is a small file in the data folder, so it follows --data-dir and tests stay
isolated; the question itself is injectable so tests never see a dialog unless they test it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

VERSION = 1
"""Raise when the text changes materially, so everyone is asked again."""
MARK_FILE = "disclaimer-accepted"


class DisclaimerDialog(QDialog):
    """The notice with an 'I understand' box; Continue stays disabled until it is ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimerDialog")
        self.setWindowTitle(self.tr("Before you begin"))
        lay = QVBoxLayout(self)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setText(
            "<h3>"
            + self.tr("A guide, not medical advice")
            + "</h3><p>"
            + self.tr(
                "Massage Trainer helps you learn and follow a gentle back massage step by step. "
                "It is not medical advice and does not replace a doctor or a trained massage "
                "therapist."
            )
            + "</p><p>"
            + self.tr(
                "Its safety questions come from two published texts about back massage and cannot "
                "cover every condition. If the receiver has a health problem, pain that does not go "
                "away, or you are unsure, ask a doctor first."
            )
            + "</p><p>"
            + self.tr("Stop at once if the massage hurts: press P or the Pain button.")
            + "</p>"
        )
        lay.addWidget(text)
        self.understood = QCheckBox(self.tr("I understand"), self)
        lay.addWidget(self.understood)
        buttons = QDialogButtonBox(self)
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.continue_button.setEnabled(False)
        self.understood.toggled.connect(self.continue_button.setEnabled)
        lay.addWidget(buttons)
        self.resize(520, 320)

    def accept(self) -> None:
        if self.understood.isChecked():
            super().accept()


def _mark(data_dir: Path) -> Path:
    return data_dir / MARK_FILE


def acknowledged(data_dir: Path) -> bool:
    """Has the current notice been acknowledged in this data folder?"""
    try:
        text = _mark(data_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return text.isdigit() and int(text) >= VERSION


def remember(data_dir: Path) -> bool:
    """Note the acknowledgement; False when the folder cannot be written (asked again next time)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _mark(data_dir).write_text(f"{VERSION}\n", encoding="utf-8")
    except OSError:
        return False
    return True


def ask_with_dialog(parent: QWidget | None) -> bool:
    return DisclaimerDialog(parent).exec() == QDialog.DialogCode.Accepted


def ensure_acknowledged(
    data_dir: Path,
    parent: QWidget | None = None,
    *,
    ask: Callable[[QWidget | None], bool] = ask_with_dialog,
) -> bool:
    """True when the person has acknowledged the notice (now or before); False means do not go on."""
    if acknowledged(data_dir):
        return True
    if not ask(parent):
        return False
    remember(data_dir)
    return True
