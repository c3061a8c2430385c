"""The main window's actions and menus: every command with its keys, icon, tooltip and name.

Hands-free keys: Space pause/resume, Right/Page Down next, Left/Page Up previous, Home restart,
Esc stop, F11 full screen, B and period blank the diagram (presentation clickers), P or Ctrl+P
pain stop. The single-letter keys can be switched off (Help menu); keyboard.py settles which keys
a focused input keeps.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from massage_trainer.core.session.player import State
from massage_trainer.ui.base.window_style import THEME_NAMES

SPEEDS = (1.0, 0.75, 0.5, 0.25)


class Actions:
    """Named QActions of the main window (built once, wired by the window)."""

    def __init__(self) -> None:
        self.by_name: dict[str, QAction] = {}
        self.themes: dict[str, QAction] = {}
        self.speeds: dict[float, QAction] = {}
        self.keys: dict[str, list[str]] = {}
        """Each action's shortcuts, given to it by install_shortcuts() after the first paint."""
        self.tips: dict[str, str] = {}

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


def theme_label(name: str) -> str:
    return {
        "light": QCoreApplication.translate("MainWindow", "Light"),
        "dark": QCoreApplication.translate("MainWindow", "Dark"),
        "high-contrast": QCoreApplication.translate("MainWindow", "High contrast"),
    }[name]


