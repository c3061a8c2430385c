<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../ui/session/keyboard.py" line="+231"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move between safety check, session buttons, step, timeline and diagram</source>
        <translation>Переход между проверкой безопасности, кнопками сеанса, шагом, шкалой времени и схемой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrows (in a Yes/No answer)</source>
        <translation>Стрелки (в ответе «Да/Нет»)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the other answer</source>
        <translation>Выбрать другой ответ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Press the focused button, tick the focused box</source>
        <translation>Нажать выбранную кнопку, отметить выбранный флажок</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space (before a session, on a box, answer or button)</source>
        <translation>Пробел (до начала сеанса, на флажке, ответе или кнопке)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick it or press it (during a session Space always pauses)</source>
        <translation>Отметить или нажать (во время сеанса пробел всегда ставит паузу)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left, Right, Enter (on the timeline)</source>
        <translation>Влево, Вправо, Enter (на шкале времени)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick a step, then jump to it</source>
        <translation>Выбрать шаг и перейти к нему</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrows (on the diagram)</source>
        <translation>Стрелки (на схеме)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Say the names of the zones one by one</source>
        <translation>Называть зоны одну за другой</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../ui/session/about.py" line="+26"/>
        <source>Massage Trainer</source>
        <translation>Тренажёр массажа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides a back massage step by step: an animated diagram of the hands, a timer, sound and voice cues, and a safety checklist.</source>
        <translation>Шаг за шагом проводит через массаж спины: анимированная схема рук, таймер, звуковые и голосовые подсказки, проверка безопасности.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A guide, not medical advice. It does not replace a doctor or a trained massage therapist. Stop at once if the massage hurts.</source>
        <translation>Это пособие, а не медицинская рекомендация. Оно не заменяет врача или обученного массажиста. Если массаж причиняет боль, сразу остановитесь.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The techniques and safety questions come from two source texts on back massage: “Massage for back pain” and “Therapeutic and preventive massage of the lower back”. All wording in the app is our own.</source>
        <translation>Приёмы и вопросы безопасности взяты из двух текстов о массаже спины: «Массаж при боли в спине» и «Лечебно-профилактический массаж поясницы». Все тексты в приложении написаны нами.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free software under the GNU General Public License, version 3 or any later version (%1). It comes with no warranty.</source>
        <translation>Свободное программное обеспечение под лицензией GNU General Public License версии 3 или любой более поздней (%1). Предоставляется без каких-либо гарантий.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Built with Qt %1 and PySide6 %2.</source>
        <translation>Собрано на Qt %1 и PySide6 %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Qt for Python (PySide6) and Qt are used under the GNU Lesser General Public License, version 3 (%1); their source code is available from the Qt Project at https://code.qt.io.</source>
        <translation>Qt for Python (PySide6) и Qt используются на условиях GNU Lesser General Public License версии 3 (%1); их исходный код доступен в Qt Project: https://code.qt.io.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location line="-33"/>
        <source>About Massage Trainer</source>
        <translation>О приложении «Тренажёр массажа»</translation>
    </message>
</context>
<context>
    <name>AfterDialog</name>
    <message>
        <location filename="../ui/history/receivers.py" line="+329"/>
        <source>After the session</source>
        <translation>После сеанса</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before the session the pain was %1 of 10.</source>
        <translation>До сеанса боль была %1 из 10.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How strong is the pain now?</source>
        <translation>Насколько сильна боль сейчас?</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Note (how it went, what helped):</source>
        <translation>Заметка (как прошло, что помогло):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. Ctrl+Enter saves.</source>
        <translation>Необязательно. Ctrl+Enter — сохранить.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../ui/session/opening.py" line="+144"/>
        <source>Could not open %1: %2</source>
        <translation>Не удалось открыть %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="+174"/>
        <source>Cannot start: %1</source>
        <translation>Не удаётся запустить: %1</translation>
    </message>
