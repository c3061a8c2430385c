"""Pure-Python heart of the app. Nothing here may import Qt or the ui (checked by import-linter).

Layers, also checked: `session` | `history` above `safety`, `protocol` and `body`, which use
each other's pieces (a step names zones of the body; the loader checks a protocol's preparation
list against the safety rules; the body animates a Step).
"""
