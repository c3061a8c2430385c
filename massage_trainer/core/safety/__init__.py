"""Safety, decided in one place: the rules file (rules), screening answers (answers) and the
verdict (verdict). Every path that may start or shape a session asks this package. It may import
core.protocol and core.body; never core.session, core.history or anything of Qt.
"""
