"""Reading content files: paths as users type them, per-file reports, text and YAML."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core.course import Diagnostic, Severity
from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_MODULE_BYTES, MAX_YAML_BYTES

if TYPE_CHECKING:  # YAML is imported on first use
    from yaml.events import Event
    from yaml.nodes import Node

YAML_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def short_repr(value: object, limit: int = 60) -> str:
    """A value as YAML read it, cut short for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def read_text(path: Path, report: Report, max_bytes: int = MAX_MODULE_BYTES) -> str | None:
    """The file as text with '\\n' line ends, or None (reported) when unreadable, larger than
    ``max_bytes`` (only that much is read) or not UTF-8."""
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        report.add(1, "file-unreadable", f"cannot read the file: {exc.strerror or exc}")
        return None
    if len(data) > max_bytes:
        report.add(
            data[:max_bytes].count(b"\n") + 1,
            "limit-file-size",
            _("the file is larger than the limit of {limit} bytes").format(limit=max_bytes),
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(line, "file-encoding", "the file is not valid UTF-8; save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class YAMLError(ValueError):
    """YAML that is invalid (``code`` empty) or refused (``code`` says why): what is wrong, and
    the 0-based line it is on."""

    def __init__(self, problem: str, line: int, code: str = ""):
        super().__init__(problem)
        self.problem, self.line, self.code = problem, line, code


def report_yaml_error(report: Report, exc: YAMLError, line: int, code: str, what: str) -> None:
    """Report ``exc`` on ``line``: refused YAML under its own code, invalid YAML under ``code``."""
    if exc.code:
        report.add(line, exc.code, exc.problem)
    else:
        report.add(line, code, f"{what} is not valid YAML: {exc.problem}")


def parse_yaml(text: str) -> object:
    """The value of a YAML document, refused when too large or when it has anchors or aliases."""
    return parse_yaml_node(text)[0]


def parse_yaml_node(text: str, limit: int = MAX_YAML_BYTES) -> tuple[object, Node | None]:
    """The value of a YAML document and its node tree (which knows each value's line).

    Anchors and aliases (``&a``, ``*a``) have no use in course files and can expand without
    bound, so a document that has any is refused before anything is built."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: several times faster
    _refuse_large(text, limit)
    try:
        _refuse_anchors(yaml.parse(text, Loader=loader_class))
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            data: object = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except YAMLError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise YAMLError(problem, mark.line if mark else 0) from exc
    except (ValueError, RecursionError, OverflowError) as exc:  # a 5,000-digit number, [[[[...
        raise YAMLError(str(exc).split("\n")[0] or type(exc).__name__, 0) from exc
    return data, node


def _refuse_large(text: str, limit: int) -> None:
    if len(text) > limit or len(text.encode("utf-8")) > limit:
        raise YAMLError(
            _("the YAML is larger than the limit of {limit} bytes").format(limit=limit),
            text[:limit].count("\n"),
            "limit-yaml-size",
        )


def _refuse_anchors(events: Iterable[Event]) -> None:
    from yaml.events import AliasEvent, NodeEvent

    for event in events:
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise YAMLError(
                _("anchors and aliases (&name, *name) are not allowed: write each value in full"),
                event.start_mark.line if event.start_mark else 0,
                "yaml-alias",
            )


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
