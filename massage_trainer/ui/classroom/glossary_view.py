"""The technique glossary as a dock: plain and classical names, what the hands do, what to avoid.

The current step's technique is highlighted and scrolled into view, so a student sees the entry for
what the diagram shows right now.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from massage_trainer.core.history.records import minutes_text
from massage_trainer.core.protocol import glossary
from massage_trainer.core.protocol.vocab import Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.ui.base.vocab_text import classical_text, technique_name


class _Browser(QTextBrowser):
    """Keeps the current entry in view when the dock changes size (the text reflows)."""

    anchor = ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.anchor:
            self.scrollToAnchor(self.anchor)


def _e(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GlossaryDock(QDockWidget):
    """All techniques from assets/glossary.yaml; `set_current` highlights one."""

    def __init__(self, parent: QWidget | None, lang: str = "en") -> None:
        super().__init__(self.tr("Technique glossary"), parent)
        self.setObjectName("glossaryDock")
        self.lang = lang
        self.current: Technique | None = None
        self._minutes: dict[str, float] = {}
        self.browser = _Browser(self)
        self.browser.setObjectName("glossaryText")
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Technique glossary"))
        self.browser.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # arrows and Page keys scroll it
        self.browser.setProperty("ownsArrowKeys", True)
        self.setWidget(self.browser)
        try:
            self.entries = glossary.load()
            self.problem = ""
        except (DocumentError, OSError) as exc:
            self.entries = ()
            problems = getattr(exc, "problems", None)
            self.problem = str(problems[0]) if problems else str(exc)
        self._render()

    def set_current(self, technique: Technique | None) -> None:
        if technique != self.current:
            self.current = technique
            self._render()
        self.browser.anchor = str(technique) if technique is not None else ""
        if technique is not None:
            self.browser.scrollToAnchor(str(technique))

    def set_minutes(self, minutes: Mapping[str, float]) -> None:
        """Minutes practised per technique id (from the history)."""
        if dict(minutes) != self._minutes:
            self._minutes = dict(minutes)
            self._render()

    def html(self) -> str:
        if not self.entries:
            return "<p>" + _e(
                self.tr("The glossary cannot be read: %1").replace("%1", self.problem)
            )
        parts = [
            "<style>h3{margin:0 0 2px 0} p{margin:2px 0 4px 0} .k{font-weight:600}</style>",
        ]
        for entry in self.entries:
            current = entry.technique == self.current
            style = (
                "background:#fff3c4;color:#1d2329;border:2px solid #8a5a00;"
                if current
                else "border:1px solid #c4ccd6;"
            )
            mins = self._minutes.get(str(entry.technique), 0.0)
            practised = (
                "<p><i>"
                + _e(self.tr("Practised: %1 min").replace("%1", minutes_text(mins)))
                + "</i></p>"
                if mins > 0
                else ""
            )
            now = " &nbsp;◀ " + _e(self.tr("now")) if current else ""
            hands, avoid = _e(self.tr("The hands:")), _e(self.tr("Avoid:"))
            parts.append(
                f"<table width='100%' cellpadding='8' style='{style}margin-bottom:8px'><tr><td>"
                f"<h3><a name='{entry.technique}'></a>{_e(technique_name(entry.technique))}{now}</h3>"
                f"<p><i>{_e(classical_text(entry.classical))}</i></p>"
                f"<p><span class='k'>{hands}</span> "
                f"{_e(entry.hands.get(self.lang))}</p>"
                f"<p><span class='k'>{avoid}</span> "
                f"{_e(entry.avoid.get(self.lang))}</p>{practised}"
                "</td></tr></table>"
            )
        return "".join(parts)

    def _render(self) -> None:
        bar = self.browser.verticalScrollBar()
        at = bar.value()
        self.browser.setHtml(self.html())
        bar.setValue(at)
