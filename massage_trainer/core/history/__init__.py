"""The session log: History (log), opening it safely (opening: upgrade, set aside, recover), the
file and its transactions (storage), migrations, records, receivers, courses and the CSV export.
It may import core.protocol and core.safety; never core.session's player or anything of Qt.
"""
