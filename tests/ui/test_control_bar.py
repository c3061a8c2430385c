"""The control bar: a long protocol title is cut to fit its button and kept whole in the tooltip."""

from __future__ import annotations

from massage_trainer.ui.session.control_bar import PROTOCOL_TITLE_PX
from massage_trainer.ui.session.main_window import MainWindow


def test_a_long_title_is_cut_with_an_ellipsis_and_whole_in_the_tooltip(window: MainWindow) -> None:
    bar = window.view.controls
    title = "A very long protocol title that cannot fit on the button beside the progress bar"
    bar.show_protocol(title, title)
    shown = bar.protocol_button.text()
    assert shown.endswith("…") and title.startswith(shown[:-1].rstrip())
    assert bar.protocol_button.fontMetrics().horizontalAdvance(shown) <= PROTOCOL_TITLE_PX
    assert bar.protocol_button.toolTip() == title


def test_a_short_title_is_shown_whole(window: MainWindow) -> None:
    bar = window.view.controls
    bar.show_protocol("Back", "Back (Ctrl+L)")
    assert bar.protocol_button.text() == "Back"


def test_buttons_drop_their_words_before_they_are_cut(window: MainWindow) -> None:
    bar = window.view.controls
    bar.fit(10_000)
    assert all(b.toolButtonStyle().name.endswith("TextBesideIcon") for b in bar.buttons.values())
    bar.fit(200)
    for name in ("previous", "next", "restart", "stop"):
        assert bar.buttons[name].toolButtonStyle().name.endswith("IconOnly")
    assert bar.buttons["start"].toolButtonStyle().name.endswith("TextBesideIcon")
    assert bar.buttons["pain"].toolButtonStyle().name.endswith("TextBesideIcon")
