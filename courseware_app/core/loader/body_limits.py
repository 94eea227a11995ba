"""Limits on a module body that real modules never reach (core.limits): past one, the file is
refused with a diagnostic on the line where the limit is first passed, before Markdown (whose
time and memory grow much faster than the text on such input) ever sees it."""

from __future__ import annotations

import re
from typing import Final

from courseware_app.core.i18n import _
from courseware_app.core.limits import (
    MAX_FOOTNOTES,
    MAX_INLINE_NESTING,
    MAX_LINE_CHARS,
    MAX_NESTING,
    MAX_TABLE_COLUMNS,
)
from courseware_app.core.loader.files import Report
from courseware_app.core.syntax import Fences

# a container that a line may open: a block quote or a list item (whose marker needs a space)
CONTAINER_RE: Final = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")
FOOTNOTE_RE: Final = re.compile(r"^ {0,3}\[\^[^\]]+\]:")
CELL_RE: Final = re.compile(r"(?<!\\)\|")
DELIMITER_RE: Final = re.compile(r"\*+|_+|\[|\]")
TAB: Final = 4


def nesting(line: str) -> int:
    """How many lists, block quotes and callouts (4 columns of indent each) hold this line."""
    text = line.lstrip(" \t")
    depth = len(line[: len(line) - len(text)].expandtabs(TAB)) // TAB
    pos = 0
    while depth <= MAX_NESTING and (m := CONTAINER_RE.match(text, pos)):
        depth, pos = depth + 1, m.end()
    return depth


def table_columns(line: str) -> int:
    """The cells of a table row (0 for a line without '|')."""
    if "|" not in line:
        return 0
    return len(CELL_RE.findall(line.strip().strip("|"))) + 1


def inline_depth(line: str, depth: int) -> int:
    """The deepest nesting of emphasis and link brackets on this line, starting at ``depth``
    (what the paragraph's earlier lines left open); returns it, or the depth left open when
    it never passes the limit."""
    deepest = depth
    for m in DELIMITER_RE.finditer(line):
        run = m.group()
        if run == "[":
            depth += 1
        elif run == "]":
            depth = max(0, depth - 1)
        else:
            before = line[m.start() - 1 : m.start()]
            after = line[m.end() : m.end() + 1]
            opens, closes = after.strip() != "", before.strip() != ""
            if opens and not closes:
                depth += len(run)
            elif closes and not opens:
                depth = max(0, depth - len(run))
        deepest = max(deepest, depth)
        if deepest > MAX_INLINE_NESTING:
            return deepest
    return depth


class _Limits:
    """Checks a body line by line; each limit is reported once, on its first line past it."""

    def __init__(self, report: Report):
        self.report = report
        self.passed: set[str] = set()
        self.footnotes = 0
        self.open_inline = 0  # emphasis and brackets left open by the paragraph so far

    def over(self, no: int, code: str, value: int, limit: int) -> None:
        if value > limit and code not in self.passed:
            self.passed.add(code)
            self.report.add(no, code, limit_message(code).format(limit=limit))

    def line(self, no: int, line: str) -> None:
        if not line.strip():
            self.open_inline = 0
            return
        self.over(no, "limit-nesting", nesting(line), MAX_NESTING)
        self.over(no, "limit-table-columns", table_columns(line), MAX_TABLE_COLUMNS)
        if FOOTNOTE_RE.match(line):
            self.footnotes += 1
            self.over(no, "limit-footnotes", self.footnotes, MAX_FOOTNOTES)
        self.open_inline = inline_depth(line, self.open_inline)
        self.over(no, "limit-inline-nesting", self.open_inline, MAX_INLINE_NESTING)


def limit_message(code: str) -> str:
    """What passing the limit ``code`` means, for editors (with a {limit} placeholder)."""
    messages = {
        "limit-nesting": _(
            "lists, block quotes and callouts are nested deeper than the limit of {limit} levels"
        ),
        "limit-table-columns": _("this table row has more columns than the limit of {limit}"),
        "limit-footnotes": _("the module has more footnotes than the limit of {limit}"),
        "limit-inline-nesting": _(
            "emphasis and link brackets are nested deeper than the limit of {limit} levels"
        ),
        "limit-line-length": _("this line is longer than the limit of {limit} characters"),
    }
    return messages[code]


def check_body_limits(body: str, first_line: int, report: Report) -> bool:
    """Report the first line past each limit; False when any limit is passed."""
    checker, fences = _Limits(report), Fences()
    for i, line in enumerate(body.split("\n")):
        no = first_line + i
        checker.over(no, "limit-line-length", len(line), MAX_LINE_CHARS)
        if not fences.inside(line):
            checker.line(no, line)
    return not checker.passed
