"""The main window's actions and menus: every command with its keys, icon, tooltip and name.

Hands-free keys: Space pause/resume, Right/Page Down next, Left/Page Up previous, Home restart,
Esc stop, F11 full screen, B and period blank the diagram (presentation clickers), P pain stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow

from massage_trainer.ui.window_style import THEME_NAMES

SPEEDS = (1.0, 0.75, 0.5, 0.25)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass
class Actions:
    """Named QActions of the main window (built once, wired by the window)."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    speeds: dict[float, QAction] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


def theme_label(name: str) -> str:
    return {"light": _tr("Light"), "dark": _tr("Dark"), "high-contrast": _tr("High contrast")}[name]


def key_table() -> list[tuple[str, str]]:
    """(keys, what they do) for the Help > Keys dialog."""
    return [
        (_tr("Space"), _tr("Start, pause and resume")),
        (_tr("Right arrow, Page Down"), _tr("Next step")),
        (_tr("Left arrow, Page Up"), _tr("Previous step")),
        (_tr("Home"), _tr("Restart the current step")),
        (_tr("Esc"), _tr("Stop the session (asks first)")),
        (_tr("P"), _tr("Pain: pause at once")),
        (_tr("B or ."), _tr("Blank the diagram (and show it again)")),
        (_tr("F11"), _tr("Full screen")),
        (_tr("Ctrl+L"), _tr("Choose a protocol")),
        (_tr("Ctrl+O"), _tr("Open a protocol file")),
        (_tr("Ctrl+Q"), _tr("Quit")),
    ]


def build(window: QMainWindow) -> Actions:
    """Create every action with its shortcut, icon, tooltip and accessible name, and the menus."""
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
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown_keys = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys or []
        )
        a.setToolTip(
            f"{tip or text.replace('&', '')}" + (f"  ({shown_keys})" if shown_keys else "")
        )
        a.setStatusTip(tip or text.replace("&", ""))
        a.setCheckable(checkable)
        window.addAction(a)
        acts.by_name[name] = a
        return a

    make(
        "choose",
        _tr("&Choose protocol…"),
        ["Ctrl+L"],
        None,
        _tr("Pick a protocol from the list, with search"),
    )
    make(
        "open",
        _tr("&Open protocol file…"),
        ["Ctrl+O"],
        None,
        _tr("Open a protocol from a YAML file"),
    )
    make("quit", _tr("&Quit"), ["Ctrl+Q"], None, _tr("Close Massage Trainer"))
    make(
        "start",
        _tr("&Start"),
        ["Ctrl+Return"],
        None,
        _tr("Start the session with a short get-ready countdown"),
    )
    make(
        "pause",
        _tr("&Pause / resume"),
        ["Space", "Media Play", "Media Pause"],
        None,
        _tr("Pause or resume (starts the session when it has not begun)"),
    )
    make(
        "next",
        _tr("&Next step"),
        ["Right", "PgDown"],
        None,
        _tr("Go to the next step"),
    )
    make(
        "previous",
        _tr("P&revious step"),
        ["Left", "PgUp"],
        None,
        _tr("Go back to the previous step"),
    )
    make(
        "restart",
        _tr("Restart s&tep"),
        ["Home"],
        None,
        _tr("Begin the current step again"),
    )
    make("stop", _tr("St&op session"), ["Esc"], None, _tr("End the session (asks first)"))
    make(
        "pain",
        _tr("P&ain: pause now"),
        ["P"],
        None,
        _tr("The receiver feels pain: pause at once"),
    )
    make(
        "loop",
        _tr("&Loop this step (practice)"),
        None,
        None,
        _tr("Repeat the current step instead of moving on"),
        checkable=True,
    )
    make(
        "fullscreen",
        _tr("&Full screen"),
        ["F11"],
        None,
        _tr("Fill the screen with the window"),
        checkable=True,
    )
    make(
        "blank",
        _tr("&Blank the diagram"),
        ["B", "."],
        None,
        _tr("Black out the diagram (and bring it back)"),
        checkable=True,
    )
    make(
        "labels",
        _tr("Zone &labels"),
        None,
        None,
        _tr("Show the names of body zones"),
        checkable=True,
    )
    make(
        "chime",
        _tr("&Chime at each step"),
        None,
        None,
        _tr("A soft chime when a step begins"),
        checkable=True,
    )
    make(
        "metronome", _tr("&Metronome"), None, None, _tr("Tick at the step's tempo"), checkable=True
    )
    make(
        "voice",
        _tr("&Spoken cues"),
        None,
        None,
        _tr("Announce each step and the next one"),
        checkable=True,
    )
    make(
        "flash",
        _tr("&Visual flash"),
        None,
        None,
        _tr("Flash the step panel when a step begins"),
        checkable=True,
    )
    make("cue_settings", _tr("Cue &volumes…"), None, None, _tr("Switch cues and set their volume"))
    make("keys", _tr("&Keys"), ["F1"], None, _tr("The keyboard and clicker keys"))
    make("about", _tr("&About Massage Trainer"), None, None, _tr("Version and sources"))
    make(
        "history",
        _tr("&History…"),
        ["Ctrl+H"],
        None,
        _tr("Past sessions, pain before and after, and the practice log"),
    )

    menu = window.menuBar()
    file_menu = menu.addMenu(_tr("&File"))
    file_menu.addActions([acts["choose"], acts["open"]])
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])

    view = menu.addMenu(_tr("&View"))
    theme_menu = view.addMenu(_tr("&Theme"))
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

    session = menu.addMenu(_tr("&Session"))
    session.addActions(
        [acts["start"], acts["pause"], acts["next"], acts["previous"], acts["restart"]]
    )
    session.addSeparator()
    session.addActions([acts["stop"], acts["pain"]])
    session.addSeparator()
    speed_menu = session.addMenu(_tr("Practice &speed"))
    speed_group = QActionGroup(window)
    for k in SPEEDS:
        a = QAction(_tr("%1 %").replace("%1", f"{k * 100:g}"), window)
        a.setCheckable(True)
        a.setData(k)
        speed_group.addAction(a)
        speed_menu.addAction(a)
        acts.speeds[k] = a
    acts.speeds[1.0].setChecked(True)
    session.addAction(acts["loop"])
    session.addSeparator()
    session.addAction(acts["history"])

    cues = menu.addMenu(_tr("&Cues"))
    cues.addActions([acts["chime"], acts["metronome"], acts["voice"], acts["flash"]])
    cues.addSeparator()
    cues.addAction(acts["cue_settings"])

    help_menu = menu.addMenu(_tr("&Help"))
    help_menu.addActions([acts["keys"], acts["about"]])
    return acts


