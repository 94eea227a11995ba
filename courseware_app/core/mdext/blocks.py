"""The Markdown preprocessor that removes quiz blocks and (for trainees) trainer notes."""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from courseware_app.core.syntax import iter_blocks, quiz_id

QuizHtml = Callable[[str], str]
"""Makes the HTML that stands in a quiz block's place, from the quiz id."""


def strip_blocks(lines: list[str], trainer: bool, quiz_html: QuizHtml | None) -> list[str]:
    """Remove quiz blocks (or put ``quiz_html(id)`` in their place) and, unless
    ``trainer``, remove trainer notes entirely so they never reach the HTML."""
    out: list[str] = []
    last = 0
    for kind, start, end in iter_blocks(lines):
        out.extend(lines[last:start])
        if kind == "trainer" and trainer:
            out.extend(lines[start:end])
        elif kind == "quiz" and quiz_html is not None:
            out.extend(["", quiz_html(quiz_id(lines[start])), ""])
        last = end
    out.extend(lines[last:])
    return out


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: CoursewareBlocks):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        return strip_blocks(lines, self.ext.trainer, self.ext.quiz_html)


class CoursewareBlocks(Extension):
    """Runs before every other preprocessor; settings are changed per document."""

    def __init__(self, **kwargs: object) -> None:
        self.trainer = False
        self.quiz_html: QuizHtml | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.register(BlocksPreprocessor(md, self), "courseware_blocks", 40)
