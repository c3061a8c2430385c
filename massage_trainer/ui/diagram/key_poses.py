"""Reduced motion: the hands shown at the key poses of a stroke instead of moving continuously.

Some people get dizzy or sick from motion on a screen. With "reduce motion" the diagram holds the
hands still at the start of the stroke, in the middle and at its far end, each for a few seconds
(the arrows show the way between them), and the target glow stops pulsing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the window's menu reads REDUCE_MOTION before the first paint: stay light
    from massage_trainer.core.body.geometry import Body
    from massage_trainer.core.protocol.model import Step

REDUCE_MOTION = "massageTrainerReduceMotion"
"""The application property saying the person asked for reduced motion (View ▸ Reduce motion):
every body diagram reads it when it is made."""
HOLD_S = 3.0
"""Seconds each key pose stays on screen."""

_KEY_TIMES: dict[tuple[int, int], tuple[float, float, float]] = {}


def key_times(step: Step, body: Body, samples: int = 48) -> tuple[float, float, float]:
    """Step times of the start, middle and far end of the first stroke: the far end is where
    the hands are furthest from where they began."""
    from massage_trainer.core.body import motion

    key = (id(step), id(body))
    if key in _KEY_TIMES:
        return _KEY_TIMES[key]
    span = max(1e-6, motion.loop_s(step))
    start = motion.pose_at(step, 0.0, body)
    a = motion.palm_centre(start.left, False)
    b = motion.palm_centre(start.right, True)
    far_t, far_d = 0.0, -1.0
    for i in range(samples):
        t = span * i / samples
        pose = motion.pose_at(step, t, body)
        pa = motion.palm_centre(pose.left, False)
        pb = motion.palm_centre(pose.right, True)
        d = math.dist(pa, a) + math.dist(pb, b)
        if d > far_d + 1e-6:
            far_t, far_d = t, d
    times = (0.0, far_t / 2, far_t)
    _KEY_TIMES[key] = times
    return times


def asked() -> bool:
    """Whether reduced motion is on for the application now."""
    app = QCoreApplication.instance()
    return bool(app.property(REDUCE_MOTION)) if app is not None else False


def shown_time(step: Step, body: Body, t: float) -> float:
    """The step time whose pose to show at step time `t`: start, middle, end, start ..."""
    times = key_times(step, body)
    return times[int(max(0.0, t) // HOLD_S) % len(times)]
