"""Bytes of a GIFT file -> text: an encoding given, a byte-order mark, UTF-16 recognised by its
NUL bytes, UTF-8, or Windows-1251. Text that still holds NUL bytes is refused."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_GIFT_BYTES


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


def check_size(size: int) -> None:
    """Refuse a file (or text) above limits.MAX_GIFT_BYTES before reading its questions."""
    if size > MAX_GIFT_BYTES:
        message = _(
            "the file is larger than {limit} bytes ({megabytes} MB), the most a GIFT file "
            "may hold; split it into smaller files"
        )
        megabytes = MAX_GIFT_BYTES // 1_000_000
        raise GiftError(message.format(limit=f"{MAX_GIFT_BYTES:,}", megabytes=megabytes))


def check_encoding(encoding: str) -> None:
    """Refuse an unknown encoding, or a codec that does not decode bytes to text (rot13,
    base64, zlib...)."""
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise GiftError(_("unknown encoding '{encoding}'").format(encoding=encoding)) from exc
    try:
        b"a".decode(encoding)  # bytes.decode refuses a codec that is not a text encoding
    except UnicodeError:
        pass  # a text encoding that cannot read this one byte: fine
    except (LookupError, TypeError, ValueError) as exc:
        message = _("'{encoding}' is not a character encoding (such as utf-8 or cp1251)")
        raise GiftError(message.format(encoding=encoding)) from exc


def decode_gift(data: bytes, encoding: str | None = None) -> tuple[str, list[GiftWarning]]:
    """Bytes -> text: ``encoding`` when given; else BOM, UTF-16 by its NUL bytes, UTF-8,
    Windows-1251. Raises GiftError when the text would hold NUL bytes."""
    check_size(len(data))
    text, warnings = _decode(data, encoding)
    check_text(text)
    return text, warnings


def check_text(text: str) -> None:
    """Refuse text with NUL characters: a file read in the wrong encoding (UTF-16 or UTF-32
    read as bytes), never a quiz."""
    nul = text.find("\x00")
    if nul >= 0:
        message = _(
            "the file holds NUL bytes, so it is not text in the encoding it was read as; "
            "give its encoding with --encoding (for example utf-16 or utf-32)"
        )
        raise GiftError(message, text.count("\n", 0, nul) + 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when NUL bytes fill one side of the byte pairs (the high bytes of
    ASCII characters) and not the other, else None."""
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 20 * even:
        return "utf-16-le"
    if even > 20 * odd:
        return "utf-16-be"
    return None


def _decode(data: bytes, encoding: str | None) -> tuple[str, list[GiftWarning]]:
    if encoding:
        check_encoding(encoding)
        try:
            text = data.decode(encoding)
        except UnicodeError as exc:
            line = _bad_byte_line(data, exc) if isinstance(exc, UnicodeDecodeError) else 1
            raise GiftError(
                _("the file cannot be read as {encoding}").format(encoding=encoding), line
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
    utf16 = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    utf16 = utf16 or (_utf16_without_bom(data) if b"\x00" in data else None)
    if utf16:
        try:
            return data.decode(utf16), []
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
