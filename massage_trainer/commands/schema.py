"""`schema`: print the protocol format as JSON Schema (protocols/schema.json is made with it)."""

from __future__ import annotations

import argparse
import json

from massage_trainer.core.protocol.format_v2 import json_schema


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schema", help="print the protocol file format as JSON Schema")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print(render(), end="")
    return 0
