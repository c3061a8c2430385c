"""A printable one-session report (PDF): who, what, how it went, pain before and after, the map.

Built as rich text in a QTextDocument and printed through QPdfWriter, so it paginates, wraps and
selects like any document. The pain map is the same diagram the window draws.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.history import course
from massage_trainer.core.history.log import SessionRecord
from massage_trainer.core.history.records import TRIAL, EventRecord, minutes_text
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.ui.base.memory_file import MemoryFile

PAIN_MAP_URL = "painmap://map.png"


def _e(text: object) -> str:
    return html.escape(str(text))


def pain_map_image(zones: Sequence[str], width: int = 300, height: int = 400) -> QImage | None:
    """The back with the painful zones marked; None when the diagram cannot be drawn."""
    try:
        from massage_trainer.ui.diagram.drawing import render_image

        size = QSize(width, height)
        return render_image(None, 0.0, size, "light", caption=False, legend=False, marked=zones)
    except Exception:  # the report still says which zones, in words
        return None


def _row(label: str, value: str) -> str:
    return f"<tr><td class='k'>{_e(label)}</td><td>{value}</td></tr>"


def _words() -> dict[str, str]:
    """Headings of the report in the UI language (outside f-strings, where lupdate finds them)."""
    return {
        "pain_before": QCoreApplication.translate("SessionReport", "Pain before"),
        "pain_after": QCoreApplication.translate("SessionReport", "Pain after"),
        "where": QCoreApplication.translate("SessionReport", "Where"),
        "no_step": QCoreApplication.translate("SessionReport", "No step was completed."),
        "note": QCoreApplication.translate("SessionReport", "Note"),
        "pain": QCoreApplication.translate("SessionReport", "Pain"),
        "steps": QCoreApplication.translate("SessionReport", "Steps"),
        "step": QCoreApplication.translate("SessionReport", "Step"),
        "technique": QCoreApplication.translate("SessionReport", "Technique"),
        "minutes": QCoreApplication.translate("SessionReport", "Minutes"),
        "done_at": QCoreApplication.translate("SessionReport", "Done at"),
        "events": QCoreApplication.translate("SessionReport", "Events"),
        "private": QCoreApplication.translate(
            "SessionReport",
            "Private: this report holds health information. Keep it where only you and the "
            "person it is about can read it.",
        ),
        "footer": QCoreApplication.translate(
            "SessionReport",
            "Massage Trainer keeps this record for you. It is not a medical document; "
            "see a doctor about pain that persists or gets worse.",
        ),
    }


def report_html(
    record: SessionRecord,
    events: Sequence[EventRecord],
    all_records: Sequence[SessionRecord],
    *,
    protocol: Protocol | None = None,
    today: date | None = None,
    lang: str = "en",
    with_map: bool = True,
) -> str:
    # imported here to keep this module light for the command line
    from massage_trainer.ui.history.text import reason_text, status_text, technique_name

    title = protocol.title.get(lang) if protocol is not None else record.protocol_id
    place = course.places_by_session(all_records).get(record.id)
    body = load_body()
    zone_names = [body.zones[z].name.get(lang) if z in body.zones else z for z in record.pain_map]
    steps_by_id = {s.id: s for s in protocol.steps} if protocol is not None else {}
    minutes = minutes_text(record.minutes)
    rows = [
        _row(
            QCoreApplication.translate("SessionReport", "Date"),
            _e(record.started.strftime("%Y-%m-%d %H:%M"))
            + (f" – {_e(record.ended.strftime('%H:%M'))}" if record.ended else ""),
        ),
        _row(
            QCoreApplication.translate("SessionReport", "Receiver"),
            _e(record.receiver_name or QCoreApplication.translate("SessionReport", "No name")),
        ),
        _row(
            QCoreApplication.translate("SessionReport", "Protocol"),
            f"{_e(title)} <span class='m'>({_e(record.protocol_id)} v{record.protocol_version})</span>",
        ),
        _row(
            QCoreApplication.translate("SessionReport", "Mode"),
            _e(
                {
                    "practice": QCoreApplication.translate("SessionReport", "practice"),
                    TRIAL: QCoreApplication.translate(
                        "SessionReport", "trial run from the command line (not counted in a course)"
                    ),
                }.get(record.mode, QCoreApplication.translate("SessionReport", "guided"))
            ),
        ),
        _row(
            QCoreApplication.translate("SessionReport", "Status"),
            f"<b>{_e(status_text(record.status))}</b>"
            + (f" — {_e(reason_text(record.reason))}" if record.reason else ""),
        ),
        _row(
            QCoreApplication.translate("SessionReport", "Steps completed"),
            _e(
                QCoreApplication.translate("SessionReport", "%1 steps, %2 minutes")
                .replace("%1", str(record.steps_done))
                .replace("%2", minutes)
            ),
        ),
    ]
    if place is not None:
        rows.append(
            _row(
                QCoreApplication.translate("SessionReport", "Course"),
                _e(
                    QCoreApplication.translate("SessionReport", "session %1 of course %2")
                    .replace("%1", str(place.session))
                    .replace("%2", str(place.course))
                ),
            )
        )
    verdict = _e(record.verdict or "–")
    if record.verdict_reasons:
        verdict += "<ul>" + "".join(f"<li>{_e(r)}</li>" for r in record.verdict_reasons) + "</ul>"
    rows.append(_row(QCoreApplication.translate("SessionReport", "Safety check"), verdict))
    w = _words()
    before = "–" if record.pain_before is None else f"{record.pain_before} / 10"
    after = "–" if record.pain_after is None else f"{record.pain_after} / 10"
    image = (
        f"<td width='180' align='right' valign='top'><img src='{PAIN_MAP_URL}' width='170'></td>"
        if with_map and record.pain_map
        else ""
    )
    pain_rows = (
        f"<tr><td class='k' width='110'>{_e(w['pain_before'])}</td>"
        f"<td class='big' width='160'>{_e(before)}</td></tr>"
        f"<tr><td class='k'>{_e(w['pain_after'])}</td><td class='big'>{_e(after)}</td></tr>"
        f"<tr><td class='k' valign='top'>{_e(w['where'])}</td>"
        f"<td valign='top'>{_e(', '.join(zone_names) or '–')}</td></tr>"
    )
    step_rows = (
        "".join(
            f"<tr><td>{s.index + 1}</td><td>{_e(steps_by_id[s.step_id].title.get(lang) if s.step_id in steps_by_id else s.step_id)}</td>"
            f"<td>{_e(technique_name(s.technique))}</td><td align='right'>{s.seconds / 60:.1f}</td>"
            f"<td>{_e(s.completed.strftime('%H:%M:%S'))}</td></tr>"
            for s in record.steps
        )
        or f"<tr><td colspan='5'>{_e(w['no_step'])}</td></tr>"
    )
    event_items = "".join(
        f"<li>{_e(ev.at.strftime('%H:%M:%S'))} {_e(ev.kind)}{(': ' + _e(ev.detail)) if ev.detail else ''}</li>"
        for ev in events
    )
    note = (
        f"<h3>{_e(w['note'])}</h3><p>{_e(record.note).replace(chr(10), '<br>')}</p>"
        if record.note
        else ""
    )
    status_line = ""
    if today is not None:
        st = course.receiver_status(all_records, record.receiver_id, today)
        from massage_trainer.ui.history.text import course_text

        status_line = f"<p class='m'>{_e(course_text(st))}</p>"
    return f"""
