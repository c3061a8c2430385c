"""A finding: one thing that keeps a protocol from being played, with where it is in the file."""

from __future__ import annotations

from dataclasses import dataclass

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol


@dataclass(frozen=True)
class Finding:
    """One thing that keeps a protocol from being played, with where it is in the file."""

    at: tuple[str | int, ...]
    """Keys from the file's top, e.g. ("steps", 3, "pressure"); step numbers are 1-based."""
    message: LocalText

    def text(self, lang: str = "en") -> str:
        return self.message.get(lang)


def step_name(protocol: Protocol, index: int) -> LocalText:
    """'step 4 "Press and knead"' in both languages."""
    step = protocol.steps[index]
    return LocalText.of(
        f"step {index + 1} “{step.title.get('en')}”",
        ru=f"шаг {index + 1} «{step.title.get('ru')}»",
    )
