"""The glossary covers every technique with its classical name and a caution, in both languages."""

from __future__ import annotations

import pytest

from massage_trainer.core.protocol import glossary
from massage_trainer.core.protocol.vocab import TECHNIQUES, Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError


def test_every_technique_has_an_entry() -> None:
    entries = glossary.load()
    assert {e.technique for e in entries} == set(Technique)
    for e in entries:
        assert e.classical.split(" ")[0] in TECHNIQUES[e.technique].classical
        assert e.hands.get("ru") != e.hands.get("en")
        assert e.avoid.get("en")


def test_safety_facts_are_in_the_glossary() -> None:
    assert "kidney" in glossary.entry(Technique.TAPPING).avoid.get("en")
    assert "pregnancy" in glossary.entry(Technique.KNEADING).avoid.get("en").lower()
    assert "twenty" in glossary.entry(Technique.SPINE_STRETCH).hands.get("en")


def test_a_broken_glossary_is_reported_with_its_location() -> None:
    with pytest.raises(DocumentError) as exc:
        glossary.parse("entries:\n  - technique: hugging\n", "g.yaml")
    text = "\n".join(map(str, exc.value.problems))
    assert "g.yaml:2:16: entries[1].technique: 'hugging' is not one of the allowed words" in text
    assert "g.yaml:2:5: entries[1]: the required key 'classical' is missing" in text
