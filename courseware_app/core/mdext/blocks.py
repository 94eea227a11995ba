"""The Markdown preprocessor that removes quiz blocks and (for trainees) trainer notes."""

from __future__ import annotations

from collections.abc import Callable

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from courseware_app.core.blocks import strip_blocks


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md, ext: CoursewareBlocks):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        return strip_blocks(lines, self.ext.trainer, self.ext.quiz_html)


class CoursewareBlocks(Extension):
    """Runs before every other preprocessor; settings are changed per document."""

    def __init__(self, **kwargs):
        self.trainer = False
        self.quiz_html: Callable[[str], str] | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.register(BlocksPreprocessor(md, self), "courseware_blocks", 40)
