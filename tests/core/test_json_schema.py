"""Every bundled file passes its published JSON Schema under a standard validator reading YAML 1.2
(check-jsonschema, with ruamel.yaml, as editors read them), and the schemas catch the rules that
join fields as the loader does."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from tests.conftest import BUNDLED, PROTOCOLS

RULES_FILE = PROTOCOLS / "safety-rules.yaml"
TEMPLATE = PROTOCOLS / "template.yaml"


def _checker() -> list[str]:
    exe = Path(sys.executable).with_name("check-jsonschema")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("check-jsonschema")
    if found is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    return [found]


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("schema.json", [*BUNDLED, TEMPLATE]),
        ("safety-rules.schema.json", [RULES_FILE]),
    ],
    ids=["protocols", "safety-rules"],
)
def test_bundled_files_pass_their_schema_under_check_jsonschema(
    schema: str, files: list[Path]
) -> None:
    r = subprocess.run(
        [*_checker(), "--schemafile", str(PROTOCOLS / schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _yaml12(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


def _errors(schema: str, text: str) -> list[str]:
    validator = Draft202012Validator(json.loads((PROTOCOLS / schema).read_text("utf-8")))
    return [e.message for e in validator.iter_errors(_yaml12(text))]


def test_the_schemas_are_valid_draft_2020_12() -> None:
    for name in ("schema.json", "safety-rules.schema.json"):
        Draft202012Validator.check_schema(json.loads((PROTOCOLS / name).read_text("utf-8")))


PROTOCOL = (PROTOCOLS / "back-pain-relief.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    repetitions: 12\n", "    repetitions: 12\n    duration_s: 30\n"),  # both
        ("    repetitions: 12\n", ""),  # neither, and no until_next
        ("    repetitions: 12\n", "    until_next: false\n"),
    ],
    ids=["both", "neither", "until-next-false"],
)
def test_the_protocol_schema_says_how_a_step_is_timed(old: str, new: str) -> None:
    assert old in PROTOCOL
    assert _errors("schema.json", PROTOCOL) == []
    assert _errors("schema.json", PROTOCOL.replace(old, new, 1))


RULES = RULES_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{question: fever, is: true}", "{question: fever, is: yes}"),  # a string in YAML 1.2
        ("{question: fever, is: true}", "{question: fever, is: false}"),
        ("{question: fever, is: true}", "{question: fever, is: true, below: 3}"),
        ("{question: fever, is: true}", "{question: fever}"),
        ("    kind: number\n    minimum: 0\n    maximum: 10\n", "    kind: number\n"),
        ("    protocol: gentle-pregnancy\n", ""),
        (
            "    when: [{question: meal-minutes, below: 60}]",
            "    when: [{question: meal-minutes, at_most: 60}]",
        ),
    ],
    ids=[
        "yes-is-text",
        "is-false",
        "two-comparisons",
        "no-comparison",
        "number-range",
        "adapt",
        "wait",
    ],
)
def test_the_rules_schema_catches_what_the_loader_catches(old: str, new: str) -> None:
    assert old in RULES
    assert _errors("safety-rules.schema.json", RULES) == []
    assert _errors("safety-rules.schema.json", RULES.replace(old, new, 1))
