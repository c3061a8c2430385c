"""Names for screen readers that carry a value ("Time left in this step: 1:23"), and rich text
as one plain line. Announcements (Qt's accessibility events) are in ui/base/announcer.py: they
need QAccessible's types, which the window's first paint does without.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def plain(text: str) -> str:
    """Rich text as one plain line: tags dropped, entities and spaces tidied."""
    text = re.sub(r"<br\s*/?>|</p>|</li>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
    return re.sub(r"\s+", " ", text.replace("&gt;", ">")).strip()


def name_with_value(widget: QWidget, label: str, value: str) -> None:
    """Name `widget` by what it is and what it shows now."""
    name = f"{label}: {plain(value)}" if plain(value) else label
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)  # Qt tells the screen reader the name changed


def step_words(panel: Any, number: int, count: int, title: str) -> None:
    """The step panel for a screen reader: "Step 3 of 8: title", the rest as its description."""
    panel.setAccessibleName(
        QCoreApplication.translate("StepPanel", "Step %1 of %2: %3")
        .replace("%1", str(number))
        .replace("%2", str(count))
        .replace("%3", title)
    )
    shown = (panel.technique, panel.pressure, panel.instructions, panel.cautions)
    words = [plain(w.text()) for w in (*shown, panel.next_preview) if w.isVisibleTo(panel)]
    panel.setAccessibleDescription(" ".join(words))


def clock_words(panel: Any, big: str, rep: tuple[int, int] | None) -> None:
    """The countdown and the repetition counter with their values in their names."""
    left = QCoreApplication.translate("StepPanel", "Time left in this step")
    name_with_value(panel.countdown, left, big)
    counted = (
        QCoreApplication.translate("StepPanel", "Repetition %1 of %2")
        .replace("%1", str(rep[0]))
        .replace("%2", str(rep[1]))
        if rep is not None
        else plain(panel.reps.text())
    )
    name_with_value(
        panel.reps, QCoreApplication.translate("StepPanel", "Repetition counter"), counted
    )
