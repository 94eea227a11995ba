"""Text made safe for a spreadsheet cell: the one rule every CSV and xlsx writer applies.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
tab or carriage return can hide such a start), so such text is prefixed with ``'``
(OWASP's rule for CSV injection). Any module that writes CSV or xlsx cells (results,
classroom sessions, TRS reports) calls :func:`neutralise` on every text cell, and
:func:`xlsx_text` on every text cell of a workbook. Numbers are written as numbers and
never pass through here.
"""

from __future__ import annotations

import re
from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

# The control characters an xlsx file cannot hold (XML 1.0 forbids them): C0 except tab,
# newline and carriage return, DEL and the C1 block.
_XLSX_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def neutralise(text: str) -> str:
    """``text`` with ``'`` put before it when a spreadsheet would read it as a formula.
    Idempotent: neutralised text starts with ``'`` and is left as it is."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_text(text: str) -> str:
    """``text`` for an xlsx cell: control characters removed (openpyxl refuses them, and one
    bad name must not break a whole export), then neutralised."""
    return neutralise(_XLSX_ILLEGAL.sub("", text))
