"""Words for a safety verdict: a title and a short rich-text body, translated, for the panel."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.rules import Rules
from massage_trainer.core.safety.verdict import Verdict, VerdictKind


def _list(items: list[str]) -> str:
    if not items:
        return ""
    return "<ul style='margin:2px 0 2px -20px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _limit(v: Verdict) -> str:
    """The time left on the body, when it is the limit that matters."""
    if v.limit_s is None:
        return ""
    text = QCoreApplication.translate("SafetyPanel", "At most %1 minutes of massage now.").replace(
        "%1", f"{v.limit_s / 60:.0f}"
    )
    return f"<p>{_esc(text)}</p>"


def describe(
    v: Verdict | None,
    protocol: Protocol | None,
    adapted_from: Protocol | None,
    *,
    rules: Rules,
    lang: str,
    wait_until: Callable[[float], str],
) -> tuple[str, str, str]:
    """(title, html body, kind) for the verdict box; kind picks the colour."""
    if v is None or protocol is None:
        return (
            QCoreApplication.translate("SafetyPanel", "Choose a protocol"),
            _esc(
                QCoreApplication.translate("SafetyPanel", "The checklist depends on the protocol.")
            ),
            "none",
        )
    caution = ""
    if v.warnings:
        caution = (
            "<p><b>"
            + _esc(QCoreApplication.translate("SafetyPanel", "Caution:"))
            + "</b></p>"
            + _list([_esc(w.get(lang)) for w in v.warnings])
        )
    if v.kind is VerdictKind.BLOCKED:
        body = _list([_esc(r.get(lang)) for r in v.reasons]) + _list(
            [_esc(a.get(lang)) for a in v.advice]
        )
        return (
            QCoreApplication.translate("SafetyPanel", "Locked: this protocol cannot be played"),
            body,
            "stop",
        )
    if v.kind is VerdictKind.STOP:
        body = (
            "<p><b>"
            + _esc(QCoreApplication.translate("SafetyPanel", "Why:"))
            + "</b></p>"
            + _list([_esc(r.get(lang)) for r in v.reasons])
            + "<p><b>"
            + _esc(QCoreApplication.translate("SafetyPanel", "What to do instead:"))
            + "</b></p>"
            + _list([_esc(a.get(lang)) for a in v.advice])
        )
        title = (
            QCoreApplication.translate("SafetyPanel", "Stop: see a doctor first")
            if v.holds
            else QCoreApplication.translate("SafetyPanel", "Stop: no massage today")
        )
        return title, body, "stop"
    if v.kind is VerdictKind.INCOMPLETE:
        questions = {q.id for q in rules.questions}
        n_q = sum(1 for m in v.missing if m in questions)
        n_p = len(v.missing) - n_q
        parts = [_esc(r.get(lang)) for r in v.reasons[:-1]]
        if n_q:
            parts.append(
                _esc(
                    QCoreApplication.translate(
                        "SafetyPanel", "%n question(s) still to answer"
                    ).replace("%n", str(n_q))
                )
            )
        if n_p:
            parts.append(
                _esc(
                    QCoreApplication.translate(
                        "SafetyPanel", "%n preparation item(s) still to tick"
                    ).replace("%n", str(n_p))
                )
            )
        body = _list(parts) + _esc(
            QCoreApplication.translate(
                "SafetyPanel", "Start stays locked until everything is answered."
            )
        )
        if v.protocol is not None and v.adapted_from is not None:
            gentle = QCoreApplication.translate("SafetyPanel", "“%1” will be played.").replace(
                "%1", v.protocol.title.get(lang)
            )
            body += f"<p>{_esc(gentle)}</p>"
        return (
            QCoreApplication.translate("SafetyPanel", "Not ready yet"),
            body + caution,
            "incomplete",
        )
    if v.kind is VerdictKind.WAIT:
        minutes = math.ceil(v.wait_minutes or 0)
        title = QCoreApplication.translate("SafetyPanel", "Wait %n more minute(s)").replace(
            "%n", str(minutes)
        )
        at = QCoreApplication.translate("SafetyPanel", "You can start at about %1.").replace(
            "%1", wait_until(minutes)
        )
        body = f"<p>{_esc(at)}</p>" + _list([_esc(r.get(lang)) for r in v.reasons])
        return title, body + caution, "wait"
    if v.kind is VerdictKind.ADAPT:
        title_now = f"<b>{_esc(protocol.title.get(lang))}</b>"
        if adapted_from is not None:
            line = (
                _esc(QCoreApplication.translate("SafetyPanel", "Playing %1 instead of %2."))
                .replace("%1", title_now)
                .replace("%2", f"<b>{_esc(adapted_from.title.get(lang))}</b>")
            )
        else:
            line = _esc(QCoreApplication.translate("SafetyPanel", "Playing %1.")).replace(
                "%1", title_now
            )
        body = (
            f"<p>{line}</p><p><b>"
            + _esc(QCoreApplication.translate("SafetyPanel", "Why:"))
            + "</b> "
            + " ".join(_esc(r.get(lang)) for r in v.reasons)
            + "</p>"
        )
        return (
            QCoreApplication.translate("SafetyPanel", "Go with the adapted massage"),
            body + _limit(v) + caution,
            "adapt",
        )
    body = _esc(
        QCoreApplication.translate(
            "SafetyPanel",
            "Everything is answered and ready. Start when the receiver is comfortable.",
        )
    )
    return (
        QCoreApplication.translate("SafetyPanel", "Go: safe to start"),
        body + _limit(v) + caution,
        "go",
    )
