"""Body geometry: zones from data, hit-testing with caution priority, drawable shapes, levels."""

from __future__ import annotations

import pytest

from massage_trainer.core.body.geometry import Curve, load_body, parse_body, zone_ids

BODY = load_body()
REQUIRED = {
    "neck",
    "upper-back-left",
    "upper-back-right",
    "shoulder-blade-left",
    "shoulder-blade-right",
    "mid-back-left",
    "mid-back-right",
    "lumbar-left",
    "lumbar-right",
    "sacrum",
    "buttocks-top-left",
    "buttocks-top-right",
    "spine",
    "kidney-left",
    "kidney-right",
}


def test_all_zones_present_with_names() -> None:
    assert set(zone_ids()) == REQUIRED
    for z in BODY.zones.values():
        assert z.name.get("en") and z.name.get("ru") != z.name.get("en")
        assert z.kind in ("work", "caution") and z.side in ("left", "right", "middle")


@pytest.mark.parametrize("zid", sorted(REQUIRED))
def test_centroid_hits_its_own_zone(zid: str) -> None:
    z = BODY.zone(zid)
    x, y = z.centroid()
    assert z.contains(x, y)
    hit = BODY.zone_at(x, y)
    assert hit is not None
    if not z.is_caution:
        assert hit.id == zid or hit.is_caution


def test_caution_zones_take_priority() -> None:
    assert BODY.zone_at(0.0, 50.0).id == "spine"
    kx, ky = BODY.zone("kidney-left").centroid()
    assert next(z.id for z in BODY.zones_at(kx, ky)) == "kidney-left"
    assert (
        "lumbar-left" in [z.id for z in BODY.zones_at(kx, ky + 3)]
        or BODY.zone_at(kx, ky + 3).id == "kidney-left"
    )


def test_outside_the_body_is_no_zone() -> None:
    assert BODY.zone_at(0.0, 5.0) is None  # the head
    assert BODY.zone_at(40.0, 60.0) is None


def test_work_zones_do_not_overlap() -> None:
    work = [z for z in BODY.zones.values() if not z.is_caution]
    for z in work:
        x, y = z.centroid()
        assert [w.id for w in work if w.contains(x, y)] == [z.id]


def test_mirrored_zones_are_symmetric() -> None:
    for side in ("upper-back", "shoulder-blade", "mid-back", "lumbar", "buttocks-top"):
        a, b = BODY.zone(f"{side}-left"), BODY.zone(f"{side}-right")
        assert a.area() == pytest.approx(b.area())
        assert a.centroid()[0] == pytest.approx(-b.centroid()[0])


def test_kidneys_follow_anatomy() -> None:
    left, right = BODY.zone("kidney-left"), BODY.zone("kidney-right")
    t12, l4 = BODY.levels["T12"], BODY.levels["L4"]
    for k in (left, right):
        _x0, y0, _x1, y1 = k.bbox()
        assert t12 - 3 < y0 < t12 + 1 and y1 < l4
    assert right.centroid()[1] > left.centroid()[1]  # the right kidney sits a little lower


def test_lumbar_between_ribs_and_crests() -> None:
    _x0, y0, _x1, y1 = BODY.zone("lumbar-left").bbox()
    assert y0 == pytest.approx(BODY.levels["T12"], abs=1.0)
    assert y1 > BODY.levels["L4"]


def test_vertebrae_run_from_c7_to_l5_in_order() -> None:
    names = [n for n, _ in BODY.vertebrae]
    assert names[0] == "C7" and names[-1] == "L5" and len(names) == 18
    ys = [y for _, y in BODY.vertebrae]
    assert ys == sorted(ys)


def test_shapes_are_drawable_and_mirrored() -> None:
    for name in ("torso", "arm", "head", "hair", "scapula", "pelvic-crest", "sacrum"):
        curves = BODY.shape(name)
        assert curves, name
    torso = BODY.shape("torso")
    assert len(torso) == 1 and torso[0].closed
    assert len(BODY.shape("arm")) == 2
    a, b = BODY.shape("arm")
    assert a.start == (-b.start[0], b.start[1])


def test_curve_reverse_keeps_the_points() -> None:
    c = Curve((0.0, 0.0), (((1.0, 0.0), (2.0, 1.0), (3.0, 3.0)),))
    r = c.reversed()
    assert r.start == (3.0, 3.0) and r.end == (0.0, 0.0)
    assert set(r.points()) == set(c.points())


def test_old_style_data_without_shapes_still_loads() -> None:
    b = parse_body(
        {
            "zones": [
                {
                    "id": "neck",
                    "name": "Neck",
                    "kind": "work",
                    "side": "middle",
                    "polygon": [[0, 0], [1, 0], [1, 1]],
                }
            ]
        }
    )
    assert b.zone("neck").area() == pytest.approx(0.5)
    assert b.shape("torso") == ()
