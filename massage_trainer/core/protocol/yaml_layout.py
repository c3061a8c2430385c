"""Plain words for the YAML mistakes people make most: tabs, and lines indented too far or not
far enough. PyYAML says "did not find expected key"; a person needs to hear which line is out of
step with which, and how to put it right.
"""

from __future__ import annotations

At = tuple[int, int]
"""1-based (line, column)."""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab(lines: list[str], near: int) -> tuple[int, int] | None:
    """(line index, column) of a tab in the leading blanks of line `near` or the lines just
    before it (where YAML met it), else None."""
    for i in range(min(near, len(lines) - 1), max(-1, near - 3), -1):
        line = lines[i]
        head = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in head:
            return i, head.index("\t")
        body = line.lstrip(" \t")
        if body.startswith("-") and "\t" in body[1:3]:
            return i, len(head) + 1 + body[1:3].index("\t")
    return None


def _levels(lines: list[str], i: int) -> list[tuple[int, int, bool]]:
    """The sections open at line `i`, innermost first: (1-based column of their lines, the line
    that shows it, whether that column holds '- ' items)."""
    out: list[tuple[int, int, bool]] = []
    cur = 10**9
    for j in range(i - 1, -1, -1):
        text = lines[j].rstrip()
        body = text.strip()
        if not body or body.startswith("#"):
            continue
        ind = _indent(text)
        if ind >= cur:
            continue
        if body.startswith("- ") and body[2:].strip():
            inner = ind + 2 + _indent(body[2:])
            if inner < cur:
                out.append((inner + 1, j + 1, False))
        out.append((ind + 1, j + 1, body.startswith("-")))
        cur = ind
        if ind == 0:
            break
    return out


def _misaligned(lines: list[str], i: int, col: int) -> str:
    levels = _levels(lines, i)
    item = lines[i].strip().startswith("-")
    same = next((lv for lv in levels if lv[0] == col), None)
    if same is not None and same[2] and not item:
        return (
            f"indentation: this line starts at column {col} like the '- ' items of the list on "
            f"line {same[1]}, but it is not an item: indent it to column {col + 2} to make it "
            "part of the item above, or begin it with '- ' to start a new item"
        )
    if same is not None and item and not same[2]:
        return (
            f"indentation: a '- ' item at column {col} among the keys of line {same[1]}; a list "
            "goes under a key of its own, indented further ('key:' and below it '  - item')"
        )
    shown = ", ".join(f"column {c} (line {n})" for c, n, _ in levels[:3])
    return (
        f"indentation: this line starts at column {col}, which lines up with no section above "
        f"it ({shown}); indent it with spaces to the column of the section it belongs to"
    )


def _previous(lines: list[str], i: int) -> int | None:
    """The nearest line above `i` that holds something (not blank, not a comment)."""
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if s and not s.startswith("#"):
            return j
    return None


def explain(text: str, problem: At, _context: At, reason: str) -> tuple[At, str] | None:
    """Where and what to say for a tab or an indentation mistake, or None when it is neither.
    `problem` and `context` are PyYAML's marks (1-based)."""
    lines = _lines(text)
    i = problem[0] - 1
    if "cannot start any token" in reason or "tab character" in reason:
        tab = _tab(lines, i)
        if tab is not None:
            return (tab[0] + 1, tab[1] + 1), (
                "a tab is used for indentation here; YAML indents with spaces only: replace "
                "the tab with spaces (two spaces per level, lined up with the lines it belongs to)"
            )
    if not 0 <= i < len(lines):
        return None
    line = lines[i]
    col = _indent(line) + 1
    if "did not find expected key" in reason or "did not find expected '-' indicator" in reason:
        return (problem[0], col), _misaligned(lines, i, col)
    if "mapping values are not allowed" in reason:
        j = _previous(lines, i)
        if j is not None and _indent(line) > _indent(lines[j]) and ": " in lines[j].strip():
            before = _indent(lines[j]) + 1
            key = line.strip().split(":", 1)[0]
            return (problem[0], col), (
                f"indentation: '{key}:' is indented further than line {j + 1}, so it reads as "
                f"more of that line's text; move it left to column {before} to make it a key "
                "of the same section (a text containing ': ' must be put in quotes)"
            )
    return None
