"""The words of the PDF handout, as rich text for QTextDocument: the cover (what the protocol is,
the safety checklist, the preparation) and each step's text beside its diagram.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.safety.rules import Outcome, Rules
from massage_trainer.core.safety.rules_model import Rule
from massage_trainer.ui.base.choice_text import rules_choice, source_title, span_text, step_choices
from massage_trainer.ui.base.vocab_text import classical_name, contact_name, technique_name

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
        return text.replace("%2", span_text(step.planned_s))
    if step.duration_s is not None:
        text = span_text(step.duration_s)
        return text + (
            QCoreApplication.translate("Handout", ", then on until you move on")
            if step.until_next
            else ""
        )
    return QCoreApplication.translate("Handout", "as long as needed")


MARK = " †"
"""After an item that is the project's careful choice rather than a source fact."""


def _chosen(rule: Rule, rules: Rules) -> bool:
    """Is this rule, or a question it asks, marked as the project's choice?"""
    asked = {c.question for c in rule.when} | {a.question for c in rule.when for a in c.any}
    return rule.choice is not None or any(
        q.choice is not None for q in rules.questions if q.id in asked
    )


def _checklist(items: Iterable[str]) -> str:
    rows = "".join(
        f"<tr><td style='font-size:12pt'>☐</td><td>{_e(text)}</td></tr>" for text in items
    )
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


def cover_html(protocol: Protocol, rules: Rules, lang: str) -> str:
    """The first page: what the protocol is, then what must be checked before anyone starts."""
    sources = "; ".join(source_title(s.title) for s in protocol.sources)
    meta = (
        QCoreApplication.translate(
            "Handout", "About %1 minutes · %2 steps · never longer than %3 minutes"
        )
        .replace("%1", str(protocol.length_minutes))
        .replace("%2", str(len(protocol.steps)))
        .replace("%3", f"{protocol.max_minutes:g}")
    ) + (MARK if protocol.protocol_choice("max_minutes") is not None else "")
    asked: dict[Outcome, list[str]] = {o: [] for o in Outcome}
    for rule in rules.rules:  # † marks what is the project's choice, not the sources'
        asked[rule.outcome].append(rule.reason.get(lang) + (MARK if _chosen(rule, rules) else ""))
    stops = asked[Outcome.STOP]  # every stop rule, the first three months of pregnancy too
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
        "Handout", "1. Safety check: no massage if any of this is so"
    )
    h_adapt = QCoreApplication.translate("Handout", "2. What changes the massage")
    h_wait = QCoreApplication.translate("Handout", "3. When to wait")
    h_prep = QCoreApplication.translate("Handout", "4. Preparation")
    during = QCoreApplication.translate(
        "Handout",
        "During the massage: stop at once if it hurts, and ask how the receiver feels. Stop and "
        "see a doctor before any further massage when:",
    )
    flags = "".join(
        f"<li>{_e(f.text.get(lang) + (MARK if f.choice is not None else ''))}</li>"
        for f in rules.pain.red_flags
    )
    footnote = (
        MARK.strip()
        + " "
        + rules_choice(
            QCoreApplication.translate(
                "Handout",
                "the app is more careful than the sources here; the step pages and the app's safety "
                "check say why.",
            )
        )
    )
    zones = "".join(f"<li>{_e(z.reason.get(lang))}</li>" for z in rules.zones)
    h_zones = QCoreApplication.translate("Handout", "Where the hands never work")
    return f"""<html><head><style>{CSS}</style></head><body>
<p class='label'>{_e(label)}</p>
<h1>{_e(protocol.title.get(lang))}</h1>
<p>{_e(protocol.summary.get(lang))}</p>
<p class='muted'>{_e(meta)}<br>{_e(sources_line)}</p>
<h2>{_e(h_check)}</h2>
{_checklist(stops)}
<h2>{_e(h_adapt)}</h2>
<ul>{adapt}{warn}</ul>
<h2>{_e(h_wait)}</h2>
<ul>{wait}</ul>
<h2>{_e(h_prep)}</h2>
{_checklist(prep)}
<h2>{_e(h_zones)}</h2>
<ul>{zones}</ul>
<p class='muted' style='margin-top:10px'>{_e(during)}</p>
<ul class='muted'>{flags}</ul>
<p class='muted' style='font-size:8pt'>{_e(footnote)}</p>
</body></html>"""


def step_text_html(protocol: Protocol, index: int, lang: str) -> tuple[str, str]:
    """(the facts beside the diagram, the instructions under it) for one step."""
    step = protocol.steps[index]
    rows = [
        (
            QCoreApplication.translate("Handout", "Technique"),
            _e(technique_name(step.technique))
            + (
                f"<br><i>{_e(classical)}</i>"
                if (classical := classical_name(step.technique))
                else ""
            ),
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
    chosen = "".join(
        f"<p class='muted' style='font-size:9pt'>{_e(c)}</p>"
        for c in step_choices(protocol, index, lang)
    )
    source = next(
        (source_title(s.title) for s in protocol.sources if s.id == step.source.id), step.source.id
    )
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
{chosen}
<p class='muted' style='font-size:8.5pt; margin-top:8px'>{_e(source_line)}</p>
</body></html>"""
    return side, body
