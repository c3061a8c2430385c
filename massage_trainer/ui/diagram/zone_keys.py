"""The body diagram by keyboard and for a screen reader (installed on a BodyView by its owner).

Tab reaches the diagram; the arrows walk through the zones from the head down, naming each one
(the view's hover: status bar, tooltip, highlight), and Enter or Space picks the named zone as a
click would. The view's accessible description is the step in words (text_alternative.py), or
the owner's hint, with the zone named and the zones marked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from massage_trainer.core.body.geometry import Body
from massage_trainer.ui.diagram.text_alternative import describe_step, zone_name

PICK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
FORWARD = (Qt.Key.Key_Right, Qt.Key.Key_Down)
BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up)


def next_zone(body: Body, here: str, key: int) -> str:
    """The zone an arrow goes to from `here`, from the head down, wrapping ("" for no arrow)."""
    ids = [z.id for z in sorted(body.zones.values(), key=lambda z: (z.bbox()[1], z.bbox()[0]))]
    if key not in FORWARD + BACK or not ids:
        return ""
    step = 1 if key in FORWARD else -1
    at = ids.index(here) if here in ids else (-1 if step > 0 else 0)
    return ids[(at + step) % len(ids)]


def paint_focus(p: QPainter, widget: QWidget) -> None:
    """A 2-px frame in the highlight colour round `widget` while it has the keyboard focus."""
    if widget.hasFocus():
        p.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), 2))
        p.drawRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1))


class ZoneKeys(QObject):
    """Keys and words for one BodyView (duck-typed: step, body, hovered_zone, marked_zones,
    zoneClicked, _set_hover, _lang)."""

    def __init__(self, view: Any, hint: str = "") -> None:
        super().__init__(view)
        self.view, self.hint = view, hint
        view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        view.setProperty("ownsArrowKeys", True)  # ui/session/keyboard.py: step keys stay out
        view.installEventFilter(self)
        self.describe()

    def describe(self) -> None:
        v = self.view
        body, lang = v.body(), getattr(v, "_lang", "en")
        step = v.step()
        parts = [describe_step(step, body, lang) if step is not None else self.hint]
        if v.hovered_zone() and v.hasFocus():
            parts.insert(0, zone_name(body, v.hovered_zone(), lang) + ".")
        if v.marked_zones():
            names = ", ".join(zone_name(body, z, lang) for z in v.marked_zones())
            parts.append(QCoreApplication.translate("Diagram", "Marked: %1.").replace("%1", names))
        v.setAccessibleDescription(" ".join(p for p in parts if p))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        v = self.view
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            nxt = next_zone(v.body(), v.hovered_zone(), event.key())
            if nxt:
                v._set_hover(nxt)
            elif event.key() in PICK_KEYS and v.hovered_zone():
                v.zoneClicked.emit(v.hovered_zone())
            else:
                return False
            self.describe()
            return True
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            if kind == QEvent.Type.FocusOut:
                v._set_hover("")
            self.describe()
            v.update()
        return False
