"""`validate PATH...`: check each file as what it is and print every problem as PATH:LINE:COL: message.

The app reads four kinds of YAML file that people write: protocols, the safety rules, the
technique glossary and answers files (for `play --headless`). Each is recognised from its
top-level keys (or named with --kind) and checked against its own format, so checking a whole
folder (`validate protocols/*.yaml`) gives no bogus errors. The JSON Schemas beside them are for
editors; the app does not read them, so they are skipped with a word.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from massage_trainer.core.protocol import glossary, loader, yamlsafe
from massage_trainer.core.protocol.model import ESTIMATE_SLACK_FRACTION, ESTIMATE_SLACK_MIN
from massage_trainer.core.protocol.schema_base import locate
from massage_trainer.core.protocol.yamlsafe import DocumentError, Problem
from massage_trainer.core.safety import answers, checked, rules
from massage_trainer.core.words import checked_ok, problem_line

KINDS = ("protocol", "safety-rules", "glossary", "answers")
TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", re.MULTILINE)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check protocols, the safety rules, the glossary or answers files; exit 1 with "
        "PATH:LINE:COL lines when something is wrong",
        description="Check each file as what it is: a protocol, the safety rules, the technique "
        "glossary or an answers file (recognised from its keys, or named with --kind).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="YAML files")
    p.add_argument(
        "--kind",
        choices=KINDS,
        help="check every PATH as this kind of file instead of recognising it",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    p.set_defaults(handler=run)


def kind_of(text: str) -> str:
    """What kind of file the text is, from its top-level keys (a protocol when unsure)."""
    keys = set(TOP_KEY.findall(text))
    if "steps" in keys:
        return "protocol"
    if {"rules", "questions"} & keys and {"pain", "preparation", "rules"} & keys:
        return "safety-rules"
    if "entries" in keys:
        return "glossary"
    if keys and keys <= _answer_ids():
        return "answers"
    return "protocol"


def _answer_ids() -> set[str]:
    try:
        r = rules.load()
    except DocumentError:
        return set()
    return {q.id for q in r.questions} | {p.id for p in r.preparation}


Checked = tuple[str, list[Problem]]
"""What a check says of a valid file: a one-line summary and warnings (the file is still valid)."""


def _protocol(text: str, path: str) -> Checked:
    """The format, a bundled id taken by another file, then safety: what the content may do and
    where the hands may touch (core.safety), every problem located. Warns when estimated_minutes
    is far from the length the steps add up to (the length the app shows)."""
    root = yamlsafe.parse(text, path)
    p = loader.parse(text, path)
    assert isinstance(root, yamlsafe.Map)  # a protocol was built from it
    loader.refuse_shadowing(p, root, Path(path))
    try:
        safety_rules = rules.load()
    except DocumentError as exc:
        raise DocumentError(
            [
                *exc.problems,
                Problem(
                    path,
                    1,
                    1,
                    "the safety rules cannot be read, so this protocol's safety cannot be checked",
                ),
            ]
        ) from None
    problems = checked.located(safety_rules, p, root, path)
    if problems:
        raise DocumentError(sorted(problems, key=lambda x: (x.line, x.col)))
    warnings = []
    if p.estimate_is_far():
        loc = locate(root, "estimated_minutes")
        warnings.append(
            Problem(
                path,
                loc.line,
                loc.col,
                f"warning: estimated_minutes ({p.estimated_minutes:g}) is far from the "
                f"{p.planned_s / 60:.1f} minutes the steps add up to (more than "
                f"{ESTIMATE_SLACK_MIN:g} minute and {ESTIMATE_SLACK_FRACTION:.0%} off); the app "
                f"shows the steps' length, about {p.length_minutes} min",
            )
        )
    return f"{p.id}, about {p.length_minutes} min, {len(p.steps)} steps", warnings


def _rules(text: str, path: str) -> Checked:
    r = rules.parse(text, path)
    return f"safety rules: {len(r.questions)} questions, {len(r.rules)} rules", []


def _glossary(text: str, path: str) -> Checked:
    return f"glossary: {len(glossary.parse(text, path))} entries", []


def _answers(text: str, path: str) -> Checked:
    given = answers.parse_answers(text, path, rules.load())
    return f"answers: {len(given)} given", []


CHECKS: dict[str, Callable[[str, str], Checked]] = {
    "protocol": _protocol,
    "safety-rules": _rules,
    "glossary": _glossary,
    "answers": _answers,
}


def run(args: argparse.Namespace) -> int:
    bad = 0
    for name in args.paths:
        if Path(name).suffix.lower() == ".json" and args.kind is None:
            print(f"{name}: skipped: a JSON file (the schemas are for editors; check YAML files)")
            continue
        try:
            text = yamlsafe.read_file(name)
            kind = args.kind or kind_of(text)
            summary, warnings = CHECKS[kind](text, name)
        except DocumentError as exc:
            bad += 1
            for problem in exc.problems:
                print(problem_line(problem, getattr(args, "lang", "en")), file=sys.stderr)
            continue
        for warning in warnings:
            print(warning, file=sys.stderr)
        if not args.quiet:
            print(checked_ok(name, summary, getattr(args, "lang", "en")))
    return 1 if bad else 0
