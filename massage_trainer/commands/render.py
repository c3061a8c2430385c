"""`render PROTOCOL --step N --at SECONDS --size WxH -o OUT.png`: one moment of a step as a picture.

Headless (no display needed): the same drawing code as the window, so slides, handouts and tests
show exactly what a person sees in the app.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from pathlib import Path

from massage_trainer.commands.output import output_problem
from massage_trainer.core.files import reason
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.yamlsafe import DocumentError

EXIT_ERROR = 1
EXIT_USAGE = 2
MAX_SIDE = 8192
MAX_AT_S = 86_400.0
"""The latest moment that can be drawn: a day into the step (motion repeats, so any is valid)."""
THEME_NAMES = ("light", "dark", "high-contrast")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "render",
        help="draw one moment of a step (body, zones, hands) to a PNG, without a display",
    )
    p.add_argument(
        "protocol", metavar="PROTOCOL", help="a protocol id (see `list`) or a path to a .yaml file"
    )
    p.add_argument(
        "--step", default="1", metavar="N", help="step number, counting from 1 (default 1)"
    )
    p.add_argument("--at", default="0", metavar="SECONDS", help="seconds into the step (default 0)")
    p.add_argument(
        "--size",
        default="1920x1080",
        metavar="WxH",
        help="image size in pixels (default 1920x1080)",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT.png", help="where to write the PNG"
    )
    p.add_argument("--theme", default="light", metavar="THEME", help="light, dark or high-contrast")
    p.add_argument("--labels", action="store_true", help="write the zone names on the body")
    p.add_argument(
        "--no-caption", action="store_true", help="leave out the step title and pressure gauge"
    )
    p.set_defaults(handler=run)


def _usage(msg: str) -> int:
    print(f"massage-trainer render: {msg}", file=sys.stderr)
    return EXIT_USAGE


def _parse_size(text: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not m:
        return None
    w, h = int(m.group(1)), int(m.group(2))
    if not (16 <= w <= MAX_SIDE and 16 <= h <= MAX_SIDE):
        return None
    return w, h


def run(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    if size is None:
        return _usage(
            f"--size '{args.size}' is not WIDTHxHEIGHT in pixels (16..{MAX_SIDE} each), e.g. 1920x1080"
        )
    try:
        at = float(args.at)
    except ValueError:
        return _usage(f"--at '{args.at}' is not a number of seconds, e.g. 2.5")
    if not (math.isfinite(at) and 0 <= at <= MAX_AT_S):
        return _usage(f"--at '{args.at}' must be from 0 to {MAX_AT_S:g} seconds into the step")
    if not re.fullmatch(r"\d{1,4}", args.step.strip()):
        return _usage(f"--step '{args.step}' is not a step number; steps count from 1")
    if args.theme not in THEME_NAMES:
        return _usage(f"--theme '{args.theme}' is unknown; choose one of: {', '.join(THEME_NAMES)}")
    out = Path(args.output)
    problem = output_problem(out)  # first: a device there is the clearer thing to say
    if problem:
        print(f"massage-trainer render: {problem}", file=sys.stderr)
        return EXIT_ERROR
    if out.suffix.lower() != ".png":
        return _usage(f"-o '{out}' should end in .png")
    try:
        protocol = catalog.resolve(args.protocol, args.data_dir)
    except catalog.NotFound as exc:
        print(f"massage-trainer render: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except DocumentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(
            f"massage-trainer render: cannot read {args.protocol}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    n = int(args.step)
    if not 1 <= n <= len(protocol.steps):
        return _usage(
            f"--step {n} is out of range: '{protocol.id}' has steps 1 to {len(protocol.steps)}"
        )
    step = protocol.steps[n - 1]
    return _draw(step, protocol, at, size, args, out)


def _draw(  # noqa: PLR0917
    step: object,
    protocol: object,
    at: float,
    size: tuple[int, int],
    args: argparse.Namespace,
    out: Path,
) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from massage_trainer.core.body import framing
    from massage_trainer.ui.base.i18n import LANGUAGES, language
    from massage_trainer.ui.base.memory_file import MemoryFile
    from massage_trainer.ui.diagram.drawing import render_image

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    # caption and legend words in the same language as the protocol text
    with language(args.lang if args.lang in LANGUAGES else "en"):
        img = render_image(
            step,  # type: ignore[arg-type]
            at,
            QSize(*size),
            args.theme,
            labels=args.labels,
            caption=not args.no_caption,
            lang=args.lang,
            body=framing.body_of(protocol),  # framed on the step like the window
        )
    png = MemoryFile()
    if not img.save(png.device, "PNG"):
        print("massage-trainer render: the picture could not be made into a PNG", file=sys.stderr)
        return EXIT_ERROR
    try:
        png.save(out)
    except OSError as exc:
        print(
            f"massage-trainer render: could not write {out}: {reason(exc)}; nothing was changed "
            "there",
            file=sys.stderr,
        )
        return EXIT_ERROR
    print(f"{out}: {size[0]}x{size[1]}, step {args.step.strip()} '{step.id}' at {at:g} s")  # type: ignore[attr-defined]
    return 0
