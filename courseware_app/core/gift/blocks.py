"""The block reader: a GIFT file split into questions, comments and categories left out."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from courseware_app.core.gift.decoding import GiftWarning
from courseware_app.core.gift.text import escape, restore, single_line, unescape_entities
from courseware_app.core.i18n import _

Lines = list[tuple[int, str]]


@dataclass
class Block:
    """One GIFT question: its lines (escapes replaced) with their source line numbers."""

    lines: Lines
    text: str = ""
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = "\n".join(t for _n, t in self.lines)
        pos = 0
        for _no, t in self.lines:
            self.starts.append(pos)
            pos += len(t) + 1

    def line_at(self, offset: int) -> int:
        """The GIFT line of a character offset in :attr:`text`."""
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.lines[i][0]


@dataclass
class BlockSplit:
    """The questions of a file, the quiz title its first category names, and warnings."""

    blocks: list[Block]
    title: str
    warnings: list[GiftWarning]


def _brace_balance(text: str) -> int:
    return text.count("{") - text.count("}")


def _first_brace(text: str) -> str:
    m = re.search(r"[{}]", text)
    return m.group(0) if m else ""


def _category_title(raw: str) -> str:
    """The last part of a '$CATEGORY: a/b' path, or '' when it names nothing of ours."""
    parts = [p.strip() for p in restore(escape(raw)).split("/") if p.strip()]
    name = parts[-1] if parts else ""
    if name.startswith("$") or name.lower() == "top" or name.lower().startswith("default for"):
        return ""
    return single_line(unescape_entities(name))


class _Grouper:
    """Lines -> groups separated by blank lines, remembering the blank that ended each."""

    def __init__(self) -> None:
        self.groups: list[Lines] = []
        self.blanks: dict[int, int] = {}  # group index -> line of the blank line that ended it
        self.current: Lines = []
        self.title = ""

    def flush(self, blank_line: int | None) -> None:
        if self.current:
            self.groups.append(self.current)
            if blank_line is not None:
                self.blanks[len(self.groups) - 1] = blank_line
        self.current = []

    def feed(self, no: int, raw: str) -> None:
        stripped = raw.strip()
        if stripped.startswith("//"):
            return
        if stripped.startswith("$CATEGORY:"):
            self.flush(None)
            self.title = self.title or _category_title(stripped[len("$CATEGORY:") :])
        elif not stripped:
            self.flush(no)
        else:
            self.current.append((no, escape(raw.rstrip())))


def _continues(merged: Lines, following: Lines | None) -> bool:
    """Whether ``following`` reads as more answers that close the block ``merged`` opened."""
    return bool(
        following
        and following[0][1].lstrip()[:1] in ("=", "~", "#", "}")
        and _brace_balance("\n".join(t for _n, t in merged)) > 0
        and _first_brace("\n".join(t for _n, t in following)) == "}"
    )


def split_blocks(text: str) -> BlockSplit:
    """Split GIFT text (line ends normalised) into question blocks."""
    grouper = _Grouper()
    for no, raw in enumerate(text.split("\n"), 1):
        grouper.feed(no, raw)
    grouper.flush(None)
    groups, warnings = grouper.groups, []
    # A blank line inside an answer block (Moodle rejects it): join the two parts when
    # the next part reads as more answers ('=', '~', '#' or '}' first) that close the block.
    merged: list[Lines] = []
    join_next = False
    for i, group in enumerate(groups):
        if join_next:
            merged[-1].extend(group)
        else:
            merged.append(list(group))
        join_next = _continues(merged[-1], groups[i + 1] if i + 1 < len(groups) else None)
        if join_next:
            message = _(
                "blank line inside an answer block {...}: read as one question "
                "(Moodle would reject it)"
            )
            warnings.append(GiftWarning(grouper.blanks.get(i, group[-1][0]), message))
    return BlockSplit([Block(g) for g in merged], grouper.title, warnings)
