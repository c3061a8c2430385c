"""Screening answers from a YAML file (`ID: yes|no|NUMBER`), for headless play and scripts.

Read with the same bounded, safe YAML reader as the protocols, and checked against the rules'
questions and preparation items: every problem is reported at once as PATH:LINE:COL: message.
A value left empty counts as not answered, which the safety gate then refuses.
"""

from __future__ import annotations

import difflib
import math
from pathlib import Path

from massage_trainer.core.protocol import safe_text, yamlsafe
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map, Problem, Scalar
from massage_trainer.core.safety.rules import QuestionKind, Rules
from massage_trainer.core.safety.verdict import Answer

MAX_ANSWERS_BYTES = 64_000


def _describe(node: yamlsafe.Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, yamlsafe.Seq):
        return "a list"
    return f"'{node.value}'"


def parse_answers(text: str, path: str, rules: Rules) -> dict[str, Answer]:
    """`ID: value` lines -> answers for core.safety.evaluate; raises DocumentError when malformed."""
    root = yamlsafe.parse(text, path)
    if not isinstance(root, Map):
        raise DocumentError(
            [
                Problem(
                    path,
                    root.loc.line,
                    root.loc.col,
                    "expected 'ID: answer' lines (a mapping), like 'fever: no'; "
                    "run 'massage-trainer questions' to see the ids",
                )
            ]
        )
    kinds: dict[str, str] = {q.id: str(q.kind) for q in rules.questions}
    kinds.update({p.id: "check" for p in rules.preparation})
    problems: list[Problem] = []
    out: dict[str, Answer] = {}

    def bad(loc: yamlsafe.Loc, message: str) -> None:
        problems.append(Problem(path, loc.line, loc.col, message))

    for key in root.order:
        node = root.entries[key]
        kind = kinds.get(key)
        if kind is None:
            close = difflib.get_close_matches(key, list(kinds), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            bad(
                root.key_locs[key],
                f"'{key}' is not a question or preparation item{hint}; "
                "run 'massage-trainer questions' to see the ids",
            )
            continue
        if not isinstance(node, Scalar):
            bad(node.loc, f"{key}: expected a single answer, found {_describe(node)}")
            continue
        value = node.value
        if value is None:
            continue
        if kind in (QuestionKind.YES_NO, "check"):
            if isinstance(value, bool) and not node.quoted:
                out[key] = value
            else:
                bad(node.loc, f"{key}: expected yes or no, found {_describe(node)}")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or node.quoted:
            bad(node.loc, f"{key}: expected a number, found {_describe(node)}")
            continue
        if not math.isfinite(value):
            bad(node.loc, f"{key}: expected a number, found '{node.text or value}'")
            continue
        q = rules.question(key)
        lo, hi = q.minimum, q.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bad(node.loc, f"{key}: {value} is not possible; give a number from {lo:g} to {hi:g}")
            continue
        if q.integer and not safe_text.whole_number(node.text, value):
            bad(node.loc, f"{key}: {node.text or value} is not possible; give a whole number")
            continue
        out[key] = value
    if problems:
        raise DocumentError(problems)
    return out


def load_answers(path: str | Path, rules: Rules) -> dict[str, Answer]:
    """Read and check an answers file (size-limited, UTF-8 only)."""
    text = yamlsafe.read_file(path, max_bytes=MAX_ANSWERS_BYTES)
    return parse_answers(text, str(path), rules)
