"""The Markdown preprocessor that puts a placeholder (or nothing) in each quiz's and exercise's
place.

Trainer notes are left to Python-Markdown and decided on the parsed tree (mdext.trainer)."""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from courseware_app.core.syntax import exercise_id, iter_blocks, quiz_id

QuizHtml = Callable[[str], str]
"""Makes the HTML that stands in a quiz block's place, from the quiz id."""
ExerciseHtml = Callable[[str], str]
"""Makes the HTML that stands in an exercise block's place, from the exercise id."""


def strip_blocks(
    lines: list[str], quiz_html: QuizHtml | None, exercise_html: ExerciseHtml | None = None
) -> list[str]:
    """Remove quiz and exercise blocks (their answers with them), or put ``quiz_html(id)``
    and ``exercise_html(id)`` in their place."""
    makers = {"quiz": (quiz_html, quiz_id), "exercise": (exercise_html, exercise_id)}
    out: list[str] = []
    last = 0
    for kind, start, end in iter_blocks(lines):
        if kind not in makers:
            continue
        make, block_id = makers[kind]
        out.extend(lines[last:start])
        if make is not None:
            out.extend(["", make(block_id(lines[start])), ""])
        last = end
    out.extend(lines[last:])
    return out


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: CoursewareBlocks):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        return strip_blocks(lines, self.ext.quiz_html, self.ext.exercise_html)


class CoursewareBlocks(Extension):
    """Runs before every other preprocessor; settings are changed per document."""

    def __init__(self, **kwargs: object) -> None:
        self.quiz_html: QuizHtml | None = None
        self.exercise_html: ExerciseHtml | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.register(BlocksPreprocessor(md, self), "courseware_blocks", 40)
