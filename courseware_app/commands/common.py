"""What the sub-commands share: one-line errors, the course they read, the files they write."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core import atomic, paths
from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.core.course import Course

BAD_USAGE = 2  # argparse's own exit code for a usage mistake


def fail(command: str, message: str, code: int = 1) -> int:
    """Print ``courseware COMMAND: message`` on standard error; return the exit code."""
    print(f"courseware {command}: {message}", file=sys.stderr)
    return code


def cannot_write(path: str | Path, exc: OSError) -> str:
    """'cannot write PATH: reason', naming the target, never the temporary file beside it
    that an atomic write failed on."""
    reason = exc.strerror or exc.__class__.__name__
    return _("cannot write {path}: {reason}").format(path=path, reason=reason)


def load_content(content: str | None, command: str, data: str | None = None) -> Course | int:
    """The course in ``--content`` (or the bundled one), or the exit code after saying that
    the folder holds no course, or that its course.yaml cannot be read (the loader would
    return an empty course). A module's own errors are the command's to report."""
    from courseware_app.core.loader import load_course

    folder = paths.content_dir(content, data)  # with no --content: an installed pack, if newer
    missing = no_course(folder, command)
    if missing:
        return missing
    course = load_course(folder)
    broken = [d for d in course.errors if Path(d.file).name == "course.yaml"]
    if broken:
        message = _("{path} cannot be used: {problem}")
        return fail(
            command, message.format(path=folder / "course.yaml", problem=broken[0].format())
        )
    return course


def no_course(folder: Path, command: str) -> int:
    """The exit code after saying that ``folder`` holds no course.yaml; 0 when it does."""
    if (folder / "course.yaml").is_file():
        return 0
    return fail(command, _("no course.yaml in {path}").format(path=folder), BAD_USAGE)


def write_output(command: str, path: Path, text: str, *, parents: bool = False) -> int:
    """Write ``text`` to ``path`` atomically (the file gets the user's umask; ``parents``
    creates missing folders); 0, or the exit code after a one-line message that names
    ``path`` (never the temporary file beside it)."""
    if path.is_dir():
        message = _("{path} is a folder; give a file name").format(path=path)
        return fail(command, message, BAD_USAGE)
    try:
        atomic.write_text(path, text, parents=parents)
    except FileExistsError:  # a file where a folder on the way should be
        not_a_folder = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        return fail(command, cannot_write(path, not_a_folder))
    except OSError as exc:
        return fail(command, cannot_write(path, exc))
    return 0


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number from ``low`` to ``high``: anything else is a
    usage error (exit 2), never an overflow further on."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("'{value}' is not a whole number").format(value=text)
            ) from None
        if not low <= value <= high:
            message = _("{value} is not between {low} and {high}")
            raise argparse.ArgumentTypeError(message.format(value=text, low=low, high=high))
        return value

    return convert
