"""Most caregivers use Windows or macOS: no POSIX-only call outside a guarded branch.

A walk over the source finds POSIX-only modules (fcntl, termios, pwd...), POSIX-only os calls
(O_NONBLOCK, fork, geteuid, kill, chmod, umask...), POSIX-only signals (anything but SIGINT and
SIGTERM, which Windows has too) and fixed POSIX paths (/dev, /proc, /tmp...). Each must sit in a
guarded branch: under an `if` on the platform (sys.platform, os.name, a POSIX flag, hasattr), after
an early `if <not that platform>: return`, or in a `try` that falls back when the call or file is
missing. getattr(os, "NAME", default) is a guard of its own. The guarded branches are run here
with the platform switched, so the other side of each guard works too.
"""

from __future__ import annotations

import ast
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "massage_trainer"

POSIX_MODULES = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog"}
POSIX_OS = {
    "O_NONBLOCK", "O_NOFOLLOW", "O_NOCTTY", "O_CLOEXEC", "fork", "forkpty", "setsid", "killpg",
    "getpgid", "geteuid", "getuid", "getegid", "getgid", "kill", "chmod", "fchmod", "lchmod",
    "set_blocking", "get_blocking", "O_DIRECTORY", "O_SYNC", "pipe2", "wait3", "wait4",
    "chown", "fchown", "lchown", "umask", "mkfifo", "mknod", "getloadavg", "sync", "nice",
}  # fmt: skip
PORTABLE_SIGNAL = {"signal", "SIGINT", "SIGTERM", "SIG_DFL", "SIG_IGN", "default_int_handler"}
POSIX_PATHS = ("/dev/", "/proc/", "/sys/", "/tmp/", "/etc/", "/var/", "/usr/")
PLATFORM_WORDS = ("sys.platform", "os.name", "platform.system", "POSIX", "WINDOWS", "hasattr(")
FALLBACKS = {"OSError", "AttributeError", "ImportError", "Exception", "FileNotFoundError"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _is_platform_test(test: ast.expr) -> bool:
    text = ast.unparse(test)
    return any(word in text for word in PLATFORM_WORDS)


def _exits(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


def _catches_fallback(node: ast.Try) -> bool:
    for handler in node.handlers:
        if handler.type is None:
            return True
        names = {ast.unparse(t) for t in getattr(handler.type, "elts", [handler.type])}
        if names & FALLBACKS:
            return True
    return False


class _Walker(ast.NodeVisitor):
    """Finds POSIX-only uses and tells whether each is guarded."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.guards = 0
        self.findings: list[Finding] = []

    def _flag(self, node: ast.AST, what: str) -> None:
        if not self.guards:
            self.findings.append(Finding(self.path, getattr(node, "lineno", 0), what))

    def _guarded(self, nodes: list[ast.AST] | list[ast.stmt]) -> None:
        self.guards += 1
        for n in nodes:
            self.visit(n)
        self.guards -= 1

    def visit_If(self, node: ast.If) -> None:
        self.visit(node.test)
        if _is_platform_test(node.test):
            self._guarded([*node.body, *node.orelse])
        else:
            for n in [*node.body, *node.orelse]:
                self.visit(n)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _is_platform_test(node.test):
            self._guarded([node.body, node.orelse])
        else:
            self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        for i, value in enumerate(node.values):  # `POSIX and os.chmod(...)`
            if any(_is_platform_test(v) for v in node.values[:i]):
                self._guarded([value])
            else:
                self.visit(value)

    def visit_Try(self, node: ast.Try) -> None:
        if _catches_fallback(node):
            self._guarded(list(node.body))
        else:
            for n in node.body:
                self.visit(n)
        for n in [*node.handlers, *node.orelse, *node.finalbody]:
            self.visit(n)

    def _visit_body(self, body: list[ast.stmt]) -> None:
        """A function body: after `if <platform>: return`, the rest is the guarded side."""
        for i, stmt in enumerate(body):
            self.visit(stmt)
            if isinstance(stmt, ast.If) and _is_platform_test(stmt.test) and _exits(stmt.body):
                self._guarded(list(body[i + 1 :]))
                return

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for d in node.decorator_list:
            self.visit(d)
        self._visit_body(node.body)

    def visit_Expr(self, node: ast.Expr) -> None:
        if not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            self.generic_visit(node)  # a docstring or a bare string names paths, never opens them

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._flag(node, f"import {alias.name} (POSIX only)")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and node.module.split(".")[0] in POSIX_MODULES:
            self._flag(node, f"from {node.module} import ... (POSIX only)")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        owner = ast.unparse(node.value)
        if owner == "os" and node.attr in POSIX_OS:
            self._flag(node, f"os.{node.attr} (POSIX only or POSIX file modes)")
        if owner == "signal" and node.attr not in PORTABLE_SIGNAL:
            self._flag(node, f"signal.{node.attr} (not on Windows)")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value.startswith(POSIX_PATHS):
            self._flag(node, f"the path {node.value!r} (POSIX only)")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        first = node.values[0] if node.values else None
        if isinstance(first, ast.Constant) and str(first.value).startswith(POSIX_PATHS):
            self._flag(node, f"the path {ast.unparse(node)} (POSIX only)")
        else:
            self.generic_visit(node)


def findings_in(source: str, path: str = "<source>") -> list[Finding]:
    tree = ast.parse(source)
    walker = _Walker(path)
    walker._visit_body(tree.body)
    return walker.findings


def test_no_posix_only_call_outside_a_guarded_branch() -> None:
    found: list[Finding] = []
    for file in sorted(PACKAGE.rglob("*.py")):
        rel = str(file.relative_to(PACKAGE.parent))
        found += findings_in(file.read_text(encoding="utf-8"), rel)
    assert not found, "POSIX-only, unguarded:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    "source",
    [
        "import fcntl",
        "import os\nfd = os.open('x', os.O_RDONLY | os.O_NONBLOCK)",
        "import os\nos.chmod('x', 0o600)",
        "import signal\nsignal.signal(signal.SIGHUP, print)",
        "open('/proc/self/status')",
        "def f(pid):\n    return open(f'/proc/{pid}/stat')",
        "import os\ndef f():\n    if os.path.exists('x'):\n        return\n    os.kill(1, 0)",
    ],
)
def test_the_walker_finds_unguarded_posix_calls(source: str) -> None:
    assert findings_in(source)


@pytest.mark.parametrize(
    "source",
    [
        "import sys\nif sys.platform != 'win32':\n    import fcntl",
        "import os\nPOSIX = os.name == 'posix'\nif POSIX:\n    os.chmod('x', 0o600)",
        "import os\nflags = getattr(os, 'O_NONBLOCK', 0)",
        "import sys, os\ndef f(pid):\n    if sys.platform == 'win32':\n        return False\n"
        "    os.kill(pid, 0)",
        "try:\n    fh = open('/proc/self/status')\nexcept OSError:\n    fh = None",
        "import signal\nsignal.signal(signal.SIGTERM, print)",
        "import os\nok = hasattr(os, 'geteuid') and os.geteuid() == 0",
    ],
)
def test_guarded_and_portable_uses_pass(source: str) -> None:
    assert not findings_in(source)


# ---- the other side of each guard ---------------------------------------------------------


def test_files_work_where_there_are_no_file_modes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from massage_trainer.core import files

    monkeypatch.setattr(files, "POSIX", False)
    calls: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda *a, **k: calls.append(a))
    folder = tmp_path / "data"
    assert files.private_folder(folder) is False
    assert files.tighten_files(folder) == 0
    target = folder / "out.csv"
    files.write_bytes_atomic(target, b"a;b\n", private=True)
    assert target.read_bytes() == b"a;b\n"
    assert calls == []  # no mode was set where modes mean nothing


def test_a_session_owner_on_windows_is_never_signalled(monkeypatch: pytest.MonkeyPatch) -> None:
    from massage_trainer.core.history import owner

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "kill", lambda *_a: pytest.fail("os.kill would send CTRL+C there"))
    assert owner._process_alive(os.getpid()) is False


def test_the_owner_token_needs_no_proc_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from massage_trainer.core.history import owner

    real_open = open

    def no_proc(path: object, *args: object, **kwargs: object) -> object:
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(path)
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", no_proc)
    token = owner.new_token()
    try:
        assert token.split("|")[2] == ""  # no start time where /proc does not exist
        assert owner.is_alive(token)
    finally:
        owner.release(token)
