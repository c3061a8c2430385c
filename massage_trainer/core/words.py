"""Words a person reads from the core and the command line, in English and Russian.

The window translates its own strings with Qt (massage_trainer/i18n/*.ts). The core imports no Qt,
and the command line must work without it, so the few sentences they show a person live here:
`say(key, lang, **values)`. Problems the file checker finds are translated by their shape
(`problem_text`); a shape not listed stays English, never lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from massage_trainer.core.protocol.vocab import Technique

if TYPE_CHECKING:  # only named in a type: the YAML reader is not loaded for `history` (~30 ms)
    from massage_trainer.core.protocol.yamlsafe import Problem

MESSAGES: dict[str, tuple[str, str]] = {
    # play
    "play.playing": (
        "Playing {id}: {title} ({n} steps, about {m} min).",
        "Проводим «{title}» (шагов: {n}, около {m} мин).",
    ),
    "play.step": (
        "Step {i}/{n}: {title} ({technique}, {length})",
        "Шаг {i}/{n}: {title} ({technique}, {length})",
    ),
    "play.until_next": ("until you move on", "пока не перейдёте дальше"),
    "play.finished": (
        "Finished: {done} of {n} steps completed.",
        "Готово: завершено шагов — {done} из {n}.",
    ),
    "play.stopped": (
        "Stopped ({reason}): {done} of {n} steps completed.",
        "Остановлено ({reason}): завершено шагов — {done} из {n}.",
    ),
    "play.time_limit": (
        "Time limit reached ({detail} of massage on the body): the session ends here.",
        "Время вышло ({detail} массажа): на этом сеанс заканчивается.",
    ),
    "play.adapted": (
        "Adapted: playing {id} ({title}){instead}.",
        "Массаж изменён: проводим «{title}»{instead}.",
    ),
    "play.instead": (" instead of {id}", " вместо «{title}»"),
    "play.why": ("  Why: {text}", "  Почему: {text}"),
    "play.caution": ("Caution: {text}", "Осторожно: {text}"),
    "play.not_recorded": (
        "the session plays, but it will not be saved in the history.",
        "сеанс идёт, но в историю сеансов он не будет записан.",
    ),
    "play.recording_stopped": ("recording stopped: {message}", "запись остановлена: {message}"),
    # stop reasons: English keeps the code scripts read ("Stopped (signal): ...")
    "reason.signal": ("signal", "прервано сигналом"),
    "reason.stalled": ("stalled", "сеанс не может продолжаться"),
    "reason.stopped": ("stopped", "остановлено"),
    # the safety check refuses
    "refuse.stop": ("STOP: no massage today.", "СТОП: сегодня без массажа."),
    "refuse.wait": ("WAIT: not yet.", "ПОДОЖДИТЕ: пока рано."),
    "refuse.incomplete": (
        "NOT READY: the safety check is incomplete.",
        "НЕ ГОТОВО: проверка безопасности заполнена не до конца.",
    ),
    "refuse.blocked": (
        "LOCKED: this protocol cannot be played.",
        "ЗАБЛОКИРОВАНО: эту программу проводить нельзя.",
    ),
    "refuse.other": ("The session cannot start.", "Сеанс начать нельзя."),
    "refuse.wait_minutes": (
        "  Wait {n} more minute(s), then try again.",
        "  Подождите ещё {n} мин и попробуйте снова.",
    ),
    "refuse.what_to_do": ("  What to do: {text}", "  Что делать: {text}"),
    "refuse.unanswered": ("  Not answered: {ids}", "  Нет ответа: {ids}"),
    "refuse.unticked": (
        "  Not ticked (answer 'yes' once ready): {ids}",
        "  Не отмечено (ответьте 'yes', когда всё готово): {ids}",
    ),
    "refuse.see_ids": (
        "  Run 'massage-trainer questions' to see every id.",
        "  Все идентификаторы покажет команда 'massage-trainer questions'.",
    ),
    # errors
    "err.rules": (
        "the safety rules cannot be read, so nothing is played.",
        "не удаётся прочитать правила безопасности, поэтому ничего не проводится.",
    ),
    "err.breaks_rule": (
        "this protocol breaks a safety rule; nothing was played.",
        "программа нарушает правило безопасности; ничего не проведено.",
    ),
    "err.answers": (
        "fix the answers file; nothing was played.",
        "исправьте файл ответов; ничего не проведено.",
    ),
    "err.headless_only": (
        "from the command line only --headless play is supported; open the window with "
        "'massage-trainer' to play with the diagram.",
        "из командной строки можно только --headless; чтобы проводить массаж со схемой, "
        "откройте окно командой 'massage-trainer'.",
    ),
    "err.answers_required": (
        "--answers FILE is required (see 'massage-trainer questions')",
        "нужен файл ответов --answers FILE (см. 'massage-trainer questions')",
    ),
    "err.no_protocol": (
        "the safety check gave no protocol to play; nothing played.",
        "проверка безопасности не выбрала программу; ничего не проведено.",
    ),
    "err.not_found": (
        "no protocol with the id '{name}' (known: {known})",
        "нет программы с идентификатором '{name}' (есть: {known})",
    ),
    "err.no_receiver_yet": (
        "no receiver called '{name}' (no history yet)",
        "нет человека по имени '{name}' (истории сеансов ещё нет)",
    ),
    "err.holds_unreadable": (
        "the session history cannot be read, so the 'see a doctor first' stops kept in it "
        "cannot be checked: {message}",
        "историю сеансов не удаётся прочитать, поэтому нельзя проверить записанные в ней запреты "
        "«сначала к врачу»: {message}",
    ),
    # history
    "history.none": (
        "No sessions recorded yet in {folder}.",
        "В {folder} ещё нет записанных сеансов.",
    ),
    "history.no_name": ("no name given", "без имени"),
    "history.unnamed": ("receiver without a name", "человек без имени"),
    "history.columns": (
        "ID|STARTED|RECEIVER|PROTOCOL|MODE|STATUS|STEPS|PAIN|MIN|COURSE",
        "ID|НАЧАЛО|КОМУ|ПРОГРАММА|РЕЖИМ|СОСТОЯНИЕ|ШАГИ|БОЛЬ|МИН|КУРС",
    ),
    # list
    "list.columns": ("ID|TITLE|MINUTES|ORIGIN|PATH", "ID|НАЗВАНИЕ|МИНУТ|ОТКУДА|ПУТЬ"),
    "list.minutes": ("{m} min", "{m} мин"),
    "origin.bundled": ("bundled", "встроенная"),
    "origin.user": ("user", "своя"),
    "list.skipped": ("{path}: skipped: {why}", "{path}: пропущена: {why}"),
    "list.where": (
        "{message} (line {line}, column {col})",
        "{message} (строка {line}, столбец {col})",
    ),
    "list.unreadable": ("it cannot be read", "файл не удаётся прочитать"),
    "list.none": ("No protocols found.", "Программы не найдены."),
    "mode.guided": ("guided", "сеанс"),
    "mode.practice": ("practice", "отработка"),
    "mode.trial": ("trial", "пробный"),
    "status.running": ("running", "идёт"),
    "status.completed": ("completed", "завершён"),
    "status.interrupted": ("interrupted", "прерван"),
    "status.stopped": ("stopped", "остановлен"),
    "status.refused": ("refused", "не начат"),
    # techniques (the window has its own, translated by Qt)
    "technique.stroking": ("stroking", "поглаживание"),
    "technique.deep-stroking": ("deep stroking", "глубокое поглаживание"),
    "technique.rubbing": ("rubbing", "растирание"),
    "technique.kneading": ("kneading", "разминание"),
    "technique.tapping": ("tapping", "постукивание"),
    "technique.clapping": ("clapping", "похлопывание"),
    "technique.spine-stretch": ("spine stretch", "вытяжение позвоночника"),
    "technique.pinch-roll": ("skin pinch-rolling", "прокатывание кожной складки"),
    "technique.vibration": ("finger vibration", "вибрация пальцами"),
    "technique.towel-rub": ("towel rub", "растирание полотенцем"),
}


def say(key: str, lang: str = "en", **values: object) -> str:
    """The message `key` in `lang` (English when there is no such language), filled in."""
    en, ru = MESSAGES[key]
    return (ru if lang == "ru" else en).format(**values)


def technique(t: Technique | str, lang: str = "en") -> str:
    key = f"technique.{t}"
    return say(key, lang) if key in MESSAGES else str(t)


def code(kind: str, value: str, lang: str = "en") -> str:
    """A stored code (a session's mode or status) in words; English keeps the code itself."""
    key = f"{kind}.{value}"
    return say(key, lang) if key in MESSAGES else value


def reason(code: str, lang: str = "en") -> str:
    """A stop reason code ("signal", "stalled", ...) in words."""
    key = f"reason.{code}"
    return say(key, lang) if key in MESSAGES else code


# The shapes of the file checker's messages (schema*.py, cross_checks.py), with their Russian.
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), ru)
    for pattern, ru in (
        (
            r"^(?P<w>\S+: )?unknown key '(?P<k>[^']*)' \(did you mean '(?P<m>[^']*)'\?\)$",
            r"\g<w>неизвестный ключ '\g<k>' (может быть, '\g<m>'?)",
        ),
        (
            r"^(?P<w>\S+: )?unknown key '(?P<k>[^']*)'; allowed here: (?P<a>.*)$",
            r"\g<w>неизвестный ключ '\g<k>'; здесь допустимы: \g<a>",
        ),
        (
            r"^(?P<w>\S+: )?the required key '(?P<k>[^']*)' is missing$",
            r"\g<w>нет обязательного ключа '\g<k>'",
        ),
        (
            r"^(?P<w>\S+: )?expected a list \('- item' lines\), found (?P<f>.*)$",
            r"\g<w>ожидался список (строки '- элемент'), а найдено: \g<f>",
        ),
        (
            r"^(?P<w>\S+: )?expected a mapping \(key: value lines\), found (?P<f>.*)$",
            r"\g<w>ожидались строки 'ключ: значение', а найдено: \g<f>",
        ),
        (r"^(?P<w>\S+: )?must not be empty$", r"\g<w>не может быть пустым"),
        (
            r"^(?P<w>\S+: )?the English text \('en:'\) is required$",
            r"\g<w>нужен английский текст ('en:')",
        ),
        (
            r"^(?P<w>\S+: )?is too long \((?P<n>\d+) characters; at most (?P<m>\d+)\)$",
            r"\g<w>слишком длинно (символов: \g<n>; можно не больше \g<m>)",
        ),
        (
            r"^(?P<w>\S+: )?(?P<v>\S+) is too small; it must be (?P<b>.*)$",
            r"\g<w>\g<v> — слишком мало; нужно: \g<b>",
        ),
        (
            r"^(?P<w>\S+: )?(?P<v>\S+) is too large; it must be at most (?P<b>.*)$",
            r"\g<w>\g<v> — слишком много; не больше \g<b>",
        ),
        (
            r"^(?P<w>\S+: )?expected one of (?P<c>.*), found (?P<f>.*)$",
            r"\g<w>ожидалось одно из: \g<c>; найдено: \g<f>",
        ),
        (
            r"^(?P<w>\S+: )?'(?P<v>[^']*)' is not one of (?P<c>[^(]*?)"
            r"(?: \(did you mean '(?P<m>[^']*)'\?\))?$",
            r"\g<w>'\g<v>' нет в списке: \g<c>",
        ),
        (
            r"^(?P<w>\S+: )?'(?P<v>[^']*)' is not a known (?P<k>[^(;]*?)"
            r" \(did you mean '(?P<m>[^']*)'\?\)$",
            r"\g<w>'\g<v>' — неизвестное значение (\g<k>); может быть, '\g<m>'?",
        ),
        (
            r"^(?P<w>\S+: )?'(?P<v>[^']*)' is not a known (?P<k>[^(;]*?); known: (?P<c>.*)$",
            r"\g<w>'\g<v>' — неизвестное значение (\g<k>); допустимы: \g<c>",
        ),
        (
            r"^(?P<w>\S+: )?expected a whole number, found (?P<f>.*)$",
            r"\g<w>ожидалось целое число, найдено: \g<f>",
        ),
        (
            r"^(?P<w>\S+: )?expected true or false, found (?P<f>.*)$",
            r"\g<w>ожидалось true или false, найдено: \g<f>",
        ),
        (
            r"^(?P<w>\S+: )?'(?P<v>[^']*)' is listed twice \(also item (?P<i>\d+)\)$",
            r"\g<w>'\g<v>' указано дважды (ещё в пункте \g<i>)",
        ),
        (
            r"^(?P<w>\S+: )?'(?P<v>[^']*)' is not one of this protocol's sources \((?P<s>.*)\)$",
            r"\g<w>'\g<v>' нет среди источников этой программы (\g<s>)",
        ),
        (
            r"^(?P<w>\S+: )?give either repetitions or duration_s, not both$",
            r"\g<w>укажите repetitions или duration_s, но не оба",
        ),
        (
            r"^(?P<w>\S+: )?give repetitions or duration_s \(or until_next: true\)$",
            r"\g<w>укажите repetitions или duration_s (или until_next: true)",
        ),
    )
)


