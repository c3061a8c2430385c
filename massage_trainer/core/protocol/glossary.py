"""The technique glossary for practice mode (assets/glossary.yaml), validated like protocols."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from massage_trainer.core.protocol import yamlsafe
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.schema import INVALID, Choice, Ctx, F, ListOf, Obj, Str, Text
from massage_trainer.core.protocol.vocab import TECHNIQUES, Technique
from massage_trainer.core.protocol.yamlsafe import DocumentError
from massage_trainer.resources import asset


@dataclass(frozen=True)
class GlossaryEntry:
    technique: Technique
    classical: str
    hands: LocalText
    avoid: LocalText
    source: str

    @property
    def plain(self) -> str:
        return TECHNIQUES[self.technique].plain


ENTRY = Obj(
    {
        "technique": F(Choice("Technique id.", [str(t) for t in Technique]), required=True),
        "classical": F(Str("Classical name.", max_len=80), required=True),
        "hands": F(Text("What the hands do.", max_len=800), required=True),
        "avoid": F(Text("What to avoid.", max_len=400), required=True),
        "source": F(Str("Source file, or 'both'.", max_len=80), required=True),
    }
)
GLOSSARY = Obj({"entries": F(ListOf(ENTRY, min_items=1, max_items=50), required=True)})


def parse(text: str, path: str) -> tuple[GlossaryEntry, ...]:
    ctx = Ctx(path)
    data = GLOSSARY.check(yamlsafe.parse(text, path), "", ctx)
    if ctx.problems or data is INVALID:
        raise DocumentError(ctx.problems)
    return tuple(
        GlossaryEntry(
            Technique(e["technique"]), e["classical"], e["hands"], e["avoid"], e["source"]
        )
        for e in data["entries"]
    )


@cache
def load(path: Path | None = None) -> tuple[GlossaryEntry, ...]:
    p = path or asset("glossary.yaml")
    return parse(yamlsafe.read_file(p), str(p))


def entry(technique: Technique) -> GlossaryEntry:
    for e in load():
        if e.technique is technique:
            return e
    raise KeyError(technique)
