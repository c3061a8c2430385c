"""Rendering: highlighted zones change pixels, every bundled step renders, the CLI command works."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage

from massage_trainer.cli import main
from massage_trainer.core.body import framing
from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol import catalog
from massage_trainer.ui.diagram.captions import pressure_name
from massage_trainer.ui.diagram.drawing import PULSE_S, compute_layout, pulse, render_image
from tests.conftest import BUNDLED

BODY = load_body()


def _pixel(img: QImage, x: float, y: float, frame: framing.Box | None = None) -> QColor:
    lay = compute_layout(QRectF(0, 0, img.width(), img.height()), BODY, False, frame)
    p = lay.to_px.map(QPointF(x, y))
    return img.pixelColor(int(p.x()), int(p.y()))


def test_target_zone_pixels_change_when_highlighted(qapp: object) -> None:
    step = catalog.bundled("gentle-pregnancy").steps[3]  # shoulders: hands far from the buttocks
    plain = render_image(None, 0.0, QSize(400, 600), caption=False, legend=False)
    lit = render_image(step, 0.0, QSize(400, 600), caption=False, legend=False, frame=BODY.extent)
    x, y = BODY.zone("upper-back-left").centroid()
    a, b = _pixel(plain, x - 4, y), _pixel(lit, x - 4, y)
    assert a != b
    assert b.green() - b.red() > a.green() - a.red()  # tinted toward the target colour
    far = BODY.zone("buttocks-top-left").centroid()
    assert _pixel(plain, *far) == _pixel(lit, *far)


def test_marked_zones_change_pixels(qapp: object) -> None:
    a = render_image(None, 0.0, QSize(300, 450), caption=False, legend=False)
    b = render_image(
        None, 0.0, QSize(300, 450), caption=False, legend=False, marked=["mid-back-right"]
    )
    assert _pixel(a, *BODY.zone("mid-back-right").centroid()) != _pixel(
        b, *BODY.zone("mid-back-right").centroid()
    )


def test_pulse_is_a_pure_function_of_time() -> None:
    assert pulse(0.0) == pytest.approx(0.0)
    assert pulse(PULSE_S / 2) == pytest.approx(1.0)
    assert pulse(0.7) == pytest.approx(pulse(0.7 + PULSE_S))
    assert 3.0 <= PULSE_S <= 6.0  # a calm breath, not a blink


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_step_renders(qapp: object, path: Path) -> None:
    protocol = catalog.resolve(str(path), None)
    for theme in ("light", "dark", "high-contrast"):
        for i, step in enumerate(protocol.steps):
            img = render_image(step, 0.37 * i, QSize(160, 100), theme, labels=i % 2 == 0)
            assert not img.isNull() and img.width() == 160
    blank = render_image(None, 0.0, QSize(120, 120))
    assert not blank.isNull()


def test_caption_title_is_big(qapp: object) -> None:
    step = catalog.bundled("therapeutic-lower-back").steps[0]
    img = render_image(step, 0.0, QSize(960, 540))
    dark_rows = [
        y
        for y in range(0, 100)
        if any(img.pixelColor(x, y).lightness() < 80 for x in range(20, 300, 2))
    ]
    assert dark_rows and dark_rows[-1] - dark_rows[0] >= 540 / 20 * 0.6
    assert pressure_name(step.pressure) == "Light pressure"


def test_render_command_writes_a_png(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "x.png"
    rc = main(
        [
            "--data-dir",
            str(data_dir),
            "render",
            "therapeutic-lower-back",
            "--step",
            "4",
            "--at",
            "1.5",
            "--size",
            "320x180",
            "-o",
            str(out),
            "--theme",
            "dark",
            "--labels",
        ]
    )
    assert rc == 0
    img = QImage(str(out))
    assert img.width() == 320 and img.height() == 180


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["back-pain-relief", "--step", "0"], 2),
        (["back-pain-relief", "--step", "x"], 2),
        (["back-pain-relief", "--step", "99"], 2),
        (["back-pain-relief", "--size", "big"], 2),
        (["back-pain-relief", "--at", "-1"], 2),
        (["back-pain-relief", "--theme", "pink"], 2),
        (["no-such-protocol"], 1),
    ],
)
def test_render_command_rejects_bad_input(
    tmp_path: Path, data_dir: Path, argv: list[str], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = main(["--data-dir", str(data_dir), "render", *argv, "-o", str(tmp_path / "o.png")])
    assert rc == code
    err = capsys.readouterr().err
    assert "render:" in err and "Traceback" not in err
    assert not (tmp_path / "o.png").exists()


def test_render_command_reports_a_broken_protocol(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    rc = main(["--data-dir", str(data_dir), "render", str(bad), "-o", str(tmp_path / "o.png")])
    assert rc == 1
    assert "bad.yaml" in capsys.readouterr().err


def test_hands_are_skin_toned_and_sit_on_their_own_side(qapp: object) -> None:
    from massage_trainer.core.body import motion

    step = catalog.bundled("back-pain-relief").steps[0]  # fingers outward, thumbs by the spine
    img = render_image(step, 0.0, QSize(800, 1200), caption=False, legend=False)
    frame = framing.frame_for(step, BODY)
    pose = motion.pose_at(step, 0.0, BODY)
    for hand, right in ((pose.left, False), (pose.right, True)):
        cx, cy = motion.palm_centre(hand, right)
        assert (cx < 0) != right
        # the back of the hand, between the knuckles and the palm centre
        sx = 1 if right else -1
        c = _pixel(img, cx + sx * 3.0, cy, frame)
        assert c.red() > c.green() > c.blue() and c.lightness() < 200, c.name()


def test_render_frames_a_shoulder_step_on_the_shoulders(qapp: object) -> None:
    step = catalog.bundled("gentle-pregnancy").steps[3]  # slow stroking, upper back
    rect = QRectF(0, 0, 400, 600)
    frame = framing.frame_for(step, BODY)
    framed = compute_layout(rect, BODY, False, frame)
    whole = compute_layout(rect, BODY, False)
    assert framed.scale >= 1.4 * whole.scale  # the shoulders no longer tiny
    img = render_image(step, 0.0, QSize(400, 600), caption=False, legend=False)
    x, y = BODY.zone("upper-back-left").centroid()
    c = _pixel(img, x - 4, y, frame)
    assert c.green() > c.red()  # the work area, where the framed layout says it is


def test_the_caption_tempo_names_what_the_hands_do(qapp: object) -> None:
    from massage_trainer.core.protocol.vocab import Pattern
    from massage_trainer.ui.base.vocab_text import tempo_text

    seen: dict[Pattern, str] = {}
    for path in BUNDLED:
        for step in catalog.resolve(str(path), None).steps:
            seen[step.motion.pattern] = tempo_text(step.motion.pattern, step.tempo)
    assert seen[Pattern.SMALL_CIRCLES].endswith("circles a minute")  # not "strokes"
    assert seen[Pattern.CLAPS].endswith("claps a minute")
    assert seen[Pattern.ALTERNATING_TAPS].endswith("taps a minute")
    assert seen[Pattern.LONG_STROKES].endswith("strokes a minute")
    assert tempo_text(Pattern.KNEADING_GRIP, 30) == "30 movements a minute"
