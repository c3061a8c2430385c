"""Text in several languages with English as the fallback (LocalText).

Its own small module so that protocols and the player can be used without importing the YAML
parser and the schema machinery.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LocalText:
    """Text in one or more languages; English is always present and is the fallback."""

    by_lang: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, en: str, **others: str) -> LocalText:
        return cls((("en", en), *sorted(others.items())))

    def get(self, lang: str = "en") -> str:
        d = dict(self.by_lang)
        return d.get(lang) or d.get(lang.split("_", maxsplit=1)[0]) or d["en"]

    def __str__(self) -> str:
        return self.get("en")
