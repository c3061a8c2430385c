"""The rules of a format-2 protocol that span several fields: the pose and its preparation, where
the practitioner can stand in it, the zones the pose has, hands placed at landmarks (their start
zone found from the point), and at least one working hand per step.
"""

from __future__ import annotations

from typing import Any

from massage_trainer.core.body.motion_anchor import body_for, landmark
from massage_trainer.core.protocol.schema import Ctx, locate
from massage_trainer.core.protocol.vocab import BodyPose, Role, Stand
from massage_trainer.core.protocol.yamlsafe import Map

POSE_ITEMS: dict[BodyPose, str] = {
    BodyPose.PRONE: "receiver-prone",
    BodyPose.SIDE_LEFT: "receiver-side-lying",
    BodyPose.SIDE_RIGHT: "receiver-side-lying",
    BodyPose.SEATED: "receiver-seated",
}
"""The preparation item that puts the receiver in each pose."""

_POSE_WORDS = {
    BodyPose.PRONE: "lies on the stomach (prone)",
    BodyPose.SIDE_LEFT: "lies on the left side (side-left)",
    BodyPose.SIDE_RIGHT: "lies on the right side (side-right)",
    BodyPose.SEATED: "sits leaning onto a table (seated)",
}

STANDS: dict[BodyPose, frozenset[Stand]] = {
    BodyPose.PRONE: frozenset(
        {Stand.AT_HEAD, Stand.AT_FEET, Stand.AT_LEFT_SIDE, Stand.AT_RIGHT_SIDE}
    ),
    BodyPose.SIDE_LEFT: frozenset({Stand.BEHIND, Stand.AT_HEAD}),
    BodyPose.SIDE_RIGHT: frozenset({Stand.BEHIND, Stand.AT_HEAD}),
    BodyPose.SEATED: frozenset({Stand.BEHIND, Stand.AT_LEFT_SIDE, Stand.AT_RIGHT_SIDE}),
}
"""Where a practitioner can stand for each pose (the receiver's back must be within reach)."""


def pose_contradiction(pose: BodyPose, preparation: tuple[str, ...]) -> str | None:
    """The preparation item that puts the receiver in another pose than `pose`, or None."""
    own = POSE_ITEMS[pose]
    others = set(POSE_ITEMS.values()) - {own}
    return next((p for p in preparation if p in others), None)


def cross_checks_v2(root: Map, d: dict[str, Any], ctx: Ctx) -> None:
    """Check the format-2 rules; fill in each hand's start zone where a landmark places it."""
    pose = BodyPose(d["pose"])
    other = pose_contradiction(pose, d["preparation"])
    if other is not None:
        i = d["preparation"].index(other) + 1
        ctx.add(
            locate(root, "preparation", i),
            f"preparation[{i}]",
            f"'{other}' puts the receiver in another pose, but this protocol's pose is "
            f"{pose} (the receiver {_POSE_WORDS[pose]}); list '{POSE_ITEMS[pose]}' instead, "
            "or change pose",
        )
    elif d["preparation"] and POSE_ITEMS[pose] not in d["preparation"]:
        ctx.add(
            locate(root, "preparation"),
            "preparation",
            f"the preparation does not say how the receiver is placed: this protocol's pose is "
            f"{pose} (the receiver {_POSE_WORDS[pose]}); add '{POSE_ITEMS[pose]}'",
        )
    body = body_for(str(pose))
    for i, st in enumerate(d["steps"], start=1):
        w = f"steps[{i}]"
        stand = st["practitioner"]
        if stand is not None and Stand(stand) not in STANDS[pose]:
            ctx.add(
                locate(root, "steps", i, "practitioner"),
                f"{w}.practitioner",
                f"'{stand}' is not a place to stand when the receiver {_POSE_WORDS[pose]}; "
                f"use one of {', '.join(sorted(STANDS[pose]))}",
            )
        for z_i, zone in enumerate([*st["target_zones"], *st["avoid_zones"]]):
            if zone not in body.zones:
                key = "target_zones" if z_i < len(st["target_zones"]) else "avoid_zones"
                ctx.add(
                    locate(root, "steps", i, key),
                    f"{w}.{key}",
                    f"the {pose} body has no zone '{zone}'",
                )
        hands = st["hands"]
        if all(hands[h]["role"] == Role.STEADYING for h in ("left", "right")):
            ctx.add(
                locate(root, "steps", i, "hands"),
                f"{w}.hands",
                "both hands are steadying; at least one hand must be working",
            )
        for h in ("left", "right"):
            _place_hand(root, ctx, body, st, i=i, h=h)


def _place_hand(root: Map, ctx: Ctx, body: Any, st: dict[str, Any], *, i: int, h: str) -> None:
    hand = st["hands"][h]
    where = f"steps[{i}].hands.{h}"
    at = locate(root, "steps", i, "hands", h)
    if hand["landmark"] is None:
        if hand["offset"] is not None:
            ctx.add(at, where, "an offset needs a landmark to be measured from")
        if hand["zone"] is None:
            ctx.add(at, where, "give the zone where this hand starts, or a landmark")
        return
    offset = hand["offset"] or {"x": 0.0, "y": 0.0}
    lx, ly = landmark(body, hand["landmark"])
    # the offset is toward the receiver's right and feet, as the hands move (on a side-lying
    # pose the page is turned with the body)
    dx, dy = float(offset["x"]), float(offset["y"])
    (rx, ry), (fx, fy) = body.right_dir, body.feet_dir
    x, y = lx + dx * rx + dy * fx, ly + dx * ry + dy * fy
    if hand["zone"] is not None:
        return  # the spatial check finds whether the hand fits there
    hits = [z for z in st["target_zones"] if z in body.zones and body.zones[z].contains(x, y)]
    if hits:
        hand["zone"] = min(hits, key=lambda z: body.zones[z].area())
        return
    under = body.zone_at(x, y)
    ctx.add(
        at,
        where,
        f"{hand['landmark']} moved by x {offset['x']}, y {offset['y']} cm lies in none of the "
        f"step's target zones ({'in ' + under.id if under else 'off every zone'}); add "
        "zone: to say where the hand starts, or change the offset",
    )
