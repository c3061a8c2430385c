"""The safety check that could not be built: Start stays locked and the person is told why.

Docked in place of the SafetyPanel when the rules file cannot be read (missing, empty, malformed)
or the panel itself fails. It answers the window's gate like the panel does, always with "no".
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.verdict import Verdict, blocked
from massage_trainer.ui.base.themes import theme as get_theme
from massage_trainer.ui.safety.widgets import VerdictBox


def why_locked(exc: BaseException) -> tuple[str, list[str]]:
    """Plain words for why the safety check could not be built, and the located details."""
    from PySide6.QtCore import QCoreApplication

    from massage_trainer.core.protocol.yamlsafe import DocumentError

    if isinstance(exc, DocumentError):
        why = QCoreApplication.translate(
            "LockedSafetyPanel", "The safety rules file cannot be read, so no session can start."
        )
        from massage_trainer.core.words import problem_line
        from massage_trainer.ui.base.i18n import current

        return why, [problem_line(p, current()) for p in exc.problems]
    why = QCoreApplication.translate(
        "LockedSafetyPanel", "The safety check could not be built, so no session can start."
    )
    return why, [f"{type(exc).__name__}: {exc}"]


class LockedSafetyPanel(QDockWidget):
    """A safety dock that only says why Start is locked."""

    verdictChanged = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None, why: str, details: list[str], lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPanel")
        self.setWindowTitle(self.tr("Safety check"))
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.lang = lang
        self.why = why
        self.details = details
        self._verdict = blocked(LocalText.of(why))
        root = QWidget(self)
        lay = QVBoxLayout(root)
        lay.setContentsMargins(8, 6, 8, 8)
        self.verdict_box = VerdictBox(root)
        lay.addWidget(self.verdict_box)
        self.detail_label = QLabel(root)
        self.detail_label.setObjectName("safetyProblems")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setText("\n".join(details[:8]))
        lay.addWidget(self.detail_label)
        lay.addStretch(1)
        self.setWidget(root)
        self.setMinimumWidth(300)
        self.set_theme("light")

    def set_theme(self, name: str) -> None:
        t = get_theme(name)
        body = (
            f"<p>{html.escape(self.why)}</p><p>"
            + html.escape(
                self.tr(
                    "Start stays locked until the safety check works again. Reinstall Massage "
                    "Trainer, or restore the safety rules file named below."
                )
            )
            + "</p>"
        )
        tint = "#fbe6dc" if name == "light" else t.panel
        self.verdict_box.show_verdict(
            self.tr("Locked: the safety check cannot run"), body, t.danger, t.text, tint
        )

    def set_protocol(self, _protocol: Protocol | None) -> None:
        """Nothing to check against: the rules are missing."""

    def verdict(self) -> Verdict:
        return self._verdict

    def may_start(self) -> bool:
        return False

    def answers(self) -> dict[str, object]:
        return {}
