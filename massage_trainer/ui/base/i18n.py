"""The language of the interface: which one, the Qt translators for it, and View ▸ Language.

The choice is stored in settings.ini as ui/language ("system", "en" or "ru"); "system" follows
QLocale.system(). Translators are installed before any widget is built, so a change applies
on the next start (the menu says so).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

LANGUAGES = ("en", "ru")
"""Languages the interface is translated into; English is the source language."""
NATIVE_NAMES = {"en": "English", "ru": "Русский"}
"""Each language named in itself, as language menus do."""
SETTING = "ui/language"
SYSTEM = "system"
SYSTEM_LABEL = QT_TRANSLATE_NOOP("Language", "System")

_installed: list[QTranslator] = []
"""The translators in use (kept referenced: Qt does not own them)."""
_state = {"lang": "en"}
"""The language installed last."""


def translations_dir() -> Path:
    """massage_trainer/i18n beside the package (also in the wheel and the frozen bundle)."""
    here = Path(__file__).resolve().parents[2] / "i18n"
    frozen = getattr(sys, "_MEIPASS", None)
    if not here.is_dir() and frozen:
        return Path(frozen) / "massage_trainer" / "i18n"
    return here


def system_language() -> str:
    """The system's language when the app has it, else English."""
    code = QLocale.system().name().split("_", maxsplit=1)[0]
    return code if code in LANGUAGES else "en"


def stored_choice(settings: QSettings | None) -> str:
    """The choice in the settings: "system", or a language code; anything unknown is "system"."""
    value = str(settings.value(SETTING, SYSTEM)) if settings is not None else SYSTEM
    return value if value in LANGUAGES else SYSTEM


def resolve(choice: str | None) -> str:
    """The language code for a choice ("system", a code, or None)."""
    if choice in LANGUAGES:
        return str(choice)
    return system_language()


def install(lang: str) -> bool:
    """Make `lang` the language of every later tr() call; False when its catalogue is missing.

    English needs no catalogue. For Russian, Qt's own qtbase_ru.qm translates the standard
    dialog buttons as well, when the PySide6 wheel carries it.
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _state["lang"] = "en"
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / f"massage_trainer_{lang}.qm")):
        return False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    _state["lang"] = lang
    return True


def current() -> str:
    """The language installed last ("en" when none is)."""
    return _state["lang"]


@contextmanager
def language(lang: str) -> Iterator[bool]:
    """Translate into `lang` for a while (a CLI render, a test), then restore the one before."""
    before, before_locale = _state["lang"], QLocale()
    try:
        yield install(lang)
    finally:
        install(before)
        QLocale.setDefault(before_locale)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def add_language_menu(window: QMainWindow, settings: QSettings, view: QMenu) -> QMenu:
    """View ▸ Language: System / English / Русский, stored in the settings, used on restart."""
    menu = QMenu(QCoreApplication.translate("Language", "&Language"), view)
    menu.setObjectName("menu_language")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = stored_choice(settings)
    for code in (SYSTEM, *LANGUAGES):
        label = _tr(SYSTEM_LABEL) if code == SYSTEM else NATIVE_NAMES[code]
        action = QAction(label, menu)
        action.setObjectName(f"action_language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda a: _choose(window, settings, str(a.data())))
    after_theme = view.actions()[1:2]  # right below View ▸ Theme
    if after_theme:
        view.insertMenu(after_theme[0], menu)
    else:
        view.addMenu(menu)
    return menu


def _choose(window: QMainWindow, settings: QSettings, choice: str) -> None:
    """Store the choice and say when it applies (the interface is built in one language)."""
    before = stored_choice(settings)
    settings.setValue(SETTING, choice)
    settings.sync()
    if choice == before:
        return
    lang = resolve(choice)
    from PySide6.QtWidgets import QMessageBox  # dialogs load after the first paint

    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Language", "Language"),
        QCoreApplication.translate(
            "Language", "%1 will be used from the next start of Massage Trainer."
        ).replace("%1", NATIVE_NAMES[lang]),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("languageNotice")
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
