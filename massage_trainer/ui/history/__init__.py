"""The history window, its charts, the printable report and the receivers dialog. It may
import ui.diagram and ui.base.
"""
