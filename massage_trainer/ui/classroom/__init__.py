"""Tools for teaching: presenter mode and the audience window, practice mode, the glossary,
authoring (live reload, templates) and the PDF handout. ui/app.py attaches them to the main
window, which they know only as a `SessionHost` (ui/session/host.py) with its signals; they may
import ui.session (never its main_window), ui.safety, ui.history, ui.diagram and ui.base,
never ui.app.
"""