def build(window: QMainWindow) -> Actions:
    """Create every action with its tooltip and accessible name, and the menus.

    The shortcuts come with install_shortcuts(), right after the first paint: parsing them
    (and PySide's QKeySequence type) cost ~3 ms before it, and no key is read before it anyway.
    """
    acts = Actions()

    def make(  # noqa: PLR0917
        name: str,
        text: str,
        keys: list[str] | None = None,
        icon: str | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        a = QAction(text, window)
        a.setObjectName(f"action_{name}")
        acts.keys[name] = keys or []
        acts.tips[name] = tip or text.replace("&", "")
        a.setToolTip(acts.tips[name])
        a.setStatusTip(acts.tips[name])
        a.setCheckable(checkable)
        window.addAction(a)
        acts.by_name[name] = a
        return a

    make(
        "choose",
        QCoreApplication.translate("MainWindow", "&Choose protocol…"),
        ["Ctrl+L"],
        None,
        QCoreApplication.translate("MainWindow", "Pick a protocol from the list, with search"),
    )
    make(
        "open",
        QCoreApplication.translate("MainWindow", "&Open protocol file…"),
        ["Ctrl+O"],
        None,
        QCoreApplication.translate("MainWindow", "Open a protocol from a YAML file"),
    )
    make(
        "quit",
        QCoreApplication.translate("MainWindow", "&Quit"),
        ["Ctrl+Q"],
        None,
        QCoreApplication.translate("MainWindow", "Close Massage Trainer"),
    )
    make(
        "start",
        QCoreApplication.translate("MainWindow", "&Start"),
        ["Ctrl+Return"],
        None,
        QCoreApplication.translate(
            "MainWindow", "Start the session with a short get-ready countdown"
        ),
    )
    make(
        "pause",
        QCoreApplication.translate("MainWindow", "&Pause / resume"),
        ["Space", "Media Play", "Media Pause"],
        None,
        QCoreApplication.translate(
            "MainWindow", "Pause or resume (starts the session when it has not begun)"
        ),
    )
    make(
        "next",
        QCoreApplication.translate("MainWindow", "&Next step"),
        ["Right", "PgDown"],
        None,
        QCoreApplication.translate("MainWindow", "Go to the next step"),
    )
    make(
        "previous",
        QCoreApplication.translate("MainWindow", "P&revious step"),
        ["Left", "PgUp"],
        None,
        QCoreApplication.translate("MainWindow", "Go back to the previous step"),
    )
    make(
        "restart",
        QCoreApplication.translate("MainWindow", "Restart s&tep"),
        ["Home"],
        None,
        QCoreApplication.translate("MainWindow", "Begin the current step again"),
    )
    make(
        "stop",
        QCoreApplication.translate("MainWindow", "St&op session"),
        ["Esc"],
        None,
        QCoreApplication.translate("MainWindow", "End the session (asks first)"),
    )
    make(
        "pain",
        QCoreApplication.translate("MainWindow", "P&ain: pause now"),
        ["P", "Ctrl+P"],
        None,
        QCoreApplication.translate("MainWindow", "The receiver feels pain: pause at once"),
    )
    make(
        "loop",
        QCoreApplication.translate("MainWindow", "&Loop this step (practice)"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Repeat the current step instead of moving on"),
        checkable=True,
    )
    make(
        "fullscreen",
        QCoreApplication.translate("MainWindow", "&Full screen"),
        ["F11"],
        None,
        QCoreApplication.translate("MainWindow", "Fill the screen with the window"),
        checkable=True,
    )
    make(
        "blank",
        QCoreApplication.translate("MainWindow", "&Blank the diagram"),
        ["B", "."],
        None,
        QCoreApplication.translate("MainWindow", "Black out the diagram (and bring it back)"),
        checkable=True,
    )
    make(
        "labels",
        QCoreApplication.translate("MainWindow", "Zone &labels"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Show the names of body zones"),
        checkable=True,
    )
    make(
        "chime",
        QCoreApplication.translate("MainWindow", "&Chime at each step"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "A soft chime when a step begins"),
        checkable=True,
    )
    make(
        "metronome",
        QCoreApplication.translate("MainWindow", "&Metronome"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Tick at the step's tempo"),
        checkable=True,
    )
    make(
        "voice",
        QCoreApplication.translate("MainWindow", "&Spoken cues"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Announce each step and the next one"),
        checkable=True,
    )
    make(
        "flash",
        QCoreApplication.translate("MainWindow", "&Visual flash"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Flash the step panel when a step begins"),
        checkable=True,
    )
    make(
        "cue_settings",
        QCoreApplication.translate("MainWindow", "Cue &volumes…"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Switch cues and set their volume"),
    )
    make(
        "keys",
        QCoreApplication.translate("MainWindow", "&Keys"),
        ["F1"],
        None,
        QCoreApplication.translate("MainWindow", "The keyboard and clicker keys"),
    )
    make(
        "letters",
        QCoreApplication.translate("MainWindow", "Single-&letter keys (P, B, .)"),
        None,
        None,
        QCoreApplication.translate(
            "MainWindow",
            "Off: P, B and . do nothing; Ctrl+P and the Pain button still pause for pain",
        ),
        checkable=True,
    )
    make(
        "about",
        QCoreApplication.translate("MainWindow", "&About Massage Trainer"),
        None,
        None,
        QCoreApplication.translate("MainWindow", "Version and sources"),
    )
    make(
        "history",
        QCoreApplication.translate("MainWindow", "&History…"),
        ["Ctrl+H"],
        None,
        QCoreApplication.translate(
            "MainWindow", "Past sessions, pain before and after, and the practice log"
        ),
    )

    acts["letters"].setChecked(True)

    menu = window.menuBar()
    file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.setObjectName("menu_file")  # found by name, as titles are translated
    file_menu.addActions([acts["choose"], acts["open"]])
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])

    view = menu.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view.setObjectName("menu_view")
    theme_menu = view.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
    group = QActionGroup(window)
    group.setExclusive(True)
    for name in THEME_NAMES:
        a = QAction(theme_label(name), window)
        a.setObjectName(f"action_theme_{name}")
        a.setCheckable(True)
        a.setData(name)
        group.addAction(a)
        theme_menu.addAction(a)
        acts.themes[name] = a
    view.addActions([acts["labels"], acts["blank"], acts["fullscreen"]])

    session = menu.addMenu(QCoreApplication.translate("MainWindow", "&Session"))
    session.setObjectName("menu_session")
    session.addActions(
        [acts["start"], acts["pause"], acts["next"], acts["previous"], acts["restart"]]
    )
    session.addSeparator()
    session.addActions([acts["stop"], acts["pain"]])
    session.addSeparator()
    speed_menu = session.addMenu(QCoreApplication.translate("MainWindow", "Practice &speed"))
    speed_group = QActionGroup(window)
    for k in SPEEDS:
        a = QAction(
            QCoreApplication.translate("MainWindow", "%1 %").replace("%1", f"{k * 100:g}"), window
        )
        a.setCheckable(True)
        a.setData(k)
        speed_group.addAction(a)
        speed_menu.addAction(a)
        acts.speeds[k] = a
    acts.speeds[1.0].setChecked(True)
    session.addAction(acts["loop"])
    session.addSeparator()
    session.addAction(acts["history"])

    cues = menu.addMenu(QCoreApplication.translate("MainWindow", "&Cues"))
    cues.setObjectName("menu_cues")
    cues.addActions([acts["chime"], acts["metronome"], acts["voice"], acts["flash"]])
    cues.addSeparator()
    cues.addAction(acts["cue_settings"])

    help_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.setObjectName("menu_help")
    help_menu.addActions([acts["keys"], acts["letters"], acts["about"]])
    return acts


def follow_state(acts: Actions, state: State, loaded: bool, may_start: bool) -> None:
    """Enable what the session's `state` allows: Start only when the safety check says so
    (`may_start`), Stop only once begun; Pause reads Resume while paused."""
    begun = state not in (State.IDLE, State.FINISHED, State.STOPPED)
    acts["start"].setEnabled(loaded and not begun and may_start)
    acts["pause"].setEnabled(loaded and (begun or may_start))
    for name in ("next", "previous", "restart"):
        acts[name].setEnabled(loaded and state not in (State.FINISHED, State.STOPPED))
    acts["stop"].setEnabled(begun)
    paused = state is State.PAUSED
    acts["pause"].setText(
        QCoreApplication.translate("MainWindow", "&Resume")
        if paused
        else QCoreApplication.translate("MainWindow", "&Pause")
    )


def install_shortcuts(acts: Actions) -> None:
    """Give each action its shortcuts (window shortcuts, the default) and name them in its tooltip;
    the single-letter ones only while Help > Single-letter keys is ticked."""
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText
    letters = acts["letters"].isChecked()
    for name, keys in acts.keys.items():
        action = acts.by_name[name]
        sequences = [QKeySequence(k) for k in keys if letters or len(k) > 1]
        if not keys:
            continue
        action.setShortcuts(sequences)
        shown = ", ".join(k.toString(native) for k in sequences)
        action.setToolTip(f"{acts.tips[name]}  ({shown})")
