"""The editor's own text editor: a command with ``{file}`` and ``{line}``, or the first known
editor found on PATH."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

# (program looked for on PATH, the command that opens a file at a line)
KNOWN_EDITORS: tuple[tuple[str, str], ...] = (
    ("code", "code -g {file}:{line}"),
    ("notepad++", "notepad++ -n{line} {file}"),
    ("kate", "kate -l {line} {file}"),
    ("gedit", "gedit +{line} {file}"),
)


def default_command(which: Callable[[str], str | None]) -> str:
    """The first known editor that ``which`` finds ("" when none is: the system's default
    application opens the file then)."""
    return next((command for program, command in KNOWN_EDITORS if which(program)), "")


def editor_argv(command: str, file: Path, line: int) -> list[str]:
    """The program and its arguments: ``command`` split as a shell would (no shell runs it),
    with ``{file}`` and ``{line}`` filled in each word (so a path with spaces stays one)."""
    words = shlex.split(command, posix=os.name != "nt")
    return [w.replace("{file}", str(file)).replace("{line}", str(max(1, line))) for w in words]
