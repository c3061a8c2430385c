"""Which characters a text in a data file may hold: no control characters, no direction overrides.

Titles, cues and instructions are shown on screens, printed on handouts and written to terminals.
An escape sequence there could recolour a terminal, a line break could forge a line of output, and
a bidirectional override could show a text other than the one that is stored. So the YAML reader
refuses them in every value and key of every file kind (protocols of any format version, the
safety rules, the glossary, answers files); only block text (`|` or `>`) may span several lines.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
"""Every control character but the line break (which only block text may hold), and the
bidirectional controls."""
_BIDI_SET = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def first_unsafe(value: str, *, block: bool) -> int:
    """The index of the first character `value` may not hold, or -1. A line break is allowed
    only in block text; tabs and every other control character nowhere."""
    found = _UNSAFE.search(value)
    at = found.start() if found is not None else -1
    if not block and "\n" in value:
        newline = value.index("\n")
        at = newline if at < 0 else min(at, newline)
    return at


def describe(ch: str) -> str:
    """Why `ch` is refused and what to write instead, for a person reading the error."""
    code = f"U+{ord(ch):04X}"
    if ch == "\n":
        return (
            "a line break inside a one-line text; keep it on one line, or write the text as a "
            "block ('|' and the lines indented below) where several lines are allowed"
        )
    if ch == "\t":
        return "a tab character; use spaces"
    if ch in _BIDI_SET:
        name = unicodedata.name(ch, "direction mark").lower()
        return (
            f"an invisible character that changes the direction of text ({code} {name}); "
            "it could make the text show something other than what it says: remove it"
        )
    if ch == "\x1b":
        return f"a terminal escape character ({code}); remove it"
    return f"a control character ({code}); remove it"


def offset_in_source(source: str, start: int, end: int, ch: str) -> int:
    """Where `ch` stands in the source between `start` and `end`, or `start` when it was written
    as an escape (\\e, \\x1b, \\u202e in double quotes) and so does not appear as itself."""
    found = source.find(ch, start, end) if ch != "\n" else -1
    return found if found >= 0 else start


def whole_number(text: str | None, value: float) -> bool:
    """True when the number as written is exactly a whole number: 3.9999999999999999 is not,
    although it reads back as the float 4.0."""
    if text is not None:
        try:
            return Decimal(text.replace("_", "")) % 1 == 0
        except (InvalidOperation, ValueError):
            pass
    return float(value).is_integer()
