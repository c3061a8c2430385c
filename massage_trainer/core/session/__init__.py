"""A session in time: the injected clock, the player state machine, practice mode and headless
play. It may import core.protocol, core.body and core.safety; never core.history or Qt.
"""
