"""Tools for teaching: presenter mode and the audience window, practice mode, the glossary,
authoring (live reload, templates) and the PDF handout. They attach to the main window through
its small interfaces; they may import ui.session, ui.safety, ui.diagram and ui.base, never
ui.app.
"""
