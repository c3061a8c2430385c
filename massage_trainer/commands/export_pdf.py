"""`export-pdf PROTOCOL -o OUT.pdf [--paper a4|letter] [--lang en|ru]`: a printable handout.

A cover with the safety checklist and the preparation, then one page per step with its diagram.
Works without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from massage_trainer.commands.output import output_problem
from massage_trainer.core.files import reason
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.yamlsafe import DocumentError

EXIT_ERROR = 1
EXIT_USAGE = 2
PAPERS = ("a4", "letter")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export-pdf",
        help="write a printable PDF handout: safety checklist, then every step with its diagram",
    )
    p.add_argument(
        "protocol", metavar="PROTOCOL", help="a protocol id (see `list`) or a path to a .yaml file"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF"
    )
    p.add_argument("--paper", default="a4", help="a4 (default) or letter")
    p.set_defaults(handler=run)


def _say(msg: str) -> None:
    print(f"massage-trainer export-pdf: {msg}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    paper = str(args.paper).lower()
    if paper not in PAPERS:
        _say(f"--paper '{args.paper}' is unknown; choose a4 or letter")
        return EXIT_USAGE
    out = Path(args.output)
    problem = output_problem(out)  # first: a device there is the clearer thing to say
    if problem:
        _say(problem)
        return EXIT_ERROR
    if out.suffix.lower() != ".pdf":
        _say(f"-o '{out}' should end in .pdf")
        return EXIT_USAGE
    try:
        protocol = catalog.resolve(args.protocol, args.data_dir)
    except catalog.NotFound as exc:
        _say(str(exc))
        return EXIT_ERROR
    except DocumentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        _say(f"cannot read {args.protocol}: {exc.strerror or exc}")
        return EXIT_ERROR
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from massage_trainer.ui.base.i18n import language
    from massage_trainer.ui.classroom.handout import write_handout

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        with language(args.lang):  # headings and technique names in the handout's language
            pages = write_handout(protocol, out, paper=paper, lang=args.lang)
    except OSError as exc:
        _say(f"could not write {out}: {reason(exc)}; nothing was changed there")
        return EXIT_ERROR
    print(f"{out}: {pages} pages ({paper}), '{protocol.id}'")
    return 0
