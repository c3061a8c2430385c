"""The PySide6 face of the app: thin widgets over the pure core, one package per feature.

Layers, checked by import-linter: `app` (the composition root, the only module that builds the
main window and attaches the features to it) > `classroom` > `session` > `safety` | `history` >
`diagram` > `base`. A package imports only the ones below it; features reach the main window
through `session.host.SessionHost`, never by importing `MainWindow`.
"""
