"""The quiz block syntax (``::: quiz`` ... ``:::``): a line-numbered parser that never raises."""

from __future__ import annotations

import re
from typing import TypedDict

from courseware_app.core.course import ID_RE, Diagnostic, Question, Quiz, Severity
from courseware_app.core.questions import (
    Draft,
    DraftOption,
    find_kind,
    parse_number,
    type_names,
)
from courseware_app.core.syntax import QUIZ_CLOSE_RE as CLOSE_RE
from courseware_app.core.syntax import QUIZ_OPEN_RE as OPEN_RE

QUESTION_RE = re.compile(r"^\?\s+(\S+)(?:\s+(\S+))?(.*)$")
OPTION_RE = re.compile(r"^[-*]\s+\[([ xX])\]\s*(.*)$")
KEYWORD_RE = re.compile(r"^(title|feedback|credit|explanation|answer|accept|tolerance):\s?(.*)$")
ATTR_RE = re.compile(r"(\w+)=(\S+)")

_Attrs = TypedDict("_Attrs", {"pass": float, "shuffle": bool}, total=False)

__all__ = [
    "ATTR_RE",
    "CLOSE_RE",
    "KEYWORD_RE",
    "OPEN_RE",
    "OPTION_RE",
    "QUESTION_RE",
    "QuizParser",
    "parse_number",
    "parse_quiz",
]


