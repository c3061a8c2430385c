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
FINE = {
    "neck-left",
    "neck-right",
    "shoulder-top-left",
    "shoulder-top-right",
    "between-shoulder-blades",
    "shoulder-blade-inner-edge-left",
    "shoulder-blade-inner-edge-right",
    "shoulder-joint-left",
    "shoulder-joint-right",
    "flank-left",
    "flank-right",
    "iliac-crest-line",
}


def test_all_zones_present_with_names() -> None:
    assert set(zone_ids()) == REQUIRED | FINE
    assert {z.id for z in BODY.zones.values() if z.fine} == FINE
    for z in BODY.zones.values():
        assert z.name.get("en") and z.name.get("ru") != z.name.get("en")
        assert z.kind in ("work", "caution", "avoid") and z.side in ("left", "right", "middle")
        if z.side != "middle":
            assert z.id.endswith(z.side) and f"({z.side})" in z.name.get("en")


@pytest.mark.parametrize("zid", sorted(REQUIRED | FINE))
def test_centroid_hits_its_own_zone(zid: str) -> None:
    z = BODY.zone(zid)
    x, y = z.centroid()
    assert z.contains(x, y)
    hit = BODY.zone_at(x, y)
    assert hit is not None
    if not z.is_caution:
        assert hit.id == zid or hit.is_caution or (hit.fine and not z.fine)


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
    assert not BODY.on_body(40.0, 60.0) and BODY.on_body(0.0, 5.0) and BODY.on_body(23.0, 60.0)
    assert not BODY.on_body(19.2, 70.0)  # the gap between the arm and the waist
    assert BODY.zone_at(40.0, 60.0) is None


def test_broad_work_zones_do_not_overlap() -> None:
    work = [z for z in BODY.zones.values() if not z.is_caution and not z.fine]
    for z in work:
        x, y = z.centroid()
        assert [w.id for w in work if w.contains(x, y)] == [z.id]


def test_mirrored_zones_are_symmetric() -> None:
    for side in (
        "upper-back",
        "shoulder-blade",
        "mid-back",
        "lumbar",
        "buttocks-top",
        "neck",
        "shoulder-top",
        "shoulder-blade-inner-edge",
        "shoulder-joint",
        "flank",
    ):
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


def test_finer_zones_sit_where_an_instructor_looks() -> None:
    def mark(n: str) -> tuple[float, float]:
        return BODY.landmark(n)

    # top of the shoulder: from the base of the neck out to the acromion, above the blade's spine
    x0, _y0, x1, y1 = BODY.zone("shoulder-top-right").bbox()
    assert x0 <= mark("neck-base-right")[0] + 0.5 and x1 >= mark("acromion-right")[0] - 0.5
    assert y1 <= mark("scapula-spine-root-right")[1]
    # between the blades: T1 to the inferior angles, inside the medial borders
    between = BODY.zone("between-shoulder-blades")
    assert between.contains(0.0, BODY.levels["T3"]) and between.contains(4.0, BODY.levels["T7"])
    assert not between.contains(mark("scapula-medial-border-right")[0] + 2.0, 41.0)
    # the inner edge of each blade straddles its medial border
    for side in ("left", "right"):
        assert BODY.zone(f"shoulder-blade-inner-edge-{side}").contains(
            *mark(f"scapula-medial-border-{side}")
        )
        assert BODY.zone(f"shoulder-joint-{side}").contains(*mark(f"acromion-{side}")) or (
            BODY.zone(f"shoulder-joint-{side}").bbox()[1] < mark(f"acromion-{side}")[1] + 1
        )
    # the crest line crosses the midline at L4
    assert BODY.zone("iliac-crest-line").contains(0.0, BODY.levels["L4"])
    # the neck sides leave the cervical spine (a caution) between them
    assert BODY.zone_at(0.0, 24.0).id == "spine"
    assert BODY.zone_at(3.0, 24.0).id == "neck-right"


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


def test_landmarks_by_name() -> None:
    for name in ("C7", "T1", "T12", "L5", "S1", "S2", "midline", "acromion-left", "rib12-right"):
        assert BODY.landmark(name)
    assert BODY.landmark("C7") == (0.0, BODY.levels["C7"])
    assert BODY.landmark("acromion-left") == (
        -BODY.landmark("acromion-right")[0],
        BODY.landmark("acromion-right")[1],
    )
    with pytest.raises(KeyError, match="no landmark 'elbow'"):
        BODY.landmark("elbow")


def test_unknown_pose_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown pose 'standing'"):
        load_body("standing")


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
