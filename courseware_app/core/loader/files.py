"""Reading content files: paths as users type them, per-file reports, text and YAML."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from courseware_app.core.course import Diagnostic, Severity

YAML_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class Report:
    """Collects diagnostics for one file."""

    def __init__(self, path: Path):
        self.file = display_path(path)
        self.items: list[Diagnostic] = []

    def add(self, line: int, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.items.append(Diagnostic(self.file, max(1, line), severity, code, message))

    def warn(self, line: int, code: str, message: str) -> None:
        self.add(line, code, message, Severity.WARNING)

    @property
    def failed(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.items)

    def error_count(self) -> int:
        return sum(d.severity == Severity.ERROR for d in self.items)


def read_text(path: Path, report: Report) -> str | None:
    """The file as text with '\\n' line ends, or None (reported) when unreadable or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.add(1, "file-unreadable", f"cannot read the file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(line, "file-encoding", "the file is not valid UTF-8; save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class YAMLError(ValueError):
    """Invalid YAML: what is wrong, and the 0-based line PyYAML points at."""

    def __init__(self, problem: str, line: int):
        super().__init__(problem)
        self.problem, self.line = problem, line


def parse_yaml(text: str) -> object:
    """YAML with libyaml's C loader when present (several times faster); imported on first use."""
    import yaml

    try:
        data: object = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise YAMLError(problem, mark.line if mark else 0) from exc
    return data


def key_lines(text: str, offset: int) -> dict[str, int]:
    """Line of each top-level key in a YAML mapping (PyYAML forgets them)."""
    lines: dict[str, int] = {}
    for i, line in enumerate(text.split("\n")):
        m = YAML_KEY_RE.match(line)
        if m and m.group(1) not in lines:
            lines[m.group(1)] = offset + i
    return lines


@dataclass
class YamlMapping:
    """A YAML mapping read from a file, with the line of each top-level key."""

    data: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> object:
        return self.data.get(key)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)
