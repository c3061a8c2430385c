"""The body diagram: painting the body, zones, hands and overlays, captions, and the animated
view (BodyView). It may import core and ui.base; it knows nothing of the main window, the
safety panel, the history or the classroom.
"""
