"""What can go wrong with the history file, told apart, each with its own message in EN and RU.

Can't read, can't write, disk full, locked by another program, not an ordinary file, not a folder,
truly corrupt, or written by a newer version: each is handled differently (only a corrupt file is
set aside), so each is its own error and its own plain message saying what to do.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from massage_trainer.core.files import DISK_FULL_ERRNOS, KIND_RU, NO_PERMISSION_ERRNOS, NotRegular
from massage_trainer.core.files import reason as os_reason
from massage_trainer.core.protocol.localtext import LocalText


class Fault(StrEnum):
    CANT_READ = "cant-read"
    CANT_WRITE = "cant-write"
    DISK_FULL = "disk-full"
    LOCKED = "locked"
    NOT_A_FILE = "not-a-file"
    NOT_A_FOLDER = "not-a-folder"
    CORRUPT = "corrupt"
    NEWER = "newer"
    DISK_ERROR = "disk-error"


class HistoryError(Exception):
    """The history cannot be used as asked; `text` says why and what to do, in EN and RU."""

    fault = Fault.DISK_ERROR

    def __init__(self, text: LocalText | str, fault: Fault | None = None) -> None:
        self.text = text if isinstance(text, LocalText) else LocalText.of(text)
        if fault is not None:
            self.fault = fault
        super().__init__(self.text.get("en"))

    def message(self, lang: str = "en") -> str:
        return self.text.get(lang)


class HistoryReadOnly(HistoryError):
    """The log can be shown but not changed (a newer version's, or no write permission)."""

    fault = Fault.CANT_WRITE


class HistoryBusy(HistoryError):
    """Another program holds the log locked for longer than we wait."""

    fault = Fault.LOCKED


class HistoryDiskFull(HistoryError):
    """The disk (or the user's quota) is full: nothing more can be written."""

    fault = Fault.DISK_FULL


class HistoryUnreadable(HistoryError):
    """The file or its folder cannot be read (permissions): left exactly as it is."""

    fault = Fault.CANT_READ


class HistoryNotAFile(HistoryError):
    """A pipe, socket, device or folder is where the log (or a folder where the data folder) goes."""

    fault = Fault.NOT_A_FILE


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def not_a_file(path: Path, kind: str) -> HistoryNotAFile:
    return HistoryNotAFile(
        _t(
            f"{path} is a {kind}, not an ordinary file, so it cannot hold the session history. "
            "Nothing was opened or changed, and sessions are not recorded. Remove it, or choose "
            "another data folder with --data-dir.",
            f"{path} — это {KIND_RU.get(kind, kind)}, а не обычный файл, поэтому историю сеансов "
            "в нём вести нельзя. Ничего не открыто и не изменено, сеансы не записываются. "
            "Уберите его или выберите другую папку данных (--data-dir).",
        )
    )


def not_a_folder(folder: Path, kind: str) -> HistoryNotAFile:
    return HistoryNotAFile(
        _t(
            f"The data folder {folder} is a {kind}, not a folder. Nothing was changed and "
            "sessions are not recorded. Choose a folder with --data-dir, or move it away.",
            f"Папка данных {folder} — это {KIND_RU.get(kind, kind)}, а не папка. Ничего не "
            "изменено, сеансы не записываются. Укажите папку через --data-dir или уберите "
            "то, что лежит на её месте.",
        ),
        Fault.NOT_A_FOLDER,
    )


def cant_read(path: Path, why: str, *, folder: bool = False) -> HistoryUnreadable:
    if folder:
        return HistoryUnreadable(
            _t(
                f"The data folder {path} cannot be opened ({why}). Nothing was changed and "
                "sessions are not recorded. Give your user access to it (for example: "
                f'chmod u+rwx "{path}"), or choose another data folder with --data-dir.',
                f"Папку данных {path} не удаётся открыть ({why}). Ничего не изменено, сеансы не "
                "записываются. Дайте своему пользователю доступ к ней (например: "
                f'chmod u+rwx "{path}") или выберите другую папку данных (--data-dir).',
            )
        )
    return HistoryUnreadable(
        _t(
            f"The session history {path} cannot be read ({why}). It was left as it is, and "
            "sessions are not recorded. Give your user permission to read and change it (for "
            f'example: chmod u+rw "{path}"), or choose another data folder with --data-dir.',
            f"Файл истории сеансов {path} не удаётся прочитать ({why}). Файл оставлен как есть, "
            "сеансы не записываются. Дайте своему пользователю право читать и изменять его "
            f'(например: chmod u+rw "{path}") или выберите другую папку данных (--data-dir).',
        )
    )


def cant_write(path: Path, why: str) -> HistoryReadOnly:
    return HistoryReadOnly(
        _t(
            f"The session history {path} can be read but not changed ({why}). Sessions are not "
            "saved, and the history is shown read-only. To save sessions again, give your user "
            f'permission to change the file and its folder (for example: chmod u+w "{path}" '
            f'"{path.parent}").',
            f"Файл истории сеансов {path} можно прочитать, но нельзя изменить ({why}). Сеансы не "
            "сохраняются, история показана только для чтения. Чтобы сеансы снова сохранялись, "
            "дайте своему пользователю право изменять файл и его папку (например: "
            f'chmod u+w "{path}" "{path.parent}").',
        )
    )


def cant_create(folder: Path, why: str) -> HistoryReadOnly:
    return HistoryReadOnly(
        _t(
            f"The data folder {folder} cannot be created ({why}). Sessions are not recorded. "
            "Choose a folder you can write to with --data-dir.",
            f"Не удаётся создать папку данных {folder} ({why}). Сеансы не записываются. "
            "Укажите через --data-dir папку, в которую можно писать.",
        )
    )


def disk_full(path: Path, *, midway: bool = False) -> HistoryDiskFull:
    if midway:
        en = "the rest of this session is not saved (what was saved before is kept)"
        ru = "остаток этого сеанса не сохраняется (записанное раньше сохранено)"
    else:
        en, ru = "sessions are not saved", "сеансы не сохраняются"
    return HistoryDiskFull(
        _t(
            f"The disk holding the session history {path} is full, so {en}. Nothing was set "
            "aside or deleted. Free some space on that disk; recording starts again at the next "
            "start.",
            f"Диск, на котором лежит файл истории сеансов {path}, заполнен, поэтому {ru}. Ничего не "
            "отложено и не удалено. Освободите место на диске: при следующем запуске запись "
            "возобновится.",
        )
    )


def busy(path: Path, seconds: float) -> HistoryBusy:
    return HistoryBusy(
        _t(
            f"The session history {path} is locked by another program and did not become free "
            f"within {seconds:g} seconds. Nothing was changed. Close other Massage Trainer "
            "windows and try again.",
            f"Файл истории сеансов {path} занят другим приложением и не освободился за {seconds:g} с. "
            "Ничего не изменено. Закройте другие окна Тренажёра массажа и попробуйте снова.",
        )
    )


def disk_error(path: Path, why: str) -> HistoryError:
    return HistoryError(
        _t(
            f"The session history {path} could not be used: the disk reported an error ({why}). "
            "Nothing was set aside or deleted, and sessions are not recorded. Check the disk, "
            "then start again.",
            f"Файлом истории сеансов {path} не удаётся пользоваться: диск сообщил об ошибке ({why}). "
            "Ничего не отложено и не удалено, сеансы не записываются. Проверьте диск и "
            "запустите приложение снова.",
        ),
        Fault.DISK_ERROR,
    )


def newer(path: Path, version: int, latest: int, *, partly_unreadable: bool) -> HistoryReadOnly:
    extra_en = " Some of it cannot be shown by this version." if partly_unreadable else ""
    extra_ru = " Часть записей эта версия показать не может." if partly_unreadable else ""
    return HistoryReadOnly(
        _t(
            f"The session history {path} was written by a newer version of Massage Trainer "
            f"(format {version}; this version knows up to {latest}). It is shown read-only and "
            f"new sessions are not recorded. Update Massage Trainer to keep logging.{extra_en}",
            f"Файл истории сеансов {path} записан более новой версией Тренажёра массажа (формат "
            f"{version}; эта версия знает форматы до {latest}). Он показан только для чтения, "
            f"новые сеансы не записываются. Обновите Тренажёр массажа, чтобы снова записывать сеансы."
            f"{extra_ru}",
        ),
        Fault.NEWER,
    )


def set_aside(reason: str, aside: Path) -> LocalText:
    return _t(
        f"The session history could not be read ({reason}). It was set aside as {aside} and a "
        "new, empty history was started. Nothing was deleted.",
        f"Файл истории сеансов повреждён ({reason}). Он отложен как {aside}, начат новый, пустой "
        "файл. Ничего не удалено.",
    )


def cannot_set_aside(path: Path, why: str) -> HistoryError:
    return HistoryError(
        _t(
            f"The session history {path} is damaged and could not be set aside ({why}). Nothing "
            "was changed and sessions are not recorded. Move it away by hand, then start again.",
            f"Файл истории сеансов {path} повреждён, и отложить его не удалось ({why}). Ничего не "
            "изменено, сеансы не записываются. Переместите его вручную и запустите приложение "
            "снова.",
        ),
        Fault.CORRUPT,
    )


def still_corrupt(path: Path, why: str) -> HistoryError:
    return HistoryError(
        _t(
            f"The session history {path} was set aside once already and the new one cannot be "
            f"used either ({why}). Nothing more was moved. Check the disk, then start again.",
            f"Файл истории сеансов {path} уже был отложен, но и новым пользоваться не удаётся ({why}). "
            "Больше ничего не перемещено. Проверьте диск и запустите приложение снова.",
        ),
        Fault.CORRUPT,
    )


def tightened(folder: Path) -> LocalText:
    return _t(
        f"The data folder {folder} could be read by other users of this computer. It holds "
        "health information, so it is now private: only your user can open it.",
        f"Папку данных {folder} могли читать другие пользователи этого компьютера. В ней хранятся "
        "сведения о здоровье, поэтому теперь она закрыта: открыть её может только ваш пользователь.",
    )


def joined(notices: Sequence[LocalText]) -> LocalText | None:
    """Several notices as one text, each language joined on its own."""
    if not notices:
        return None
    langs = {lang for n in notices for lang, _ in n.by_lang} - {"en"}
    return LocalText.of(
        " ".join(n.get("en") for n in notices),
        **{lang: " ".join(n.get(lang) for n in notices) for lang in sorted(langs)},
    )


# ---------------------------------------------------------------------- telling errors apart

SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_AUTH, SQLITE_NOTADB = 23, 26
CORRUPT_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})


