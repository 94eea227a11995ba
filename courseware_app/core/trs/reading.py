"""Reading a TRS extract: the encoding (UTF-8 with or without BOM, Windows-1251) and the
delimiter (comma, semicolon or tab) found from the file itself, rows kept with their lines."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Final

from courseware_app.core.i18n import _
from courseware_app.core.trs.stats import collector_paused, positions

DELIMITERS: Final = (",", ";", "\t")
SAMPLE_LINES: Final = 20
MAX_BYTES: Final = 512 * 1024 * 1024  # far above a year of any post's consignments


class TrsError(Exception):
    """A file or a request the analysis cannot use; the message is one line for the user."""


@dataclass(frozen=True)
class Extract:
    """A table read from a file: what was found about it, its header, and its data rows:
    ``lines[i]`` is the line the i-th row starts on, ``records[i]`` its cells (a short row
    padded with empty cells to the header's width)."""

    name: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    lines: list[int]
    records: list[list[str]]

    def __len__(self) -> int:
        return len(self.records)

    def column(self, name: str) -> int:
        """The index of the column headed ``name`` (exactly as in the file); TrsError when
        there is none or more than one."""
        found = [i for i, h in enumerate(self.header) if h == name]
        if not found:
            listed = ", ".join(self.header)
            message = _("no column {name} in {file} (columns: {columns})")
            raise TrsError(message.format(name=name, file=self.name, columns=listed))
        if len(found) > 1:
            message = _("two columns are headed {name} in {file}")
            raise TrsError(message.format(name=name, file=self.name))
        return found[0]

    def values(self, name: str) -> list[str]:
        """The cells of the column headed ``name``, one per row."""
        return list(map(itemgetter(self.column(name)), self.records))


def read_extract(path: Path | str) -> Extract:
    """The extract in the file at ``path``; TrsError when it cannot be read or holds no table."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise TrsError(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from None
    if len(data) > MAX_BYTES:
        raise TrsError(_("{path} is too large to analyse").format(path=path))
    with collector_paused():
        return parse_extract(data, str(path))


def parse_extract(data: bytes, name: str) -> Extract:
    """The extract held in ``data`` (the bytes of a file called ``name``)."""
    text, encoding = decode(data, name)
    delimiter = detect_delimiter(text, name)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if len(rows) == text.count("\n") + (not text.endswith("\n")):
        lines = list(range(1, len(rows) + 1))  # one line a row
    else:  # a quoted cell runs over several lines: count them
        lines = _first_lines(text, delimiter)
    full = list(map(any, rows))
    if True not in full:
        raise TrsError(_("{file} is empty").format(file=name))
    first = full.index(True)
    header = tuple(c.strip() for c in rows[first])
    blank = set(positions(full, False))
    kept = [i for i in range(first + 1, len(rows)) if i not in blank] if blank else None
    if kept is None:
        lines, records = lines[first + 1 :], rows[first + 1 :]
    else:
        lines, records = [lines[i] for i in kept], [rows[i] for i in kept]
    width = len(header)
    if records and min(map(len, records)) < width:
        records = [cells + [""] * (width - len(cells)) for cells in records]
    return Extract(name, encoding, delimiter, header, lines, records)


def _first_lines(text: str, delimiter: str) -> list[int]:
    """The line each row starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found = []
    last_line = 0
    for _cells in reader:
        found.append(last_line + 1)
        last_line = reader.line_num
    return found


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with: UTF-16 or UTF-8 when a BOM says
    so, else UTF-8 when it decodes, else Windows-1251."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates: tuple[str, ...] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "cp1251")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    message = _("{file} is neither UTF-8 nor Windows-1251 text")
    raise TrsError(message.format(file=name))


def detect_delimiter(text: str, name: str) -> str:
    """The delimiter that splits the first lines into the same number of columns (two or
    more), the most columns first; TrsError when none does."""
    sample = [line for line in text.splitlines()[: SAMPLE_LINES * 2] if line.strip()]
    sample = sample[:SAMPLE_LINES]
    if not sample:
        raise TrsError(_("{file} is empty").format(file=name))
    best: tuple[int, int, int] = (0, 0, 0)
    chosen = ""
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in csv.reader(sample, delimiter=delimiter)]
        if not counts or counts[0] < 2:
            continue
        agreeing = sum(1 for c in counts if c == counts[0])
        score = (1, agreeing, counts[0])
        if score > best:
            best, chosen = score, delimiter
    if not chosen:
        message = _("{file} has no columns separated by commas, semicolons or tabs")
        raise TrsError(message.format(file=name))
    return chosen