</context>
<context>
    <name>AudienceBlank</name>
    <message>
        <location filename="../ui/classroom/audience_blank.py" line="+61"/>
        <source>Audience screen blanked</source>
        <translation>Экран для зрителей погашен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the session is paused. Press B to show it and go on.</source>
        <translation>сеанс на паузе. Нажмите B, чтобы снова показать экран и продолжить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the session is running. Press B to show it.</source>
        <translation>сеанс идёт. Нажмите B, чтобы снова показать экран.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>press B to show it.</source>
        <translation>нажмите B, чтобы снова показать экран.</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <location filename="../ui/classroom/audience.py" line="+51"/>
        <source>Massage Trainer: audience view</source>
        <translation>Тренажёр массажа: экран для зрителей</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Audience screen blanked (press B to show it)</source>
        <translation>Экран для зрителей затемнён (B — показать)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>◀  Previous</source>
        <translation>◀  Назад</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous step (Page Up)</source>
        <translation>Предыдущий шаг (Page Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start / pause</source>
        <translation>Пуск / пауза</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start, pause or resume (Space)</source>
        <translation>Начать, приостановить или продолжить (Пробел)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next  ▶</source>
        <translation>Дальше  ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next step (Page Down)</source>
        <translation>Следующий шаг (Page Down)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank</source>
        <translation>Затемнить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Black out this screen and back (B)</source>
        <translation>Затемнить этот экран и вернуть (B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave presenter mode (Esc)</source>
        <translation>Выйти из режима презентации (Esc)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Body diagram with the hands of the current step</source>
        <translation>Схема тела с руками текущего шага</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>STEP %1 OF %2</source>
        <translation>ШАГ %1 ИЗ %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>light</source>
        <translation>лёгкий</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moderate</source>
        <translation>средний</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>firm</source>
        <translation>сильный</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pressure: %1</source>
        <translation>Нажим: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Get ready</source>
        <translation>Приготовьтесь</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session complete</source>
        <translation>Сеанс завершён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session stopped</source>
        <translation>Сеанс остановлен</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repetition %1 / %2</source>
        <translation>Повтор %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 repetitions</source>
        <translation>Повторов: %1</translation>
    </message>
</context>
<context>
    <name>AuthoringUi</name>
    <message>
        <location filename="../ui/classroom/authoring.py" line="+140"/>
        <source>Open protocol</source>
        <translation>Открыть программу</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+121"/>
        <source>Protocols (*.yaml *.yml)</source>
        <translation>Программы (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>%1 cannot be used yet. Fix these and save; it opens by itself:</source>
        <translation>%1 пока нельзя использовать. Исправьте это и сохраните — файл откроется сам:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Watching %1: saved changes show at once.</source>
        <translation>Слежу за %1: сохранённые изменения видны сразу.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reloaded %1: still at step %2.</source>
        <translation>%1 перечитан: остаёмся на шаге %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is valid now. It opens when this session is over (File ▸ Open).</source>
        <translation>%1 теперь без ошибок. Файл откроется после этого сеанса (Файл ▸ Открыть).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The saved %1 has problems; the last good version stays on screen:</source>
        <translation>В сохранённом %1 есть ошибки; на экране остаётся последняя исправная версия:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New protocol</source>
        <translation>Новая программа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An id for the new protocol (lowercase letters, digits and hyphens):</source>
        <translation>Идентификатор новой программы (строчные латинские буквы, цифры и дефисы):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; cannot be an id: use lowercase letters, digits and single hyphens, e.g. neck-and-shoulders.</source>
        <translation>«%1» не подходит как идентификатор: используйте строчные латинские буквы, цифры и одиночные дефисы, например neck-and-shoulders.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not create the protocol: %1</source>
        <translation>Не удалось создать программу: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created %1 and opened it in your editor; save it to see the changes.</source>
        <translation>Создан %1 и открыт в редакторе; сохраните файл, чтобы увидеть изменения.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a protocol</source>
        <translation>Импорт программы</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was not imported; it has problems:</source>
        <translation>%1 не импортирован, в нём есть ошибки:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was not imported: %2</source>
        <translation>%1 не импортирован: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported “%1” into your protocols; choose it with Ctrl+L.</source>
        <translation>Программа «%1» добавлена к вашим; выберите её через Ctrl+L.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>Open a protocol first.</source>
        <translation>Сначала откройте программу.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Export protocol</source>
        <translation>Экспорт программы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocols (*.yaml)</source>
        <translation>Программы (*.yaml)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not export: %1</source>
        <translation>Не удалось экспортировать: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export handout (PDF)</source>
        <translation>Памятка в PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write the handout: %1</source>
        <translation>Не удалось записать памятку: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handout written: %1 (%2 pages)</source>
        <translation>Памятка записана: %1 (страниц: %2)</translation>
    </message>
</context>
<context>
    <name>BeforeAsk</name>
    <message>
        <location filename="../ui/history/before_ask.py" line="+20"/>
        <source>Don&apos;t ask before each session</source>
        <translation>Не спрашивать перед каждым сеансом</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions are still recorded; the questions come back in Session ▸ History…</source>
        <translation>Сеансы по-прежнему записываются; вопросы можно вернуть в меню Сеанс ▸ История…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start without answering (Esc)</source>
        <translation>Начать без ответов (Esc)</translation>
    </message>
</context>
<context>
    <name>BeforeDialog</name>
    <message>
        <location filename="../ui/history/receivers.py" line="-126"/>
        <source>Before the session</source>
        <translation>Перед сеансом</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who receives the massage?</source>
        <translation>Кому делаем массаж?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start a new course with this session</source>
        <translation>Начать с этого сеанса новый курс</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How strong is the pain right now?</source>
        <translation>Насколько сильна боль прямо сейчас?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where does it hurt? Click the areas on the back (click again to clear).</source>
        <translation>Где болит? Отметьте области на спине (повторный щелчок снимает отметку).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Body map: where does it hurt?</source>
        <translation>Карта тела: где болит?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrows name the zones one by one; Enter or Space marks or unmarks a zone.</source>
        <translation>Стрелки называют зоны одну за другой; Enter или пробел отмечает зону или снимает отметку.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Marked: %1</source>
        <translation>Отмечено: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing marked.</source>
        <translation>Ничего не отмечено.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This will be session %1 of course %2.</source>
        <translation>Это будет сеанс %1 курса %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A course is usually 10 to 20 sessions: a break of about two months is advised now.</source>
        <translation>Курс обычно длится 10–20 сеансов: сейчас советуем перерыв примерно на два месяца.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new course may start from %1 (two months after the last session).</source>
        <translation>Новый курс можно начать с %1 (через два месяца после последнего сеанса).</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../ui/safety/checklist.py" line="+51"/>
        <source>Preparation</source>
        <translation>Подготовка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear all answers…</source>
        <translation>Стереть все ответы…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a protocol to see what to prepare.</source>
        <translation>Выберите программу, чтобы увидеть, что подготовить.</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <location filename="../ui/classroom/features.py" line="+50"/>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Режим презентации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the session full screen for a class, on the second screen if there is one</source>
        <translation>Показать сеанс во весь экран для группы — на втором экране, если он есть</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New protocol from template…</source>
        <translation>&amp;Новая программа по шаблону…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a protocol of your own from the commented template</source>
        <translation>Создать свою программу по шаблону с комментариями</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Import protocol…</source>
        <translation>&amp;Импорт программы…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a shared protocol into yours</source>
        <translation>Скопировать присланную программу к своим</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export protocol…</source>
        <translation>&amp;Экспорт программы…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the current protocol file elsewhere</source>
        <translation>Сохранить файл текущей программы в другое место</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;handout (PDF)…</source>
        <translation>&amp;Памятка в PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A printable handout: safety checklist, then every step with its diagram</source>
        <translation>Памятка для печати: проверка безопасности, затем каждый шаг со схемой</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <location filename="../ui/base/vocab_text.py" line="+47"/>
        <source>whole palm</source>
        <translation>вся ладонь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heel of the palm</source>
        <translation>основание ладони</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thumb pads</source>
        <translation>подушечки больших пальцев</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finger pads</source>
        <translation>подушечки пальцев</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edge of the palm (little-finger side)</source>
        <translation>ребро ладони (со стороны мизинца)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cupped palm</source>
        <translation>ладонь «лодочкой»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thumb and fingers gripping</source>
        <translation>захват большим и остальными пальцами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingertips</source>
        <translation>кончики пальцев</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <location filename="../ui/session/control_bar.py" line="+55"/>
        <location line="+1"/>
        <source>Choose protocol</source>
        <translation>Выбрать программу</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+36"/>
        <source>Progress through the steps</source>
        <translation>Продвижение по шагам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1 of %2</source>
        <translation>шаг %1 из %2</translation>
    </message>
</context>
<context>
    <name>CourseLabel</name>
    <message>
        <location filename="../ui/session/course_label.py" line="+21"/>
        <source>A course is usually 10 to 20 sessions, then a break of about two months.</source>
        <translation>Курс обычно длится 10–20 сеансов, затем перерыв примерно на два месяца.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Practice: not counted as a session of the course</source>
        <translation>Отработка: не считается сеансом курса</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Session %1 of this course</source>
        <translation>Сеанс %1 этого курса</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time for a break of about two months</source>
        <translation>пора сделать перерыв примерно на два месяца</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new course from %1</source>
        <translation>новый курс — с %1</translation>
    </message>
</context>
<context>
    <name>CueDialog</name>
    <message>
        <location filename="../ui/session/cue_dialog.py" line="+27"/>
        <source>Cues</source>
        <translation>Подсказки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chime when a step begins</source>
        <translation>Звонок в начале шага</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metronome at the step&apos;s tempo</source>
        <translation>Метроном в темпе шага</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoken cues</source>
        <translation>Голосовые подсказки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visual flash (for people who cannot hear)</source>
        <translation>Вспышка на экране (для тех, кто не слышит)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 volume</source>
        <translation>Громкость: %1</translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <location filename="../ui/session/cue_texts.py" line="+44"/>
        <source>Sound is off: Qt Multimedia is not installed.</source>
        <translation>Звук выключен: не установлен Qt Multimedia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound is off: the cue sounds could not be loaded.</source>
        <translation>Звук выключен: не удалось загрузить звуки подсказок.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>no audio output was found</source>
        <translation>не найдено устройство вывода звука</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audio output does not play</source>
        <translation>устройство вывода звука не воспроизводит звук</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audio output reported an error</source>
        <translation>устройство вывода звука сообщило об ошибке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the speech engine did not start</source>
        <translation>синтезатор речи не запустился</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the helper program does not answer</source>
        <translation>вспомогательная программа не отвечает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the helper program stopped</source>
        <translation>вспомогательная программа остановилась</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound stopped; trying again…</source>
        <translation>Звук пропал, пробуем снова…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voice stopped; trying again…</source>
        <translation>Голос пропал, пробуем снова…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sound yet (%1); trying again…</source>
        <translation>Звука пока нет (%1), пробуем снова…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No voice yet (%1); trying again…</source>
        <translation>Голоса пока нет (%1), пробуем снова…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound is back.</source>
        <translation>Звук снова работает.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice is back.</source>
        <translation>Голос снова работает.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sound is off: the sound helper program could not be started.</source>
        <translation>Звук выключен: не удалось запустить вспомогательную программу звука.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voice is off: Qt TextToSpeech is not installed.</source>
        <translation>Голос выключен: не установлен Qt TextToSpeech.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voice is off: no speech engine is installed.</source>
        <translation>Голос выключен: не установлен синтезатор речи.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voice is off: the speech helper program could not be started.</source>
        <translation>Голос выключен: не удалось запустить вспомогательную программу речи.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Voice is off in %1: the speech engine has no voice for it.</source>
        <translation>Голос выключен для языка «%1»: в синтезаторе речи нет голоса для него.</translation>
    </message>
    <message>
        <location filename="../ui/session/cues.py" line="+163"/>
        <source>Sound is off: the audio system failed to start.</source>
        <translation>Звук выключен: звуковая система не запустилась.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Voice is off: the speech system failed to start.</source>
        <translation>Голос выключен: речевая система не запустилась.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Voice is off: %1</source>
        <translation>Голос выключен: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engine error</source>
        <translation>ошибка синтезатора</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Sound is off: the audio device failed.</source>
        <translation>Звук выключен: отказало звуковое устройство.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voice is off: the speech engine failed.</source>
        <translation>Голос выключен: отказал синтезатор речи.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Next: %1</source>
        <translation>Дальше: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last few seconds.</source>
        <translation>Последние секунды.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Next when you are done.</source>
        <translation>Когда закончите, нажмите «Дальше».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The session is complete. Well done.</source>
        <translation>Сеанс завершён. Отлично!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time is up for this protocol. Please stop now.</source>
        <translation>Время этой программы истекло. Пожалуйста, остановитесь.</translation>
    </message>
</context>
<context>
    <name>Diagram</name>
    <message>
        <location filename="../ui/diagram/captions.py" line="+26"/>
        <source>Light pressure</source>
        <translation>Лёгкий нажим</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderate pressure</source>
        <translation>Средний нажим</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firm pressure</source>
        <translation>Сильный нажим</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Caution: %1, no pressure or tapping</source>
        <translation>Осторожно: %1 — не давить и не поколачивать</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Work here</source>
        <translation>Зона работы</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Marked (pain)</source>
        <translation>Отмечено (боль)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stroke path (dotted: hands lift)</source>
        <translation>Путь рук (пунктир — руки приподняты)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Part of the hand that touches</source>
        <translation>Какой частью руки касаться</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Choose a step</source>
        <translation>Выберите шаг</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hands: %1</source>
        <translation>Руки: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 times</source>
        <translation>повторов: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../ui/diagram/text_alternative.py" line="+27"/>
        <source>fingers toward the head</source>
        <translation>пальцы к голове</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingers toward the feet</source>
        <translation>пальцы к ногам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingers pointing outward</source>
        <translation>пальцы наружу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingers pointing to the spine</source>
        <translation>пальцы к позвоночнику</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>long strokes</source>
        <translation>длинные движения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>small circles</source>
        <translation>маленькие круги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagonal strokes</source>
        <translation>движения по диагонали</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>side to side</source>
        <translation>из стороны в сторону</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grip, lift and knead</source>
        <translation>захватить, приподнять и размять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quick alternating taps</source>
        <translation>быстрые поочерёдные удары</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claps with cupped palms</source>
        <translation>хлопки ладонями «лодочкой»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>press and slide</source>
        <translation>надавить и скользить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinch and roll the skin</source>
        <translation>захватить и прокатывать кожу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fine vibration</source>
        <translation>мелкая вибрация</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upward, toward the head</source>
        <translation>вверх, к голове</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>downward, toward the feet</source>
        <translation>вниз, к ногам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up and down</source>
        <translation>вверх и вниз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outward, away from the spine</source>
        <translation>наружу, от позвоночника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in place</source>
        <translation>на месте</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both hands together, mirrored</source>
        <translation>обе руки вместе, зеркально</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hands take turns</source>
        <translation>руки по очереди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one side at a time</source>
        <translation>по одной стороне</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>light</source>
        <translation>лёгкий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>средний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firm</source>
        <translation>сильный</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No step is shown.</source>
        <translation>Шаг не показан.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Both your hands: %1.</source>
        <translation>Обе ваши руки: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your left hand: %1; your right hand: %2.</source>
        <translation>Ваша левая рука: %1; правая рука: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hand contact: %1, %2.</source>
        <translation>Касание: %1, %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2, %3; %4.</source>
        <translation>%1: %2, %3; %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pressure %1, %2 strokes a minute.</source>
        <translation>Нажим %1, %2 движений в минуту.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Work on: %1.</source>
        <translation>Работать: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep off: %1.</source>
        <translation>Не трогать: %1.</translation>
    </message>
    <message>
        <location filename="../ui/diagram/zone_keys.py" line="+63"/>
        <source>Marked: %1.</source>
        <translation>Отмечено: %1.</translation>
    </message>
</context>
<context>
    <name>DisclaimerDialog</name>
    <message>
        <location filename="../ui/safety/disclaimer_dialog.py" line="+22"/>
        <source>Before you begin</source>
        <translation>Прежде чем начать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A guide, not medical advice</source>
        <translation>Пособие, а не медицинская рекомендация</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Massage Trainer helps you learn and follow a gentle back massage step by step. It is not medical advice and does not replace a doctor or a trained massage therapist.</source>
        <translation>Тренажёр массажа помогает освоить мягкий массаж спины и провести его шаг за шагом. Это не медицинская рекомендация, и приложение не заменяет врача или обученного массажиста.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its safety questions come from two published texts about back massage and cannot cover every condition. If the receiver has a health problem, pain that does not go away, or you are unsure, ask a doctor first.</source>
        <translation>Вопросы безопасности взяты из двух опубликованных текстов о массаже спины и не охватывают всех состояний. Если у массируемого есть проблемы со здоровьем, боль не проходит или вы сомневаетесь, сначала посоветуйтесь с врачом.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop at once if the massage hurts: press P or the Pain button.</source>
        <translation>Если массаж причиняет боль, сразу остановитесь: нажмите P или кнопку «Боль».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I understand</source>
        <translation>Понятно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>DisplayPrefs</name>
    <message>
        <location filename="../ui/session/display_prefs.py" line="+89"/>
        <source>Text si&amp;ze</source>
        <translation>&amp;Размер текста</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reduce &amp;motion</source>
        <translation>Меньше &amp;анимации</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No pulsing glow; the hands shown at the start, middle and end of a stroke</source>
        <translation>Без пульсирующей подсветки; руки показаны в начале, середине и конце движения</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;tep panel</source>
        <translation>Панель &amp;шага</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or fold away the step&apos;s instructions beside the diagram</source>
        <translation>Показать или свернуть указания к шагу рядом со схемой</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <location filename="../ui/classroom/glossary_view.py" line="+41"/>
        <location line="+8"/>
        <source>Technique glossary</source>
        <translation>Словарь приёмов</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The glossary cannot be read: %1</source>
        <translation>Не удаётся прочитать словарь: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Practised: %1 min</source>
        <translation>Отработано: %1 мин</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hands:</source>
        <translation>Руки:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avoid:</source>
        <translation>Избегайте:</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../ui/classroom/handout_text.py" line="+38"/>
        <source>light</source>
        <translation>лёгкий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>средний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firm</source>
        <translation>сильный</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 repetitions (about %2)</source>
        <translation>повторов: %1 (около %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, then on until you move on</source>
        <translation>, затем — пока не перейдёте дальше</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as long as needed</source>
        <translation>сколько потребуется</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>About %1 minutes · %2 steps · never longer than %3 minutes</source>
        <translation>Около %1 мин · шагов: %2 · не дольше %3 мин</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>MASSAGE TRAINER · HANDOUT</source>
        <translation>ТРЕНАЖЁР МАССАЖА · ПАМЯТКА</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources: %1</source>
        <translation>Источники: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1. Safety check: no massage if any of this is so</source>
        <translation>1. Проверка безопасности: без массажа, если верно хоть что-то из этого</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>During the massage: stop at once if it hurts, and ask how the receiver feels. Stop and see a doctor before any further massage when:</source>
        <translation>Во время массажа: если больно, сразу остановитесь и спросите, как себя чувствует массируемый. Прекратите массаж и до следующего сеанса обратитесь к врачу, если:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Where the hands never work</source>
        <translation>Где руки никогда не работают</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>2. What changes the massage</source>
        <translation>2. Когда массаж нужно изменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. When to wait</source>
        <translation>3. Когда нужно подождать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4. Preparation</source>
        <translation>4. Подготовка</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the app is more careful than the sources here; the step pages and the app&apos;s safety check say why.</source>
        <translation>здесь приложение осторожнее источников; почему — сказано на страницах шагов и в проверке безопасности в приложении.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Technique</source>
        <translation>Приём</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hands</source>
        <translation>Руки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pressure</source>
        <translation>Нажим</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tempo</source>
        <translation>Темп</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 per minute</source>
        <translation>%1 в минуту</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How long</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What to do</source>
        <translation>Что делать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take care</source>
        <translation>Осторожно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source: %1, “%2”</source>
        <translation>Источник: %1, «%2»</translation>
    </message>
    <message>
        <location filename="../ui/classroom/handout.py" line="+110"/>
        <source>A guide, not medical advice</source>
        <translation>Пособие, а не медицинская рекомендация</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>STEP %1 OF %2</source>
        <translation>ШАГ %1 ИЗ %2</translation>
    </message>
</context>
<context>
    <name>HistoryCharts</name>
    <message>
        <location filename="../ui/history/charts.py" line="+51"/>
        <source>No pain scores recorded yet.</source>
        <translation>Оценок боли пока нет.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 sessions with pain scores; the last one: before %2, after %3.</source>
        <translation>Сеансов с оценкой боли: %1; последний: до %2, после %3.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Pain before and after each session (0-10)</source>
        <translation>Боль до и после каждого сеанса (0–10)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>before</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>after</source>
        <translation>после</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Minutes per technique</source>
        <translation>Минуты по приёмам</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 min guided, %3 min practice</source>
        <translation>%1: %2 мин с подсказками, %3 мин отработки</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No minutes recorded yet.</source>
        <translation>Минут пока не записано.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>minutes</source>
        <translation>минуты</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>guided</source>
        <translation>обычные сеансы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>practice</source>
        <translation>отработка</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../ui/history/text.py" line="+18"/>
        <source>in progress</source>
        <translation>идёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>not started (safety)</source>
        <translation>не начат (безопасность)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stopped by the user</source>
        <translation>остановлен вручную</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window closed</source>
        <translation>окно закрыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another protocol was chosen</source>
        <translation>выбрана другая программа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the protocol&apos;s time limit was reached</source>
        <translation>вышло предельное время программы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pain</source>
        <translation>из-за боли</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the program ended before the session did (closed, crashed, killed or power cut)</source>
        <translation>приложение завершилось до конца сеанса (закрытие, сбой, принудительная остановка или отключение питания)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No sessions yet. A course is usually 10 to 20 sessions.</source>
        <translation>Сеансов пока нет. Курс обычно длится 10–20 сеансов.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Course %1: %2 sessions since %3.</source>
        <translation>Курс %1 начат %3, сеансов: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It has ended; the next session starts a new course.</source>
        <translation>Курс окончен; следующий сеанс начнёт новый.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A full course (usually 10 to 20 sessions): time for a break.</source>
        <translation>Курс пройден полностью (обычно 10–20 сеансов): пора сделать перерыв.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next: session %1 of this course.</source>
        <translation>Следующий — сеанс %1 этого курса.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new course can start from %1, if it is still needed.</source>
        <translation>Новый курс можно начать с %1, если он ещё нужен.</translation>
    </message>
    <message>
        <location filename="../ui/history/view.py" line="+143"/>
        <source>Receiver:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session report (PDF)…</source>
        <translation>Отчёт о сеансе (PDF)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Receiver</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Past sessions</source>
        <translation>Прошедшие сеансы</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Protocol</source>
        <translation>Программа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain before → after</source>
        <translation>Боль до → после</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Read-only: %1</source>
        <translation>Только для чтения: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Everyone</source>
        <translation>Всем</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>No name</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trial run</source>
        <translation>пробный запуск</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Export sessions (health information: keep the file private)</source>
        <translation>Экспорт сеансов (сведения о здоровье: не показывайте файл посторонним)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save session report (health information: keep it private)</source>
        <translation>Сохранить отчёт о сеансе (сведения о здоровье: не показывайте его посторонним)</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Choose a receiver to see their course.</source>
        <translation>Выберите, кому делали массаж, чтобы увидеть курс.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1. It holds health information, so only your user account can open it; keep it private when you share or print it.</source>
        <translation>Сохранено: %1. В файле сведения о здоровье, поэтому открыть его может только ваша учётная запись; не показывайте его посторонним, когда пересылаете или печатаете.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be written: %2. Choose another folder.</source>
        <translation>Не удалось записать %1: %2. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../ui/history/window.py" line="+22"/>
        <source>Session history</source>
        <translation>История сеансов</translation>
    </message>
</context>
<context>
    <name>HistoryWrites</name>
    <message>
        <location filename="../ui/session/history_writes.py" line="+52"/>
        <source>This session could not be recorded in the history: %1</source>
        <translation>Этот сеанс не удалось записать в историю: %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../ui/base/i18n.py" line="+37"/>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 will be used from the next start of Massage Trainer.</source>
        <translation>Язык «%1» включится при следующем запуске Тренажёра массажа.</translation>
    </message>
</context>
<context>
    <name>LockedSafetyPanel</name>
    <message>
        <location filename="../ui/safety/locked.py" line="+28"/>
        <source>The safety rules file cannot be read, so no session can start.</source>
        <translation>Файл правил безопасности не удаётся прочитать, поэтому сеанс начать нельзя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The safety check could not be built, so no session can start.</source>
        <translation>Проверку безопасности не удалось подготовить, поэтому сеанс начать нельзя.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Safety check</source>
        <translation>Проверка безопасности</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Start stays locked until the safety check works again. Reinstall Massage Trainer, or restore the safety rules file named below.</source>
        <translation>Начать сеанс нельзя, пока проверка безопасности снова не заработает. Переустановите Тренажёр массажа или восстановите файл правил безопасности, указанный ниже.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Locked: the safety check cannot run</source>
        <translation>Заблокировано: проверка безопасности не работает</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/session/main_window.py" line="+62"/>
        <location line="+138"/>
        <source>Massage Trainer</source>
        <translation>Тренажёр массажа</translation>
    </message>
    <message>
        <location filename="../ui/session/safety_gate.py" line="+112"/>
        <source>Locked by the safety check: see the Safety check panel on the left.</source>
        <translation>Заблокировано проверкой безопасности: см. панель «Проверка безопасности» слева.</translation>
    </message>
    <message>
        <location filename="../ui/session/main_window.py" line="-13"/>
        <source>Stop this session now?</source>
        <translation>Остановить сеанс сейчас?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paused for pain. Ask how the receiver feels.</source>
        <translation>Пауза из-за боли. Спросите, как себя чувствует массируемый.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 — Massage Trainer</source>
        <translation>%1 — Тренажёр массажа</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The time limit is reached (%1 of massage on the body, whatever the speed): the session has ended.</source>
        <translation>Достигнут предел времени (%1 массажа, при любой скорости): сеанс окончен.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Session complete.</source>
        <translation>Сеанс завершён.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session stopped.</source>
        <translation>Сеанс остановлен.</translation>
    </message>
    <message>
        <location filename="../ui/session/window_actions.py" line="+322"/>
        <source>&amp;Resume</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Высокая контрастность</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Choose protocol…</source>
        <translation>&amp;Выбрать программу…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a protocol from the list, with search</source>
        <translation>Выбрать программу из списка, с поиском</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open protocol file…</source>
        <translation>&amp;Открыть файл программы…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a protocol from a YAML file</source>
        <translation>Открыть программу из файла YAML</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close Massage Trainer</source>
        <translation>Закрыть Тренажёр массажа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Start</source>
        <translation>&amp;Начать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the session with a short get-ready countdown</source>
        <translation>Начать сеанс после короткого отсчёта</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Пауза / продолжить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause or resume (starts the session when it has not begun)</source>
        <translation>Пауза или продолжение (если сеанс не начат — начинает его)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Next step</source>
        <translation>&amp;Дальше</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the next step</source>
        <translation>Перейти к следующему шагу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P&amp;revious step</source>
        <translation>Н&amp;азад</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go back to the previous step</source>
        <translation>Вернуться к предыдущему шагу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart s&amp;tep</source>
        <translation>&amp;Заново</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Begin the current step again</source>
        <translation>Начать текущий шаг заново</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>St&amp;op session</source>
        <translation>&amp;Стоп</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the session (asks first)</source>
        <translation>Закончить сеанс (с подтверждением)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P&amp;ain: pause now</source>
        <translation>&amp;Боль: пауза</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receiver feels pain: pause at once</source>
        <translation>Массируемому больно: немедленная пауза</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Loop this step (practice)</source>
        <translation>Повторять этот &amp;шаг (отработка)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat the current step instead of moving on</source>
        <translation>Повторять текущий шаг вместо перехода к следующему</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Full screen</source>
        <translation>Во весь &amp;экран</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill the screen with the window</source>
        <translation>Развернуть окно на весь экран</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Blank the diagram</source>
        <translation>&amp;Затемнить схему</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Black out the diagram (and bring it back)</source>
        <translation>Затемнить схему (и вернуть её)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zone &amp;labels</source>
        <translation>&amp;Подписи зон</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the names of body zones</source>
        <translation>Показывать названия зон тела</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Chime at each step</source>
        <translation>&amp;Звонок на каждом шаге</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A soft chime when a step begins</source>
        <translation>Мягкий звонок в начале шага</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Metronome</source>
        <translation>&amp;Метроном</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick at the step&apos;s tempo</source>
        <translation>Щелчки в темпе шага</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Spoken cues</source>
        <translation>&amp;Голосовые подсказки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Announce each step and the next one</source>
        <translation>Объявлять каждый шаг и следующий за ним</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Visual flash</source>
        <translation>&amp;Вспышка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flash the step panel when a step begins</source>
        <translation>Мигать панелью шага, когда шаг начинается</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cue &amp;volumes…</source>
        <translation>Гр&amp;омкость подсказок…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch cues and set their volume</source>
        <translation>Включить подсказки и настроить громкость</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keys</source>
        <translation>&amp;Клавиши</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keyboard and clicker keys</source>
        <translation>Клавиши клавиатуры и пульта</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Single-&amp;letter keys (P, B, .)</source>
        <translation>Однобуквенные &amp;клавиши (P, B, .)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off: P, B and . do nothing; Ctrl+P and the Pain button still pause for pain</source>
        <translation>Выключено: P, B и . ничего не делают; Ctrl+P и кнопка «Боль» по-прежнему ставят паузу при боли</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;About Massage Trainer</source>
        <translation>&amp;О приложении</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version and sources</source>
        <translation>Версия и источники</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Past sessions, pain before and after, and the practice log</source>
        <translation>Прошлые сеансы, боль до и после, журнал отработки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Session</source>
        <translation>&amp;Сеанс</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Practice &amp;speed</source>
        <translation>С&amp;корость отработки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Cues</source>
        <translation>&amp;Подсказки</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location filename="../ui/session/opening.py" line="-102"/>
        <source>Could not open %1: %2</source>
        <translation>Не удалось открыть %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open protocol</source>
        <translation>Открыть программу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocols (*.yaml *.yml)</source>
        <translation>Программы (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This protocol cannot be used</source>
        <translation>Эту программу нельзя использовать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has problems:

%2</source>
        <translation>В %1 есть ошибки:

%2</translation>
    </message>
</context>
<context>
    <name>PainDialog</name>
    <message>
        <location filename="../ui/safety/pain_dialog.py" line="+87"/>
        <source>Pain: the session is paused</source>
        <translation>Боль: сеанс на паузе</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Body diagram: click where it hurts</source>
        <translation>Схема тела: щёлкните там, где болит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrows name the zones one by one; Enter picks where it hurts.</source>
        <translation>Стрелки называют зоны одну за другой; Enter выбирает, где болит.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where does it hurt? Click the diagram or choose:</source>
        <translation>Где болит? Щёлкните по схеме или выберите:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where does it hurt?</source>
        <translation>Где болит?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— not sure —</source>
        <translation>— не знаю —</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What does it feel like?</source>
        <translation>Какая это боль?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Does any of this apply? Each one means: stop and see a doctor.</source>
        <translation>Есть ли что-то из этого? Если да — остановитесь и обратитесь к врачу.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stop the session</source>
        <translation>Остановить сеанс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on lighter</source>
        <translation>Продолжить легче</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The pressure is already light.</source>
        <translation>Нажим уже лёгкий.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Skip this step</source>
        <translation>Пропустить шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay paused</source>
        <translation>Оставить на паузе</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stop: see a doctor</source>
        <translation>Стоп: обратитесь к врачу</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose what the pain feels like, then decide how to go on.</source>
        <translation>Выберите, какая это боль, и решите, как быть дальше.</translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <location filename="../ui/history/receivers.py" line="-256"/>
        <source>Pain from 0 (no pain) to 10 (worst imaginable)</source>
        <translation>Боль от 0 (нет боли) до 10 (сильнейшая, какую можно представить)</translation>
    </message>
</context>
<context>
    <name>PracticeDock</name>
    <message>
        <location filename="../ui/classroom/practice.py" line="+146"/>
        <source>Practice</source>
        <translation>Отработка</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Speed of the moving hands and the timer</source>
        <translation>Скорость движения рук и таймера</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Speed %1</source>
        <translation>Скорость %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play at %1 of the real tempo</source>
        <translation>Скорость: %1 от настоящего темпа</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loop this step</source>
        <translation>Повторять шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the step ends it begins again instead of moving on</source>
        <translation>Когда шаг заканчивается, он начинается заново, а не переходит к следующему</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step through without the timer</source>
        <translation>Шаги без таймера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No countdown: each step goes on until you press Next (Right or Page Down)</source>
        <translation>Без отсчёта: каждый шаг длится, пока вы не нажмёте «Дальше» (стрелка вправо или Page Down)</translation>
    </message>
</context>
<context>
    <name>PracticeMode</name>
    <message>
        <location line="+22"/>
        <source>&amp;Practice mode</source>
        <translation>Режим &amp;отработки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slow motion, loop a step, no timer, the glossary; minutes go to the log (F6)</source>
        <translation>Замедление, повтор шага, работа без таймера, словарь; минуты записываются в журнал (F6)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Technique &amp;glossary</source>
        <translation>&amp;Словарь приёмов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classical names, what the hands do and what to avoid (Ctrl+G)</source>
        <translation>Классические названия, что делают руки и чего избегать (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Practice mode: the safety check still comes first. Sessions count as practice.</source>
        <translation>Режим отработки: проверка безопасности всё равно идёт первой. Сеансы учитываются как отработка.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practice mode off: sessions are guided again.</source>
        <translation>Режим отработки выключен: снова обычные сеансы.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No practice logged yet.</source>
        <translation>Отработка ещё не записана.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Practised so far: %1 min in all</source>
        <translation>Всего отработано: %1 мин</translation>
    </message>
</context>
<context>
    <name>PracticeRecorder</name>
    <message>
        <location line="-208"/>
        <source>Practice time cannot be saved in the history: %1</source>
        <translation>Время отработки не удаётся сохранить в истории: %1</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <location filename="../ui/classroom/presenter.py" line="+120"/>
        <source>Presenter mode: the audience view is on the same screen; move the mouse for controls, Esc leaves.</source>
        <translation>Режим презентации: экран для зрителей на этом же мониторе; кнопки появятся, если двинуть мышь, Esc — выход.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presenter mode: the audience view is on the other screen. F5 or Esc there leaves.</source>
        <translation>Режим презентации: экран для зрителей на другом мониторе. F5 или Esc там — выход.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <location filename="../ui/classroom/authoring.py" line="-282"/>
        <source>Hide this message</source>
        <translation>Скрыть сообщение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the problems</source>
        <translation>Скрыть ошибки</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
</context>
<context>
    <name>ProjectChoice</name>
    <message>
        <location filename="../ui/base/choice_text.py" line="+33"/>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tempo %1 per minute</source>
        <translation>темп %1 в минуту</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 repetitions</source>
        <translation>повторов: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>length %1</source>
        <translation>длительность %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most %1 minutes</source>
        <translation>не дольше %1 минут</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the whole step</source>
        <translation>весь шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the technique</source>
        <translation>приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pressure</source>
        <translation>нажим</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the tempo</source>
        <translation>темп</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the repetitions</source>
        <translation>число повторов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the length</source>
        <translation>длительность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the longest length</source>
        <translation>предельная длительность</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project&apos;s choice, not from the sources — %1:</source>
        <translation>Наш выбор (в источниках этого нет) — %1:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Project&apos;s choice, not from the sources: %1</source>
        <translation>Наш выбор (в источниках этого нет): %1</translation>
    </message>
</context>
<context>
    <name>ProtocolPicker</name>
    <message>
        <location filename="../ui/session/picker.py" line="+53"/>
        <source>Choose a protocol</source>
        <translation>Выберите программу</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search by name, technique or body area…</source>
        <translation>Поиск по названию, приёму или области тела…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search protocols</source>
        <translation>Поиск программ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocols</source>
        <translation>Программы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No protocol matches. Try fewer or other words.</source>
        <translation>Ничего не найдено. Сократите запрос или попробуйте другие слова.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unreadable</source>
        <translation>не читается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (cannot be used: %2)</source>
        <translation>%1 (нельзя использовать: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bundled</source>
        <translation>встроенная</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yours</source>
        <translation>ваша</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · about %2 min · %3</source>
        <translation>%1 · около %2 мин · %3</translation>
    </message>
</context>
<context>
    <name>ReceiverPicker</name>
    <message>
        <location filename="../ui/history/receivers.py" line="+97"/>
        <source>New receiver…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No name</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+36"/>
        <source>Receiver</source>
        <translation>Кому делаем массаж</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New receiver</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>Receivers</name>
    <message>
        <location line="-127"/>
        <source>Pain %1 of 10</source>
        <translation>Боль: %1 из 10</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>0 = no pain</source>
        <translation>0 — боли нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 = worst imaginable</source>
        <translation>10 — невыносимая</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Please enter a name.</source>
        <translation>Введите имя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already someone called %1. Choose another name.</source>
        <translation>Человек с именем %1 уже есть. Выберите другое имя.</translation>
    </message>
</context>
<context>
    <name>ReceiversDialog</name>
    <message>
        <location line="+236"/>
        <source>Receivers</source>
        <translation>Кому делаем массаж</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People you massage. A profile is optional.</source>
        <translation>Люди, которым вы делаете массаж. Профиль заводить не обязательно.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Receiver</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename receiver</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <location filename="../ui/safety/panel.py" line="+75"/>
        <source>Safety check</source>
        <translation>Проверка безопасности</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Answer every question for today. “No” is always the safe answer.</source>
        <translation>Ответьте на все вопросы про сегодняшний день. «Нет» — всегда безопасный ответ.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Clear all answers</source>
        <translation>Сбросить все ответы</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Record a doctor&apos;s clearance…</source>
        <translation>Отметить разрешение врача…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Clear every answer and tick of today&apos;s check? Start stays locked until all are given again.</source>
        <translation>Стереть все ответы и отметки сегодняшней проверки? Начать сеанс можно будет, только когда всё будет заполнено снова.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Record a doctor&apos;s clearance</source>
        <translation>Отметить разрешение врача</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only when a doctor has said massage is fine again. Who cleared the receiver, and when? (for example: Dr Petrova, 25 November)</source>
        <translation>Только если врач снова разрешил массаж. Кто разрешил и когда? (например: доктор Петрова, 25 ноября)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Switched to “%1”: %2</source>
        <translation>Программа заменена на «%1»: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to “%1”: the answers no longer call for the adapted massage.</source>
        <translation>Снова «%1»: по ответам изменённый массаж больше не нужен.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the checklist</source>
        <translation>Показать вопросы и подготовку</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show only the verdict</source>
        <translation>Показать только итог</translation>
    </message>
    <message>
        <location filename="../ui/safety/text.py" line="+30"/>
        <source>At most %1 minutes of massage now.</source>
        <translation>Сейчас — не больше %1 мин массажа.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a protocol</source>
        <translation>Выберите программу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The checklist depends on the protocol.</source>
        <translation>Список проверок зависит от программы.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Caution:</source>
        <translation>Осторожно:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Locked: this protocol cannot be played</source>
        <translation>Заблокировано: эту программу проводить нельзя</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+74"/>
        <source>Why:</source>
        <translation>Почему:</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>What to do instead:</source>
        <translation>Что делать вместо этого:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop: see a doctor first</source>
        <translation>Стоп: сначала к врачу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop: no massage today</source>
        <translation>Стоп: сегодня без массажа</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%n question(s) still to answer</source>
        <translation>Осталось вопросов: %n</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n preparation item(s) still to tick</source>
        <translation>Осталось пунктов подготовки: %n</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start stays locked until everything is answered.</source>
        <translation>Пока всё не заполнено, начать нельзя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” will be played.</source>
        <translation>Будет проведена программа «%1».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not ready yet</source>
        <translation>Ещё не готово</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wait %n more minute(s)</source>
        <translation>Подождите ещё %n мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can start at about %1.</source>
        <translation>Начать можно примерно в %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Playing %1 instead of %2.</source>
        <translation>Вместо «%2» будет «%1».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playing %1.</source>
        <translation>Будет «%1».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Go with the adapted massage</source>
        <translation>Можно начать изменённый массаж</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything is answered and ready. Start when the receiver is comfortable.</source>
        <translation>Всё заполнено и готово. Начинайте, когда массируемому удобно.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go: safe to start</source>
        <translation>Можно начинать</translation>
    </message>
</context>
<context>
    <name>SafetyWiring</name>
    <message>
        <location filename="../ui/safety/wiring.py" line="+95"/>
        <source>Session stopped for pain.</source>
        <translation>Сеанс остановлен из-за боли.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Step skipped. Stop at once if it hurts.</source>
        <translation>Шаг пропущен. При боли сразу остановитесь.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Session stopped. See a doctor before any further massage: Start stays locked until a doctor&apos;s clearance is recorded.</source>
        <translation>Сеанс остановлен. До следующего массажа обратитесь к врачу: кнопка «Начать» заблокирована, пока не будет отмечено разрешение врача.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Get ready: the step goes on one pressure level lighter. Stop if it hurts.</source>
        <translation>Приготовьтесь: шаг продолжится с нажимом на одну ступень легче. Если больно — остановитесь.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Still paused. Press Space to carry on or Esc to stop.</source>
        <translation>Всё ещё пауза. Пробел — продолжить, Esc — остановить.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paused: the safety check no longer allows this session.</source>
        <translation>Пауза: проверка безопасности больше не разрешает этот сеанс.</translation>
    </message>
</context>
<context>
    <name>SessionRecorder</name>
    <message>
        <location filename="../ui/session/session_log.py" line="+131"/>
        <source>Before the session: answer the questions, or press Skip (Esc).</source>
        <translation>Перед сеансом ответьте на вопросы или нажмите «Пропустить» (Esc).</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>A warning sign during the massage.</source>
        <translation>Тревожный признак во время массажа.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The session history is not available.</source>
        <translation>История сеансов недоступна.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sessions are not recorded: %1</source>
        <translation>Сеансы не записываются: %1</translation>
    </message>
</context>
<context>
    <name>SessionReport</name>
    <message>
        <location filename="../ui/history/report_pdf.py" line="+49"/>
        <source>Pain before</source>
        <translation>Боль до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain after</source>
        <translation>Боль после</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No step was completed.</source>
        <translation>Ни один шаг не завершён.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain</source>
        <translation>Боль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technique</source>
        <translation>Приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done at</source>
        <translation>Завершён в</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private: this report holds health information. Keep it where only you and the person it is about can read it.</source>
        <translation>Конфиденциально: в отчёте сведения о здоровье. Храните его так, чтобы прочитать его могли только вы и человек, о котором он написан.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Massage Trainer keeps this record for you. It is not a medical document; see a doctor about pain that persists or gets worse.</source>
        <translation>Тренажёр массажа хранит эту запись для вас. Это не медицинский документ: если боль не проходит или усиливается, обратитесь к врачу.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receiver</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No name</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocol</source>
        <translation>Программа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>practice</source>
        <translation>отработка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trial run from the command line (not counted in a course)</source>
        <translation>пробный запуск из командной строки (в курс не засчитывается)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>guided</source>
        <translation>сеанс</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steps completed</source>
        <translation>Шагов завершено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 steps, %2 minutes</source>
        <translation>шагов: %1, минут: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session %1 of course %2</source>
        <translation>сеанс %1 курса %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Safety check</source>
        <translation>Проверка безопасности</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Massage session report</source>
        <translation>Отчёт о сеансе массажа</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <location filename="../ui/session/session_view.py" line="+96"/>
        <source>Diagram blanked (press B to show it)</source>
        <translation>Схема затемнена (B — показать)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Body diagram with the hands of the current step</source>
        <translation>Схема тела с руками текущего шага</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (Ctrl+L: choose another)</source>
        <translation>%1 (Ctrl+L — выбрать другую)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 of about %2</source>
        <translation>%1 из примерно %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Practice: %1</source>
        <translation>Отработка: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get ready</source>
        <translation>Приготовьтесь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for Next</source>
        <translation>Ждём «Дальше»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
</context>
<context>
    <name>SoundNotice</name>
    <message>
        <location filename="../ui/session/sound_notice.py" line="+24"/>
        <source>Sound status</source>
        <translation>Состояние звука</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../ui/base/choice_text.py" line="-77"/>
        <source>Massage for back pain</source>
        <translation>Массаж при боли в спине</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Therapeutic and preventive massage of the lower back</source>
        <translation>Лечебно-профилактический массаж поясницы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Therapeutic and preventive massage of the lower back (section on pregnancy)</source>
        <translation>Лечебно-профилактический массаж поясницы (раздел о беременности)</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../ui/base/a11y.py" line="+70"/>
        <location filename="../ui/session/step_panel.py" line="+89"/>
        <source>Time left in this step</source>
        <translation>Осталось времени на шаг</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../ui/session/step_panel.py" line="+3"/>
        <source>Repetition counter</source>
        <translation>Счётчик повторов</translation>
    </message>
    <message>
        <location filename="../ui/session/step_panel.py" line="+60"/>
        <source>Opening the protocol…</source>
        <translation>Открываем программу…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a protocol to begin</source>
        <translation>Чтобы начать, выберите программу</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>STEP %1 OF %2</source>
        <translation>ШАГ %1 ИЗ %2</translation>
    </message>
    <message>
        <location filename="../ui/base/a11y.py" line="-22"/>
        <source>Step %1 of %2: %3</source>
        <translation>Шаг %1 из %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repetition %1 of %2</source>
        <translation>Повтор %1 из %2</translation>
    </message>
    <message>
        <location filename="../ui/session/step_panel.py" line="-24"/>
        <source>Step: %1</source>
        <translation>Шаг: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Next: this step again (loop is on)</source>
        <translation>Дальше: этот же шаг ещё раз (повтор шага включён)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next: %1</source>
        <translation>Дальше: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last step: afterwards the session is over.</source>
        <translation>Последний шаг: после него сеанс закончится.</translation>
    </message>
    <message>
        <location filename="../ui/session/step_text.py" line="+92"/>
        <source>light</source>
        <translation>лёгкий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>средний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firm</source>
        <translation>сильный</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pressure: %1</source>
        <translation>Нажим: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tempo: %1 per minute</source>
        <translation>Темп: %1 в минуту</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Get ready: hands in place</source>
        <translation>Приготовьтесь: руки на место</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Press Next when you are done</source>
        <translation>Когда закончите, нажмите «Дальше»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session complete. Well done.</source>
        <translation>Сеанс завершён. Отлично!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session stopped</source>
        <translation>Сеанс остановлен</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No timer: press Next when you are ready</source>
        <translation>Без таймера: нажмите «Дальше», когда будете готовы</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+8"/>
        <source>Paused. Press Space to go on.</source>
        <translation>Пауза. Пробел — продолжить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Start (Space) when ready</source>
        <translation>Когда будете готовы, нажмите «Начать» (Пробел)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Repetition</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repetitions</source>
        <translation>Повторов</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loop</source>
        <translation>повтор шага</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(%1 at full speed)</source>
        <translation>(%1 при обычной скорости)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 × at %2 per minute</source>
        <translation>%1 × в темпе %2 в минуту</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>until you press Next</source>
        <translation>пока не нажмёте «Дальше»</translation>
    </message>
</context>
<context>
    <name>Technique</name>
    <message>
        <location filename="../ui/base/vocab_text.py" line="-32"/>
        <source>Stroking</source>
        <translation>Поглаживание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deep stroking</source>
        <translation>Глубокое поглаживание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubbing</source>
        <translation>Растирание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kneading</source>
        <translation>Разминание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tapping</source>
        <translation>Постукивание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clapping</source>
        <translation>Похлопывание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spine stretch</source>
        <translation>Вытяжение позвоночника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skin pinch-rolling</source>
        <translation>Прокатывание кожной складки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finger vibration</source>
        <translation>Вибрация пальцами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Towel rub</source>
        <translation>Растирание полотенцем</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>effleurage</source>
        <translation>поглаживание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>effleurage (deep)</source>
        <translation>поглаживание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>friction</source>
        <translation>растирание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>petrissage</source>
        <translation>разминание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tapotement</source>
        <translation>ударный приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tapotement (cupping)</source>
        <translation>ударный приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tapotement (clapping)</source>
        <translation>ударный приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>traction stroke</source>
        <translation>вытяжение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skin rolling (petrissage)</source>
        <translation>приём разминания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vibration</source>
        <translation>вибрация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>friction with a towel</source>
        <translation>растирание полотенцем</translation>
    </message>
</context>
<context>
    <name>Tempo</name>
    <message>
        <location line="+57"/>
        <source>%1 circles a minute</source>
        <translation>кругов в минуту: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 taps a minute</source>
        <translation>ударов в минуту: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 claps a minute</source>
        <translation>хлопков в минуту: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 strokes a minute</source>
        <translation>движений в минуту: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 movements a minute</source>
        <translation>движений в минуту: %1</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../ui/session/timeline.py" line="+82"/>
        <source>Session timeline</source>
        <translation>Ход сеанса</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+124"/>
        <source>light</source>
        <translation>лёгкий</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+124"/>
        <source>moderate</source>
        <translation>средний</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+124"/>
        <source>firm</source>
        <translation>сильный</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>minutes</source>
        <translation>минуты</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Step %1 of %2: %3, from minute %4 to %5</source>
        <translation>Шаг %1 из %2: %3, с %4 по %5 минуту</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Left and Right pick a step, Enter goes to it.</source>
        <translation>Влево и Вправо выбирают шаг, Enter переходит к нему.</translation>
    </message>
</context>
</TS>
