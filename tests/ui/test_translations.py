"""The Russian catalogue: complete, compiled from the committed .ts, and in step with the sources.

A new tr() string without a Russian translation fails here; `make translations` adds it to the
.ts (then translate it and run the target again to rebuild the .qm).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from massage_trainer.core.protocol import glossary
from massage_trainer.core.protocol.vocab import CONTACT_NAMES, TECHNIQUES
from massage_trainer.ui.base import vocab_text

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "massage_trainer" / "i18n"
TS = I18N / "massage_trainer_ru.ts"
QM = I18N / "massage_trainer_ru.qm"
UI_SOURCES = sorted((ROOT / "massage_trainer" / "ui").rglob("*.py"))
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%(?:\d|n)")

Key = tuple[str, str]


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} (from the PySide6 wheel) is not installed")
        path = Path(found)
    return path


def _messages(ts: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def _translation(msg: ET.Element) -> ET.Element:
    t = msg.find("translation")
    assert t is not None
    return t


def test_every_entry_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 450
    unfinished = [k for k, m in messages.items() if _translation(m).get("type") == "unfinished"]
    empty = [k for k, m in messages.items() if not (_translation(m).text or "").strip()]
    assert not unfinished, f"unfinished in {TS.name}: {unfinished[:10]}"
    assert not empty, f"empty translations in {TS.name}: {empty[:10]}"
    assert 'language="ru_RU"' in TS.read_text(encoding="utf-8")[:300]


def test_translations_keep_placeholders_and_menu_accelerators() -> None:
    wrong = []
    for (ctx, src), msg in _messages(TS).items():
        text = _translation(msg).text or ""
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((ctx, src, text, "placeholders"))
        if ("&" in src.replace("&&", "")) != ("&" in text.replace("&&", "")):
            wrong.append((ctx, src, text, "accelerator"))
    assert not wrong, wrong


def test_the_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(_tool("pyside6-lrelease")), "-silent", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` to rebuild the .qm"


def test_lupdate_finds_no_string_missing_from_the_ts(tmp_path: Path) -> None:
    scanned = tmp_path / "scan.ts"
    subprocess.run(
        [str(_tool("pyside6-lupdate")), *map(str, UI_SOURCES), "-ts", str(scanned)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    in_sources = set(_messages(scanned))
    missing = sorted(in_sources - set(_messages(TS)))
    assert len(in_sources) > 450
    assert not missing, (
        f"{len(missing)} UI string(s) not in {TS.name} (run `make translations`, translate them, "
        f"run it again): {missing[:10]}"
    )


def test_vocabulary_tables_cover_every_name_the_ui_shows() -> None:
    technique_texts = set(vocab_text.TECHNIQUE_TEXTS)
    for info in TECHNIQUES.values():
        assert info.plain in technique_texts
        assert info.classical in technique_texts
    for entry in glossary.load():
        assert entry.classical in technique_texts, entry.classical
    assert set(CONTACT_NAMES.values()) <= set(vocab_text.CONTACT_TEXTS)
    catalogue = _messages(TS)
    for text in technique_texts:
        assert ("Technique", text) in catalogue
    for text in vocab_text.CONTACT_TEXTS:
        assert ("Contact", text) in catalogue


def test_technique_names_use_the_russian_classical_terms() -> None:
    ru = {k: _translation(m).text for k, m in _messages(TS).items()}
    assert ru[("Technique", "Stroking")] == "Поглаживание"
    assert ru[("Technique", "Rubbing")] == "Растирание"
    assert ru[("Technique", "Kneading")] == "Разминание"
    assert ru[("Technique", "Finger vibration")] == "Вибрация пальцами"
    assert ru[("Technique", "Tapping")] == "Постукивание"
    french = ("эффлераж", "петрисаж", "тапотман", "фрикци", "тракци", "щипцеобразн")
    for (context, _source), text in ru.items():
        if context == "Technique":
            assert not any(w in (text or "").lower() for w in french), text
