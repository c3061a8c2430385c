"""A printable PDF handout of a protocol: a cover with the safety checklist and the preparation,
then one page per step with its diagram (hands, arrows, zones) and everything needed to do it.

Drawn with QPdfWriter and QPainter (no web engine): text is laid out by QTextDocument so it wraps
properly, and the diagram is the same drawing code as the window, in vector form.
"""

from __future__ import annotations

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

from massage_trainer.core.body import framing
from massage_trainer.core.body.geometry import Body
from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.safety import rules as safety_rules
from massage_trainer.core.safety.rules import Rules
from massage_trainer.ui.base.memory_file import MemoryFile
from massage_trainer.ui.classroom.handout_text import INK, MUTED, cover_html, step_text_html
from massage_trainer.ui.diagram.drawing import paint_diagram

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
SCREEN_DPI = 110
"""The diagram is laid out as on a screen of this density (legend and line widths in proportion)."""
IMAGE_RATIO = 2.4
"""...and drawn at this many pixels per layout pixel (about 260 dpi on paper)."""
PANEL = "#eef1f4"
MOMENT = 0.3
"""Where in a motion cycle the diagram is drawn (fraction of the period): hands well under way."""


def default_paper() -> str:
    """Letter where the system locale prints on Letter (US, Canada...), A4 everywhere else."""
    territory = QLocale.system().territory()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico}
    return "letter" if territory in letter else "a4"


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
    step: Step,
    size_mm: QSizeF,
    lang: str,
    body: Body | None = None,
) -> QImage:
    """The step's diagram as a crisp picture: laid out like a small screen (so the legend and
    lines keep their proportions), drawn at print resolution, framed on the step's worked region
    like the window's. Drawn straight into the picture: framed apart, no two steps share a body
    picture, so cached layers would only be copied once more."""
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
            body=body,
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


def _step_page(pg: _Pages, protocol: Protocol, index: int, lang: str) -> None:
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
    p.drawImage(
        box.adjusted(mm, mm, -mm, -mm),
        diagram_image(step, box.size() / mm, lang, body=framing.body_of(protocol)),
    )
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
    """Write the handout PDF to `out`; returns the number of pages. Raises OSError (with the
    system's reason) when the file cannot be written, leaving `out` as it was: the PDF is made
    in memory and written beside it, then renamed. Needs a QGuiApplication."""
    rules = rules or safety_rules.load()
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf = MemoryFile()
    writer = QPdfWriter(pdf.device)
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
        for i in range(len(protocol.steps)):
            writer.newPage()
            _step_page(pg, protocol, i, lang)
            pg.footer(i + 2, pages, title)
    finally:
        painter.end()
    pdf.save(out)
    return pages


__all__ = ["PAPERS", "default_paper", "write_handout"]
