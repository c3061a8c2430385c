"""Words for the history page and the session report: statuses, techniques, the course line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from massage_trainer.core.history import course
from massage_trainer.core.history.log import INTERRUPTED_REASON, Status
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.ui.base import vocab_text


def status_text(status: Status) -> str:
    return {
        Status.RUNNING: QCoreApplication.translate("HistoryView", "in progress"),
        Status.COMPLETED: QCoreApplication.translate("HistoryView", "completed"),
        Status.INTERRUPTED: QCoreApplication.translate("HistoryView", "interrupted"),
        Status.STOPPED: QCoreApplication.translate("HistoryView", "stopped"),
        Status.REFUSED: QCoreApplication.translate("HistoryView", "not started (safety)"),
    }[status]


def reason_text(reason: str) -> str:
    """Why a session ended, in the interface language: the history keeps the player's English
    words (ui/session_log.stop_reason, or the bare detail); anything else is shown as stored."""
    by_the_user = QCoreApplication.translate("HistoryView", "stopped by the user")
    closed = QCoreApplication.translate("HistoryView", "window closed")
    changed = QCoreApplication.translate("HistoryView", "another protocol was chosen")
    time_limit = QCoreApplication.translate("HistoryView", "the protocol's time limit was reached")
    return {
        "stopped by the user": by_the_user,
        "user": by_the_user,
        "pain": QCoreApplication.translate("HistoryView", "pain"),
        "window closed": closed,
        "closed": closed,
        "another protocol was chosen": changed,
        "protocol-changed": changed,
        "the protocol's time limit was reached": time_limit,
        "max-duration": time_limit,
        "stopped": QCoreApplication.translate("HistoryView", "stopped"),
        INTERRUPTED_REASON: QCoreApplication.translate(
            "HistoryView",
            "the program ended before the session did (closed, crashed, killed or power cut)",
        ),
    }.get(reason, reason)


def technique_name(technique: str) -> str:
    return vocab_text.technique_name(technique)


def catalog_lookup(data_dir: Path | None) -> Callable[[str], Protocol | None]:
    """Protocols by id (bundled and the user's), read once on first use."""
    found: dict[str, Protocol] = {}
    loaded = False

    def lookup(protocol_id: str) -> Protocol | None:
        nonlocal loaded
        if not loaded:
            loaded = True
            from massage_trainer.core.protocol import catalog

            for e in catalog.scan(data_dir):
                if e.protocol is not None:
                    found.setdefault(e.protocol.id, e.protocol)
        return found.get(protocol_id)

    return lookup


def course_text(st: course.CourseStatus) -> str:
    """The course line under the receiver choice, in the user's language."""
    if st.course == 0:
        return QCoreApplication.translate(
            "HistoryView", "No sessions yet. A course is usually 10 to 20 sessions."
        )
    text = QCoreApplication.translate("HistoryView", "Course %1: %2 sessions since %3.").replace(
        "%1", str(st.course)
    )
    text = text.replace("%2", str(st.sessions)).replace("%3", str(st.started))
    if st.over:
        text += " " + QCoreApplication.translate(
            "HistoryView", "It has ended; the next session starts a new course."
        )
    elif st.break_due:
        text += " " + QCoreApplication.translate(
            "HistoryView", "A full course (usually 10 to 20 sessions): time for a break."
        )
    else:
        text += " " + QCoreApplication.translate(
            "HistoryView", "Next: session %1 of this course."
        ).replace("%1", str(st.next_session.session))
    if st.next_course_from is not None and not st.over:
        text += " " + QCoreApplication.translate(
            "HistoryView", "A new course can start from %1, if it is still needed."
        ).replace("%1", st.next_course_from.isoformat())
    return text
