"""A printable PDF handout of a protocol: a cover with the safety checklist and the preparation,
then one page per step with its diagram (hands, arrows, zones) and everything needed to do it.

Drawn with QPdfWriter and QPainter (no web engine): text is laid out by QTextDocument so it wraps
properly, and the diagram is the same drawing code as the window, in vector form.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.safety import rules as safety_rules
from massage_trainer.core.safety.rules import Outcome, Rules
from massage_trainer.ui.base.vocab_text import classical_name, contact_name, technique_name
from massage_trainer.ui.diagram.drawing import DiagramCache, paint_diagram
from massage_trainer.ui.session.step_text import clock_text

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
SCREEN_DPI = 110
"""The diagram is laid out as on a screen of this density (legend and line widths in proportion)."""
IMAGE_RATIO = 2.4
"""...and drawn at this many pixels per layout pixel (about 260 dpi on paper)."""
PANEL = "#eef1f4"
MOMENT = 0.3
"""Where in a motion cycle the diagram is drawn (fraction of the period): hands well under way."""
INK, MUTED, ACCENT, WARN = "#1d2329", "#5b6673", "#0b6aa8", "#8a4b00"
CSS = f"""
body {{ color: {INK}; font-family: 'DejaVu Sans', sans-serif; }}
h1 {{ font-size: 22pt; margin: 0 0 4px 0; }}
h2 {{ font-size: 13pt; margin: 12px 0 4px 0; color: {ACCENT}; }}
p {{ margin: 2px 0 6px 0; }}
.muted {{ color: {MUTED}; }}
.label {{ color: {MUTED}; font-size: 8.5pt; font-weight: 600; }}
.warn {{ color: {WARN}; }}
li {{ margin-bottom: 2px; }}
td {{ padding: 1px 4px 1px 0; vertical-align: top; }}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def default_paper() -> str:
    """Letter where the system locale prints on Letter (US, Canada...), A4 everywhere else."""
    territory = QLocale.system().territory()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico}
    return "letter" if territory in letter else "a4"


def _pressure(step: Step) -> str:
    names = {
        1: QCoreApplication.translate("Handout", "light"),
        2: QCoreApplication.translate("Handout", "moderate"),
        3: QCoreApplication.translate("Handout", "firm"),
    }
    level = step.pressure.level
    return f"{names[level]} {'●' * level}{'○' * (3 - level)}"


def _length(step: Step) -> str:
    if step.repetitions is not None:
        text = QCoreApplication.translate("Handout", "%1 repetitions (about %2)").replace(
            "%1", str(step.repetitions)
        )
        return text.replace("%2", clock_text(step.planned_s))
    if step.duration_s is not None:
        text = QCoreApplication.translate("Handout", "%1 min").replace(
            "%1", clock_text(step.duration_s)
        )
        return text + (
            QCoreApplication.translate("Handout", ", then on until you move on")
            if step.until_next
            else ""
        )
    return QCoreApplication.translate("Handout", "as long as needed")


def _checklist(items: Iterable[str]) -> str:
    rows = "".join(
        f"<tr><td style='font-size:12pt'>☐</td><td>{_e(text)}</td></tr>" for text in items
    )
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


