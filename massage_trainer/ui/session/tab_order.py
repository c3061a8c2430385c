"""The main window's Tab order, by section: safety check, other side panels, banners, the session
buttons, the step, the timeline, the diagram; inside a section from top to bottom, left to right.

Worked out at each Tab press from what is on screen, so widgets built later (the safety panel
after the first paint, the preparation list of each protocol, the diagram) fall into place
without a hand-kept chain. A Yes/No pair is one stop: its chosen answer, or the first one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton, QWidget


def tab_stops(window: QWidget, sections: Sequence[QWidget | None]) -> list[QWidget]:
    """Every widget of `window` that Tab stops at, in order. Widgets in none of `sections` go
    between the first section (the safety check) and the second."""
    roots = [s for s in sections if s is not None and s.isVisible()]
    found: list[tuple[int, int, int, QWidget]] = []
    for w in [window, *window.findChildren(QWidget)]:
        if not _stops_at(w, window):
            continue
        rank = next((i for i, r in enumerate(roots) if r is w or r.isAncestorOf(w)), None)
        where = w.mapTo(window, QPoint(0, 0))
        order = 1 if rank is None else (0 if rank == 0 else rank + 1)
        found.append((order, where.y(), where.x(), w))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    return [f[3] for f in found]


def _stops_at(w: QWidget, window: QWidget) -> bool:
    if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w.focusProxy() is not None:
        return False
    if not (w.isVisible() and w.isEnabled()) or w.window() is not window:
        return False
    return not (isinstance(w, QRadioButton) and not _group_stop(w))


def _group_stop(b: QRadioButton) -> bool:
    """The one radio button of its group that Tab stops at."""
    group = b.group()
    if group is None or not group.exclusive():
        return True
    checked = group.checkedButton()
    if checked is not None:
        return checked is b
    shown: list[QAbstractButton] = [x for x in group.buttons() if x.isVisible() and x.isEnabled()]
    return bool(shown) and shown[0] is b


def next_stop(
    window: QWidget, sections: Sequence[QWidget | None], current: QWidget | None, forward: bool
) -> QWidget | None:
    """Where Tab (or Shift+Tab when not `forward`) goes from `current`, wrapping around."""
    stops = tab_stops(window, sections)
    if not stops:
        return None
    here = current
    while here is not None and here not in stops and here is not window:
        here = here.parentWidget()  # inside a compound widget: go by the widget holding it
    if here is None or here not in stops:
        return stops[0] if forward else stops[-1]
    i = stops.index(here)
    return stops[(i + (1 if forward else -1)) % len(stops)]
