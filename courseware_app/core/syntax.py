"""The course's Markdown syntax as data: the one place that says what each construct looks like."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple
from urllib.parse import unquote

# ---------------------------------------------------------------- fenced code

FENCE_RE: Final = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


class Fences:
    """Tracks fenced code blocks line by line; ``inside(line)`` is True for fence lines and code."""

    def __init__(self) -> None:
        self.open: str | None = None

    def inside(self, line: str) -> bool:
        m = FENCE_RE.match(line)
        if self.open:
            if m and m.group(1)[0] == self.open[0] and len(m.group(1)) >= len(self.open):
                self.open = None
            return True
        if m:
            self.open = m.group(1)
            return True
        return False


# ---------------------------------------------------------------- front matter

FRONT_MATTER_OPEN: Final = "---"
FRONT_MATTER_CLOSE: Final = ("---", "...")


def opens_front_matter(line: str) -> bool:
    """True for the '---' line a module file must start with."""
    return line.strip() == FRONT_MATTER_OPEN


def closes_front_matter(line: str) -> bool:
    """True for the '---' (or YAML's '...') line that ends the front matter."""
    return line.strip() in FRONT_MATTER_CLOSE


# ---------------------------------------------------------------- headings

H1_RE: Final = re.compile(r"^#(?!#)\s")
H2_RE: Final = re.compile(r"^##(?!#)\s*(.*?)\s*$")
HEADING_ID_RE: Final = re.compile(r"^(.*?)\s*\{\s*#([^\s}]+)[^}]*\}$")
"""A heading's text ending in attributes with an id: ``Title {#some-id .class}``."""

BLOCK_START_CHARS: Final = frozenset("#!:`~ \t")
"""First characters of every line that can open a heading, callout, quiz, exercise or fence."""
ID_RE: Final = re.compile(r"^[a-z0-9][a-z0-9-]*$")
"""A module's, section's, quiz's or exercise's id: lower-case letters, digits and hyphens."""


def heading_id(text: str) -> tuple[str, str] | None:
    """(title, id) of a heading's text with ``{#id ...}`` attributes, or None without an id."""
    m = HEADING_ID_RE.match(text)
    return (m.group(1).strip(), m.group(2)) if m else None


HEADING_ATTRIBUTES_RE: Final = re.compile(r"\{\s*#[^\s}]+([^}]*)\}$")
MINUTES_ATTRIBUTE_RE: Final = re.compile(r"(?<![\w-])minutes\s*=\s*(\S*)")
"""A section's planned time: ``## Risk matrix {#risk-matrix minutes=30}``."""


def heading_minutes(text: str) -> str | None:
    """What is written after ``minutes=`` in a heading's attributes (maybe not a number), or
    None when the heading plans no time."""
    m = HEADING_ATTRIBUTES_RE.search(text)
    found = MINUTES_ATTRIBUTE_RE.search(m.group(1)) if m else None
    return found.group(1).strip("\"'") if found else None


# ---------------------------------------------------------------- callouts and trainer notes

CALLOUT_RE: Final = re.compile(r'^!!!\s+(\S+)(?:\s+"(.*)")?\s*$')
"""``!!! kind "Title"`` (Python-Markdown's admonition; the renderer enables no ``???`` form)."""
TRAINER_RE: Final = re.compile(r"^!!!\s+trainer\b")
"""A trainer note opens with ``!!! trainer``; its body is the indented lines below."""
CALLOUT_INDENT: Final = "    "

TRAINER_KIND: Final = "trainer"
SLIDE_KIND: Final = "slide"
SLIDE_RE: Final = re.compile(r'^!!!\s+slide(?:\s+"(.*)")?\s*$')
"""A slide opens at the margin with ``!!! slide "Title"``; its body is indented four spaces:
3-6 bullet points or one picture, and maybe a nested ``!!! trainer`` note (speaker text)."""
PROJECTED_KINDS: Final = frozenset({"case-study", "example", "exercise"})
"""Callouts a presenter projects on their own, one per step."""
ADMONITION_RE: Final = re.compile(r'^!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
"""Python-Markdown's admonition opener, after any indentation: ``!!! kind [kind...] "Title"``."""
CANONICAL_TRAINER_RE: Final = re.compile(r'^[ >]*!!! trainer(?: "[^"]*")?$')
"""The one way editors write a trainer note: ``!!! trainer "Title"`` (indented with spaces
inside a callout or list item); its body is indented four spaces more."""
TRAINER_LIKE_RE: Final = re.compile(r'^[ \t>]*!!![^"\n]*?(?<![\w-])trainer(?![\w])', re.IGNORECASE)
"""Any line that opens something like a trainer note (``trainer`` before a title's quotes),
indented or in a block quote."""


def is_trainer_kind(classes: str) -> bool:
    """True when an admonition of these classes is a trainer note: the one definition that
    the renderer, the search index, the validator and every other consumer apply."""
    return TRAINER_KIND in classes.lower().split()


def looks_like_trainer_note(line: str) -> bool:
    """True for a line an editor most likely meant to open a trainer note, in any spelling."""
    return TRAINER_LIKE_RE.match(line) is not None


def opens_trainer_note(line: str) -> bool:
    """True when Python-Markdown would open a trainer note on this line (at any nesting), e.g.
    to count notes; whether it really does in context is the renderer's decision."""
    m = ADMONITION_RE.match(line.lstrip())
    return m is not None and is_trainer_kind(m.group(1))


def is_canonical_trainer_opener(line: str) -> bool:
    """True for ``!!! trainer`` or ``!!! trainer "Title"``, indented (if at all) by spaces."""
    return CANONICAL_TRAINER_RE.match(line.rstrip()) is not None


def callout_title(line: str) -> str | None:
    """The quoted title of a callout opener (nested ones too), or None when it has none."""
    m = CALLOUT_RE.match(line.lstrip(" >"))
    return m.group(2) if m else None


# ---------------------------------------------------------------- quiz blocks

QUIZ_OPEN_RE: Final = re.compile(r"^:::\s*quiz\b(.*)$")
QUIZ_CLOSE_RE: Final = re.compile(r"^:::\s*$")


def quiz_id(line: str) -> str:
    """The id written after ``::: quiz`` ('' when none is)."""
    m = QUIZ_OPEN_RE.match(line)
    parts = m.group(1).split() if m else []
    return parts[0] if parts else ""


def quiz_end(lines: list[str], start: int) -> int | None:
    """Index of the ``:::`` line closing the quiz (or exercise) opened at ``start``, or None."""
    return next((j for j in range(start + 1, len(lines)) if QUIZ_CLOSE_RE.match(lines[j])), None)


# ---------------------------------------------------------------- exercise blocks

EXERCISE_OPEN_RE: Final = re.compile(r"^:::\s*exercise\b(.*)$")
"""``::: exercise KIND ID`` opens an exercise; a ``:::`` line closes it, as it closes a quiz."""


def exercise_header(line: str) -> tuple[str, str]:
    """(kind, id) written after ``::: exercise`` ('' for what is not written)."""
    m = EXERCISE_OPEN_RE.match(line)
    parts = m.group(1).split() if m else []
    return (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")


def exercise_id(line: str) -> str:
    """The id written after ``::: exercise KIND`` ('' when none is)."""
    return exercise_header(line)[1]


BlockKind = Literal["quiz", "exercise", "trainer"]


def _colon_block(line: str) -> BlockKind | None:
    """The kind of ``:::`` block a line opens, or None."""
    if QUIZ_OPEN_RE.match(line):
        return "quiz"
    return "exercise" if EXERCISE_OPEN_RE.match(line) else None


def opens_colon_block(line: str) -> bool:
    """True for a ``::: quiz`` or ``::: exercise`` opener (both close at the next ``:::``)."""
    return _colon_block(line) is not None


def callout_end(lines: list[str], start: int) -> int:
    """Index after the last line of the callout opened at ``start``: its body is the following
    blank or indented lines (trailing blank lines are not part of it)."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(CALLOUT_INDENT)):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def iter_blocks(lines: list[str]) -> Iterator[tuple[BlockKind, int, int]]:
    """Yield (kind, start, end) for quiz and exercise blocks and trainer notes outside fenced
    code (an unclosed block runs to the end)."""
    fences = Fences()
    i = 0
    while i < len(lines):
        line = lines[i]
        if fences.inside(line):
            i += 1
        elif kind := _colon_block(line):
            end = quiz_end(lines, i)
            yield kind, i, len(lines) if end is None else end + 1
            i = len(lines) if end is None else end + 1
        elif TRAINER_RE.match(line):
            end = callout_end(lines, i)
            yield "trainer", i, end
            i = end
        else:
            i += 1


# ---------------------------------------------------------------- links and images

_TITLE = r"(?:\"[^\"]*\"|'[^']*')"
INLINE_LINK_RE: Final = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]*)\]"
    r"\(\s*(?:<(?P<angle>[^>\n]*)>|<?(?P<bare>[^)\s>]+)>?)(?:\s+" + _TITLE + r")?\s*\)"
)
"""``[text](dest "title")`` and ``![alt](src)``; ``dest`` may be ``<in angle brackets>``."""
REFERENCE_USE_RE: Final = re.compile(
    r"(?P<bang>!?)\[(?!\^)(?P<text>[^\]]*)\](?:(?P<gap>\s?)\[(?P<ref>[^\]]*)\])?"
)
"""``[text][ref]``, ``[text][]`` and the ``[ref]`` shortcut (and their ``!`` image forms);
``[^note]`` is a footnote reference, not a link."""
REFERENCE_DEF_RE: Final = re.compile(
    r"^\s*\[(?P<label>[^\[\]^][^\[\]]*|)\]:[ \t]*(?P<dest>\S+)"
    r"(?:[ \t]+(?:" + _TITLE + r"|\([^)]*\)))?[ \t]*$"
)
"""``[ref]: dest "title"`` (a ``[^note]:`` line is a footnote, not a reference)."""
RAW_IMG_RE: Final = re.compile(
    r"<img\b[^>]*?\ssrc\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))",
    re.IGNORECASE,
)
CODE_SPAN_RE: Final = re.compile(r"`[^`]*`")
FOOTNOTE_MARK: Final = "^"


@dataclass(frozen=True)
class LinkUse:
    """A link or image written on one line: an inline destination or a reference to one."""

    image: bool
    text: str
    target: str | None = None  # the destination of an inline link
    ref: str | None = None  # the reference key of a reference-style link
    explicit: bool = False  # ``[text][ref]`` or ``[text][]`` written together: meant as a link


@dataclass(frozen=True)
class ReferenceDefinition:
    """``[key]: destination`` as Python-Markdown stores it."""

    key: str
    destination: str


def reference_key(label: str) -> str:
    """The key a reference label is looked up by: case and runs of spaces do not count."""
    return " ".join(label.split()).lower()


def _blank(pattern: re.Pattern[str], line: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), line)


def parse_reference_definition(line: str) -> ReferenceDefinition | None:
    """The reference a ``[ref]: dest`` line defines, or None for any other line."""
    m = REFERENCE_DEF_RE.match(line)
    if not m:
        return None
    return ReferenceDefinition(reference_key(m["label"]), m["dest"].lstrip("<").rstrip(">"))


def iter_link_uses(line: str) -> Iterator[LinkUse]:
    """Inline links and images, then reference-style ones, on a line outside code spans."""
    line = _blank(CODE_SPAN_RE, line)
    for m in INLINE_LINK_RE.finditer(line):
        target = m["angle"] if m["angle"] is not None else m["bare"]
        yield LinkUse(bool(m["bang"]), m["text"], target=target)
    for m in REFERENCE_USE_RE.finditer(_blank(INLINE_LINK_RE, line)):
        label = m["ref"] or m["text"]
        if label.startswith(FOOTNOTE_MARK):
            continue
        explicit = m["ref"] is not None and not m["gap"]
        yield LinkUse(bool(m["bang"]), m["text"], ref=reference_key(label), explicit=explicit)


def raw_image_sources(line: str) -> list[str]:
    """The ``src`` of every raw HTML ``<img>`` tag on a line."""
    return [
        m["dq"] if m["dq"] is not None else m["sq"] or m["bare"] for m in RAW_IMG_RE.finditer(line)
    ]


# ---------------------------------------------------------------- destinations

SCHEME_RE: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
MODULE_LINK_RE: Final = re.compile(r"^([a-z0-9][a-z0-9-]*)(?:#([A-Za-z0-9_-]+))?$")
"""``module-id`` or ``module-id#section``: a link to another module of the course."""
MODULE_SCHEME: Final = "module:"
ASSET_SCHEME: Final = "asset:"

DestinationKind = Literal["anchor", "module", "external", "asset", "unknown"]


class Destination(NamedTuple):
    """What a link's destination points at: a section here, a module, a web page or a file."""

    kind: DestinationKind
    target: str  # module id, asset file name, or the destination itself
    fragment: str = ""


def is_remote(src: str) -> bool:
    """True for an address outside the module folder: ``https://...``, ``//host/...``, any
    scheme but the reader's own ``asset:``. The reader never fetches one."""
    if src.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    return SCHEME_RE.match(src) is not None and not src.lower().startswith(ASSET_SCHEME)


def _module_destination(ref: str) -> Destination | None:
    m = MODULE_LINK_RE.match(ref)
    return Destination("module", m.group(1), m.group(2) or "") if m else None


def classify_destination(href: str) -> Destination:
    """anchor (``#id``), module (``rm-02#x``, ``module:rm-02#x``), external, asset or unknown."""
    if href.startswith("#"):
        return Destination("anchor", "", href[1:])
    if href.startswith(MODULE_SCHEME):
        return _module_destination(href[len(MODULE_SCHEME) :]) or Destination("unknown", href)
    if SCHEME_RE.match(href):
        return Destination("external", href)
    module = _module_destination(href)
    if module is not None:
        return module
    name = unquote(href.split("#")[0])
    if name and "/" not in name and "\\" not in name and name not in (".", ".."):
        return Destination("asset", name)
    return Destination("unknown", href)


# ---------------------------------------------------------------- visible prose

_MARKUP_RES: Final = (
    (re.compile(r"^\s*(\[\^[^\]]+\]:|:\s)"), ""),  # footnote and definition-list markers
    (CODE_SPAN_RE, ""),
    (re.compile(r"\]\([^)]*\)"), "]"),  # inline link destinations
    (re.compile(r"\{[#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"https?://\S+"), ""),  # bare URLs
    (re.compile(r"<[^>]+>"), ""),  # raw HTML tags
)


def visible_text(line: str) -> str:
    """A line's visible prose: without code spans, URLs, link targets, attributes and tags."""
    for pattern, replacement in _MARKUP_RES:
        line = pattern.sub(replacement, line)
    return line
