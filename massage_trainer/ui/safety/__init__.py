"""The safety face: the screening panel, the pain dialog and the first-run disclaimer. It shows
what core.safety decides and never decides itself. It may import ui.diagram and ui.base.
"""
