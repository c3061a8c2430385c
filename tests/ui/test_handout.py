"""PDF handouts: a cover and one page per step, the text on them, and the export-pdf command's
exit codes (0 written, 1 a problem with the input, 2 wrong usage)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from massage_trainer.cli import main
from massage_trainer.core.protocol import catalog
from massage_trainer.core.safety import rules as safety_rules
from massage_trainer.ui.classroom.handout import write_handout
from massage_trainer.ui.classroom.handout_text import cover_html, step_text_html


def page_count(pdf: Path) -> int:
    """Count the page objects (/Type /Page, not /Pages) in the PDF."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


@pytest.mark.parametrize("pid", ["therapeutic-lower-back", "gentle-pregnancy"])
def test_handout_has_a_cover_and_a_page_per_step(qapp: object, tmp_path: Path, pid: str) -> None:
    protocol = catalog.bundled(pid)
    out = tmp_path / f"{pid}.pdf"
    pages = write_handout(protocol, out)
    assert pages == 1 + len(protocol.steps)
    assert page_count(out) == pages
    assert out.read_bytes().startswith(b"%PDF")


def test_letter_paper_is_a_different_size(qapp: object, tmp_path: Path) -> None:
    protocol = catalog.bundled("back-pain-relief")
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    write_handout(protocol, a4, paper="a4")
    write_handout(protocol, letter, paper="letter")
    box = re.compile(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)")
    a4_box = box.search(a4.read_bytes())
    letter_box = box.search(letter.read_bytes())
    assert a4_box and letter_box
    assert round(float(a4_box.group(2))) == 842 and round(float(letter_box.group(2))) == 792


def test_cover_has_the_safety_checklist_and_preparation() -> None:
    protocol = catalog.bundled("back-pain-relief")
    rules = safety_rules.load()
    html = cover_html(protocol, rules, "en")
    fever = next(r for r in rules.rules if r.id == "stop-fever")
    assert fever.reason.get("en") in html  # every stop rule, from the rules file
    assert "hour" in html  # the meal wait
    assert "fourth month" in html  # what adapts it
    for pid in protocol.preparation:
        item = rules.prep_item(pid)
        assert item is not None and item.text.get("en") in html
    side, body = step_text_html(protocol, 5, "en")
    assert "petrissage" in side and "per minute" in side and "moderate" in side
    assert protocol.steps[5].instructions.get("en") in body and "Source:" in body


def test_export_pdf_command(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    assert main(["export-pdf", "back-pain-relief", "-o", str(out), "--paper", "letter"]) == 0
    assert page_count(out) == 1 + len(catalog.bundled("back-pain-relief").steps)
    assert main(["export-pdf", "gentle-pregnancy", "-o", str(out), "--lang", "ru"]) == 0
    assert main(["export-pdf", "back-pain-relief", "-o", str(out), "--paper", "a3"]) == 2
    assert main(["export-pdf", "back-pain-relief", "-o", str(tmp_path / "h.png")]) == 2
    assert main(["export-pdf", "back-pain-relief", "-o", str(out), "--lang", "xx"]) == 2
    assert main(["export-pdf", "no-such-protocol", "-o", str(out)]) == 1
    assert main(["export-pdf", "back-pain-relief", "-o", str(tmp_path / "nope" / "h.pdf")]) == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nsteps: 3\n", encoding="utf-8")
    assert main(["export-pdf", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "bad.yaml:" in err and "a3" in err


def test_russian_handout(qapp: object, tmp_path: Path) -> None:
    protocol = catalog.bundled("back-pain-relief")
    rules = safety_rules.load()
    html = cover_html(protocol, rules, "ru")
    assert next(r for r in rules.rules if r.id == "stop-fever").reason.get("ru") in html
    assert protocol.title.get("ru") in html
    out = tmp_path / "ru.pdf"
    assert write_handout(protocol, out, lang="ru") == page_count(out) == 1 + len(protocol.steps)


def test_the_projects_choices_are_on_the_step_pages_and_the_cover(qapp: object) -> None:
    protocol = catalog.bundled("therapeutic-lower-back")
    rules = safety_rules.load()
    _side, body = step_text_html(protocol, protocol.step_index("gentle-stroking"), "en")
    assert "Project&#x27;s choice" in body or "Project's choice" in body
    assert "12 repetitions" in body and "tempo 12 per minute" in body
    _side, body = step_text_html(protocol, protocol.step_index("skin-pinch-roll"), "en")
    assert "the technique" in body and "pinch the skin" in body
    cover = cover_html(protocol, rules, "en")
    assert "never longer than 30 minutes †" in cover  # max_minutes is the project's choice
    assert "After a recent injury to the spine or back, massage can make things worse. †" in cover
    assert "A fever or raised temperature rules out massage.</td>" in cover  # a source fact
    assert "the app is more careful than the sources here" in cover
