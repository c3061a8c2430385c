"""The main window and what a session shows: step panel, timeline, control bar, actions and
icons, the session controller over the core player, cues, the protocol picker and the session
log. `host.SessionHost` is the window as its features see it (the classroom and the session log
are typed against it). It may import ui.safety, ui.history, ui.diagram and ui.base; never
ui.classroom or ui.app.
"""
