"""The rules of a protocol that span several fields: ids used once, sources that exist, the
time limits. Each problem is reported at its place in the file. What the content may do safely
(pregnancy, the spine, the kidneys, where the hands touch) is core.safety's to decide.
"""

from __future__ import annotations

from typing import Any

from massage_trainer.core.protocol.schema import Ctx, locate
from massage_trainer.core.protocol.yamlsafe import Map


def cross_checks(root: Map, d: dict[str, Any], ctx: Ctx) -> None:
    """Rules that span several fields: consistency and the safety limits taken from the sources."""
    source_ids = [s["id"] for s in d["sources"]]
    for i, s in enumerate(d["sources"], start=1):
        if source_ids.count(s["id"]) > 1:
            ctx.add(
                locate(root, "sources", i, "id"), f"sources[{i}].id", f"'{s['id']}' is used twice"
            )
    if d["max_minutes"] < d["estimated_minutes"]:
        ctx.add(
            locate(root, "max_minutes"),
            "max_minutes",
            f"{d['max_minutes']} is shorter than estimated_minutes ({d['estimated_minutes']})",
        )
    seen: dict[str, int] = {}
    planned = 0.0
    for i, st in enumerate(d["steps"], start=1):
        w = f"steps[{i}]"

        def at(*keys: str | int, _i: int = i) -> Any:
            return locate(root, "steps", _i, *keys)

        if st["id"] in seen:
            ctx.add(at("id"), f"{w}.id", f"'{st['id']}' is already the id of step {seen[st['id']]}")
        else:
            seen[st["id"]] = i
        if st["source"]["id"] not in source_ids:
            ctx.add(
                at("source", "id"),
                f"{w}.source.id",
                f"'{st['source']['id']}' is not one of this protocol's sources "
                f"({', '.join(source_ids)})",
            )
        for j, also in enumerate(st["source"]["also"], start=1):
            if also["id"] not in source_ids:
                ctx.add(
                    at("source", "also", j, "id"),
                    f"{w}.source.also[{j}].id",
                    f"'{also['id']}' is not one of this protocol's sources "
                    f"({', '.join(source_ids)})",
                )
        has_reps = st["repetitions"] is not None
        has_dur = st["duration_s"] is not None
        if has_reps and has_dur:
            ctx.add(at("duration_s"), w, "give either repetitions or duration_s, not both")
        elif not (has_reps or has_dur or st["until_next"]):
            ctx.add(at(), w, "give repetitions or duration_s (or until_next: true)")
        if has_reps:
            planned += st["repetitions"] * 60.0 / st["tempo"]
        elif has_dur:
            planned += st["duration_s"]
        targets = set(st["target_zones"])
        both = targets & set(st["avoid_zones"])
        if both:
            ctx.add(
                at("avoid_zones"),
                f"{w}.avoid_zones",
                f"{', '.join(sorted(both))} cannot be both a target and a zone to avoid",
            )
    if planned > d["max_minutes"] * 60 + 1e-6:
        ctx.add(
            locate(root, "max_minutes"),
            "max_minutes",
            f"the steps add up to {planned / 60:.1f} minutes, more than max_minutes "
            f"({d['max_minutes']})",
        )
