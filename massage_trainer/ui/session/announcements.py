"""What a screen reader is told without the person moving the focus: the step that begins, the
verdict of the safety check when it changes, and every status message (locks, pain stops,
protocol switches, the end of the session), through Qt's announcement events (ui/base/announcer.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from massage_trainer.core.session.player import Event, EventKind
from massage_trainer.ui.base.a11y import plain
from massage_trainer.ui.base.announcer import Announcer


class Announcements(QObject):
    """Follows one main window (duck-typed: controller, view, statusBar, safety_panel)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.announcer = Announcer(window)
        window.controller.event.connect(self._on_event)
        window.controller.stepMoved.connect(lambda _i: self.say(window.view.panel.accessibleName()))
        window.statusBar().messageChanged.connect(self._on_status)  # locks say why there too

    @property
    def said(self) -> list[str]:
        return self.announcer.said

    def say(self, text: str, *, urgent: bool = False) -> None:
        self.announcer.say(text, assertive=urgent)

    def watch_panel(self, panel: object) -> None:
        """The docked safety panel: its verdict is said whenever it changes."""
        changed = getattr(panel, "verdictChanged", None)
        if changed is not None:
            changed.connect(lambda _v: self._on_verdict(panel))

    def _on_verdict(self, panel: object) -> None:
        from massage_trainer.core.safety.verdict import VerdictKind  # loaded with the panel

        box = getattr(panel, "verdict_box", None)
        if box is None:
            return
        title, body = box.title.text(), plain(box.body.text())
        verdict = getattr(panel, "verdict", lambda: None)()
        urgent = verdict is not None and verdict.kind in (VerdictKind.STOP, VerdictKind.BLOCKED)
        self.say(f"{title}. {body}" if body else title, urgent=urgent)

    def _on_status(self, text: str) -> None:
        if text:
            self.say(text)

    def _on_event(self, e: Event) -> None:
        if e.kind is EventKind.STEP_STARTED:
            self.say(self.window.view.panel.accessibleName())
