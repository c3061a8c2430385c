"""Loading the interface language: the choice, the translators, View ▸ Language and Help ▸ About."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from massage_trainer import __version__
from massage_trainer.core.protocol import catalog
from massage_trainer.core.safety.rules import load as load_rules
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.ui.app import build_window, settings_for, ui_language
from massage_trainer.ui.base import i18n
from massage_trainer.ui.classroom.handout_text import cover_html, step_text_html
from massage_trainer.ui.session.about import AboutDialog, about_html
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable
from massage_trainer.ui.session.main_window import MainWindow

from .test_translations import TS, _messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: test")


def _window(data_dir: Path, lang: str | None = None, *, safety: bool = False) -> MainWindow:
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol="back-pain-relief", lang=lang)
    return build_window(args, clock=FakeClock(), cues=cues, safety=safety, defer=False)


@pytest.fixture(autouse=True)
def no_stale_widgets(qapp: object) -> None:
    """Switching language sends LanguageChange to every widget: let earlier tests' ones go first."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    with i18n.language("ru") as loaded:
        assert loaded, "massage_trainer_ru.qm did not load"
        yield
    assert i18n.current() == "en"


class Recorder(QTranslator):
    """Installed last (asked first): notes every lookup and lets the real catalogue answer."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        self.seen.add((context, source))
        return None  # type: ignore[return-value]  # a null string: "not here, ask the next one"

    def isEmpty(self) -> bool:
        return False


def test_russian_catalogue_translates_and_language_restores_english(qapp: object) -> None:
    with i18n.language("ru") as loaded:
        assert loaded
        assert QCoreApplication.translate("Technique", "Stroking") == "Поглаживание"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
    assert QCoreApplication.translate("Technique", "Stroking") == "Stroking"
    assert i18n.current() == "en"


def test_the_choice_comes_from_the_command_line_then_the_settings_then_the_system(
    data_dir: Path,
) -> None:
    settings = settings_for(data_dir)
    assert i18n.stored_choice(settings) == "system"
    assert ui_language(settings) == i18n.system_language()
    settings.setValue(i18n.SETTING, "ru")
    assert ui_language(settings) == "ru"
    assert ui_language(settings, "en") == "en"
    settings.setValue(i18n.SETTING, "klingon")
    assert i18n.stored_choice(settings) == "system"
    assert i18n.resolve("xx") in i18n.LANGUAGES


def test_view_language_menu_stores_the_choice_and_says_when_it_applies(
    qtbot, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(data_dir)
    qtbot.addWidget(window)
    view = window.menuBar().findChild(QMenu, "menu_view")
    menu = window.menuBar().findChild(QMenu, "menu_language")
    assert view is not None and menu is not None
    assert menu.menuAction() in view.actions()
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"system", "en", "ru"}
    assert actions["system"].isChecked()
    assert actions["ru"].text() == "Русский"
    actions["ru"].trigger()
    assert (
        QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat).value(i18n.SETTING)
        == "ru"
    )
    notice = window.findChild(QMessageBox, "languageNotice")
    assert notice is not None and "Русский" in notice.text()
    notice.close()
    window.controller.shutdown()


def test_about_box_has_version_licences_disclaimer_and_sources(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(data_dir)
    qtbot.addWidget(window)
    window.actions_["about"].trigger()
    about = window.findChild(AboutDialog, "aboutDialog")
    assert about is not None and about.isVisible()
    text = about.text.text()
    for needle in (__version__, "GPL-3.0-or-later", "LGPL", "PySide6", "not medical advice"):
        assert needle in text, needle
    assert "Massage for back pain" in text and "our own" in text
    about.close()
    window.controller.shutdown()


def test_about_box_in_russian(russian: None) -> None:
    text = about_html()
    assert "Тренажёр массажа" in text
    assert __version__ in text and "LGPL" in text and "медицинск" in text


def test_russian_window_shows_russian_menus_names_and_protocol_text(
    qtbot, data_dir: Path, russian: None
) -> None:  # type: ignore[no-untyped-def]
    window = _window(data_dir, "ru")
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Файл", "&Вид"]
    assert "Тренажёр массажа" in window.windowTitle()
    assert "Поглаживание" in window.view.panel.technique.text()
    assert window.lang == "ru"
    assert window.view.panel.title.text() == window.controller.player.protocol.steps[0].title.get(
        "ru"
    )
    window.controller.shutdown()


def test_every_string_the_russian_window_looks_up_is_in_the_catalogue(
    qtbot, data_dir: Path, russian: None
) -> None:  # type: ignore[no-untyped-def]
    """Catches tr() in a context lupdate does not see, and names built from data at run time."""
    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    try:
        window = _window(data_dir, "ru", safety=True)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.actions_["about"].trigger()
        protocol = catalog.resolve("therapeutic-lower-back", data_dir)
        rules = load_rules()
        cover_html(protocol, rules, "ru")
        for i in range(len(protocol.steps)):
            step_text_html(protocol, i, "ru")
        window.controller.shutdown()
    finally:
        QCoreApplication.removeTranslator(recorder)
    ours = {(c, s) for c, s in recorder.seen if not (c[:1] == "Q" and c[1:2].isupper())}
    known = set(_messages(TS))
    known_sources = {s for _, s in known}
    by_source: dict[str, set[str]] = {}
    for c, s in ours:
        by_source.setdefault(s, set()).add(c)
    missing = sorted(
        (sorted(ctxs), s)
        for s, ctxs in by_source.items()
        if not any((c, s) in known for c in ctxs) and s.strip()
    )
    assert len(ours) > 150
    assert not missing, f"looked up but not in the catalogue: {missing[:10]}"
    assert "STEP %1 OF %2" in known_sources


def test_the_russian_pause_line_is_whole_at_1280x800(qtbot, data_dir: Path, russian: None) -> None:  # type: ignore[no-untyped-def]
    """«Пауза. Пробел — продолжить.»: each word must fit the line it is on (it once lost its last
    letter beside the countdown, with the safety panel open)."""
    window = _window(data_dir, "ru", safety=True)
    qtbot.addWidget(window)
    c = window.controller
    c.gate = lambda _command: None  # the safety panel is not what this test looks at
    window.resize(1280, 800)
    window.show()
    c.start()
    c.poll()
    c.pause()
    c.poll()
    QApplication.processEvents()
    status = window.view.panel.status
    assert status.isVisible() and status.text() == "Пауза. Пробел — продолжить."
    metrics = status.fontMetrics()
    widest = max(metrics.horizontalAdvance(word) for word in status.text().split())
    assert widest <= status.contentsRect().width(), (widest, status.width())
    c.shutdown()