def cover_html(protocol: Protocol, rules: Rules, lang: str) -> str:
    """The first page: what the protocol is, then what must be checked before anyone starts."""
    sources = "; ".join(s.title for s in protocol.sources)
    meta = (
        QCoreApplication.translate(
            "Handout", "About %1 minutes · %2 steps · never longer than %3 minutes"
        )
        .replace("%1", f"{protocol.estimated_minutes:g}")
        .replace("%2", str(len(protocol.steps)))
        .replace("%3", f"{protocol.max_minutes:g}")
    )
    asked: dict[Outcome, list[str]] = {o: [] for o in Outcome}
    for rule in rules.rules:
        asked[rule.outcome].append(rule.reason.get(lang))
    stop_questions = []
    for q in rules.questions:
        if q.kind is safety_rules.QuestionKind.YES_NO and any(
            r.outcome is Outcome.STOP and any(c.question == q.id for c in r.when)
            for r in rules.rules
        ):
            stop_questions.append(q.text.get(lang))
    prep = []
    for pid in protocol.preparation:
        item = rules.prep_item(pid)
        prep.append(item.text.get(lang) if item is not None else pid)
    adapt = "".join(f"<li>{_e(t)}</li>" for t in asked[Outcome.ADAPT])
    wait = "".join(f"<li>{_e(t)}</li>" for t in asked[Outcome.WAIT])
    warn = "".join(f"<li>{_e(t)}</li>" for t in asked[Outcome.WARN])
    label = QCoreApplication.translate("Handout", "MASSAGE TRAINER · HANDOUT")
    sources_line = QCoreApplication.translate("Handout", "Sources: %1").replace("%1", sources)
    h_check = QCoreApplication.translate(
        "Handout", "1. Safety check: no massage if any answer is yes"
    )
    h_adapt = QCoreApplication.translate("Handout", "2. What changes the massage")
    h_wait = QCoreApplication.translate("Handout", "3. When to wait")
    h_prep = QCoreApplication.translate("Handout", "4. Preparation")
    during = QCoreApplication.translate(
        "Handout",
        "During the massage: stop at once if it hurts, and ask how the receiver feels. "
        "Never press on the spine or the kidneys.",
    )
    return f"""<html><head><style>{CSS}</style></head><body>
<p class='label'>{_e(label)}</p>
<h1>{_e(protocol.title.get(lang))}</h1>
<p>{_e(protocol.summary.get(lang))}</p>
<p class='muted'>{_e(meta)}<br>{_e(sources_line)}</p>
<h2>{_e(h_check)}</h2>
{_checklist(stop_questions)}
<h2>{_e(h_adapt)}</h2>
<ul>{adapt}{warn}</ul>
<h2>{_e(h_wait)}</h2>
<ul>{wait}</ul>
<h2>{_e(h_prep)}</h2>
{_checklist(prep)}
<p class='muted' style='margin-top:10px'>{_e(during)}</p>
</body></html>"""


def step_text_html(protocol: Protocol, index: int, lang: str) -> tuple[str, str]:
    """(the facts beside the diagram, the instructions under it) for one step."""
    step = protocol.steps[index]
    rows = [
        (
            QCoreApplication.translate("Handout", "Technique"),
            f"{_e(technique_name(step.technique))}<br><i>{_e(classical_name(step.technique))}</i>",
        ),
        (
            QCoreApplication.translate("Handout", "Hands"),
            _e(contact_name(step.hands.contact)),
        ),
        (QCoreApplication.translate("Handout", "Pressure"), _e(_pressure(step))),
        (
            QCoreApplication.translate("Handout", "Tempo"),
            _e(
                QCoreApplication.translate("Handout", "%1 per minute").replace(
                    "%1", f"{step.tempo:g}"
                )
            ),
        ),
        (QCoreApplication.translate("Handout", "How long"), _e(_length(step))),
    ]
    facts = "".join(
        f"<p class='label' style='margin:8px 0 0 0'>{_e(k.upper())}</p><p style='font-size:11pt'>{v}</p>"
        for k, v in rows
    )
    side = f"<html><head><style>{CSS}</style></head><body>{facts}</body></html>"
    cautions = "".join(f"<p class='warn'>⚠ {_e(c.get(lang))}</p>" for c in step.cautions)
    source = next((s.title for s in protocol.sources if s.id == step.source.id), step.source.id)
    what = QCoreApplication.translate("Handout", "What to do")
    care = QCoreApplication.translate("Handout", "Take care")
    source_line = (
        QCoreApplication.translate("Handout", "Source: %1, “%2”")
        .replace("%1", source)
        .replace("%2", step.source.section)
    )
    body = f"""<html><head><style>{CSS}</style></head><body>
<h2 style='margin-top:0'>{_e(what)}</h2>
<p style='font-size:11.5pt'>{_e(step.instructions.get(lang))}</p>
{f"<h2>{_e(care)}</h2>{cautions}" if cautions else ""}
<p class='muted' style='font-size:8.5pt; margin-top:8px'>{_e(source_line)}</p>
</body></html>"""
    return side, body