<html><head><style>
 body {{ font-family: sans-serif; font-size: 10pt; color: #1f2328; }}
 h1 {{ font-size: 17pt; margin-bottom: 2px; color: #0b4f79; }}
 h3 {{ font-size: 11.5pt; margin-top: 14px; margin-bottom: 4px; color: #0b4f79; }}
 td.k {{ color: #5b6270; padding-right: 14px; }}
 td.big {{ font-size: 15pt; font-weight: bold; }}
 .m {{ color: #5b6270; }}
 table.steps th {{ background: #e8eef3; text-align: left; padding: 3px 6px; }}
 table.steps td {{ padding: 2px 6px; border-bottom: 1px solid #d8dde3; }}
</style></head><body>
<h1>{_e(QCoreApplication.translate("SessionReport", "Massage session report"))}</h1>
<p class='m'>{_e(title)}</p>
<p style='color: #8a3b00; font-size: 8.5pt;'>{_e(w["private"])}</p>
<table cellspacing='0' cellpadding='3'>{"".join(rows)}</table>
<h3>{_e(w["pain"])}</h3>
<table width='100%'><tr><td valign='middle'><table cellpadding='4'>{pain_rows}</table></td>{image}</tr></table>
<h3>{_e(w["steps"])}</h3>
<table class='steps' width='100%' cellspacing='0'>
<tr><th>#</th><th>{_e(w["step"])}</th><th>{_e(w["technique"])}</th><th>{_e(w["minutes"])}</th><th>{_e(w["done_at"])}</th></tr>
{step_rows}</table>
{f"<h3>{_e(w['events'])}</h3><ul>{event_items}</ul>" if event_items else ""}
{note}
{status_line}
<p class='m' style='font-size: 8pt; margin-top: 18px;'>{_e(w["footer"])}</p>
</body></html>"""


def build_document(
    record: SessionRecord,
    events: Sequence[EventRecord],
    all_records: Sequence[SessionRecord],
    *,
    protocol: Protocol | None = None,
    today: date | None = None,
    lang: str = "en",
) -> QTextDocument:
    doc = QTextDocument()
    image = pain_map_image(record.pain_map) if record.pain_map else None
    if image is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(PAIN_MAP_URL), image)
    doc.setHtml(
        report_html(
            record,
            events,
            all_records,
            protocol=protocol,
            today=today,
            lang=lang,
            with_map=image is not None,
        )
    )
    return doc


def write_report(
    path: Path,
    record: SessionRecord,
    events: Sequence[EventRecord],
    all_records: Sequence[SessionRecord],
    *,
    protocol: Protocol | None = None,
    today: date | None = None,
    lang: str = "en",
) -> None:
    """Write the report as an A4 PDF, readable by its owner only (it holds health data); raises
    OSError when it cannot be written, leaving `path` as it was (made in memory, then renamed)."""
    doc = build_document(record, events, all_records, protocol=protocol, today=today, lang=lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = MemoryFile()
    writer = QPdfWriter(pdf.device)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("SessionReport", "Massage session report"))
    writer.setCreator("Massage Trainer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc.setPageSize(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size())
    doc.print_(writer)
    pdf.save(path, private=True)
