"""The short part of `make audio-check`, in `make test`: one protocol with every cue through a
real PulseAudio (its null sink's monitor recorded and analysed), then the server killed and
started again mid-session. Skipped, saying why, where PulseAudio, Xvfb or xdotool is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.audio import check, scenarios
from tests.audio.rig import missing_tools

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the rig runs PulseAudio"),
    pytest.mark.skipif(
        bool(missing_tools()),
        reason=f"real-audio check needs {', '.join(missing_tools())} (see the README)",
    ),
]


def test_cues_are_heard_on_time_and_the_session_survives_the_sound_server(tmp_path: Path) -> None:
    results = check.run(full=False, folder=tmp_path)
    assert [r.name for r in results] == ["protocol"]
    result: scenarios.Result = results[0]
    assert not result.problems, result.problems
    assert result.figures["notices"][:2] == [scenarios.STOPPED, scenarios.BACK]
