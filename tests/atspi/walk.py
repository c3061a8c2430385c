"""Walk Massage Trainer's AT-SPI tree as Orca sees it and count what is interactive and nameless.

Run by run.sh with the system Python (python3-pyatspi); --dump lists every interactive object.
"""

from __future__ import annotations

import sys
import time

import pyatspi

INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "spin button",
    "slider",
    "text",
    "entry",
    "list",
    "table",
    "tree table",
    "progress bar",
    "page tab",
    "link",
}
CONTAINERS = {"frame", "dialog", "filler", "panel", "scroll bar", "table cell", "list item"}
Row = tuple[int, str, str, str, bool, bool, str]


def find_app() -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and "assage" in (app.name or ""):
            return app
    return None


def labelled_by(node: object) -> str:
    for relation in node.getRelationSet():  # type: ignore[attr-defined]
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            return str(relation.getTarget(0).name or "")
    return ""


def walk(node: object, depth: int = 0, out: list[Row] | None = None) -> list[Row]:
    out = [] if out is None else out
    states = node.getState()  # type: ignore[attr-defined]
    out.append(
        (
            depth,
            node.getRoleName(),  # type: ignore[attr-defined]
            node.name or "",  # type: ignore[attr-defined]
            node.description or "",  # type: ignore[attr-defined]
            states.contains(pyatspi.STATE_SHOWING),
            states.contains(pyatspi.STATE_FOCUSABLE),
            labelled_by(node),
        )
    )
    for i in range(min(node.childCount, 400)):  # type: ignore[attr-defined]
        child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is not None:
            walk(child, depth + 1, out)
    return out


def main() -> int:
    title = sys.argv[1] if len(sys.argv) > 1 else "tree"
    app = None
    for _ in range(60):  # a manual check: the app may still be starting
        app = find_app()
        if app is not None and app.childCount:  # type: ignore[attr-defined]
            break
        time.sleep(0.5)
    if app is None:
        print("Massage Trainer is not on the accessibility bus")
        return 1
    rows = walk(app)
    shown = [r for r in rows if r[4] and (r[1] in INTERACTIVE or r[5])]
    nameless = [r for r in shown if not r[2].strip() and not r[6] and r[1] not in CONTAINERS]
    print(
        f"== {title}: {len(rows)} objects, {len(shown)} interactive and showing, "
        f"{len(nameless)} without a name"
    )
    for r in nameless:
        print("   NAMELESS", r[1], repr(r[3])[:80])
    if "--dump" in sys.argv:
        for depth, role, name, desc, _showing, _focusable, label in shown:
            by = f"labelled by: {label}" if label else ""
            print("  " * min(depth, 6), role, "|", name[:70], "|", by, "|", desc[:110])
    return 0


if __name__ == "__main__":
    sys.exit(main())
