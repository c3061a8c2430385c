"""The safety rules file (protocols/safety-rules.yaml) -> Rules, as strictly as the protocol loader.

The rules are data so that they read in plain language and cite their sources; the format lives in
rules_schema.py, the objects in rules_model.py. Deciding what the rules mean for a session is
verdict.py's job. A file that cannot be read, is empty or is malformed raises RulesError, and
every caller then keeps Start locked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.schema import INVALID, Ctx
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map
from massage_trainer.core.safety.rules_build import build
from massage_trainer.core.safety.rules_json import with_cross_field_rules
from massage_trainer.core.safety.rules_model import (
    COMPARISONS,
    Cite,
    Clause,
    Feeling,
    Outcome,
    PainRules,
    PrepItem,
    Question,
    QuestionKind,
    RedFlag,
    Requirement,
    Rule,
    Rules,
    Source,
    ZoneRule,
)
from massage_trainer.core.safety.rules_schema import RULES, cross_checks
from massage_trainer.resources import protocols_dir

__all__ = [
    "COMPARISONS",
    "RULES_FILE",
    "Cite",
    "Clause",
    "Feeling",
    "Outcome",
    "PainRules",
    "PrepItem",
    "Question",
    "QuestionKind",
    "RedFlag",
    "Requirement",
    "Rule",
    "Rules",
    "RulesError",
    "Source",
    "ZoneRule",
    "default_path",
    "json_schema",
    "load",
    "parse",
]

RULES_FILE = "safety-rules.yaml"
RulesError = DocumentError
"""Raised with `.problems`, each `PATH:LINE:COL: message`."""


def json_schema() -> dict[str, Any]:
    """The rules format as JSON Schema (protocols/safety-rules.schema.json is made with it)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://massage-trainer.invalid/safety-rules.schema.json",
        **with_cross_field_rules(RULES.json()),
    }


def default_path() -> Path:
    return protocols_dir() / RULES_FILE


def parse(text: str, path: str = "<text>") -> Rules:
    """Parse rules text; raise RulesError listing every problem as PATH:LINE:COL: message."""
    root = yamlsafe.parse(text, path)
    ctx = Ctx(path)
    data = RULES.check(root, "", ctx)
    if data is not INVALID:
        assert isinstance(root, Map)
        cross_checks(root, data, ctx)
    if ctx.problems:
        raise DocumentError(sorted(ctx.problems, key=lambda p: (p.line, p.col)))
    return build(data, Path(path) if path != "<text>" else None)


_LOADED: dict[tuple[str, str], Rules] = {}


def load(path: str | Path | None = None) -> Rules:
    """Read and parse a rules file (the bundled one by default).

    The file is read every time and parsed again whenever its text differs from the last one
    read, so an edit is never missed (a size and time stamp can stay the same after an edit).
    """
    p = default_path() if path is None else Path(path)
    text = yamlsafe.read_file(p)
    key = (str(p), text)
    rules = _LOADED.get(key)
    if rules is None:
        rules = parse(text, str(p))
        _LOADED.clear()  # one version at a time: an edited file replaces the old one
        _LOADED[key] = rules
    return rules