ICONS = {
    "start": "start",
    "pause": "pause",
    "next": "next",
    "previous": "previous",
    "restart": "restart",
    "stop": "stop",
    "pain": "pain",
    "choose": "choose",
}


_ICON_CACHE: dict[tuple[str, str, str], QIcon] = {}


def themed_icon(name: str, colour: str, disabled: str) -> QIcon:
    """An icon from assets/icons/<name>.svg drawn in the theme's colours (readable in every theme)."""
    from PySide6.QtGui import QPixmap

    from massage_trainer.resources import asset

    path = asset("icons", f"{name}.svg")
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    key = (name, colour, disabled)
    if key in _ICON_CACHE:
        return _ICON_CACHE[key]
    icon = QIcon()
    for mode, col in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled)):
        data = svg.replace("currentColor", col).encode()
        for size in (48,):
            pm = QPixmap()
            if pm.loadFromData(
                data.replace(b'width="24" height="24"', f'width="{size}" height="{size}"'.encode()),
                "SVG",
            ):
                icon.addPixmap(pm, mode)
    _ICON_CACHE[key] = icon
    return icon


def apply_icons(acts: Actions, colour: str, disabled: str, paused: bool) -> None:
    """Give the session actions icons in the current theme's text colour."""
    for action, icon in ICONS.items():
        acts[action].setIcon(themed_icon(icon, colour, disabled))
    acts["pause"].setIcon(themed_icon("start" if paused else "pause", colour, disabled))


def app_icon() -> QIcon:
    """The window icon from the packaging assets, when present."""
    from massage_trainer.resources import asset

    for candidate in (asset("icons", "massage-trainer.svg"), asset("icon.svg")):
        if candidate.exists():
            return QIcon(str(candidate))
    return QIcon()