class QuizParser:
    """Parse the lines of one quiz block. ``lines`` are (line number, text) pairs."""

    def __init__(self, file: str, lines: list[tuple[int, str]]) -> None:
        self.file = file
        self.lines = lines
        self.diagnostics: list[Diagnostic] = []
        self.drafts: list[Draft] = []
        self.title = ""
        self._last_key: tuple[Draft | DraftOption, str] | None = None  # for continuation lines

    def error(
        self, line: int, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        self.diagnostics.append(Diagnostic(self.file, line, severity, code, message))

    def parse(self) -> Quiz | None:
        if not self.lines:
            return None
        first_no, first = self.lines[0]
        m = OPEN_RE.match(first)
        if not m:
            self.error(first_no, "quiz-syntax", "a quiz starts with '::: quiz ID'")
            return None
        quiz_id, attrs = self._header(first_no, m.group(1))
        for no, raw in self.lines[1:]:
            self._line(no, raw)
        questions = [q for q in (self._finish(d) for d in self.drafts) if q is not None]
        self._report_duplicate_ids(questions)
        if not questions:
            self.error(first_no, "quiz-empty", "the quiz has no questions")
        return Quiz(
            id=quiz_id,
            line=first_no,
            title=self.title,
            pass_mark=attrs.get("pass", 70.0),
            shuffle=attrs.get("shuffle", True),
            questions=tuple(questions),
        )

    def _header(self, no: int, rest: str) -> tuple[str, _Attrs]:
        parts = rest.split()
        quiz_id = parts[0] if parts and "=" not in parts[0] else ""
        if not quiz_id or not ID_RE.match(quiz_id):
            self.error(
                no, "quiz-id", "the quiz needs an id of lower-case letters, digits and hyphens"
            )
            quiz_id = quiz_id or "quiz"
        attrs: _Attrs = {}
        for key, value in ATTR_RE.findall(rest):
            if key == "pass":
                mark = parse_number(value)
                if mark is None or not 0 <= mark <= 100:
                    self.error(
                        no, "quiz-pass-mark", f"pass mark '{value}' must be a number from 0 to 100"
                    )
                else:
                    attrs["pass"] = mark
            elif key == "shuffle":
                if value.lower() not in ("true", "false", "yes", "no"):
                    self.error(
                        no, "quiz-attribute", f"shuffle must be true or false, not '{value}'"
                    )
                attrs["shuffle"] = value.lower() in ("true", "yes")
            else:
                self.error(
                    no, "quiz-attribute", f"unknown quiz attribute '{key}'", Severity.WARNING
                )
        return quiz_id, attrs

    def _line(self, no: int, raw: str) -> None:
        line = raw.rstrip()
        stripped = line.strip()
        draft = self.drafts[-1] if self.drafts else None
        if not stripped:
            if draft and not draft.has_body():
                draft.text.append("")
            self._last_key = None
            return
        indented = line.startswith("  ")
        if indented and self._continue(stripped):
            return
        m = QUESTION_RE.match(stripped)
        if m and not indented:
            self._new_question(no, m)
            return
        if draft is None:
            km = KEYWORD_RE.match(stripped)
            if km and km.group(1) == "title":
                self.title = km.group(2).strip()
                return
            self.error(no, "quiz-syntax", "expected a question line '? TYPE ID' here")
            return
        self._question_line(draft, no, stripped, indented)

    def _continue(self, stripped: str) -> bool:
        """An indented line that continues the keyword line (or feedback) above it."""
        if self._last_key is None or KEYWORD_RE.match(stripped):
            return False
        target, key = self._last_key
        if isinstance(target, DraftOption):
            target.feedback = f"{target.feedback} {stripped}".strip()
        else:
            value, line = target.keys[key]
            target.keys[key] = (f"{value} {stripped}".strip(), line)
        return True

    def _new_question(self, no: int, m: re.Match[str]) -> None:
        qtype, qid, rest = m.group(1), m.group(2) or "", m.group(3)
        if find_kind(qtype) is None:
            self.error(
                no,
                "quiz-unknown-type",
                f"unknown question type '{qtype}' (use one of: {', '.join(type_names())})",
            )
        if not qid or "=" in qid or not ID_RE.match(qid):
            self.error(no, "quiz-id", "each question needs an id: '? TYPE ID'")
        draft = Draft(type=qtype, id=qid, line=no)
        for key, value in ATTR_RE.findall(rest):
            points = parse_number(value) if key == "points" else None
            if key != "points":
                self.error(
                    no, "quiz-attribute", f"unknown question attribute '{key}'", Severity.WARNING
                )
            elif points is None or points <= 0:
                self.error(no, "quiz-points", f"points must be a positive number, not '{value}'")
            else:
                draft.points = points
        self.drafts.append(draft)
        self._last_key = None

    def _keyword(self, draft: Draft, no: int, m: re.Match[str], indented: bool) -> None:
        key, value = m.group(1), m.group(2).strip()
        if key == "credit":
            self._credit(draft, no, value, indented)
            return
        if key == "feedback":
            if not draft.options or not indented:
                self.error(no, "quiz-syntax", "'feedback:' belongs indented under an option")
                return
            draft.options[-1].feedback = value
            self._last_key = (draft.options[-1], "feedback")
            return
        if key == "title":
            self.error(no, "quiz-syntax", "'title:' belongs before the first question")
            return
        if key in draft.keys:
            self.error(no, "quiz-syntax", f"'{key}:' is given twice")
        draft.keys[key] = (value, no)
        self._last_key = (draft, key)

    def _credit(self, draft: Draft, no: int, value: str, indented: bool) -> None:
        """'credit: 50%' under a '- [ ]' option of a single-choice question."""
        self._last_key = None
        kind = find_kind(draft.type)
        if not draft.options or not indented:
            self.error(no, "quiz-credit", "'credit:' belongs indented under an option")
        elif kind is not None and not kind.takes_credit:
            self.error(no, "quiz-credit", f"a {draft.type} question takes no 'credit:'")
        elif draft.options[-1].correct:
            self.error(
                no, "quiz-credit", "an option marked [x] earns all the points; credit is for [ ]"
            )
        else:
            number = parse_number(value.removesuffix("%").strip())
            if number is None or not 0 < number < 100:
                message = f"credit must be a percentage above 0 and below 100, not '{value}'"
                self.error(no, "quiz-credit", message)
            else:
                draft.options[-1].credit = number / 100

    def _question_line(self, draft: Draft, no: int, stripped: str, indented: bool) -> None:
        km = KEYWORD_RE.match(stripped)
        if km:
            self._keyword(draft, no, km, indented)
            return
        self._last_key = None
        kind = find_kind(draft.type)
        if kind is not None and kind.read_line(draft, stripped):
            return
        om = OPTION_RE.match(stripped)
        if om:
            draft.options.append(DraftOption(om.group(2).strip(), om.group(1) in "xX", "", no))
            return
        if not draft.has_body():
            draft.text.append(stripped)
            return
        self.error(no, "quiz-syntax", f"unexpected line in question '{draft.id}': {stripped[:60]}")

    def _finish(self, d: Draft) -> Question | None:
        kind = find_kind(d.type)
        if kind is None:
            return None
        text = "\n".join(d.text).strip()
        if not text:
            self.error(d.line, "quiz-no-text", f"question '{d.id}' has no text")
        explanation = d.keys.get("explanation", ("", d.line))[0]
        if not explanation:
            self.error(
                d.line,
                "quiz-no-explanation",
                f"question '{d.id}' has no explanation",
                Severity.WARNING,
            )
        q = Question(
            id=d.id,
            type=kind.type,
            text=text,
            line=d.line,
            points=d.points,
            explanation=explanation,
        )
        self._misplaced(d, kind.keys, kind.takes_options)
        return kind.check(d, q, self)

    def _misplaced(self, d: Draft, allowed: frozenset[str], takes_options: bool) -> None:
        for key, (_value, line) in d.keys.items():
            if key not in allowed | {"explanation"}:
                code = "quiz-answer-not-option" if key == "answer" else "quiz-syntax"
                self.error(
                    line,
                    code,
                    f"'{key}:' does not apply to a {d.type} question '{d.id}'"
                    + ("; mark the correct option with [x]" if key == "answer" else ""),
                )
        if d.options and not takes_options:
            self.error(
                d.options[0].line, "quiz-syntax", f"a {d.type} question takes no [ ] options"
            )

    def _report_duplicate_ids(self, questions: list[Question]) -> None:
        seen: set[str] = set()
        for q in questions:
            if q.id and q.id in seen:
                self.error(q.line, "quiz-duplicate-id", f"question id '{q.id}' is used twice")
            seen.add(q.id)


def parse_quiz(file: str, lines: list[tuple[int, str]]) -> tuple[Quiz | None, list[Diagnostic]]:
    """Parse one quiz block; never raises, every problem becomes a Diagnostic."""
    parser = QuizParser(file, lines)
    try:
        quiz = parser.parse()
    except Exception as exc:  # a parser bug must never take the loader down
        parser.error(
            lines[0][0] if lines else 1, "quiz-internal", f"could not read the quiz: {exc}"
        )
        quiz = None
    return quiz, parser.diagnostics
