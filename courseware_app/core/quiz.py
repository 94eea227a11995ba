"""The quiz block syntax (``::: quiz`` ... ``:::``): a line-numbered parser that never raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from courseware_app.core.course import ID_RE, Diagnostic, Option, Question, Quiz, Severity

QUESTION_TYPES = ("single", "multiple", "truefalse", "short", "numeric", "order", "match")
OPEN_RE = re.compile(r"^:::\s*quiz\b(.*)$")
CLOSE_RE = re.compile(r"^:::\s*$")
QUESTION_RE = re.compile(r"^\?\s+(\S+)(?:\s+(\S+))?(.*)$")
OPTION_RE = re.compile(r"^[-*]\s+\[([ xX])\]\s*(.*)$")
ORDER_RE = re.compile(r"^(\d+)[.)]\s+(.*)$")
PAIR_RE = re.compile(r"^[-*]\s+(.*?)\s+->\s+(.*)$")
KEYWORD_RE = re.compile(r"^(title|feedback|explanation|answer|accept|tolerance):\s?(.*)$")
ATTR_RE = re.compile(r"(\w+)=(\S+)")
NUMBER_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """Read '12.5', '12,5' or '1 234,5' (any kind of space as thousands separator)."""
    cleaned = re.sub(r"[\s\u00a0\u202f\u2009]", "", text or "")
    if not NUMBER_RE.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


@dataclass
class _Draft:
    """A question being assembled, line by line."""

    type: str
    id: str
    line: int
    points: float = 1.0
    text: list[str] = field(default_factory=list)
    options: list[list] = field(default_factory=list)  # [text, correct, feedback, line]
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    keys: dict[str, tuple[str, int]] = field(default_factory=dict)  # keyword -> (value, line)


class QuizParser:
    """Parse the lines of one quiz block. ``lines`` are (line number, text) pairs."""

    def __init__(self, file: str, lines: list[tuple[int, str]]):
        self.file = file
        self.lines = lines
        self.diagnostics: list[Diagnostic] = []
        self.drafts: list[_Draft] = []
        self.title = ""
        self._last_key: tuple[object, str] | None = None  # (target, key) for continuations

    def error(self, line: int, code: str, message: str, severity=Severity.ERROR) -> None:
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
        self._check_ids(questions)
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

    def _header(self, no: int, rest: str) -> tuple[str, dict]:
        parts = rest.split()
        quiz_id = parts[0] if parts and "=" not in parts[0] else ""
        if not quiz_id or not ID_RE.match(quiz_id):
            self.error(
                no, "quiz-id", "the quiz needs an id of lower-case letters, digits and hyphens"
            )
            quiz_id = quiz_id or "quiz"
        attrs: dict = {}
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
            if (
                draft
                and not draft.options
                and not draft.items
                and not draft.pairs
                and not draft.keys
            ):
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
        if self._last_key is None:
            return False
        target, key = self._last_key
        if key == "feedback" and not KEYWORD_RE.match(stripped):
            target[2] = f"{target[2]} {stripped}".strip()
            return True
        if key != "feedback" and not KEYWORD_RE.match(stripped):
            value, line = target.keys[key]
            target.keys[key] = (f"{value} {stripped}".strip(), line)
            return True
        return False

    def _new_question(self, no: int, m: re.Match) -> None:
        qtype, qid, rest = m.group(1), m.group(2) or "", m.group(3)
        if qtype not in QUESTION_TYPES:
            self.error(
                no,
                "quiz-unknown-type",
                f"unknown question type '{qtype}' (use one of: {', '.join(QUESTION_TYPES)})",
            )
        if not qid or "=" in qid or not ID_RE.match(qid):
            self.error(no, "quiz-id", "each question needs an id: '? TYPE ID'")
        draft = _Draft(type=qtype, id=qid, line=no)
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

    def _question_line(self, draft: _Draft, no: int, stripped: str, indented: bool) -> None:
        km = KEYWORD_RE.match(stripped)
        if km:
            key, value = km.group(1), km.group(2).strip()
            if key == "feedback":
                if not draft.options or not indented:
                    self.error(no, "quiz-syntax", "'feedback:' belongs indented under an option")
                    return
                draft.options[-1][2] = value
                self._last_key = (draft.options[-1], "feedback")
                return
            if key == "title":
                self.error(no, "quiz-syntax", "'title:' belongs before the first question")
                return
            if key in draft.keys:
                self.error(no, "quiz-syntax", f"'{key}:' is given twice")
            draft.keys[key] = (value, no)
            self._last_key = (draft, key)
            return
        self._last_key = None
        if draft.type == "match":
            pm = PAIR_RE.match(stripped)
            if pm:
                draft.pairs.append((pm.group(1).strip(), pm.group(2).strip()))
                return
        om = OPTION_RE.match(stripped)
        if om:
            draft.options.append([om.group(2).strip(), om.group(1) in "xX", "", no])
            return
        if draft.type == "order":
            orm = ORDER_RE.match(stripped)
            if orm:
                draft.items.append(orm.group(2).strip())
                return
        if not draft.options and not draft.items and not draft.pairs and not draft.keys:
            draft.text.append(stripped)
            return
        self.error(no, "quiz-syntax", f"unexpected line in question '{draft.id}': {stripped[:60]}")

    def _finish(self, d: _Draft) -> Question | None:
        if d.type not in QUESTION_TYPES:
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
            id=d.id, type=d.type, text=text, line=d.line, points=d.points, explanation=explanation
        )
        checker = getattr(self, f"_check_{d.type}")
        return checker(d, q)

    def _misplaced(self, d: _Draft, allowed: set[str]) -> None:
        for key, (_value, line) in d.keys.items():
            if key not in allowed | {"explanation"}:
                code = "quiz-answer-not-option" if key == "answer" else "quiz-syntax"
                self.error(
                    line,
                    code,
                    f"'{key}:' does not apply to a {d.type} question '{d.id}'"
                    + ("; mark the correct option with [x]" if key == "answer" else ""),
                )
        if d.options and d.type not in ("single", "multiple"):
            self.error(d.options[0][3], "quiz-syntax", f"a {d.type} question takes no [ ] options")

    def _options(self, d: _Draft) -> tuple[Option, ...]:
        return tuple(Option(text=t, correct=c, feedback=f, line=n) for t, c, f, n in d.options)

    def _check_single(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, set())
        opts = self._options(d)
        if len(opts) < 2:
            self.error(d.line, "quiz-options", f"question '{d.id}' needs at least two options")
        correct = sum(o.correct for o in opts)
        if correct == 0:
            self.error(d.line, "quiz-no-correct", f"question '{d.id}' has no option marked [x]")
        elif correct > 1:
            self.error(
                d.line,
                "quiz-too-many-correct",
                f"single-choice question '{d.id}' has {correct} options marked [x]; use 'multiple'",
            )
        return _replace(q, options=opts)

    def _check_multiple(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, set())
        opts = self._options(d)
        if len(opts) < 2:
            self.error(d.line, "quiz-options", f"question '{d.id}' needs at least two options")
        if not any(o.correct for o in opts):
            self.error(d.line, "quiz-no-correct", f"question '{d.id}' has no option marked [x]")
        return _replace(q, options=opts)

    def _check_truefalse(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, {"answer"})
        value, line = d.keys.get("answer", ("", d.line))
        if not value:
            self.error(
                d.line,
                "quiz-no-correct",
                f"question '{d.id}' needs 'answer: true' or 'answer: false'",
            )
            return q
        if value.lower() not in ("true", "false"):
            self.error(line, "quiz-answer-not-option", f"answer '{value}' must be true or false")
            return q
        return _replace(q, answer_bool=value.lower() == "true")

    def _check_short(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, {"accept"})
        value, _line = d.keys.get("accept", ("", d.line))
        accepted = tuple(a.strip() for a in value.split("|") if a.strip())
        if not accepted:
            self.error(
                d.line,
                "quiz-no-correct",
                f"question '{d.id}' needs 'accept: answer | other answer'",
            )
        return _replace(q, accepted=accepted)

    def _check_numeric(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, {"answer", "tolerance"})
        value, line = d.keys.get("answer", ("", d.line))
        if not value:
            self.error(d.line, "quiz-no-correct", f"question '{d.id}' needs 'answer: NUMBER'")
            return q
        low, _, high = value.partition("..")
        lo, hi = parse_number(low), parse_number(high) if high else parse_number(low)
        if lo is None or hi is None or hi < lo:
            self.error(
                line, "quiz-bad-answer", f"answer '{value}' is not a number or a range LOW..HIGH"
            )
            return q
        tol_text, tol_line = d.keys.get("tolerance", ("0", d.line))
        tol = parse_number(tol_text)
        if tol is None or tol < 0:
            self.error(tol_line, "quiz-bad-answer", f"tolerance '{tol_text}' must be a number ≥ 0")
            tol = 0.0
        return _replace(q, numeric=(lo - tol, hi + tol))

    def _check_order(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, set())
        if len(d.items) < 2:
            self.error(
                d.line,
                "quiz-options",
                f"ordering question '{d.id}' needs at least two numbered items",
            )
        return _replace(q, items=tuple(d.items))

    def _check_match(self, d: _Draft, q: Question) -> Question:
        self._misplaced(d, set())
        if len(d.pairs) < 2:
            self.error(
                d.line,
                "quiz-options",
                f"matching question '{d.id}' needs at least two '- left -> right' pairs",
            )
        return _replace(q, pairs=tuple(d.pairs))

    def _check_ids(self, questions: list[Question]) -> None:
        seen: set[str] = set()
        for q in questions:
            if q.id and q.id in seen:
                self.error(q.line, "quiz-duplicate-id", f"question id '{q.id}' is used twice")
            seen.add(q.id)


def _replace(q: Question, **changes) -> Question:
    return replace(q, **changes)


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