class _Pages:
    """Page geometry and the text helpers shared by every page (all in device pixels)."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer, self.painter = writer, painter
        # The painter's origin is already the top-left of the printable area (inside the margins).
        printable = writer.pageLayout().paintRectPixels(writer.resolution())
        self.rect = QRectF(0, 0, printable.width(), printable.height())
        self.mm = writer.resolution() / 25.4

    def doc(self, html_text: str, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultFont(QFont("DejaVu Sans", 10))
        doc.setDocumentMargin(0)
        doc.setHtml(html_text)
        doc.setTextWidth(width)
        return doc

    def draw_doc(self, doc: QTextDocument, x: float, y: float, max_h: float) -> float:
        p = self.painter
        p.save()
        p.translate(x, y)
        h = min(doc.size().height(), max_h)
        doc.drawContents(p, QRectF(0, 0, doc.textWidth(), h))
        p.restore()
        return h

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        pt: float,
        *,
        bold: bool = False,
        colour: str = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """One block of plain text, word-wrapped to `w`; returns its height."""
        p = self.painter
        f = QFont("DejaVu Sans")
        f.setPointSizeF(pt)
        f.setBold(bold)
        p.setFont(f)
        p.setPen(QColor(colour))
        flags = int(align) | int(Qt.TextFlag.TextWordWrap)
        box = p.boundingRect(QRectF(x, y, w, 10_000), flags, text)
        p.drawText(QRectF(x, y, w, box.height()), flags, text)
        return box.height()

    def footer(self, page: int, pages: int, title: str) -> None:
        r, p = self.rect, self.painter
        y = r.bottom() - 7 * self.mm
        p.setPen(QPen(QColor("#c4ccd6"), 0.3 * self.mm))
        p.drawLine(int(r.left()), int(y), int(r.right()), int(y))
        third = r.width() / 3
        left = QCoreApplication.translate("Handout", "A guide, not medical advice")
        mid = title
        right = (
            QCoreApplication.translate("Handout", "Page %1 of %2")
            .replace("%1", str(page))
            .replace("%2", str(pages))
        )
        for i, (text, align) in enumerate(
            (
                (left, Qt.AlignmentFlag.AlignLeft),
                (mid, Qt.AlignmentFlag.AlignHCenter),
                (right, Qt.AlignmentFlag.AlignRight),
            )
        ):
            self.text(
                r.left() + i * third, y + 1.5 * self.mm, third, text, 8, colour=MUTED, align=align
            )


def diagram_image(
    step: Step, size_mm: QSizeF, lang: str, cache: DiagramCache | None = None
) -> QImage:
    """The step's diagram as a crisp picture: laid out like a small screen (so the legend and
    lines keep their proportions), drawn at print resolution."""
    logical = QSizeF(size_mm.width() * SCREEN_DPI / 25.4, size_mm.height() * SCREEN_DPI / 25.4)
    img = QImage(
        round(logical.width() * IMAGE_RATIO),
        round(logical.height() * IMAGE_RATIO),
        QImage.Format.Format_RGB32,
    )
    img.setDevicePixelRatio(IMAGE_RATIO)
    img.fill(QColor(PANEL))
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_diagram(
            p,
            QRectF(0, 0, logical.width(), logical.height()),
            step,
            MOMENT * step.period_s,
            "light",
            legend=True,
            lang=lang,
            cache=cache,
        )
    finally:
        p.end()
    return img


def _notes(pg: _Pages, top: float) -> None:
    """Ruled lines for the student's own notes in the space left at the bottom of a page."""
    r, mm, p = pg.rect, pg.mm, pg.painter
    bottom = r.bottom() - 11 * mm
    if bottom - top < 28 * mm:
        return
    pg.text(
        r.left(),
        top,
        r.width(),
        QCoreApplication.translate("Handout", "Notes"),
        10,
        bold=True,
        colour=MUTED,
    )
    p.setPen(QPen(QColor("#d5dbe2"), 0.25 * mm))
    y = top + 12 * mm
    while y <= bottom:
        p.drawLine(int(r.left()), int(y), int(r.right()), int(y))
        y += 9 * mm


