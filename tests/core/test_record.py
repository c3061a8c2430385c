"""Records behave like the frozen dataclasses they replace (core/record.py)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from dataclasses import replace as dc_replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_trainer.core.record import FrozenRecordError, Record, fields, rebuild, replace


class Point(Record):
    x: float
    y: float = 0.0
    label: str = "p"


@dataclass(frozen=True)
class DataPoint:
    x: float
    y: float = 0.0
    label: str = "p"


class Settings(Record, frozen=False):
    on: bool = True
    volume: float = 0.5


values = st.tuples(
    st.floats(allow_nan=False) | st.integers(), st.floats(allow_nan=False), st.text(max_size=8)
)


@given(a=values, b=values)
def test_equality_hash_and_repr_match_a_dataclass(
    a: tuple[float, float, str], b: tuple[float, float, str]
) -> None:
    ra, rb, da, db = Point(*a), Point(*b), DataPoint(*a), DataPoint(*b)
    assert (ra == rb) == (da == db)
    assert hash(ra) == hash(da)
    assert repr(ra).removeprefix("Point") == repr(da).removeprefix("DataPoint")
    assert replace(ra, label="q") == Point(a[0], a[1], "q")
    assert dc_replace(da, label="q").label == replace(ra, label="q").label


def test_construction_like_a_dataclass() -> None:
    assert Point(1.0) == Point(x=1.0, y=0.0, label="p")
    assert Point(1.0, label="z").label == "z"
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1.0, 2.0, "a", "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1.0, nope=3)  # type: ignore[call-arg]
    assert fields(Point) == ("x", "y", "label") == fields(Point(1.0))


def test_frozen_records_refuse_changes_and_mutable_ones_allow_them() -> None:
    p = Point(1.0)
    with pytest.raises(FrozenRecordError):
        p.x = 2.0  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del p.x  # type: ignore[misc]
    s = Settings()
    s.on = False
    assert s == Settings(on=False)
    with pytest.raises(TypeError):
        hash(s)  # mutable: equal by value, so not hashable (as a dataclass)


def test_other_classes_are_never_equal() -> None:
    class Other(Record):
        x: float
        y: float = 0.0
        label: str = "p"

    assert Point(1.0) != Other(1.0)
    assert Point(1.0) != (1.0, 0.0, "p")


def test_pickling_rebuilds_without_init_and_refuses_other_classes() -> None:
    p = Point(1.5, 2.5, "a")
    assert pickle.loads(pickle.dumps(p)) == p
    assert rebuild(Point, (1.0, 2.0, "b")) == Point(1.0, 2.0, "b")
    with pytest.raises(TypeError):
        rebuild(dict, ())  # type: ignore[type-var]
    with pytest.raises(TypeError):
        rebuild(Point, (1.0,))


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="follows"):

        class Bad(Record):
            a: int = 1
            b: int
