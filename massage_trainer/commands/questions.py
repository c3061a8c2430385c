"""`questions`: list the screening questions and preparation items an answers file must cover."""

from __future__ import annotations

import argparse
import sys

from massage_trainer.core.safety.verdict import RulesError, load_rules


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "questions",
        help="print ID<TAB>KIND<TAB>TEXT for every safety question and preparation item",
        description="One line per item: ID, KIND (yes-no, number or check) and the text. "
        "Write an answers file for 'play --headless' as 'ID: yes|no|NUMBER' lines; "
        "for yes-no questions 'no' is the safe answer, checks are ticked with 'yes'.",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        rules = load_rules()
    except RulesError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    for q in rules.questions:
        text = q.text.get(args.lang)
        if q.minimum is not None and q.maximum is not None:
            text += f" [{q.minimum:g}-{q.maximum:g}]"
        print(f"{q.id}\t{q.kind}\t{text}")
    for item in rules.preparation:
        print(f"{item.id}\tcheck\t{item.text.get(args.lang)}")
    sys.stdout.flush()
    return 0
