"""The protocol loader: bundled protocols load; broken files give exact, located messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_trainer.commands.schema import render as render_schema
from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.vocab import Pressure, SafetyProfile, Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError
from tests.conftest import BUNDLED, PROTOCOLS

MINIMAL = """\
schema_version: 1
id: mini
version: 1
title: Mini
summary: A tiny protocol for tests.
audience: [student]
sources:
  - {id: src, file: a.txt, title: A}
safety_profile: general
estimated_minutes: 2
max_minutes: 5
steps:
  - id: one
    title: Stroke
    technique: stroking
    instructions: Stroke gently.
    cue: Stroke.
    target_zones: [lumbar-left, lumbar-right]
    avoid_zones: [spine]
    hands: {contact: palm, orientation: fingers-toward-head, left: lumbar-left, right: lumbar-right}
    motion: {pattern: long-strokes, direction: up, hands: mirrored}
    pressure: light
    tempo: 12
    repetitions: 6
    source: {id: src, section: part 1}
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(DocumentError) as exc:
        loader.parse(text, "p.yaml")
    return [str(p) for p in exc.value.problems]


def test_minimal_protocol_loads() -> None:
    p = loader.parse(MINIMAL, "p.yaml")
    assert p.id == "mini"
    assert p.steps[0].technique is Technique.STROKING
    assert p.steps[0].pressure is Pressure.LIGHT
    assert p.steps[0].planned_s == pytest.approx(30.0)
    assert p.safety_profile is SafetyProfile.GENERAL


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_protocols_are_valid(path: Path) -> None:
    p = loader.load(path)
    assert isinstance(p, Protocol)
    assert p.planned_s <= p.max_minutes * 60
    source_files = {s.file for s in p.sources}
    assert source_files <= {"000_978f38e0f72106d2.txt", "003_872c6e25eb665569.txt"}
    for step in p.steps:
        assert step.source.id in {s.id for s in p.sources}
        assert step.title.get("ru") != step.title.get("en"), "Russian text is present"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_protocols_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema.json"


