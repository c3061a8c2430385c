"""Speaking to screen readers: announcements through Qt's accessibility events.

An announcement is sent only while an assistive technology listens (QAccessible.isActive());
the last ones are kept in `said` either way, so tests and the docs can check what would be read.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from massage_trainer.ui.base.a11y import plain

KEEP = 50


class Announcer:
    """Sends short messages to the screen reader on behalf of `widget` (the main window)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.said: list[str] = []

    def say(self, text: str, *, assertive: bool = False) -> None:
        text = plain(text)
        if not text or (self.said and self.said[-1] == text):
            return
        self.said.append(text)
        del self.said[:-KEEP]
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self.widget, text)
            if assertive:
                event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
            QAccessible.updateAccessibility(event)
