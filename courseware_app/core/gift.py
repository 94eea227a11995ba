"""Moodle GIFT -> our Markdown quiz syntax (``courseware import-gift``). Qt-free.

The reading follows Moodle's own importer (question/format/gift/format.php): questions are
separated by blank lines, ``//`` lines are comments, ``::Title::`` names a question, an
optional ``[html]``/``[markdown]``/``[moodle]``/``[plain]`` marker gives the text format,
and the answer block ``{...}`` decides the type. What our format cannot express is reported
as a :class:`GiftWarning` with its GIFT line number; nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from typing import NamedTuple

from courseware_app.core.course import ID_RE, Diagnostic
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.quiz import (
    KEYWORD_RE,
    OPTION_RE,
    PAIR_RE,
    QUESTION_RE,
    parse_quiz,
)

LANGUAGES = ("en", "ru", "fr")
FORMAT_RE = re.compile(r"\[(html|markdown|moodle|plain)\]", re.IGNORECASE)
WEIGHT_RE = re.compile(r"^\s*%\s*(-?\d+(?:\.\d+)?)\s*%")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
BLANK = "___"
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


@dataclass
class GiftResult:
    markdown: str  # the quiz block, or "" when no question could be imported
    warnings: list[GiftWarning]
    questions: int
    title: str = ""  # from the first $CATEGORY:, when it names something


# ---------------------------------------------------------------- decoding


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


# ---------------------------------------------------------------- text helpers


def _escape(text: str) -> str:
    """Hide escaped characters, and the '#' of numeric entities such as '&#233;'."""
    text = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)
    return _NUMERIC_ENTITY_RE.sub("&" + _ESCAPES["#"], text)


def _restore(text: str) -> str:
    return _RESTORE_RE.sub(lambda m: _RESTORE[m.group(0)], text)


def _unescape_entities(text: str) -> str:
    """Decode HTML entities, except a '<' that would start a tag in our Markdown."""

    def repl(m: re.Match) -> str:
        char = html.unescape(m.group(0))
        return m.group(0) if char == "<" else char

    return _ENTITY_RE.sub(repl, text)


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def single_line(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def _tidy_lines(text: str) -> str:
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

    def handle_starttag(self, tag: str, attrs) -> None:
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
    return _tidy_lines(text), parser.images


def slugify(text: str) -> str:
    """A question id from a title: lower-case ASCII letters, digits and hyphens."""
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def safe_text_line(line: str, qtype: str) -> str:
    """A question-text line our quiz parser would read as structure, made literal."""
    if line.startswith(":::"):
        return "&#58;" + line[1:]
    if QUESTION_RE.match(line):
        return "&#63;" + line[1:]
    km = KEYWORD_RE.match(line)
    if km:
        cut = len(km.group(1))
        return line[:cut] + "&#58;" + line[cut + 1 :]
    if OPTION_RE.match(line) or (qtype == "match" and PAIR_RE.match(line)):
        return "\\" + line
    if len(line) >= 3 and set(line) == {"_"}:  # a lone blank would be a horizontal rule
        return "\\_" * len(line)
    return line


def _number(text: str) -> Decimal | None:
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


def _fmt_number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "+0") else text


# ---------------------------------------------------------------- blocks


@dataclass
class _Block:
    """One GIFT question: its lines (escapes replaced) with their source line numbers."""

    lines: list[tuple[int, str]]
    text: str = ""
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = "\n".join(t for _n, t in self.lines)
        pos = 0
        for _no, t in self.lines:
            self.starts.append(pos)
            pos += len(t) + 1

    def line_at(self, offset: int) -> int:
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.lines[i][0]


@dataclass
class _Answer:
    marker: str  # '=', '~' or '' (no marker)
    weight: Decimal | None  # None when no %N% was given
    text: str  # escaped GIFT text
    feedback: str  # escaped GIFT text, '' when none
    line: int


@dataclass
class _Out:
    """A converted question, waiting for its id."""

    qtype: str
    slug: str
    text: str
    body: list[str]
    line: int


def _brace_balance(text: str) -> int:
    return text.count("{") - text.count("}")


def _first_brace(text: str) -> str:
    m = re.search(r"[{}]", text)
    return m.group(0) if m else ""


class _Converter:
    def __init__(self) -> None:
        self.warnings: list[GiftWarning] = []
        self.out: list[_Out] = []
        self.title = ""

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(GiftWarning(line, message))

    # ------------------------------------------------------------ reading

    def run(self, text: str) -> None:
        for block in self._blocks(text):
            try:
                self._question(block)
            except Exception as exc:  # a converter bug must never lose the other questions
                self.warn(
                    block.lines[0][0],
                    _("this question could not be read ({error}); skipped").format(error=exc),
                )

    def _blocks(self, text: str) -> list[_Block]:
        groups: list[list[tuple[int, str]]] = []
        current: list[tuple[int, str]] = []
        blanks: dict[int, int] = {}  # group index -> line of the blank line that ended it

        def flush(blank_line: int | None) -> None:
            nonlocal current
            if current:
                groups.append(current)
                if blank_line is not None:
                    blanks[len(groups) - 1] = blank_line
            current = []

        for no, raw in enumerate(text.split("\n"), 1):
            stripped = raw.strip()
            if stripped.startswith("//"):
                continue
            if stripped.startswith("$CATEGORY:"):
                flush(None)
                self._category(stripped[len("$CATEGORY:") :])
                continue
            if not stripped:
                flush(no)
                continue
            current.append((no, _escape(raw.rstrip())))
        flush(None)
        # A blank line inside an answer block (Moodle rejects it): join the two parts when
        # the next part reads as more answers ('=', '~', '#' or '}' first) that close the block.
        merged: list[list[tuple[int, str]]] = []
        join_next = False
        for i, group in enumerate(groups):
            if join_next:
                merged[-1].extend(group)
            else:
                merged.append(list(group))
            following = groups[i + 1] if i + 1 < len(groups) else None
            join_next = bool(
                following
                and following[0][1].lstrip()[:1] in ("=", "~", "#", "}")
                and _brace_balance("\n".join(t for _n, t in merged[-1])) > 0
                and _first_brace("\n".join(t for _n, t in following)) == "}"
            )
            if join_next:
                self.warn(
                    blanks.get(i, group[-1][0]),
                    _(
                        "blank line inside an answer block {...}: read as one question "
                        "(Moodle would reject it)"
                    ),
                )
        return [_Block(g) for g in merged]

    def _category(self, raw: str) -> None:
        if self.title:
            return
        parts = [p.strip() for p in _restore(_escape(raw)).split("/") if p.strip()]
        name = parts[-1] if parts else ""
        if name.startswith("$") or name.lower() == "top" or name.lower().startswith("default for"):
            return
        self.title = single_line(_unescape_entities(name))

    def _question(self, block: _Block) -> None:
        text = block.text
        first = block.lines[0][0]
        pos = len(text) - len(text.lstrip())
        title = ""
        if text.startswith("::", pos):
            end = text.find("::", pos + 2)
            if end < 0:
                self.warn(
                    block.line_at(pos),
                    _("the title '::' is never closed with '::'; read as question text"),
                )
                pos += 2
            else:
                title = single_line(_unescape_entities(_restore(text[pos + 2 : end])))
                pos = end + 2
        while pos < len(text) and text[pos].isspace():
            pos += 1
        fmt = "moodle"
        m = FORMAT_RE.match(text, pos)
        if m:
            fmt, pos = m.group(1).lower(), m.end()

        braces = [(i, c) for i, c in enumerate(text) if i >= pos and c in "{}"]
        if not braces:
            self.warn(
                first,
                _(
                    "no answer block {...}: a description item is not a question and is "
                    "not imported"
                ),
            )
            return
        problem = self._brace_problem(braces)
        if problem:
            offset, message = problem
            self.warn(block.line_at(offset), message)
            return
        start, end = braces[0][0], braces[1][0]
        block_line = block.line_at(start)
        after = text[end + 1 :]
        question_raw = text[pos:start] + (BLANK if after.strip() else "") + after
        answer_raw = text[start + 1 : end]

        general = ""
        gf = answer_raw.rfind("####")
        if gf >= 0:
            general, answer_raw = answer_raw[gf + 4 :], answer_raw[:gf]
        answer_off = start + 1 + len(answer_raw) - len(answer_raw.lstrip())
        answer = answer_raw.strip()
        if not answer:
            self.warn(block_line, _("essay questions ({}) are not supported; skipped"))
            return

        question_text = self._text(question_raw, fmt, first)
        if not question_text:
            if not title:
                self.warn(first, _("the question has no text; skipped"))
                return
            self.warn(first, _("the question has no text; its title is used as the text"))
            question_text = title
        explanation = single_line(self._text(general, fmt, block_line, detect=True))

        def at(offset: int) -> int:
            return block.line_at(answer_off + offset)

        if answer.startswith("#"):
            body = self._numeric(answer, at, fmt, explanation, block_line)
            qtype = "numeric"
        elif "~" in answer:
            qtype, body = self._choice(answer, at, fmt, explanation, block_line)
        elif "=" in answer and "->" in answer:
            body = self._match(answer, at, fmt, explanation, block_line)
            qtype = "match"
        elif answer.split("#", 1)[0].strip().upper() in TRUE_FALSE:
            body = self._truefalse(answer, fmt, explanation, block_line)
            qtype = "truefalse"
        else:
            body = self._short(answer, at, fmt, explanation, block_line)
            qtype = "short"
        if body is None:
            return
        self.out.append(_Out(qtype, slugify(title), question_text, body, first))

    def _brace_problem(self, braces: list[tuple[int, str]]) -> tuple[int, str] | None:
        if braces[0][1] == "}":
            return braces[0][0], _(
                "'}' without an opening '{' (write \\} for a literal brace); question skipped"
            )
        if len(braces) == 1:
            return braces[0][0], _(
                "the answer block opened here is never closed with '}'; question skipped"
            )
        if braces[1][1] == "{":
            return braces[1][0], _(
                "a second '{' inside the answer block (write \\{ for a literal brace); "
                "question skipped"
            )
        if len(braces) > 2:
            return braces[2][0], _(
                "more than one answer block in a question (write \\{ and \\} for literal "
                "braces); question skipped"
            )
        return None

    def _text(self, raw: str, fmt: str, line: int, detect: bool = False) -> str:
        """Escaped GIFT text -> our Markdown text (lines kept)."""
        raw = raw.strip()
        if detect:
            m = FORMAT_RE.match(raw)
            if m:
                fmt, raw = m.group(1).lower(), raw[m.end() :]
        text = _restore(raw)
        if fmt == "html":
            text, images = html_to_text(text)
            if images:
                self.warn(
                    line,
                    ngettext(
                        "{count} image left out (GIFT images point into Moodle); its alt text is kept",
                        "{count} images left out (GIFT images point into Moodle); their alt text is kept",
                        images,
                    ).format(count=images),
                )
            return text
        return _tidy_lines(_unescape_entities(text))

    def _answers(self, answer: str, markers: str, at) -> tuple[str, list[_Answer]]:
        """Split at each marker character: (text before the first marker, answers)."""
        pieces = list(re.finditer(f"[{re.escape(markers)}]", answer))
        lead = answer[: pieces[0].start()] if pieces else answer
        out = []
        bounds = [p.start() for p in pieces] + [len(answer)]
        for i, p in enumerate(pieces):
            chunk = answer[p.end() : bounds[i + 1]]
            out.append(self._answer(p.group(0), chunk, at(p.start())))
        return lead, out

    def _answer(self, marker: str, chunk: str, line: int) -> _Answer:
        weight = None
        wm = WEIGHT_RE.match(chunk)
        if wm:
            weight = Decimal(wm.group(1))
            chunk = chunk[wm.end() :]
        text, _sep, feedback = chunk.partition("#")
        return _Answer(marker, weight, text.strip(), feedback.strip(), line)

    def _option_text(self, raw: str, fmt: str, line: int) -> str:
        return single_line(self._text(raw, fmt, line, detect=True))

    def _lead(self, lead: str, at) -> None:
        if lead.strip():
            self.warn(
                at(0),
                _("text before the first answer is ignored: {text}").format(
                    text=_clip(single_line(_restore(lead)))
                ),
            )

    def _lost_feedback(self, answers: list[_Answer], kept: _Answer | None) -> None:
        for a in answers:
            if a.feedback and a is not kept:
                self.warn(
                    a.line,
                    _(
                        "feedback for answer '{answer}' is left out: short-answer and numeric "
                        "questions have no per-answer feedback"
                    ).format(answer=_clip(single_line(_restore(a.text)))),
                )

    def _with_explanation(self, body: list[str], explanation: str) -> list[str]:
        return body + ([f"explanation: {explanation}"] if explanation else [])

    # ------------------------------------------------------------ types

    def _choice(self, answer: str, at, fmt: str, explanation: str, line: int):
        lead, answers = self._answers(answer, "=~", at)
        self._lead(lead, at)
        options = []
        weighted = False
        for a in answers:
            text = self._option_text(a.text, fmt, a.line)
            if not text:
                self.warn(a.line, _("an empty answer is left out"))
                continue
            weighted = weighted or a.weight is not None
            correct = a.marker == "=" or (a.weight is not None and a.weight > 0)
            feedback = self._option_text(a.feedback, fmt, a.line) if a.feedback else ""
            options.append((text, correct, feedback, a))
        if len(options) < 2:
            self.warn(line, _("a multiple-choice question needs at least two answers; skipped"))
            return "", None
        correct = [o for o in options if o[1]]
        if not correct:
            self.warn(
                line,
                _("no correct answer (mark one with '=' or give it a positive %weight%); skipped"),
            )
            return "", None
        equals = [o for o in options if o[3].marker == "="]
        positive_tilde = [o for o in options if o[3].marker == "~" and o[1]]
        qtype = "single" if len(equals) == 1 and not positive_tilde else "multiple"
        if qtype == "multiple" and weighted:
            weights = [o[3].weight if o[3].weight is not None else Decimal(100) for o in correct]
            share = Decimal(100) / len(correct)
            if any(abs(w - share) > Decimal("0.01") for w in weights):
                self.warn(
                    line,
                    _(
                        "answer weights are approximated: every answer with a positive weight "
                        "counts as correct, scored as a 'multiple' question"
                    ),
                )
        body = []
        for text, ok, feedback, _a in options:
            body.append(f"- [{'x' if ok else ' '}] {text}")
            if feedback:
                body.append(f"  feedback: {feedback}")
        return qtype, self._with_explanation(body, explanation)

    def _truefalse(self, answer: str, fmt: str, explanation: str, line: int):
        value, wrong, right = ([*answer.split("#", 2), "", ""])[:3]
        truth = TRUE_FALSE[value.strip().upper()]
        wrong_text = single_line(self._text(wrong, fmt, line, detect=True))
        right_text = single_line(self._text(right, fmt, line, detect=True))
        if not explanation and right_text:
            explanation, right_text = right_text, ""
        if right_text:
            self.warn(
                line,
                _(
                    "feedback for the right answer is left out: a true/false question has "
                    "no per-answer feedback ({text})"
                ).format(text=_clip(right_text)),
            )
        if wrong_text:
            self.warn(
                line,
                _(
                    "feedback for the wrong answer is left out: a true/false question has "
                    "no per-answer feedback ({text})"
                ).format(text=_clip(wrong_text)),
            )
        body = [f"answer: {'true' if truth else 'false'}"]
        return self._with_explanation(body, explanation)

    def _short(self, answer: str, at, fmt: str, explanation: str, line: int):
        lead, answers = self._answers(answer, "=", at)
        if lead.strip():
            answers.insert(0, self._answer("", lead, at(0)))
        accepted: list[str] = []
        accepted_answers: list[_Answer] = []
        for a in answers:
            text = self._option_text(a.text, fmt, a.line)
            if not text:
                self.warn(a.line, _("an empty answer is left out"))
                continue
            if a.weight is not None and a.weight != 100:
                self.warn(
                    a.line,
                    _(
                        "answer '{answer}' is worth {weight} percent in GIFT; short-answer questions "
                        "have no partial credit, so it is not accepted"
                    ).format(answer=_clip(text), weight=_fmt_number(a.weight)),
                )
                continue
            if "|" in text:
                self.warn(
                    a.line,
                    _(
                        "answer '{answer}' contains '|', which separates accepted answers; left out"
                    ).format(answer=_clip(text)),
                )
                continue
            if "*" in text:
                self.warn(
                    a.line,
                    _(
                        "answer '{answer}': Moodle's '*' wildcard is not supported; it is "
                        "kept as a literal '*'"
                    ).format(answer=_clip(text)),
                )
            if text not in accepted:
                accepted.append(text)
            accepted_answers.append(a)
        if not accepted:
            self.warn(line, _("a short-answer question has no fully correct answer; skipped"))
            return None
        kept = next((a for a in accepted_answers if a.feedback), None)
        if not explanation and kept is not None:
            explanation = self._option_text(kept.feedback, fmt, kept.line)
        else:
            kept = None
        self._lost_feedback(accepted_answers, kept)
        return self._with_explanation([f"accept: {' | '.join(accepted)}"], explanation)

    def _numeric(self, answer: str, at, fmt: str, explanation: str, line: int):
        rest = answer[1:]
        wrong = ""
        tilde = rest.find("~")
        if tilde >= 0:
            rest, wrong = rest[:tilde], rest[tilde + 1 :]
        lead, answers = self._answers(rest, "=", lambda off: at(off + 1))
        if lead.strip():
            answers.insert(0, self._answer("", lead, at(1)))
        parsed = []
        for a in answers:
            value = self._numeric_value(_restore(a.text), a.line)
            if value is not None:
                parsed.append((a, value))
        full = [(a, v) for a, v in parsed if a.weight is None or a.weight == 100]
        if not full:
            self.warn(line, _("a numeric question has no valid full-credit answer; skipped"))
            return None
        chosen, (low, high, tol) = full[0]
        for a, _v in parsed:
            if a is not chosen:
                weight = _fmt_number(a.weight) if a.weight is not None else "100"
                self.warn(
                    a.line,
                    _(
                        "numeric answer '{answer}' ({weight}%) is left out: our numeric "
                        "questions take one answer, the first full-credit one"
                    ).format(answer=single_line(_restore(a.text)), weight=weight),
                )
        if wrong.strip():
            feedback = single_line(self._text(wrong.partition("#")[2], fmt, line, detect=True))
            if feedback:
                self.warn(
                    line,
                    _(
                        "feedback for wrong answers is left out: a numeric question has no "
                        "per-answer feedback ({text})"
                    ).format(text=_clip(feedback)),
                )
        if not explanation and chosen.feedback:
            explanation = self._option_text(chosen.feedback, fmt, chosen.line)
            kept = chosen
        else:
            kept = None
        self._lost_feedback([chosen], kept)
        if low == high:
            body = [f"answer: {_fmt_number(low)}"]
            if tol:
                body.append(f"tolerance: {_fmt_number(tol)}")
        else:
            body = [f"answer: {_fmt_number(low)}..{_fmt_number(high)}"]
        return self._with_explanation(body, explanation)

    def _numeric_value(self, text: str, line: int) -> tuple[Decimal, Decimal, Decimal] | None:
        """(low, high, tolerance) from '12.5', '12.5:0.5' or '10..15'."""
        text = text.strip()
        if text == "*":
            self.warn(line, _("a numeric answer '*' (any value) is not supported; left out"))
            return None
        if text.find("..") > 0:
            low_text, _sep, high_text = text.partition("..")
            low, high = _number(low_text), _number(high_text)
            if low is None or high is None or high < low:
                self.warn(
                    line,
                    _("numeric range '{value}' is not LOW..HIGH; left out").format(value=text),
                )
                return None
            return low, high, Decimal(0)
        value_text, _sep, tol_text = text.partition(":") if text.find(":") > 0 else (text, "", "")
        value = _number(value_text)
        tol = _number(tol_text) if tol_text.strip() else Decimal(0)
        if value is None or tol is None or tol < 0:
            self.warn(
                line,
                _(
                    "numeric answer '{value}' is not NUMBER, NUMBER:TOLERANCE or LOW..HIGH; "
                    "left out"
                ).format(value=text),
            )
            return None
        return value, value, tol

    def _match(self, answer: str, at, fmt: str, explanation: str, line: int):
        lead, answers = self._answers(answer, "=", at)
        self._lead(lead, at)
        pairs = []
        for a in answers:
            chunk = a.text + (f"#{a.feedback}" if a.feedback else "")  # '#' is literal here
            if a.weight is not None:
                self.warn(a.line, _("a weight on a matching pair has no effect; ignored"))
            left_raw, arrow, right_raw = chunk.partition("->")
            if not arrow:
                self.warn(
                    a.line,
                    _("a matching pair needs 'left -> right'; question skipped"),
                )
                return None
            left = self._option_text(left_raw, fmt, a.line)
            right = single_line(_unescape_entities(_restore(right_raw)))
            if not left:
                self.warn(
                    a.line,
                    _(
                        "an extra right-hand answer without a left side ('{right}') is not "
                        "supported; left out"
                    ).format(right=_clip(right)),
                )
                continue
            if not right:
                self.warn(a.line, _("a matching pair without a right side is left out"))
                continue
            pairs.append(f"- {left} -> {right}")
        if len(pairs) < 2:
            self.warn(line, _("a matching question needs at least two pairs; skipped"))
            return None
        return self._with_explanation(pairs, explanation)

    # ------------------------------------------------------------ writing

    def markdown(self, quiz_id: str) -> str:
        if not self.out:
            return ""
        lines = [f"::: quiz {quiz_id} pass=70 shuffle=true"]
        if self.title:
            lines.append(f"title: {self.title}")
        used: set[str] = set()
        for n, q in enumerate(self.out, 1):
            base = q.slug if q.slug and ID_RE.match(q.slug) else f"q{n}"
            qid, k = base, 2
            while qid in used:
                qid, k = f"{base}-{k}", k + 1
            used.add(qid)
            lines.append("")
            lines.append(f"? {q.qtype} {qid}")
            lines.extend(safe_text_line(t, q.qtype) for t in q.text.split("\n"))
            lines.extend(q.body)
        lines.append(":::")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- entry points


def import_gift(
    source: str | bytes, lang: str, quiz_id: str, encoding: str | None = None
) -> GiftResult:
    """Convert GIFT text (or bytes, decoded as :func:`decode_gift` says) to a quiz block."""
    if lang not in LANGUAGES:
        raise ValueError(_("unknown language '{lang}'").format(lang=lang))
    if not ID_RE.match(quiz_id or ""):
        raise ValueError(
            _("quiz id '{id}' must be lower-case letters, digits and hyphens").format(id=quiz_id)
        )
    warnings: list[GiftWarning] = []
    if isinstance(source, bytes):
        text, warnings = decode_gift(source, encoding)
    else:
        text = source.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    conv = _Converter()
    conv.run(text)
    warnings = warnings + sorted(conv.warnings, key=lambda w: w.line)
    markdown = conv.markdown(quiz_id)
    if not markdown:
        warnings.append(GiftWarning(1, _("no question could be imported")))
    return GiftResult(markdown, warnings, len(conv.out), conv.title)


def convert_gift(
    source: str | bytes, lang: str, quiz_id: str, encoding: str | None = None
) -> tuple[str, list[GiftWarning]]:
    """(Markdown quiz block, warnings). The Markdown is '' when nothing could be imported."""
    result = import_gift(source, lang, quiz_id, encoding)
    return result.markdown, result.warnings


def check_quiz_markdown(markdown: str, file: str = "<gift>") -> list[Diagnostic]:
    """Our own quiz parser's verdict on a converted block."""
    lines = markdown.rstrip("\n").split("\n")
    if lines and lines[-1].strip() == ":::":
        lines = lines[:-1]
    _quiz, diags = parse_quiz(file, list(enumerate(lines, 1)))
    return diags


