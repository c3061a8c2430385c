"""What a screen reader gets: the step in words (both languages), values in names (countdown,
repetitions, progress counted from 1), help texts tied to their questions, and announcements of
step changes, verdicts, locks and pain advice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol import catalog
from massage_trainer.core.safety.rules import QuestionKind
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.base import i18n
from massage_trainer.ui.base.a11y import plain
from massage_trainer.ui.diagram.text_alternative import describe_step
from massage_trainer.ui.safety.pain_dialog import PainDialog
from massage_trainer.ui.session.announcements import Announcements
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.test_keyboard import answer_everything_by_hand, open_window, panel_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PROTOCOLS = ("back-pain-relief", "gentle-pregnancy", "therapeutic-lower-back")


@pytest.fixture
def window(qtbot, data_dir: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    w = open_window(qtbot, data_dir, clock)
    w.clock = clock  # type: ignore[attr-defined]
    yield w
    w.controller.shutdown()


def said(w: MainWindow) -> list[str]:
    found = w.findChild(Announcements)
    assert isinstance(found, Announcements)
    return found.said


def test_every_step_is_put_in_its_own_words_from_its_data(qapp: object) -> None:
    body = load_body()
    for pid in PROTOCOLS:
        steps = catalog.bundled(pid).steps
        texts = [describe_step(s, body, "en") for s in steps]
        for s, text in zip(steps, texts, strict=True):
            assert body.zones[s.hands.left].name.get("en") in text
            assert f"{s.tempo:g} strokes a minute" in text and str(s.pressure) in text
        shown = {
            (s.hands, s.motion, s.pressure, s.tempo, s.target_zones, s.avoid_zones, s.technique)
            for s in steps
        }
        assert len(set(texts)) == len(shown), f"{pid}: steps that look different read the same"


def test_the_step_in_words_in_russian(qapp: object) -> None:
    body = load_body()
    step = catalog.bundled("back-pain-relief").steps[0]
    with i18n.language("ru") as loaded:
        assert loaded
        text = describe_step(step, body, "ru")
    assert body.zones[step.hands.left].name.get("ru") in text
    assert "Нажим" in text and "Your" not in text and "Pressure" not in text


def test_values_are_in_the_names_and_the_progress_counts_from_one(window: MainWindow) -> None:
    protocol = window.controller.protocol
    assert protocol is not None
    window.actions_["next"].trigger()  # before a session: the whole view follows the step
    window.actions_["next"].trigger()
    assert window.view.panel.title.text() == protocol.steps[2].title.get("en")
    n = len(protocol.steps)
    progress = window.view.controls.progress
    assert progress.value() == 3 and progress.maximum() == n
    assert progress.accessibleName().endswith(f"step 3 of {n}")
    assert window.view.panel.accessibleName().startswith(f"Step 3 of {n}: ")
    window.view.panel.update_clock(window.controller.player)
    countdown = window.view.panel.countdown
    assert countdown.accessibleName() == f"Time left in this step: {countdown.text()}"
    assert plain(window.view.panel.accessibleDescription())


def test_help_texts_are_the_descriptions_of_their_answers(window: MainWindow) -> None:
    p = panel_of(window)
    with_help = [q for q in p.rules.questions if q.help is not None]
    assert with_help
    for q in with_help:
        controls = (
            p.checklist._groups[q.id].buttons()
            if q.kind == QuestionKind.YES_NO
            else [p.checklist._spins[q.id]]
        )
        for c in controls:
            assert c.accessibleDescription() == q.help.get("en")


def test_step_changes_verdicts_and_locks_are_announced(window: MainWindow) -> None:
    window.controller.start()  # locked: nothing is answered yet (the Start button is disabled)
    assert any("Locked by the safety check" in s for s in said(window))
    p = panel_of(window)
    answer_everything_by_hand(p)
    title = p.verdict_box.title.text()
    assert any(s.startswith(title) for s in said(window))
    window.actions_["next"].trigger()
    assert said(window)[-1] == window.view.panel.accessibleName()
    first = next(q for q in p.rules.questions if q.kind == QuestionKind.YES_NO)
    p.set_answer(first.id, True)  # a stop: said, and it pauses nothing (not begun)
    assert said(window)[-1].startswith(p.verdict_box.title.text())


def test_pain_advice_is_announced_as_it_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.ui.safety.panel import SafetyPanel

    d = PainDialog(SafetyPanel().rules)
    qtbot.addWidget(d)
    first = list(d.announcer.said)
    assert first
    d.set_feeling(d._feeling_ids[0])
    assert d.announcer.said[-1] == plain(d.advice.text()) != first[-1]
    next(iter(d.flag_boxes.values())).setChecked(True)
    assert "see a doctor" in d.announcer.said[-1].lower()
    QApplication.processEvents()


def test_zone_names_by_keyboard_are_said_in_the_window_language(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from massage_trainer.ui.app import build_window
    from massage_trainer.ui.session.cues import Cues, CueSettings
    from tests.ui.test_keyboard import _silent

    with i18n.language("ru") as loaded:
        assert loaded
        cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
        args = argparse.Namespace(data_dir=data_dir, protocol="back-pain-relief", lang="ru")
        w = build_window(args, clock=FakeClock(), cues=cues, defer=False, safety=False)
        qtbot.addWidget(w)
        try:
            view = w.view.body_view
            view._set_hover("lumbar-left")  # type: ignore[attr-defined]
            assert w.statusBar().currentMessage() == "Поясница (слева)"
            assert "Ваша левая рука" in view.accessibleDescription()
        finally:
            w.controller.shutdown()
