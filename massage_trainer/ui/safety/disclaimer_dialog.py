"""The first-run notice as a dialog (ui/disclaimer.py asks it only when it was not yet acknowledged)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


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


def ask_with_dialog(parent: QWidget | None) -> bool:
    return DisclaimerDialog(parent).exec() == QDialog.DialogCode.Accepted