# Content written into a new module file, in the module's language (not UI text).
_MODULE_TEXT = {
    "en": {
        "heading": "Quiz",
        "summary": "Questions imported from {name}.",
        "objective": "Check your understanding of the topic",
    },
    "ru": {
        "heading": "Тест",
        "summary": "Вопросы, импортированные из файла {name}.",
        "objective": "Проверить своё понимание темы",
    },
    "fr": {
        "heading": "Quiz",
        "summary": "Questions importées du fichier {name}.",
        "objective": "Vérifier sa compréhension du sujet",
    },
}


def _yaml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def module_markdown(
    quiz_markdown: str,
    module_id: str,
    lang: str,
    title: str,
    source_name: str,
    questions: int,
) -> str:
    """A complete module file around a quiz block: front matter + one '## ... {#quiz}'."""
    words = _MODULE_TEXT.get(lang, _MODULE_TEXT["en"])
    front = [
        "---",
        f"id: {module_id}",
        'version: "1.0.0"',
        f"title: {_yaml_string(title)}",
        f"summary: {_yaml_string(words['summary'].format(name=source_name))}",
        f"duration_minutes: {max(5, questions)}",
        "objectives:",
        f"  - {_yaml_string(words['objective'])}",
        "---",
        "",
        f"## {words['heading']} {{#quiz}}",
        "",
    ]
    return "\n".join(front) + "\n" + quiz_markdown
