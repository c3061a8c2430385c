"""What a protocol's own content says about its safety: what each step does, where, how hard.

A protocol is judged by its steps, never by its id or title. `meets` tells whether it satisfies
what an adapt rule requires (e.g. pregnancy: light pressure, stroking and vibration only, lying on
the side, 40 minutes at most); `findings` lists everything that keeps a protocol from being played
at all: a protocol claiming a rule's profile without meeting its requirements, a target zone its
technique may not touch, and the spatial check of every step. Each finding names the step and says
what to change; `at` locates it in the file (1-based step numbers, as the loader's locate() takes).
"""

from __future__ import annotations

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.safety import spatial
from massage_trainer.core.safety.finding import Finding, step_name
from massage_trainer.core.safety.rules_model import Outcome, Requirement, Rules

__all__ = ["Finding", "findings", "meets", "requirement_findings", "step_name"]


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


def _step_finding(protocol: Protocol, index: int, key: str, en: str, ru: str) -> Finding:
    name = step_name(protocol, index)
    return Finding(
        ("steps", index + 1, key),
        _t(f"{name.get('en')}: {en}", f"{name.get('ru')}: {ru}"),
    )


def requirement_findings(req: Requirement, protocol: Protocol) -> list[Finding]:
    """Every way `protocol` falls short of `req`, step by step (empty when it meets it)."""
    out: list[Finding] = []
    for i, step in enumerate(protocol.steps):
        if req.techniques and step.technique not in req.techniques:
            allowed = ", ".join(str(t) for t in req.techniques)
            out.append(
                _step_finding(
                    protocol,
                    i,
                    "technique",
                    f"'{step.technique}' is not allowed here (only {allowed}); "
                    "remove the step or change its technique",
                    f"«{step.technique}» здесь недопустимо (только {allowed}); "
                    "уберите шаг или смените приём",
                )
            )
        if req.max_pressure is not None and step.pressure.level > req.max_pressure.level:
            out.append(
                _step_finding(
                    protocol,
                    i,
                    "pressure",
                    f"pressure '{step.pressure}' is too strong; set 'pressure: {req.max_pressure}'",
                    f"нажим «{step.pressure}» слишком сильный; укажите "
                    f"'pressure: {req.max_pressure}'",
                )
            )
    for pid in req.preparation:
        if pid not in protocol.preparation:
            out.append(
                Finding(
                    ("preparation",),
                    _t(
                        f"the preparation must include '{pid}'",
                        f"в подготовке должен быть пункт «{pid}»",
                    ),
                )
            )
    for pid in req.forbid_preparation:
        if pid in protocol.preparation:
            out.append(
                Finding(
                    ("preparation", protocol.preparation.index(pid) + 1),
                    _t(
                        f"the preparation must not include '{pid}'",
                        f"в подготовке не должно быть пункта «{pid}»",
                    ),
                )
            )
    if req.max_minutes is not None and protocol.max_minutes > req.max_minutes:
        out.append(
            Finding(
                ("max_minutes",),
                _t(
                    f"max_minutes {protocol.max_minutes:g} is longer than {req.max_minutes:g}; "
                    f"set 'max_minutes: {req.max_minutes:g}' or less",
                    f"max_minutes {protocol.max_minutes:g} больше {req.max_minutes:g}; "
                    f"укажите 'max_minutes: {req.max_minutes:g}' или меньше",
                ),
            )
        )
    return out


def meets(req: Requirement, protocol: Protocol) -> bool:
    return not requirement_findings(req, protocol)


def _target_findings(rules: Rules, protocol: Protocol, index: int, step: Step) -> list[Finding]:
    out = []
    for rule in rules.zone_rules_for(step):
        bad = [z for z in step.target_zones if z in rule.zones]
        if bad:
            out.append(
                _step_finding(
                    protocol,
                    index,
                    "target_zones",
                    f"{', '.join(bad)} cannot be a target of this step: {rule.reason.get('en')} "
                    "Remove it from target_zones.",
                    f"{', '.join(bad)} не может быть целью этого шага: {rule.reason.get('ru')} "
                    "Уберите из target_zones.",
                )
            )
    return out


def findings(rules: Rules, protocol: Protocol) -> list[Finding]:
    """Everything that keeps `protocol` from being played, whatever the answers."""
    out: list[Finding] = []
    for rule in rules.rules:
        if (
            rule.outcome is Outcome.ADAPT
            and rule.requires is not None
            and rule.profile is not None
            and protocol.safety_profile == rule.profile
        ):
            for f in requirement_findings(rule.requires, protocol):
                out.append(
                    Finding(
                        f.at,
                        _t(
                            f"a '{rule.profile}' protocol must meet its rules, but "
                            + f.message.get("en"),
                            f"программа с профилем «{rule.profile}» должна соблюдать свои правила, но "
                            + f.message.get("ru"),
                        ),
                    )
                )
    for i, step in enumerate(protocol.steps):
        targets = _target_findings(rules, protocol, i, step)
        out.extend(targets)
        if not targets:
            out.extend(spatial.step_findings(rules, protocol, i))
    return out
