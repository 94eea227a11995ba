"""Moodle GIFT -> our Markdown quiz syntax (``courseware import-gift``). Qt-free.

The reading follows Moodle's own importer (question/format/gift/format.php): questions are
separated by blank lines, ``//`` lines are comments, ``::Title::`` names a question, an
optional ``[html]``/``[markdown]``/``[moodle]``/``[plain]`` marker gives the text format,
and the answer block ``{...}`` decides the type (each question kind reads its own, see
``QuestionKind.from_gift``). What our format cannot express is reported as a
:class:`GiftWarning` with its GIFT line number; nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from courseware_app.core.course import ID_RE
from courseware_app.core.gift.blocks import split_blocks
from courseware_app.core.gift.decoding import (
    GiftError,
    GiftWarning,
    check_encoding,
    check_size,
    check_text,
    decode_gift,
)
from courseware_app.core.gift.markdown import (
    check_quiz_markdown,
    module_markdown,
    quiz_block,
    safe_text_line,
)
from courseware_app.core.gift.reader import GiftReader
from courseware_app.core.gift.text import html_to_text, single_line, slugify
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES

__all__ = [
    "LANGUAGES",
    "GiftError",
    "GiftResult",
    "GiftWarning",
    "check_encoding",
    "check_quiz_markdown",
    "convert_gift",
    "decode_gift",
    "html_to_text",
    "import_gift",
    "module_markdown",
    "safe_text_line",
    "single_line",
    "slugify",
]


@dataclass
class GiftResult:
    markdown: str  # the quiz block, or "" when no question could be imported
    warnings: list[GiftWarning]
    questions: int
    title: str = ""  # from the first $CATEGORY:, when it names something


def _validate_arguments(lang: str, quiz_id: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(_("unknown language '{lang}'").format(lang=lang))
    if not ID_RE.match(quiz_id or ""):
        raise ValueError(
            _("quiz id '{id}' must be lower-case letters, digits and hyphens").format(id=quiz_id)
        )


def import_gift(
    source: str | bytes, lang: str, quiz_id: str, encoding: str | None = None
) -> GiftResult:
    """Convert GIFT text (or bytes, decoded as :func:`decode_gift` says) to a quiz block.
    Raises GiftError for a file that cannot be read or is above limits.MAX_GIFT_BYTES."""
    _validate_arguments(lang, quiz_id)
    warnings: list[GiftWarning] = []
    if isinstance(source, bytes):
        text, warnings = decode_gift(source, encoding)
    else:
        check_size(len(source))  # characters: never more than its bytes in UTF-8
        text = source.lstrip("\ufeff")
        check_text(text)
    split = split_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader = GiftReader()
    reader.run(split.blocks)
    warnings = warnings + sorted(split.warnings + reader.warnings, key=lambda w: w.line)
    markdown = quiz_block(reader.out, quiz_id, split.title)
    if not markdown:
        warnings.append(GiftWarning(1, _("no question could be imported")))
    return GiftResult(markdown, warnings, len(reader.out), split.title)


def convert_gift(
    source: str | bytes, lang: str, quiz_id: str, encoding: str | None = None
) -> tuple[str, list[GiftWarning]]:
    """(Markdown quiz block, warnings). The Markdown is '' when nothing could be imported."""
    result = import_gift(source, lang, quiz_id, encoding)
    return result.markdown, result.warnings
