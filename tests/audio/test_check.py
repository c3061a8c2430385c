"""`make audio-check` on a machine without PulseAudio, Xvfb or xdotool says so and passes."""

from __future__ import annotations

import pytest

from tests.audio import check, rig


def test_without_the_tools_it_says_what_is_missing_and_passes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(rig.shutil, "which", lambda name: None if name == "pulseaudio" else "/x")
    assert check.main([]) == 0
    out = capsys.readouterr().out
    assert "skipped, not installed here: pulseaudio" in out
