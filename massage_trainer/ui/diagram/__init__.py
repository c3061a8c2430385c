"""The body diagram: painting the body, zones, hands and overlays, captions, and the animated
view (BodyView); `layout` places the body in a rectangle for all of them. It may import core and ui.base; it knows nothing of the main window, the
safety panel, the history or the classroom.
"""
