"""The main window's wiring: hands-free keys, the Start gate, the timeline jump, remembered settings."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window, settings_for
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable
from massage_trainer.ui.session.main_window import MainWindow


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: test")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_window(
    data_dir: Path,
    clock: FakeClock,
    protocol: str | None = None,
    *,
    safety: bool = False,
    defer: bool = False,
) -> MainWindow:
    """The window without the safety panel (its own tests cover it) unless asked for."""
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol=protocol)
    return build_window(args, clock=clock, cues=cues, get_ready_s=5, safety=safety, defer=defer)


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = make_window(data_dir, clock)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    w.controller.shutdown()


def key(qtbot, w: MainWindow, k: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(w, k)


def test_default_protocol_is_loaded_and_shown(window: MainWindow) -> None:
    player = window.controller.player
    assert player is not None and player.protocol.id == "back-pain-relief"
    assert window.view.panel.title.text() == player.protocol.steps[0].title.get("en")
    assert window.view.panel.countdown.text() == "1:00"
    assert "Back-pain relief" in window.windowTitle()


def test_hands_free_keys_drive_the_session(qtbot, window: MainWindow, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    c = window.controller
    key(qtbot, window, Qt.Key.Key_Space)
    assert c.state is State.GET_READY and c.timer.isActive()
    clock.advance(5)
    c.poll()
    assert c.state is State.RUNNING and c.player is not None and c.player.step_index == 0
    key(qtbot, window, Qt.Key.Key_Right)
    assert c.player.step_index == 1
    key(qtbot, window, Qt.Key.Key_PageDown)
    assert c.player.step_index == 2
    key(qtbot, window, Qt.Key.Key_PageUp)
    key(qtbot, window, Qt.Key.Key_Left)
    assert c.player.step_index == 0
    clock.advance(12)
    key(qtbot, window, Qt.Key.Key_Home)
    assert c.player.step_time() == 0
    key(qtbot, window, Qt.Key.Key_Space)
    assert c.state is State.PAUSED and not c.timer.isActive()
    key(qtbot, window, Qt.Key.Key_Space)
    assert c.state is State.RUNNING and c.timer.isActive()
    key(qtbot, window, Qt.Key.Key_P)
    assert c.state is State.PAUSED and not c.timer.isActive()
    window.confirm = lambda _text: False
    key(qtbot, window, Qt.Key.Key_Escape)
    assert c.state is State.PAUSED
    window.confirm = lambda _text: True
    key(qtbot, window, Qt.Key.Key_Escape)
    assert c.state is State.STOPPED and not c.timer.isActive()


def test_step_panel_follows_the_clock(window: MainWindow, clock: FakeClock) -> None:
    c = window.controller
    c.start()
    clock.advance(5 + 32)
    c.poll()
    assert window.view.panel.countdown.text() == "0:28"
    assert "7 / 12" in window.view.panel.reps.text()
    assert window.view.timeline.now_minutes() == pytest.approx(32 / 60)
    c.pause()
    assert "Paused" in window.view.state_label.text()


def test_a_new_session_after_the_last_leads_in_with_step_one(
    window: MainWindow, clock: FakeClock
) -> None:
    c = window.controller
    panel = window.view.panel
    c.start()
    clock.advance(5)
    c.poll()
    c.jump_to(7)
    clock.advance(31)
    c.poll()
    assert c.state is State.FINISHED and panel.counter.text() == "STEP 8 OF 8"
    c.start()  # Space after the end: a new session's get-ready countdown
    assert c.state is State.GET_READY
    clock.advance(1)
    c.poll()
    player = c.player
    assert player is not None
    assert panel.counter.text() == "STEP 1 OF 8"
    assert panel.title.text() == player.protocol.steps[0].title.get("en")
    assert "Repetitions" in panel.reps.text() and "12" in panel.reps.text()
    assert window.view.timeline.now_minutes() == 0


def test_a_session_stopped_early_shows_the_repetition_reached(
    window: MainWindow, clock: FakeClock
) -> None:
    c = window.controller
    c.start()
    clock.advance(5 + 3)
    c.poll()
    c.stop("user")
    assert "1 / 12" in window.view.panel.reps.text()


def test_blank_keys_for_clickers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, window, Qt.Key.Key_B)
    assert window.view.stack.currentWidget() is window.view.blank
    key(qtbot, window, Qt.Key.Key_Period)
    assert window.view.stack.currentWidget() is window.view.body_view


def test_full_screen_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, window, Qt.Key.Key_F11)
    assert window.actions_["fullscreen"].isChecked()
    key(qtbot, window, Qt.Key.Key_F11)
    assert not window.actions_["fullscreen"].isChecked()


def test_start_is_disabled_when_the_safety_hook_says_no(
    qtbot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(window.safety_gate, "may_start", lambda: False)
    window._refresh_actions()
    assert not window.actions_["start"].isEnabled()
    assert not window.view.controls.buttons["start"].isEnabled()
    window.actions_["start"].trigger()
    window.play_pause()
    assert window.controller.state is State.IDLE and not window.controller.timer.isActive()
    monkeypatch.setattr(window.safety_gate, "may_start", lambda: True)
    window._refresh_actions()
    assert window.actions_["start"].isEnabled()
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.state is State.GET_READY


def test_a_docked_safety_panel_gates_start(window: MainWindow) -> None:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QDockWidget

    class Panel(QDockWidget):
        verdictChanged = Signal(object)  # noqa: N815
        ok = False

        def may_start(self) -> bool:
            return self.ok

    panel = Panel()
    window.attach_safety_panel(panel)
    assert not window.actions_["start"].isEnabled()
    panel.ok = True
    panel.verdictChanged.emit(None)
    assert window.actions_["start"].isEnabled()


def test_with_the_real_safety_panel_start_waits_for_the_answers(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make_window(data_dir, clock, safety=True)
    qtbot.addWidget(w)
    assert w.safety_panel is not None
    assert not w.actions_["start"].isEnabled()
    w.play_pause()
    assert w.controller.state is State.IDLE and not w.controller.timer.isActive()


def test_clicking_the_timeline_jumps_through_the_gate(window: MainWindow, clock: FakeClock) -> None:
    c = window.controller
    c.start()
    clock.advance(6)
    c.poll()
    window.view.timeline.stepClicked.emit(3)
    assert c.player is not None and c.player.step_index == 3
    assert window.view.panel.title.text() == c.player.protocol.steps[3].title.get("en")


def test_slow_parts_come_after_the_first_paint_and_start_waits_for_them(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, clock: FakeClock
) -> None:
    w = make_window(data_dir, clock, safety=True, defer=True)
    qtbot.addWidget(w)
    assert not w.view.timeline.built and w.safety_panel is None
    assert not w.actions_["start"].isEnabled()
    w.play_pause()
    assert w.controller.state is State.IDLE
    w.show()
    qtbot.waitUntil(lambda: w.view.timeline.built and w.safety_panel is not None)
    assert type(w.view.body_view).__name__ == "BodyView"
    spans = w.view.timeline._spans
    assert w.view.timeline.step_at((spans[2][0] + 1) / 60) == 2


def test_cue_problems_are_shown_once_in_the_window(window: MainWindow) -> None:
    window.notify_once("Sound is off: test")
    window.notify_once("Sound is off: test")
    assert window.view.banner.isVisible()
    assert window.view.banner.text().count("Sound is off: test") == 1


def test_theme_and_last_protocol_are_remembered(qtbot, data_dir: Path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    w = make_window(data_dir, clock, "gentle-pregnancy")
    qtbot.addWidget(w)
    w.set_theme("high-contrast")
    w.close()
    ini = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert ini.value("view/theme") == "high-contrast"
    again = make_window(data_dir, clock)
    qtbot.addWidget(again)
    assert again.controller.protocol is not None
    assert again.controller.protocol.id == "gentle-pregnancy"
    assert again.theme == "high-contrast"
    again.set_theme("light")


def test_an_unknown_protocol_name_is_explained_and_the_default_opens(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make_window(data_dir, clock, "no-such-protocol")
    qtbot.addWidget(w)
    assert w.controller.protocol is not None and w.controller.protocol.id == "back-pain-relief"
    assert "no-such-protocol" in w.view.banner.text()


def test_settings_file_lives_in_the_data_dir(data_dir: Path) -> None:
    s = settings_for(data_dir)
    assert Path(s.fileName()).parent == data_dir


def test_controls_have_accessible_names_and_tooltips(window: MainWindow) -> None:
    for name, button in window.view.controls.buttons.items():
        assert button.accessibleName(), name
        assert button.toolTip(), name
    tip = window.actions_["next"].toolTip()
    assert "Right" in tip or "→" in tip


def test_picker_search_filters_and_keeps_a_choice(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.core.protocol import catalog
    from massage_trainer.ui.session.picker import ProtocolPicker

    picker = ProtocolPicker(catalog.scan(data_dir), "back-pain-relief")
    qtbot.addWidget(picker)
    assert len(picker.visible_ids()) == 3
    picker.search.setText("pregnan")
    assert picker.visible_ids() == ["gentle-pregnancy"]
    selected = picker.selected()
    assert selected is not None and selected.protocol is not None
    assert selected.protocol.id == "gentle-pregnancy"
    picker.search.setText("petrissage lower")
    assert "therapeutic-lower-back" in picker.visible_ids()
    picker.search.setText("zzz nothing")
    assert picker.visible_ids() == [] and picker.selected() is None
    assert not picker.empty.isHidden()


def test_picker_status_bar_and_handout_tell_one_length_from_the_steps(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    from massage_trainer.core.protocol import catalog
    from massage_trainer.core.safety import rules as safety_rules
    from massage_trainer.ui.classroom.handout_text import cover_html
    from massage_trainer.ui.session.picker import ProtocolPicker

    user = data_dir / "protocols"
    user.mkdir(parents=True, exist_ok=True)
    source = catalog.bundled("back-pain-relief")
    assert source.path is not None
    (user / "mine.yaml").write_text(
        source.path.read_text(encoding="utf-8")
        .replace("id: back-pain-relief", "id: mine")
        .replace("estimated_minutes: 8\n", "estimated_minutes: 10\n"),  # the steps say 8
        encoding="utf-8",
    )
    entries = catalog.scan(data_dir)
    mine = next(e.protocol for e in entries if e.protocol is not None and e.protocol.id == "mine")
    picker = ProtocolPicker(entries, "mine")
    qtbot.addWidget(picker)
    shown = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert any("about 8 min" in t for t in shown) and not any("about 10 min" in t for t in shown)
    assert "About 8 minutes" in cover_html(mine, safety_rules.load(), "en")
    w = make_window(data_dir, clock, str(user / "mine.yaml"))
    qtbot.addWidget(w)
    assert "of about 8:00" in w.view.elapsed_label.text()


@pytest.mark.parametrize("width", [960, 1024, 1280, 1600, 1920])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_controls_and_counter_are_never_cut_off(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, clock: FakeClock, width: int, lang: str
) -> None:
    """Buttons keep whole words (or go icon-only); the repetition counter fits its column."""
    from massage_trainer.ui.base import i18n

    with i18n.language(lang):
        w = make_window(data_dir, clock)
        qtbot.addWidget(w)
        w.resize(width, 800)
        w.show()
        qtbot.waitExposed(w)
        QApplication.processEvents()
        bar = w.view.controls
        for b in (w.view.controls.protocol_button, *w.view.controls.buttons.values()):
            assert b.width() >= b.sizeHint().width(), (b.text(), b.width(), b.sizeHint().width())
        assert bar.layout().minimumSize().width() <= bar.width()
        assert (
            w.view.controls.buttons["start"].toolButtonStyle()
            is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        assert (
            w.view.controls.buttons["pain"].toolButtonStyle()
            is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        reps = w.view.panel.reps
        assert reps.text() and reps.minimumSizeHint().width() <= reps.width()
        w.controller.shutdown()


def test_the_step_details_say_what_is_the_projects_choice(window: MainWindow) -> None:
    panel = window.view.panel
    protocol = window.controller.protocol
    assert protocol is not None
    panel.show_step(protocol, 0)
    text = panel.choices.text()
    assert not panel.choices.isHidden()
    assert "Project's choice, not from the sources" in text
    assert f"{protocol.steps[0].repetitions} repetitions" in text
