"""Properties of GIFT import on any bytes or text (issue 20, keep it fixed): a quiz block and
line-numbered warnings, or one clean GiftError; never another exception, never a converter bug
(a question "could not be read"), never more than a moment; what it writes is a valid quiz."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseware_app.core.course import Severity
from courseware_app.core.gift import GiftError, check_quiz_markdown, import_gift
from tests.core.test_gift import FRAGMENTS

# GIFT's own syntax mixed with any characters (the fragments alone are tested in test_gift).
GIFT_TEXT = st.lists(
    st.one_of(
        st.sampled_from([*FRAGMENTS, "$CATEGORY: c\n", "::T::", "{T}", "{#1..2}"]), st.text()
    ),
    max_size=30,
).map("".join)
ENCODINGS = st.sampled_from([None, None, "utf-8", "cp1251", "utf-16", "latin-1", "ascii"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def imported_or_refused(source: str | bytes, encoding: str | None = None) -> None:
    start = time.perf_counter()
    try:
        result = import_gift(source, "en", "q", encoding)
    except GiftError as exc:
        assert exc.message and exc.line >= 1
        return
    finally:
        assert time.perf_counter() - start < 2
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    lines = text.count("\n") + text.count("\r") + 1
    assert all(1 <= w.line <= lines for w in result.warnings), (result.warnings, lines)
    assert not any("could not be read" in w.message for w in result.warnings), result.warnings
    assert (result.markdown == "") == (result.questions == 0)
    if result.markdown:
        diags = check_quiz_markdown(result.markdown)
        assert [d for d in diags if d.severity == Severity.ERROR] == []


@SETTINGS
@given(GIFT_TEXT)
def test_any_text_imports_or_is_refused_cleanly(text):
    imported_or_refused(text)


@SETTINGS
@given(st.binary(max_size=600), ENCODINGS)
def test_any_bytes_import_or_are_refused_cleanly(data, encoding):
    imported_or_refused(data, encoding)


@SETTINGS
@given(GIFT_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_any_text_in_any_unicode_encoding_reads_as_that_text(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a lone surrogate: not text any file could hold
        return
    imported_or_refused(data)