def sqlite_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code for the error (0 when Python did not keep one)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()  # older Pythons: tell the common ones from their text
    for needle, guess in (
        ("locked", SQLITE_BUSY),
        ("busy", SQLITE_BUSY),
        ("disk is full", SQLITE_FULL),
        ("readonly", SQLITE_READONLY),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("unable to open", SQLITE_CANTOPEN),
        ("disk i/o", SQLITE_IOERR),
    ):
        if needle in text:
            return guess
    return 0


def is_corrupt(exc: sqlite3.Error) -> bool:
    return sqlite_code(exc) in CORRUPT_CODES


def from_sqlite(
    exc: sqlite3.Error, path: Path, busy_s: float, *, midway: bool = False
) -> HistoryError:
    """The HistoryError for an SQLite failure that is not corruption (the caller checks that)."""
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy(path, busy_s)
    if code == SQLITE_FULL:
        return disk_full(path, midway=midway)
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH):
        return cant_write(path, str(exc))
    if code == SQLITE_CANTOPEN:
        return cant_read(path, str(exc))
    if code == SQLITE_IOERR and _nearly_full(path.parent):  # e.g. the -shm file cannot grow
        return disk_full(path, midway=midway)
    return disk_error(path, str(exc))


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def from_os(exc: OSError, path: Path, *, folder: bool = False) -> HistoryError:
    """The HistoryError for an operating-system failure on the file (or the folder) at `path`."""
    if isinstance(exc, NotRegular):
        return not_a_folder(path, exc.kind) if folder else not_a_file(path, exc.kind)
    why = os_reason(exc)
    if exc.errno in DISK_FULL_ERRNOS:
        return disk_full(path)
    if exc.errno in NO_PERMISSION_ERRNOS:
        return cant_read(path, why, folder=folder)
    return disk_error(path, why)
