"""Set Qt enum properties by their key names, for the code that runs before the first paint.

The first use of PySide6's `Qt` namespace builds all of its ~90 Python enums at once: about 20 ms,
a tenth of a bare window's whole start-up. The widgets shown in the first paint therefore set their
enum-valued properties through Qt's property system with key names (`focusPolicy="NoFocus"`,
`alignment="AlignLeft|AlignVCenter"`), which never creates that namespace; a test checks that the
first paint happens without it. Code that runs later uses `Qt.…` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_props(obj: QObject, **values: str) -> None:
    """Set each named Qt property to the enum key(s) given; a wrong name or key raises."""
    for name, keys in values.items():
        if obj.metaObject().indexOfProperty(name) < 0 or not obj.setProperty(name, keys):
            raise ValueError(f"{type(obj).__name__}: cannot set {name} to {keys!r}")
