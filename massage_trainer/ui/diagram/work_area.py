"""The "Work here" region as drawn: exactly core.safety.spatial.work_area, as a painter path.

Target zones minus the step's avoid zones and minus every zone the safety rules keep its kind of
work out of, so the kidney areas are visibly carved out of a tapping step. When the rules cannot
be read the drawing leaves every caution zone out (the careful choice; Start is locked anyway).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen

from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.safety import spatial
from massage_trainer.core.safety.rules_model import ZoneRule
from massage_trainer.ui.base.themes import Theme
from massage_trainer.ui.diagram.body_paint import zone_path

_PATHS: dict[tuple[object, ...], tuple[QPainterPath, tuple[str, ...]]] = {}


def zone_rules(body: Body) -> tuple[ZoneRule, ...]:
    """The rules file's zone rules; every caution zone closed to all work when it is unreadable."""
    from massage_trainer.core.protocol.yamlsafe import DocumentError
    from massage_trainer.core.safety import rules

    try:
        return rules.load().zones
    except DocumentError:
        caution = tuple(z.id for z in body.zones.values() if z.is_caution)
        why = LocalText.of("The safety rules cannot be read.")
        return (ZoneRule("unreadable-rules", caution, why, (), no_contact=True),)


def work_path(body: Body, step: Step) -> tuple[QPainterPath, tuple[str, ...]]:
    """(the work area as a path, the ids of the zones carved out of it), cached per step."""
    zones = zone_rules(body)
    key = (id(body), step.target_zones, step.avoid_zones, step.technique, step.pressure, zones)
    hit = _PATHS.get(key)
    if hit is None:
        area = spatial.work_area(zones, step, body)
        path = QPainterPath()
        for z in area.include:
            path = path.united(zone_path(z))
        for z in area.exclude:
            path = path.subtracted(zone_path(z))
        hit = (path, tuple(z.id for z in area.exclude))
        if len(_PATHS) > 64:
            _PATHS.clear()
        _PATHS[key] = hit
    return hit


def hatch(painter: QPainter, body: Body, ids: tuple[str, ...], th: Theme, alpha: int) -> None:
    """Caution hatching over zones (drawn again over the glow, so a pulse never hides it)."""
    for zid in ids:
        if zid in body.zones:
            painter.setPen(QPen(th.c("caution"), 0.3, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(th.c("caution", alpha), Qt.BrushStyle.BDiagPattern))
            painter.drawPath(zone_path(body.zones[zid]))
