"""Bytes of a GIFT file -> text: an encoding given, a byte-order mark, UTF-8, or Windows-1251."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from courseware_app.core.i18n import _


class GiftWarning(NamedTuple):
    """Something in the GIFT file that was left out or changed, at a GIFT line."""

    line: int
    message: str


class GiftError(ValueError):
    """The GIFT file cannot be read at all (its bytes cannot be decoded)."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def _bad_byte_line(data: bytes, exc: UnicodeDecodeError) -> int:
    return data[: exc.start].count(b"\n") + 1


def decode_gift(data: bytes, encoding: str | None = None) -> tuple[str, list[GiftWarning]]:
    """Bytes -> text: ``encoding`` when given; else BOM, then UTF-8, then Windows-1251."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise GiftError(_("unknown encoding '{encoding}'").format(encoding=encoding)) from exc
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise GiftError(
                _("the file cannot be read as {encoding}").format(encoding=encoding),
                _bad_byte_line(data, exc),
            ) from exc
        return text.lstrip("\ufeff"), []
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), []
        except UnicodeDecodeError as exc:
            raise GiftError(
                _("the file starts with a UTF-8 mark but is not valid UTF-8"),
                _bad_byte_line(data, exc),
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise GiftError(_("the file cannot be read as UTF-16")) from exc
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = _bad_byte_line(data, exc)
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise GiftError(
            _("the file is neither UTF-8 nor Windows-1251; give its encoding with --encoding"),
            _bad_byte_line(data, exc),
        ) from exc
    warning = GiftWarning(
        line,
        _(
            "the file is not valid UTF-8 (first at line {line}); it was read as Windows-1251: "
            "check the text, or give the right encoding with --encoding"
        ).format(line=line),
    )
    return text, [warning]
