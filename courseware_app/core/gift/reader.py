"""The question reader: one GIFT block -> title, text and a type's converted body."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from courseware_app.core.gift.blocks import Block
from courseware_app.core.gift.decoding import GiftWarning
from courseware_app.core.gift.text import (
    clip,
    html_to_text,
    restore,
    single_line,
    slugify,
    tidy_lines,
    unescape_entities,
)
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.questions import QuestionType, gift_kinds

FORMAT_RE = re.compile(r"\[(html|markdown|moodle|plain)\]", re.IGNORECASE)
WEIGHT_RE = re.compile(r"^\s*%\s*(-?\d+(?:\.\d+)?)\s*%")
BLANK = "___"

LineAt = Callable[[int], int]
"""Offset in an answer block -> GIFT line number."""


@dataclass
class GiftAnswer:
    """One answer of an answer block: '=text#feedback', '~%50%text'..."""

    marker: str  # '=', '~' or '' (no marker)
    weight: Decimal | None  # None when no %N% was given
    text: str  # escaped GIFT text
    feedback: str  # escaped GIFT text, '' when none
    line: int


@dataclass(frozen=True)
class AnswerBlock:
    """The inside of a question's '{...}', stripped, with what its converter needs."""

    answer: str
    at: LineAt
    fmt: str  # the question's text format: html, markdown, moodle or plain
    explanation: str  # from '####general feedback', as one line
    line: int  # where the answer block opens


@dataclass
class Out:
    """A converted question, waiting for its id."""

    qtype: QuestionType
    slug: str
    text: str
    body: list[str]
    line: int


def _brace_problem(braces: list[tuple[int, str]]) -> tuple[int, str] | None:
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
            "a second '{' inside the answer block (write \\{ for a literal brace); question skipped"
        )
    if len(braces) > 2:
        return braces[2][0], _(
            "more than one answer block in a question (write \\{ and \\} for literal "
            "braces); question skipped"
        )
    return None


