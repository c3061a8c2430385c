"""Stops that stay: a pain stop with a warning sign (or any "see a doctor" outcome) is kept for that
receiver and blocks every later session until someone records a doctor's clearance.

Pure data here; core.history keeps the holds in the session log, the verdict reads them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hold:
    """An open "see a doctor first" for one receiver (None: the unnamed receiver)."""

    id: int
    receiver_id: int | None
    since: str
    """When it was recorded (ISO 8601, local time)."""
    reason: str
    """What happened, in the words shown at the time."""
    detail: str = ""
    """What was reported (zone, feeling, warning signs), for the record."""

    @property
    def day(self) -> str:
        """The date part of `since` (YYYY-MM-DD)."""
        return self.since[:10]
