"""Protocol files checked as a whole: the format (core.protocol.loader) and then safety (what its
content may do, where its hands may touch), every problem as PATH:LINE:COL: message.

`validate`, `play`, `render` and `export-pdf` load files through here, so a file the safety rules
refuse is refused with the place to fix it, whatever path it comes by.
"""

from __future__ import annotations

from pathlib import Path

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.schema import locate
from massage_trainer.core.protocol.yamlsafe import DocumentError, Map, Problem
from massage_trainer.core.safety.rules_model import Rules
from massage_trainer.core.safety.verdict import load_rules, protocol_findings


def located(
    rules: Rules, protocol: Protocol, root: Map, path: str, lang: str = "en"
) -> list[Problem]:
    """The safety findings of a protocol read from `root`, located in its file."""
    out = []
    for f in protocol_findings(rules, protocol):
        loc = locate(root, *f.at)
        out.append(Problem(path, loc.line, loc.col, f.text(lang)))
    return out


def load_checked(path: str | Path, rules: Rules | None = None, lang: str = "en") -> Protocol:
    """Read a protocol file and refuse it (DocumentError, every problem located) when its format
    or its content breaks a rule. Unreadable safety rules refuse it too."""
    protocol, root = loader.read(path)
    problems = located(rules or load_rules(), protocol, root, str(path), lang)
    if problems:
        raise DocumentError(sorted(problems, key=lambda p: (p.line, p.col)))
    return protocol


def problems_of(protocol: Protocol, rules: Rules | None = None, lang: str = "en") -> list[Problem]:
    """The located safety problems of an already loaded protocol (re-read from its file for the
    places; line 1 when it has no file)."""
    r = rules or load_rules()
    if not protocol_findings(r, protocol):
        return []
    if protocol.path is not None:
        try:
            _again, root = loader.read(protocol.path)
        except DocumentError as exc:
            return list(exc.problems)
        return located(r, protocol, root, str(protocol.path), lang)
    return [Problem("<protocol>", 1, 1, f.text(lang)) for f in protocol_findings(r, protocol)]
