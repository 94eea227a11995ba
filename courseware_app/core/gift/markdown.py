"""The Markdown output: converted questions as one quiz block, or a whole module file."""

from __future__ import annotations

from courseware_app.core.course import ID_RE, Diagnostic
from courseware_app.core.gift.reader import Out
from courseware_app.core.questions import kind_for
from courseware_app.core.quiz import KEYWORD_RE, OPTION_RE, QUESTION_RE, parse_quiz


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
    if OPTION_RE.match(line) or kind_for(qtype).is_structure(line):
        return "\\" + line
    if len(line) >= 3 and set(line) == {"_"}:  # a lone blank would be a horizontal rule
        return "\\_" * len(line)
    return line


def quiz_block(out: list[Out], quiz_id: str, title: str) -> str:
    """The quiz block for the converted questions ('' when there are none)."""
    if not out:
        return ""
    lines = [f"::: quiz {quiz_id} pass=70 shuffle=true"]
    if title:
        lines.append(f"title: {title}")
    used: set[str] = set()
    for n, q in enumerate(out, 1):
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
