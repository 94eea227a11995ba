"""GIFT text: escapes, HTML entities and [html] text, spaces, ids and numbers."""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

MAX_SLUG = 48

# GIFT escapes (\: \# \= \{ \} \~ \n and \\) become private-use characters while the
# structure is read, and are turned back into the characters they stand for afterwards.
_ESCAPES = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
    "n": "\ue007",
}
_RESTORE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_NUMERIC_ENTITY_RE = re.compile(r"&#(?=(?:\d+|[xX][0-9a-fA-F]+);)")
_RESTORE_RE = re.compile("[" + "".join(_RESTORE) + "]")
_ENTITY_RE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SPACES_RE = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space is kept
_TAG_START_RE = re.compile(r"<(?=[A-Za-z/!?])")

_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщыэюяіїєґ"
_LATIN_LETTERS = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya i yi ye g"
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _LATIN_LETTERS.split(), strict=True)) | {"ъ": "", "ь": ""}


def escape(text: str) -> str:
    """Hide escaped characters, and the '#' of numeric entities such as '&#233;'."""
    text = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)
    return _NUMERIC_ENTITY_RE.sub("&" + _ESCAPES["#"], text)


def restore(text: str) -> str:
    """Put back the characters that :func:`escape` hid."""
    return _RESTORE_RE.sub(lambda m: _RESTORE[m.group(0)], text)


def unescape_entities(text: str) -> str:
    """Decode HTML entities, except a '<' that would start a tag in our Markdown."""

    def repl(m: re.Match[str]) -> str:
        char = html.unescape(m.group(0))
        return m.group(0) if char == "<" else char

    return _ENTITY_RE.sub(repl, text)


def clip(text: str, size: int = 40) -> str:
    """Shorten a text quoted in a warning."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def single_line(text: str) -> str:
    """Runs of spaces and line breaks as one space."""
    return _SPACES_RE.sub(" ", text).strip()


def tidy_lines(text: str) -> str:
    """Collapse spaces in each line, keep one blank line between paragraphs."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = single_line(raw)
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


_BLOCK_TAGS = "p div h1 h2 h3 h4 h5 h6 ul ol dl table tr blockquote pre hr section article"


class _HtmlToText(HTMLParser):
    """Plain text from GIFT [html]: tags stripped, <br> and blocks as line breaks."""

    BLOCKS = frozenset(_BLOCK_TAGS.split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "img":
            self.images += 1
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(_SPACES_RE.sub(" ", data))


def html_to_text(source: str) -> tuple[str, int]:
    """(plain text, number of images left out) for an HTML fragment."""
    parser = _HtmlToText()
    parser.feed(source)
    parser.close()
    text = _TAG_START_RE.sub("&lt;", "".join(parser.parts))
    return tidy_lines(text), parser.images


def slugify(text: str) -> str:
    """A question id from a title: lower-case ASCII letters, digits and hyphens."""
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def gift_number(text: str) -> Decimal | None:
    """A finite number from GIFT text ('12.5', '12,5', '1e3'), or None."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def fmt_number(value: Decimal) -> str:
    """A Decimal as plain digits: no exponent, no trailing zeros, no negative zero."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "+0") else text
