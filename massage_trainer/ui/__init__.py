"""The PySide6 face of the app: thin widgets over the pure core."""