class GiftReader:
    """Reads question blocks into :class:`Out`; what is left out becomes a warning.
    The per-type conversion is each question kind's ``from_gift``."""

    def __init__(self) -> None:
        self.warnings: list[GiftWarning] = []
        self.out: list[Out] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(GiftWarning(line, message))

    def run(self, blocks: list[Block]) -> None:
        for block in blocks:
            try:
                self._question(block)
            except Exception as exc:  # a converter bug must never lose the other questions
                self.warn(
                    block.lines[0][0],
                    _("this question could not be read ({error}); skipped").format(error=exc),
                )

    # ------------------------------------------------------------ one question

    def _title(self, block: Block, pos: int) -> tuple[str, int]:
        """(title, position after it) for an optional '::Title::'."""
        text = block.text
        if not text.startswith("::", pos):
            return "", pos
        end = text.find("::", pos + 2)
        if end < 0:
            self.warn(
                block.line_at(pos),
                _("the title '::' is never closed with '::'; read as question text"),
            )
            return "", pos + 2
        return single_line(unescape_entities(restore(text[pos + 2 : end]))), end + 2

    def _braces(self, block: Block, pos: int) -> tuple[int, int] | None:
        """(start, end) of the one answer block after ``pos``; None with a warning."""
        braces = [(i, c) for i, c in enumerate(block.text) if i >= pos and c in "{}"]
        if not braces:
            self.warn(
                block.lines[0][0],
                _(
                    "no answer block {...}: a description item is not a question and is "
                    "not imported"
                ),
            )
            return None
        problem = _brace_problem(braces)
        if problem:
            offset, message = problem
            self.warn(block.line_at(offset), message)
            return None
        return braces[0][0], braces[1][0]

    def _question(self, block: Block) -> None:
        text = block.text
        title, pos = self._title(block, len(text) - len(text.lstrip()))
        while pos < len(text) and text[pos].isspace():
            pos += 1
        fmt = "moodle"
        m = FORMAT_RE.match(text, pos)
        if m:
            fmt, pos = m.group(1).lower(), m.end()
        span = self._braces(block, pos)
        if span is None:
            return
        start, end = span
        after = text[end + 1 :]
        question_raw = text[pos:start] + (BLANK if after.strip() else "") + after
        self._convert(block, title, fmt, question_raw, (start, end))

    def _convert(
        self, block: Block, title: str, fmt: str, question_raw: str, span: tuple[int, int]
    ) -> None:
        start, end = span
        first, block_line = block.lines[0][0], block.line_at(start)
        answer_raw, general = block.text[start + 1 : end], ""
        gf = answer_raw.rfind("####")
        if gf >= 0:
            general, answer_raw = answer_raw[gf + 4 :], answer_raw[:gf]
        answer_off = start + 1 + len(answer_raw) - len(answer_raw.lstrip())
        answer = answer_raw.strip()
        if not answer:
            self.warn(block_line, _("essay questions ({}) are not supported; skipped"))
            return
        question_text = self._question_text(question_raw, fmt, first, title)
        if question_text is None:
            return
        explanation = single_line(self.text(general, fmt, block_line, detect=True))
        answers = AnswerBlock(
            answer, lambda off: block.line_at(answer_off + off), fmt, explanation, block_line
        )
        kind = next(k for k in gift_kinds() if k.gift_claims(answer))
        body = kind.from_gift(self, answers)
        if body is not None:
            self.out.append(Out(body[0], slugify(title), question_text, body[1], first))

    def _question_text(self, raw: str, fmt: str, first: int, title: str) -> str | None:
        text = self.text(raw, fmt, first)
        if text:
            return text
        if not title:
            self.warn(first, _("the question has no text; skipped"))
            return None
        self.warn(first, _("the question has no text; its title is used as the text"))
        return title

    # ------------------------------------------------------------ helpers for the kinds

    def text(self, raw: str, fmt: str, line: int, detect: bool = False) -> str:
        """Escaped GIFT text -> our Markdown text (lines kept)."""
        raw = raw.strip()
        if detect:
            m = FORMAT_RE.match(raw)
            if m:
                fmt, raw = m.group(1).lower(), raw[m.end() :]
        text = restore(raw)
        if fmt != "html":
            return tidy_lines(unescape_entities(text))
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

    def answers(self, answer: str, markers: str, at: LineAt) -> tuple[str, list[GiftAnswer]]:
        """Split at each marker character: (text before the first marker, answers)."""
        pieces = list(re.finditer(f"[{re.escape(markers)}]", answer))
        lead = answer[: pieces[0].start()] if pieces else answer
        out = []
        bounds = [p.start() for p in pieces] + [len(answer)]
        for i, p in enumerate(pieces):
            chunk = answer[p.end() : bounds[i + 1]]
            out.append(self.answer(p.group(0), chunk, at(p.start())))
        return lead, out

    def answers_with_lead(self, answer: str, at: LineAt) -> list[GiftAnswer]:
        """The '=' answers; text before the first '=' is read as one more answer."""
        lead, answers = self.answers(answer, "=", at)
        if lead.strip():
            answers.insert(0, self.answer("", lead, at(0)))
        return answers

    def answer(self, marker: str, chunk: str, line: int) -> GiftAnswer:
        weight = None
        wm = WEIGHT_RE.match(chunk)
        if wm:
            weight = Decimal(wm.group(1))
            chunk = chunk[wm.end() :]
        text, _sep, feedback = chunk.partition("#")
        return GiftAnswer(marker, weight, text.strip(), feedback.strip(), line)

    def option_text(self, raw: str, fmt: str, line: int) -> str:
        """An answer's or feedback's text on one line."""
        return single_line(self.text(raw, fmt, line, detect=True))

    def lead(self, lead: str, at: LineAt) -> None:
        """Warn about text before the first answer marker, which is ignored."""
        if lead.strip():
            self.warn(
                at(0),
                _("text before the first answer is ignored: {text}").format(
                    text=clip(single_line(restore(lead)))
                ),
            )

    def lost_feedback(self, answers: list[GiftAnswer], kept: GiftAnswer | None) -> None:
        """Warn about each answer's feedback that is not ``kept`` as the explanation."""
        for a in answers:
            if a.feedback and a is not kept:
                self.warn(
                    a.line,
                    _(
                        "feedback for answer '{answer}' is left out: short-answer and numeric "
                        "questions have no per-answer feedback"
                    ).format(answer=clip(single_line(restore(a.text)))),
                )

    def explanation_from(self, answers: list[GiftAnswer], block: AnswerBlock) -> str:
        """The general feedback, else the first of ``answers`` that has feedback; the
        feedback of the others is reported as left out."""
        kept = next((a for a in answers if a.feedback), None)
        explanation = block.explanation
        if not explanation and kept is not None:
            explanation = self.option_text(kept.feedback, block.fmt, kept.line)
        else:
            kept = None
        self.lost_feedback(answers, kept)
        return explanation