def test_schema_json_is_generated_from_the_loader() -> None:
    committed = (PROTOCOLS / "schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(), "run: massage-trainer schema > protocols/schema.json"
    schema = json.loads(committed)
    for fmt in ("format-1", "format-2"):  # each format's keys, none beside them
        assert schema["$defs"][fmt]["additionalProperties"] is False
        assert "steps" in schema["$defs"][fmt]["required"]
    assert schema["if"] == {"properties": {"schema_version": {"const": 1}}}


def test_pregnancy_protocol_keeps_the_source_rules() -> None:
    p = loader.load(PROTOCOLS / "gentle-pregnancy.yaml")
    assert p.safety_profile is SafetyProfile.PREGNANCY
    assert p.max_minutes <= 40
    assert {s.pressure for s in p.steps} == {Pressure.LIGHT}
    assert {s.technique for s in p.steps} <= {Technique.STROKING, Technique.VIBRATION}
    assert Technique.VIBRATION in {s.technique for s in p.steps}


def test_percussion_never_targets_kidneys_in_bundled_protocols() -> None:
    for path in BUNDLED:
        for step in loader.load(path).steps:
            if step.technique in (Technique.TAPPING, Technique.CLAPPING):
                assert {"kidney-left", "kidney-right"} <= set(step.avoid_zones)
            assert "spine" not in step.target_zones


def _replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


BROKEN = [
    (
        _replace("    pressure: light\n", "    pressure: hard\n"),
        ["p.yaml:22:15: steps[1].pressure: 'hard' is not one of light, moderate, firm"],
    ),
    (
        _replace("id: mini\n", "id: mini\ncolour: red\n"),
        [
            "p.yaml:3:1: colour: unknown key 'colour'; allowed here: schema_version, id, version, "
            "title, summary, audience, sources, safety_profile, estimated_minutes, max_minutes, "
            "preparation, steps, project_choices"
        ],
    ),
    (
        _replace("    tempo: 12\n", "    tempoo: 12\n"),
        [
            "p.yaml:13:5: steps[1]: the required key 'tempo' is missing",
            "p.yaml:23:5: steps[1].tempoo: unknown key 'tempoo' (did you mean 'tempo'?)",
        ],
    ),
    (
        _replace("    tempo: 12\n", "    tempo: -3\n"),
        ["p.yaml:23:12: steps[1].tempo: -3 is too small; it must be at least 1 per minute"],
    ),
    (
        _replace("    tempo: 12\n", "    tempo: .inf\n"),
        ["p.yaml:23:12: steps[1].tempo: expected a number, found 'inf'"],
    ),
    (
        _replace("    repetitions: 6\n", "    repetitions: 0\n"),
        ["p.yaml:24:18: steps[1].repetitions: 0 is too small; it must be at least 1"],
    ),
    (
        _replace("    repetitions: 6\n", "    repetitions: 1.0e+12\n"),
        ["p.yaml:24:18: steps[1].repetitions: 1000000000000 is too large; it must be at most 500"],
    ),
    (
        _replace("    repetitions: 6\n", "    repetitions: '6'\n"),
        ["p.yaml:24:18: steps[1].repetitions: expected a whole number, found the text '6'"],
    ),
    (
        _replace("    technique: stroking\n", "    technique: strokin\n"),
        [
            "p.yaml:15:16: steps[1].technique: 'strokin' is not a known technique (did you mean 'stroking'?)"
        ],
    ),
    (
        _replace(
            "target_zones: [lumbar-left, lumbar-right]", "target_zones: [lumbar-left, lumber-right]"
        ),
        [
            "p.yaml:18:33: steps[1].target_zones[2]: 'lumber-right' is not a known zone (did you mean 'lumbar-right'?)"
        ],
    ),
    (
        _replace("    title: Stroke\n", ""),
        ["p.yaml:13:5: steps[1]: the required key 'title' is missing"],
    ),
    (
        _replace("    repetitions: 6\n", ""),
        ["p.yaml:13:5: steps[1]: give repetitions or duration_s (or until_next: true)"],
    ),
    (
        _replace("    repetitions: 6\n", "    repetitions: 6\n    duration_s: 30\n"),
        ["p.yaml:25:17: steps[1]: give either repetitions or duration_s, not both"],
    ),
    (
        _replace("avoid_zones: [spine]", "avoid_zones: [spine, lumbar-left]"),
        [
            "p.yaml:19:18: steps[1].avoid_zones: lumbar-left cannot be both a target and a zone to avoid"
        ],
    ),
    (
        _replace("target_zones: [lumbar-left, lumbar-right]", "target_zones: [spine]"),
        ["p.yaml:19:18: steps[1].avoid_zones: spine cannot be both a target and a zone to avoid"],
    ),
    (
        _replace(
            "    source: {id: src, section: part 1}\n", "    source: {id: other, section: part 1}\n"
        ),
        ["p.yaml:25:18: steps[1].source.id: 'other' is not one of this protocol's sources (src)"],
    ),
    (
        _replace("max_minutes: 5", "max_minutes: 1"),
        ["p.yaml:11:14: max_minutes: 1 is shorter than estimated_minutes (2)"],
    ),
    (
        _replace("title: Mini", "title: {en: Mini, de: Klein}"),
        ["p.yaml:4:19: title.de: 'de' is not a supported language; use en, ru"],
    ),
    (
        _replace("audience: [student]", "audience: student"),
        ["p.yaml:6:11: audience: expected a list ('- item' lines), found the text 'student'"],
    ),
    (
        _replace("    repetitions: 6\n", "    repetitions: 200\n"),
        ["p.yaml:11:14: max_minutes: the steps add up to 16.7 minutes, more than max_minutes (5)"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN, ids=[str(i) for i in range(len(BROKEN))])
def test_broken_files_give_exact_messages(text: str, expected: list[str]) -> None:
    assert problems_of(text) == expected


def test_every_problem_is_reported_at_once() -> None:
    text = _replace("    pressure: light\n", "    pressure: hard\n").replace(
        "tempo: 12", "tempo: 0"
    )
    text = text.replace("id: mini\n", "id: Mini Protocol\n")
    got = problems_of(text)
    assert len(got) == 3
    assert [g.split(":")[1] for g in got] == ["2", "22", "23"]


# --- fuzzing: any document is either a Protocol or a DocumentError, nothing else -------------

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_fuzzed_documents_load_or_raise_cleanly(value: object) -> None:
    text = json.dumps(value, allow_nan=True)
    try:
        loader.parse(text, "fuzz.yaml")
    except DocumentError as exc:
        assert exc.problems and all(str(p).startswith("fuzz.yaml:") for p in exc.problems)


_KEYS = [
    "id",
    "title",
    "technique",
    "pressure",
    "tempo",
    "repetitions",
    "target_zones",
    "hands",
    "motion",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_KEYS),
    st.one_of(yaml_scalars, st.lists(st.text(max_size=8), max_size=3)),
)
def test_mutating_one_step_field_never_escapes(key: str, value: object) -> None:
    lines = MINIMAL.splitlines()
    out = [
        f"    {key}: {json.dumps(value, allow_nan=True)}" if ln.startswith(f"    {key}:") else ln
        for ln in lines
    ]
    try:
        p = loader.parse("\n".join(out) + "\n", "m.yaml")
    except DocumentError as exc:
        assert exc.problems
    else:
        assert p.id == "mini"


def test_unknown_preparation_item_is_refused() -> None:
    text = MINIMAL.replace(
        "safety_profile: general\n",
        "safety_profile: general\npreparation: [firm-surface, warm-room]\n",
    )
    assert problems_of(text) == [
        "p.yaml:10:29: preparation[2]: 'warm-room' is not a known preparation item; known: "
        + ", ".join(loader.preparation_ids())
    ]