def problem_text(message: str, lang: str = "en") -> str:
    """A file problem's message in `lang`: translated by its shape, or as it is."""
    return _by_shape(_SHAPES, message) if lang == "ru" else message


def _by_shape(shapes: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    """`text` in Russian by the first shape it matches, or as it is."""
    for pattern, ru in shapes:
        if pattern.match(text):
            return pattern.sub(ru, text)
    return text


def problem_line(problem: Problem, lang: str = "en") -> str:
    """'file:line:col: message' for a located problem, its message in `lang`."""
    return f"{problem.path}:{problem.line}:{problem.col}: {problem_text(problem.message, lang)}"


_USAGE_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), ru)
    for pattern, ru in (
        (
            r"^argument COMMAND: invalid choice: '(?P<v>[^']*)' \(choose from (?P<c>.*)\)$",
            r"нет команды «\g<v>»; есть: \g<c>",
        ),
        (
            r"^argument (?P<a>[^:]+): invalid choice: '(?P<v>[^']*)' \(choose from (?P<c>.*)\)$",
            r"«\g<v>» не подходит для \g<a>; можно: \g<c>",
        ),
        (r"^the following arguments are required: (?P<a>.*)$", r"не хватает: \g<a>"),
        (r"^unrecognized arguments: (?P<a>.*)$", r"непонятные слова в команде: \g<a>"),
        (r"^argument (?P<a>[^:]+): expected one argument$", r"после \g<a> нужно значение"),
        (
            r"^argument (?P<a>[^:]+): invalid (?P<t>\S+) value: '(?P<v>[^']*)'$",
            r"«\g<v>» не подходит для \g<a>",
        ),
        (r"^argument (?P<a>[^:]+): (?P<m>.*)$", r"\g<a>: \g<m>"),
    )
)


