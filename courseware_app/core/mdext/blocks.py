"""The Markdown preprocessor that puts a placeholder (or nothing) in each quiz block's place.

Trainer notes are left to Python-Markdown and decided on the parsed tree (mdext.trainer)."""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from courseware_app.core.syntax import iter_blocks, quiz_id

QuizHtml = Callable[[str], str]
"""Makes the HTML that stands in a quiz block's place, from the quiz id."""


def strip_blocks(lines: list[str], quiz_html: QuizHtml | None) -> list[str]:
    """Remove quiz blocks, or put ``quiz_html(id)`` in their place."""
    out: list[str] = []
    last = 0
    for kind, start, end in iter_blocks(lines):
        if kind != "quiz":
            continue
        out.extend(lines[last:start])
        if quiz_html is not None:
            out.extend(["", quiz_html(quiz_id(lines[start])), ""])
        last = end
    out.extend(lines[last:])
    return out


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: CoursewareBlocks):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        return strip_blocks(lines, self.ext.quiz_html)


class CoursewareBlocks(Extension):
    """Runs before every other preprocessor; settings are changed per document."""

    def __init__(self, **kwargs: object) -> None:
        self.quiz_html: QuizHtml | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.register(BlocksPreprocessor(md, self), "courseware_blocks", 40)
