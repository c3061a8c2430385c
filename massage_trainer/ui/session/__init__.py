"""The main window and what a session shows: step panel, timeline, control bar, actions, the
session controller over the core player, cues, the protocol picker and the session log. It may
import ui.diagram, ui.safety, ui.history and ui.base; never ui.classroom or ui.app.
"""
