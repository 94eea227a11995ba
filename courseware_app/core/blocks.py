"""Quiz blocks and trainer notes found in module source, outside fenced code (no Markdown needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from courseware_app.core.loader import TRAINER_RE, Fences
from courseware_app.core.quiz import CLOSE_RE, OPEN_RE


def iter_blocks(lines: list[str]) -> Iterator[tuple[str, int, int]]:
    """Yield (kind, start, end) for quiz blocks and trainer notes outside fenced code."""
    fences = Fences()
    i = 0
    while i < len(lines):
        line = lines[i]
        if fences.inside(line):
            pass
        elif OPEN_RE.match(line):
            end = next(
                (j for j in range(i + 1, len(lines)) if CLOSE_RE.match(lines[j])), len(lines) - 1
            )
            yield "quiz", i, end + 1
            i = end + 1
            continue
        elif TRAINER_RE.match(line):
            end = i + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
                end += 1
            while end > i + 1 and not lines[end - 1].strip():
                end -= 1
            yield "trainer", i, end
            i = end
            continue
        i += 1


def strip_blocks(
    lines: list[str], trainer: bool, quiz_html: Callable[[str], str] | None
) -> list[str]:
    """Remove quiz blocks (or put ``quiz_html(id)`` in their place) and, unless
    ``trainer``, remove trainer notes entirely so they never reach the HTML."""
    out: list[str] = []
    last = 0
    for kind, start, end in iter_blocks(lines):
        out.extend(lines[last:start])
        if kind == "trainer" and trainer:
            out.extend(lines[start:end])
        elif kind == "quiz" and quiz_html is not None:
            parts = OPEN_RE.match(lines[start]).group(1).split()
            out.extend(["", quiz_html(parts[0] if parts else ""), ""])
        last = end
    out.extend(lines[last:])
    return out
