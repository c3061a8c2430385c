"""The session log: SQLite storage and its migrations, receivers, courses and the CSV export.
It may import core.protocol and core.safety; never core.session's player or anything of Qt.
"""