def usage_error(prog: str, message: str, lang: str = "en") -> str:
    """The line a usage mistake gets: argparse's own words in English, translated by shape in
    Russian (with where to find help, since the usage line argparse prints is English)."""
    if lang != "ru":
        return f"{prog}: error: {message}"
    message = _by_shape(_USAGE_SHAPES, message)
    return f"{prog}: ошибка: {message}\nСправка: {prog.split(maxsplit=1)[0]} --help"


_SUMMARY_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), ru)
    for pattern, ru in (
        (
            r"^(?P<id>\S+), about (?P<m>\d+) min, (?P<n>\d+) steps$",
            r"\g<id>, около \g<m> мин, шагов: \g<n>",
        ),
        (
            r"^safety rules: (?P<q>\d+) questions, (?P<r>\d+) rules$",
            r"правила безопасности: вопросов — \g<q>, правил — \g<r>",
        ),
        (r"^glossary: (?P<n>\d+) entries$", r"словарь: статей — \g<n>"),
        (r"^answers: (?P<n>\d+) given$", r"ответы: дано — \g<n>"),
    )
)


def checked_ok(name: str, summary: str, lang: str = "en") -> str:
    """The line `validate` prints for a file that passed, its summary in `lang`."""
    if lang != "ru":
        return f"{name}: ok ({summary})"
    return f"{name}: в порядке ({_by_shape(_SUMMARY_SHAPES, summary)})"
