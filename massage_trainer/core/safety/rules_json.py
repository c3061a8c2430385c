"""The safety-rules format's rules across fields, in JSON Schema, for editors.

The loader checks these rules with their locations; written out in JSON Schema as well, an editor
underlines the same mistakes: a clause is 'any' or one question with one comparison; only a 'yes'
(true) may fire a rule; a number question has a range and a yes-no question has none; only an
adapt rule names a profile and a protocol; a wait rule says how long with one 'below'; a feeling
that means stop gives its reason and source. Rules that look up other parts of the file (a
question id that must exist) are beyond JSON Schema and stay with the loader.
"""

from __future__ import annotations

from typing import Any

COMPARISONS = ("is", "at_least", "at_most", "below", "above")

ONLY_YES: dict[str, Any] = {
    "const": True,
    "description": "yes-no questions: only a 'yes' (true) may fire a rule; phrase the question "
    "so that 'no' is the safe answer.",
}

CLAUSE: dict[str, Any] = {
    "oneOf": [
        {
            "required": ["any"],
            "not": {"anyOf": [{"required": [k]} for k in ("question", *COMPARISONS)]},
        },
        {
            "required": ["question"],
            "not": {"required": ["any"]},
            "oneOf": [{"required": [k]} for k in COMPARISONS],
        },
    ],
    "description": "Either 'any' of several comparisons, or one question with one comparison.",
}

QUESTION_RANGE: list[dict[str, Any]] = [
    {
        "if": {"properties": {"kind": {"const": "number"}}, "required": ["kind"]},
        "then": {"required": ["minimum", "maximum"]},
        "else": {"not": {"anyOf": [{"required": [k]} for k in ("minimum", "maximum", "integer")]}},
    }
]

RULE: list[dict[str, Any]] = [
    {
        "if": {"properties": {"outcome": {"const": "adapt"}}, "required": ["outcome"]},
        "then": {"required": ["profile", "protocol", "requires"]},
        "else": {
            "not": {
                "anyOf": [
                    {"required": ["profile"]},
                    {"required": ["protocol"]},
                    {"required": ["requires"]},
                ]
            }
        },
    },
    {
        "if": {"properties": {"outcome": {"const": "wait"}}, "required": ["outcome"]},
        "then": {
            "properties": {
                "when": {
                    "contains": {"required": ["question", "below"]},
                    "minContains": 1,
                    "maxContains": 1,
                }
            }
        },
    },
]

STOP_FEELING: list[dict[str, Any]] = [
    {
        "if": {"properties": {"stop": {"const": True}}, "required": ["stop"]},
        "then": {"required": ["reason", "cite"], "properties": {"cite": {"minItems": 1}}},
    }
]


def with_cross_field_rules(schema: dict[str, Any]) -> dict[str, Any]:
    """The generated rules schema with the rules that join fields added where they apply."""
    props = schema["properties"]
    props["questions"]["items"].setdefault("allOf", []).extend(QUESTION_RANGE)
    rule = props["rules"]["items"]
    rule.setdefault("allOf", []).extend(RULE)
    clause = rule["properties"]["when"]["items"]
    clause.setdefault("allOf", []).append(CLAUSE)
    simple = clause["properties"]["any"]["items"]
    for comparison in (clause, simple):
        comparison["properties"]["is"] = {**comparison["properties"]["is"], **ONLY_YES}
        comparison["properties"]["is"].pop("type", None)
    props["pain"]["properties"]["feelings"]["items"].setdefault("allOf", []).extend(STOP_FEELING)
    return schema
