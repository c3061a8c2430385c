"""Records: dataclass-like value classes that cost nothing to define (start-up time).

`@dataclass(frozen=True)` writes and compiles six methods for every class it decorates, about
1 ms per class on Python 3.11; the window's first paint needs a dozen such classes (a protocol's
steps, sources, texts, the player's events). A `Record` subclass declares its fields as
annotations, as a dataclass does, and shares generic `__eq__`, `__hash__`, `__repr__` and
immutability. Its `__init__` is generated (as a dataclass's is, so building many records stays
fast) the first time the class is called; records read back from the protocol cache are rebuilt
without calling it, so the first paint never compiles one. Type checkers see frozen dataclasses.

    class Point(Record):
        x: float
        y: float = 0.0

    class Settings(Record, frozen=False):  # assignable, and then not hashable
        on: bool = True
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, dataclass_transform

R = TypeVar("R", bound="Record")

_MISSING = object()


class FrozenRecordError(AttributeError):
    """An attempt to change a field of a frozen record."""


@dataclass_transform(eq_default=True, frozen_default=True)
class Record:
    """Base of value classes whose fields are the annotations of the class body."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _frozen: ClassVar[bool] = True

    def __init_subclass__(cls, *, frozen: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [
            name
            for name, kind in cls.__dict__.get("__annotations__", {}).items()  # noqa: RUF063
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        ]
        inherited = [name for name in cls._fields if name not in own]
        cls._fields = (*inherited, *own)
        defaults = dict(cls._defaults)
        for name in own:
            value = cls.__dict__.get(name, _MISSING)
            if value is not _MISSING:
                defaults[name] = value
        seen_default = False
        for name in cls._fields:
            if name in defaults:
                seen_default = True
            elif seen_default:
                raise TypeError(
                    f"{cls.__name__}: field {name!r} without a default follows one with"
                )
        cls._defaults = defaults
        cls._frozen = frozen
        if not frozen:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable and equal by value
        if "__init__" not in cls.__dict__:
            cls.__init__ = _first_init  # type: ignore[method-assign, assignment]

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise FrozenRecordError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise FrozenRecordError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values: tuple[Any, ...] = other._values()
        return self._values() == values

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({inner})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (rebuild, (self.__class__, self._values()))


def _first_init(self: Record, *args: Any, **kwargs: Any) -> None:
    """Generate the class's own __init__ (once), install it and run it."""
    cls = self.__class__
    init = _make_init(cls)
    cls.__init__ = init  # type: ignore[method-assign]
    init(self, *args, **kwargs)


def _make_init(cls: type[Record]) -> Any:
    params, body = [], []
    env: dict[str, Any] = {"_set": object.__setattr__}
    for name in cls._fields:
        if name in cls._defaults:
            env[f"_d_{name}"] = cls._defaults[name]
            params.append(f"{name}=_d_{name}")
        else:
            params.append(name)
        body.append(f"    _set(self, {name!r}, {name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(source, env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def rebuild(cls: type[R], values: tuple[Any, ...]) -> R:
    """A record from its field values in order, without calling __init__ (unpickling)."""
    if not (isinstance(cls, type) and issubclass(cls, Record)):
        raise TypeError(f"{cls!r} is not a record class")
    obj = object.__new__(cls)
    if len(values) != len(cls._fields):
        raise TypeError(f"{cls.__name__} has {len(cls._fields)} fields, not {len(values)}")
    for name, value in zip(cls._fields, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


def fields(record: Record | type[Record]) -> tuple[str, ...]:
    """The field names, in order."""
    return record._fields


def replace(record: R, **changes: Any) -> R:
    """A copy of `record` with some fields changed (like dataclasses.replace)."""
    unknown = set(changes) - set(record._fields)
    if unknown:
        raise TypeError(f"{record.__class__.__name__} has no field {sorted(unknown)[0]!r}")
    values = {name: getattr(record, name) for name in record._fields}
    values.update(changes)
    return record.__class__(**values)
