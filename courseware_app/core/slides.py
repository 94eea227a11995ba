"""A slide as written: ``!!! slide "Title"`` and its indented body (bullet points or one
picture, maybe a caption, maybe a nested trainer note that is the speaker's text)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from courseware_app.core.syntax import (
    CALLOUT_INDENT,
    SLIDE_RE,
    Fences,
    callout_end,
    iter_link_uses,
    opens_trainer_note,
)

POINT_RE: Final = re.compile(r"^[-*+]\s+(.*)$")
PICTURE_RE: Final = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")


@dataclass(frozen=True)
class SlideSource:
    """One slide's parts, as indices into the lines it was found in."""

    title: str
    start: int  # the opener
    end: int  # after the last body line
    points: tuple[str, ...]  # the bullet points' Markdown, in order
    image: str  # the picture's file name as written ("" for none)
    caption: str  # text under a picture
    speaker_start: int  # the nested trainer note's opener (== end when there is none)
    strays: tuple[int, ...]  # body lines that are neither a point, a picture, nor a caption

    def body(self, lines: list[str]) -> list[str]:
        """The slide's body without the speaker's note, dedented: what the room may see."""
        return [_dedent(line) for line in lines[self.start + 1 : self.speaker_start]]

    def speaker(self, lines: list[str]) -> list[str]:
        """The nested trainer note (opener and body) dedented to the margin, or []."""
        return [_dedent(line) for line in lines[self.speaker_start : self.end]]


def _dedent(line: str) -> str:
    return line[len(CALLOUT_INDENT) :] if line.startswith(CALLOUT_INDENT) else line.lstrip()


def parse_slide(lines: list[str], start: int) -> SlideSource:
    """The slide opened at ``lines[start]`` (which SLIDE_RE matches)."""
    m = SLIDE_RE.match(lines[start])
    title = (m.group(1) or "").strip() if m else ""
    end = callout_end(lines, start)
    speaker = next(
        (i for i in range(start + 1, end) if opens_trainer_note(lines[i])),
        end,
    )
    points: list[str] = []
    image, caption, strays = "", "", []
    for i in range(start + 1, speaker):
        text = _dedent(lines[i]).rstrip()
        if not text.strip():
            continue
        point = POINT_RE.match(text)
        if point and not lines[i].startswith(CALLOUT_INDENT * 2):
            points.append(point.group(1).strip())
        elif PICTURE_RE.match(text) and not image:
            image = next((u.target or "" for u in iter_link_uses(text) if u.image), "")
        elif image and not caption:
            caption = text.strip()
        else:
            strays.append(i)
    return SlideSource(title, start, end, tuple(points), image, caption, speaker, tuple(strays))


def iter_slides(lines: list[str]) -> Iterator[SlideSource]:
    """Every slide opened at the margin, outside fenced code."""
    fences = Fences()
    for i, line in enumerate(lines):
        if not fences.inside(line) and line.startswith("!!!") and SLIDE_RE.match(line):
            yield parse_slide(lines, i)
