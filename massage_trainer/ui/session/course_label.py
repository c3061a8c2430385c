"""The status bar's place in the course: "Session 7 of this course", and when a break is due."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from massage_trainer.core.history import course
from massage_trainer.core.history.log import History
from massage_trainer.ui.session.history_writes import WRITE_ERRORS


class CourseLabel(QLabel):
    """Hidden when there is no history or it cannot be read."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("courseLabel")
        self.setToolTip(
            self.tr("A course is usually 10 to 20 sessions, then a break of about two months.")
        )

    def show_for(
        self,
        history: History | None,
        receiver_id: int | None,
        running: bool,
        today: date,
        *,
        practice: bool = False,
    ) -> None:
        """The place of the next session (or of the one `running`) in its receiver's course;
        in practice mode, that practice is not a session of the course."""
        if history is None:
            self.hide()
            return
        if practice:
            self.setText(self.tr("Practice: not counted as a session of the course"))
            self.show()
            return
        try:
            st = course.receiver_status(
                history.sessions(receiver_id, with_steps=False), receiver_id, today
            )
        except WRITE_ERRORS:
            self.hide()
            return
        n = st.sessions if running else st.next_session.session
        text = self.tr("Session %1 of this course").replace("%1", str(n))
        if st.break_due:
            text += " · " + self.tr("time for a break of about two months")
        if st.next_course_from is not None and not st.over:
            text += " · " + self.tr("a new course from %1").replace(
                "%1", st.next_course_from.isoformat()
            )
        self.setText(text)
        self.show()
