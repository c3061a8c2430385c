"""Fuzzing the rules loader and line-level mutations of real files: every input is either loaded or
rejected with located problems (a DocumentError), never any other exception.

Several thousand examples in all (with the fuzz tests of test_loader.py and test_yamlsafe.py),
sized to stay within a few seconds each.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.core.safety import rules as safety_rules
from massage_trainer.resources import protocols_dir

RULES_TEXT = (protocols_dir() / safety_rules.RULES_FILE).read_text(encoding="utf-8")
PROTOCOL_TEXT = (protocols_dir() / "therapeutic-lower-back.yaml").read_text(encoding="utf-8")
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=24),
)
values = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids, max_size=4)
    ),
    max_leaves=24,
)
rules_like = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": scalars,
        "sources": values,
        "questions": st.lists(values, max_size=3),
        "preparation": st.lists(values, max_size=3),
        "rules": st.lists(values, max_size=3),
        "pain": values,
    },
)


def _rejected_cleanly(exc: DocumentError, name: str) -> None:
    assert exc.problems, "a rejection must say what is wrong"
    assert all(str(p).startswith(f"{name}:") for p in exc.problems)


@settings(FAST, max_examples=800)
@given(st.one_of(values, rules_like))
def test_fuzzed_rules_documents_load_or_raise_cleanly(value: object) -> None:
    try:
        safety_rules.parse(json.dumps(value, allow_nan=True), "fuzz.yaml")
    except DocumentError as exc:
        _rejected_cleanly(exc, "fuzz.yaml")


def _mutate(text: str, index: int, op: str, value: object) -> str:
    """One line of a real file changed: its value replaced, the line dropped or doubled."""
    lines = text.splitlines()
    i = index % len(lines)
    line = lines[i]
    if op == "drop":
        del lines[i]
    elif op == "double":
        lines.insert(i, line)
    elif ":" in line:
        key = line.split(":", 1)[0]
        lines[i] = f"{key}: {json.dumps(value, allow_nan=True)}"
    else:
        lines[i] = line + " " + json.dumps(value, allow_nan=True)
    return "\n".join(lines) + "\n"


mutations = st.tuples(
    st.integers(0, 10_000), st.sampled_from(["value", "value", "drop", "double"]), scalars
)


@settings(FAST, max_examples=500)
@given(mutations)
def test_mutated_real_rules_load_or_raise_cleanly(m: tuple[int, str, object]) -> None:
    try:
        rules = safety_rules.parse(_mutate(RULES_TEXT, *m), "rules.yaml")
    except DocumentError as exc:
        _rejected_cleanly(exc, "rules.yaml")
    else:
        assert rules.questions  # whatever survives is still a usable rule set


@settings(FAST, max_examples=800)
@given(mutations)
def test_mutated_real_protocol_loads_or_raises_cleanly(m: tuple[int, str, object]) -> None:
    try:
        protocol = loader.parse(_mutate(PROTOCOL_TEXT, *m), "p.yaml")
    except DocumentError as exc:
        _rejected_cleanly(exc, "p.yaml")
    else:
        assert protocol.steps and all(s.planned_s >= 0 for s in protocol.steps)
