"""The protocol format's rules across fields, in JSON Schema, for editors.

The schema language gives each key its type; a few rules join keys (a step is timed by exactly one
of repetitions and duration_s, or waits for Next). JSON Schema can say those too, so an editor
flags them as the loader does. Rules that compare values across the file (a source id that must
be listed, steps adding up to max_minutes) are beyond JSON Schema and stay with the loader.
"""

from __future__ import annotations

from typing import Any

STEP_TIMING: dict[str, Any] = {
    "not": {"required": ["repetitions", "duration_s"]},
    "anyOf": [
        {"required": ["repetitions"]},
        {"required": ["duration_s"]},
        {"required": ["until_next"], "properties": {"until_next": {"const": True}}},
    ],
    "description": "A step is timed by repetitions or by duration_s (never both), "
    "or waits for Next (until_next: true).",
}


def with_cross_field_rules(schema: dict[str, Any]) -> dict[str, Any]:
    """The generated protocol schema with the rules that join fields added where they apply."""
    step = schema["properties"]["steps"]["items"]
    step.setdefault("allOf", []).append(STEP_TIMING)
    return schema
