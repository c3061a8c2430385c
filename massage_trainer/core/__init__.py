"""Pure-Python heart of the app. Nothing here may import Qt (checked by import-linter)."""