def _step_page(pg: _Pages, protocol: Protocol, index: int, lang: str, cache: DiagramCache) -> None:
    r, mm, p = pg.rect, pg.mm, pg.painter
    step = protocol.steps[index]
    y = r.top()
    counter = (
        QCoreApplication.translate("Handout", "STEP %1 OF %2")
        .replace("%1", str(index + 1))
        .replace("%2", str(len(protocol.steps)))
    )
    y += pg.text(r.left(), y, r.width(), counter, 9, bold=True, colour=MUTED)
    y += pg.text(r.left(), y, r.width(), step.title.get(lang), 20, bold=True)
    y += 4 * mm
    side_w = 55 * mm
    gap = 6 * mm
    diagram_w = r.width() - side_w - gap
    diagram_h = min(diagram_w * 1.1, r.height() * 0.56)
    box = QRectF(r.left(), y, diagram_w, diagram_h)
    p.save()
    p.setPen(QPen(QColor("#c4ccd6"), 0.3 * mm))
    p.setBrush(QColor(PANEL))
    p.drawRoundedRect(box, 3 * mm, 3 * mm)
    p.drawImage(box.adjusted(mm, mm, -mm, -mm), diagram_image(step, box.size() / mm, lang, cache))
    p.restore()
    side, body = step_text_html(protocol, index, lang)
    pg.draw_doc(pg.doc(side, side_w), box.right() + gap, y, diagram_h)
    y += diagram_h + 6 * mm
    y += pg.draw_doc(pg.doc(body, r.width()), r.left(), y, r.bottom() - 9 * mm - y)
    _notes(pg, y + 6 * mm)


def write_handout(
    protocol: Protocol,
    out: Path,
    *,
    paper: str = "a4",
    lang: str = "en",
    rules: Rules | None = None,
) -> int:
    """Write the handout PDF to `out`; returns the number of pages. Raises OSError when the file
    cannot be written. Needs a QGuiApplication."""
    rules = rules or safety_rules.load()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb"):  # fail with a plain OSError before Qt silently writes nothing
        pass
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setTitle(protocol.title.get(lang))
    writer.setCreator("Massage Trainer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAPERS.get(paper, PAPERS["a4"])),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    pages = 1 + len(protocol.steps)
    title = protocol.title.get(lang)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF to {out}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pg = _Pages(writer, painter)
        r = pg.rect
        cover = pg.doc(cover_html(protocol, rules, lang), r.width())
        if cover.size().height() > r.height() - 10 * pg.mm:  # a long checklist: shrink to fit
            scale = (r.height() - 10 * pg.mm) / cover.size().height()
            cover.setDefaultFont(QFont("DejaVu Sans", max(6, int(10 * scale))))
        pg.draw_doc(cover, r.left(), r.top(), r.height() - 9 * pg.mm)
        pg.footer(1, pages, title)
        cache = DiagramCache()  # the body is drawn once and shared by every step's picture
        for i in range(len(protocol.steps)):
            writer.newPage()
            _step_page(pg, protocol, i, lang, cache)
            pg.footer(i + 2, pages, title)
    finally:
        painter.end()
    if out.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {out}")
    return pages


__all__ = ["PAPERS", "default_paper", "write_handout"]
