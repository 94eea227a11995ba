"""Moodle GIFT import: every construct, line-numbered warnings, round trip, the CLI."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courseware_app.cli import main
from courseware_app.core.course import Severity
from courseware_app.core.gift import (
    GiftError,
    check_quiz_markdown,
    convert_gift,
    import_gift,
    safe_text_line,
    slugify,
)
from courseware_app.core.quiz import parse_quiz
from courseware_app.core.validate import validate_path

GIFT = Path(__file__).resolve().parents[1] / "data" / "gift"
SAMPLE = GIFT / "sample.gift"
MALFORMED = GIFT / "malformed.gift"

SAMPLE_IDS = [
    "kyoto-standard",
    "risk-sources",
    "two-instruments",
    "release",
    "q5",
    "selectivity",
    "inspect-all",
    "pca",
    "valuation",
    "median",
    "dwell-time",
    "range",
    "rkc-year",
    "terms",
    "missing-word",
    "escapes",
    "html",
    "markdown",
    "plain",
    "moodle",
    "multi-line",
    "vypusk-tovarov",
    "q23",
]

# (GIFT line, a words of the message) for sample.gift, in order.
SAMPLE_WARNINGS = [
    (29, "feedback for the wrong answer"),
    (36, "'post clearance audit'"),
    (43, "'price' is worth 50 percent"),
    (55, "'2005:1' (50%)"),
    (77, "image"),
    (103, "essay"),
    (105, "description"),
]


def quiz_of(markdown: str):
    lines = markdown.rstrip("\n").split("\n")
    assert lines[-1] == ":::"
    quiz, diags = parse_quiz("x.md", list(enumerate(lines[:-1], 1)))
    return quiz, diags


def questions(markdown: str) -> dict:
    quiz, diags = quiz_of(markdown)
    assert [d for d in diags if d.severity == Severity.ERROR] == []
    return {q.id: q for q in quiz.questions}


def sample_result():
    return import_gift(SAMPLE.read_bytes(), "en", "sample-quiz")


def warning_keys(warnings) -> list[tuple[int, str]]:
    return [(w.line, w.message) for w in warnings]


def assert_warnings(warnings, expected: list[tuple[int, str]]) -> None:
    got = warning_keys(warnings)
    assert [line for line, _m in got] == [line for line, _m in expected], got
    for (_line, message), (_l, words) in zip(got, expected, strict=True):
        assert words in message, (message, words)


# ---------------------------------------------------------------- the sample file


def test_sample_quiz_header_and_ids():
    result = sample_result()
    quiz, diags = quiz_of(result.markdown)
    assert result.markdown.startswith("::: quiz sample-quiz pass=70 shuffle=true\n")
    assert (quiz.id, quiz.pass_mark, quiz.shuffle) == ("sample-quiz", 70, True)
    assert quiz.title == "Risk management basics"  # from $CATEGORY: .../Risk management basics
    assert [q.id for q in quiz.questions] == SAMPLE_IDS
    assert result.questions == len(SAMPLE_IDS)
    # No errors; the only warnings are the missing explanations validate asks for.
    assert {d.code for d in diags} == {"quiz-no-explanation"}
    own = check_quiz_markdown(result.markdown)
    assert [(d.line, d.code) for d in own] == [(d.line, d.code) for d in diags]


def test_sample_choice_questions():
    q = questions(sample_result().markdown)
    kyoto = q["kyoto-standard"]
    assert kyoto.type == "single" and kyoto.correct_positions == (1,)
    assert [o.text for o in kyoto.options] == [
        "The Harmonized System Convention",
        "The Revised Kyoto Convention",
        "The SAFE Framework of Standards",
    ]
    assert [o.feedback for o in kyoto.options] == [
        "It classifies goods; it says nothing about risk.",
        "Yes: Standard 6.3 of the General Annex.",
        "",
    ]
    assert kyoto.explanation == (
        "Standard 6.3 of the General Annex of the RKC says customs shall use risk management."
    )
    sources = q["risk-sources"]
    assert sources.type == "multiple" and sources.correct_positions == (0, 1)
    assert sources.options[1].feedback == "Good: history matters."
    assert sources.options[2].feedback == "Appearance alone is no indicator."
    assert sources.explanation == ""
    two = q["two-instruments"]
    assert two.type == "multiple" and two.correct_positions == (0, 1)
    assert [o.text for o in two.options] == ["The RKC", "The SAFE Framework", "The GATT"]
    assert q["q23"].type == "single" and q["q23"].correct_positions == (0,)


def test_sample_true_false():
    q = questions(sample_result().markdown)
    assert q["release"].type == "truefalse" and q["release"].answer_bool is False
    assert q["release"].explanation == "The RKC separates release from clearance."
    assert q["q5"].answer_bool is True and q["q5"].explanation == ""
    assert q["q5"].text == "Risk management lets customs focus on high-risk consignments."
    # {TRUE#wrong#right}: the right-answer feedback becomes the explanation.
    assert q["selectivity"].answer_bool is True
    assert q["selectivity"].explanation == "Yes: that is selectivity."
    assert q["inspect-all"].answer_bool is False
    assert q["markdown"].answer_bool is True
    assert q["plain"].answer_bool is True and q["moodle"].answer_bool is True


def test_sample_short_and_numeric():
    q = questions(sample_result().markdown)
    pca = q["pca"]
    assert pca.type == "short"
    assert pca.accepted == ("post-clearance audit", "post clearance audit", "PCA")
    assert pca.explanation == "Post-clearance audit examines books and records after release."
    valuation = q["valuation"]
    assert valuation.accepted == ("transaction value",)  # the 50 % answer is not accepted
    assert valuation.explanation == "The price actually paid or payable."
    assert q["median"].type == "numeric" and q["median"].numeric == (50, 50)
    assert q["dwell-time"].numeric == (12.0, 13.0)
    assert q["dwell-time"].explanation == "Half an hour either way is accepted."
    assert q["range"].numeric == (10, 15)
    assert q["rkc-year"].numeric == (2006, 2006)
    assert q["rkc-year"].explanation == "Right: 3 February 2006."


def test_sample_match_missing_word_and_texts():
    q = questions(sample_result().markdown)
    terms = q["terms"]
    assert terms.type == "match"
    assert terms.pairs == (
        ("Likelihood", "How probable it is that the event happens"),
        ("Consequence", "How serious the impact would be"),
        ("Risk level", "The combination of the two"),
    )
    assert terms.explanation == "Risk combines likelihood and consequence."
    missing = q["missing-word"]
    assert missing.text == "Release is ___ when risk management works."
    assert [o.text for o in missing.options] == ["slower", "faster", "just as fast"]
    assert missing.correct_positions == (1,)
    assert q["markdown"].text == "Is **risk** the combination of likelihood and consequence?"
    assert q["plain"].text == "The customs value is usually the transaction value."
    assert q["moodle"].text == "The HS classifies goods with six-digit codes."
    ru = q["vypusk-tovarov"]
    assert ru.type == "truefalse" and ru.answer_bool is False
    assert ru.text == "Выпуск — это то же самое, что таможенное оформление?"
    assert ru.explanation == "Выпуск и оформление — разные этапы."


def test_sample_escapes():
    esc = questions(sample_result().markdown)["escapes"]
    assert esc.text == "Which sign starts a GIFT comment line: {, ~ or //?\nPick one."
    assert [o.text for o in esc.options] == ["Two slashes = //", "An opening brace {", "A tilde ~"]
    assert esc.options[0].feedback == "Right: # is for feedback."
    assert esc.correct_positions == (0,)


def test_sample_html_and_entities():
    html = questions(sample_result().markdown)["html"]
    assert html.text == (
        "Customs & excise\u00a0:\n\nwhich statement is correct?\nChoose one.\n\nMap of the port"
    )
    assert [o.text for o in html.options] == [
        "Cafés pay duty on imported coffee",
        "Nobody pays duty on coffee",
    ]
    assert html.options[0].feedback == "Right: duty is due."
    assert html.correct_positions == (0,)


def test_sample_text_lines_that_look_like_syntax_stay_text():
    multi = questions(sample_result().markdown)["multi-line"]
    assert multi.type == "single"
    assert [o.text for o in multi.options] == ["the first", "the last"]
    assert multi.text.split("\n") == [
        "First line of the question.",
        "\\- [x] this line only looks like an option",
        "answer&#58; this line only looks like a keyword",
        "&#63; single this-line-looks-like-a-question",
        "Which line comes first?",
    ]


def test_sample_warnings_have_gift_lines():
    assert_warnings(sample_result().warnings, SAMPLE_WARNINGS)


def test_convert_gift_returns_markdown_and_warnings():
    markdown, warnings = convert_gift(SAMPLE.read_text(encoding="utf-8"), "en", "sample-quiz")
    assert markdown == sample_result().markdown
    assert_warnings(warnings, SAMPLE_WARNINGS)


# ---------------------------------------------------------------- encodings and line ends


def test_crlf_bom_and_windows_1251_give_the_same_quiz():
    text = SAMPLE.read_text(encoding="utf-8")
    reference = sample_result()
    variants = {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "bom-crlf": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "str-bom": "\ufeff" + text,
    }
    for name, source in variants.items():
        markdown, warnings = convert_gift(source, "en", "sample-quiz")
        assert markdown == reference.markdown, name
        assert warning_keys(warnings) == warning_keys(reference.warnings), name

    cp1251 = text.replace("\n", "\r\n").encode("cp1251")
    markdown, warnings = convert_gift(cp1251, "en", "sample-quiz")
    assert markdown == reference.markdown
    # The first non-ASCII byte is on line 97 (the Russian question).
    assert warnings[0].line == 97 and "Windows-1251" in warnings[0].message
    assert warning_keys(warnings[1:]) == warning_keys(reference.warnings)

    forced, forced_warnings = convert_gift(cp1251, "en", "sample-quiz", encoding="cp1251")
    assert forced == reference.markdown
    assert warning_keys(forced_warnings) == warning_keys(reference.warnings)
    with pytest.raises(GiftError) as exc:
        convert_gift(cp1251, "en", "sample-quiz", encoding="utf-8")
    assert exc.value.line == 97


def test_undecodable_file_is_an_error():
    with pytest.raises(GiftError) as exc:
        convert_gift(b"Q one?{T}\n\nQ\x98 two?{T}\n", "en", "q")  # 0x98 is unused in cp1251
    assert exc.value.line == 3
    with pytest.raises(GiftError):
        convert_gift(b"Q?{T}", "en", "q", encoding="no-such-encoding")


# ---------------------------------------------------------------- malformed input


MALFORMED_WARNINGS = [
    (3, "never closed"),
    (5, "'}' without an opening '{'"),
    (7, "more than one answer block"),
    (9, "at least two answers"),
    (11, "no correct answer"),
    (13, "'abc' is not NUMBER"),
    (13, "no valid full-credit answer"),
    (15, "'15..10' is not LOW..HIGH"),
    (15, "no valid full-credit answer"),
    (17, "'left -> right'"),
    (19, "without a left side ('c')"),
    (19, "at least two pairs"),
    (21, "essay"),
    (23, "no text; skipped"),
    (25, "its title is used as the text"),
    (27, "title '::' is never closed"),
    (31, "blank line inside an answer block"),
    (35, "ignored: stray"),
    (37, "'a|b' contains '|'"),
    (39, "'*' (any value)"),
    (41, "feedback for wrong answers is left out"),
]


def test_malformed_gift_gives_line_numbered_warnings():
    result = import_gift(MALFORMED.read_bytes(), "en", "bad")
    assert_warnings(result.warnings, MALFORMED_WARNINGS)


def test_malformed_gift_keeps_what_it_can():
    q = questions(import_gift(MALFORMED.read_bytes(), "en", "bad").markdown)
    assert list(q) == [
        "only-a-title",
        "q2",
        "blank-line",
        "lead-text",
        "pipe",
        "any-number",
        "wrong-feedback",
    ]
    assert q["only-a-title"].text == "Only a title" and q["only-a-title"].answer_bool is True
    assert q["q2"].text == "No end title Is this read as text?"
    assert [o.text for o in q["blank-line"].options] == ["right", "wrong"]
    assert q["blank-line"].correct_positions == (0,)
    assert [o.text for o in q["lead-text"].options] == ["right", "wrong"]
    assert q["pipe"].accepted == ("c",)
    assert q["any-number"].numeric == (5, 5)
    assert q["wrong-feedback"].numeric == (5, 5)


def test_nothing_importable_gives_empty_markdown():
    markdown, warnings = convert_gift("::E::Discuss.{}\n\nJust a description.\n", "en", "q")
    assert markdown == ""
    assert [w.line for w in warnings] == [1, 3, 1]
    assert "no question could be imported" in warnings[-1].message


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        convert_gift("Q?{T}", "de", "q")
    with pytest.raises(ValueError):
        convert_gift("Q?{T}", "en", "Not An Id")


# ---------------------------------------------------------------- details


def test_weights_make_multiple_choice():
    q = questions(
        convert_gift(
            "::Equal::Q?{~%50%a ~%50%b ~%-50%c}\n\n"
            "::Unequal::Q?{~%75%a ~%25%b ~c}\n\n"
            "::Two full::Q?{=a =b ~%50%c ~d}\n\n"
            "::One::Q?{=a ~%0%b ~%-100%c}\n",
            "en",
            "q",
        )[0]
    )
    assert q["equal"].type == "multiple" and q["equal"].correct_positions == (0, 1)
    assert q["unequal"].type == "multiple" and q["unequal"].correct_positions == (0, 1)
    assert q["two-full"].type == "multiple" and q["two-full"].correct_positions == (0, 1, 2)
    assert q["one"].type == "single" and q["one"].correct_positions == (0,)
    assert [o.credit for o in q["one"].options] == [0.0, 0.0, 0.0]
    _md, warnings = convert_gift(
        "::Equal::Q?{~%50%a ~%50%b ~%-50%c}\n\n::Unequal::Q?{~%75%a ~%25%b ~c}\n\n"
        "::Mixed::Q?{=a ~%50%b ~c}\n",
        "en",
        "q",
    )
    assert [w.line for w in warnings] == [3]  # equal shares need no warning
    assert all("approximated" in w.message for w in warnings)


@pytest.mark.parametrize(
    "gift", ["{~%50%a ~%100%b ~c}", "{~%50%a =b ~c}", "{=b ~%50%a ~c}", "{~%100%b ~%50%a ~c}"]
)
def test_one_full_answer_with_weighted_others_is_single_choice_with_credit(gift):
    """Issue 20 #15: Moodle scores these as single choice, partial credit per option."""
    from courseware_app.core.scoring import score

    markdown, warnings = convert_gift(f"::W::Q?{gift}\n", "en", "q")
    (question,) = quiz_of(markdown)[0].questions
    assert question.type == "single" and warnings == []
    credits = {o.text: (o.correct, o.credit) for o in question.options}
    assert credits == {"a": (False, 0.5), "b": (True, 0.0), "c": (False, 0.0)}
    index = {o.text: i for i, o in enumerate(question.options)}
    assert score(question, index["b"]).points == question.points  # the 100 % answer alone
    assert score(question, index["a"]).points == question.points / 2
    assert score(question, index["c"]).points == 0
    assert "  credit: 50%" in markdown.splitlines()


def test_numeric_forms():
    q = questions(
        convert_gift(
            "::Exp::Q?{#1e3}\n\n::Dot::Q?{#.5:0.25}\n\n::Neg::Q?{#-5..-1}\n\n"
            "::Comma::Q?{#12,5:0,5}\n\n::Second full::Q?{#=%50%1 =2:1 =3}\n",
            "en",
            "q",
        )[0]
    )
    assert q["exp"].numeric == (1000, 1000)
    assert q["dot"].numeric == (0.25, 0.75)
    assert q["neg"].numeric == (-5, -1)
    assert q["comma"].numeric == (12.0, 13.0)
    assert q["second-full"].numeric == (1, 3)  # 2 with tolerance 1


def test_ids_are_unique_slugs():
    markdown, _w = convert_gift(
        "::Same::A?{T}\n\n::Same::B?{T}\n\n::q3::C?{T}\n\nD?{T}\n\n"
        "::Ещё вопрос № 5::E?{T}\n\n::!!!::F?{T}\n",
        "en",
        "q",
    )
    quiz, _d = quiz_of(markdown)
    assert [x.id for x in quiz.questions] == [
        "same",
        "same-2",
        "q3",
        "q4",
        "eshche-vopros-no-5",
        "q6",
    ]
    assert slugify("Café  déjà-vu, 2") == "cafe-deja-vu-2"
    long = slugify("word " * 30)
    assert len(long) <= 48 and not long.endswith("-")


def test_missing_word_alone_on_a_line_is_not_a_rule():
    q = questions(convert_gift("Fill in:\n{=word}\nthe end.", "en", "q")[0])["q1"]
    assert q.type == "short" and q.accepted == ("word",)
    assert q.text == "Fill in:\n\\_\\_\\_\nthe end."


def test_safe_text_line():
    assert safe_text_line(":::", "single") == "&#58;::"
    assert safe_text_line("? single x", "single") == "&#63; single x"
    assert safe_text_line("explanation: x", "single") == "explanation&#58; x"
    assert safe_text_line("- [ ] x", "single") == "\\- [ ] x"
    assert safe_text_line("- a -> b", "match") == "\\- a -> b"
    assert safe_text_line("- a -> b", "single") == "- a -> b"
    assert safe_text_line("A normal line: fine?", "single") == "A normal line: fine?"


def test_html_lists_breaks_and_scripts():
    q = questions(
        convert_gift(
            "[html]<div>Pick:<ul><li>one</li><li>two</li></ul></div>"
            "<script>alert(1)</script>a &lt;b&gt; c{T}",
            "en",
            "q",
        )[0]
    )["q1"]
    assert q.text == "Pick:\n\n- one\n- two\n\na &lt;b> c"


FRAGMENTS = [
    "=",
    "~",
    "#",
    "####",
    "%50%",
    "->",
    "..",
    ":",
    "{",
    "}",
    "\\{",
    "\\n",
    "::",
    "[html]",
    "<p>",
    "&#233;",
    "\n",
    "\n\n",
    " ",
    "T",
    "word",
    "1",
    "- [x] ",
    "? single a",
    ":::",
    "answer: ",
    "|",
    "*",
    "//",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_any_input_converts_without_errors(source):
    markdown, warnings = convert_gift(source, "en", "q")
    assert all(w.line >= 1 for w in warnings)
    assert not any("could not be read" in w.message for w in warnings)
    if markdown:
        errors = [d for d in check_quiz_markdown(markdown) if d.severity == Severity.ERROR]
        assert errors == []


# ---------------------------------------------------------------- the command


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_the_quiz_block(capsys):
    code, out, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en")
    assert code == 0
    assert out.startswith("::: quiz sample-quiz pass=70 shuffle=true\n")
    assert out.endswith(":::\n")
    assert [q.id for q in quiz_of(out)[0].questions] == SAMPLE_IDS
    assert f"{SAMPLE}:103: warning: essay questions" in err
    for line, _words in SAMPLE_WARNINGS:
        assert f"{SAMPLE}:{line}: warning: " in err


def test_cli_quiz_id_option(capsys):
    code, out, _err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "--quiz-id", "x-9")
    assert code == 0 and out.startswith("::: quiz x-9 ")


def test_cli_writes_a_valid_module_file(capsys, tmp_path):
    target = tmp_path / "rm-09" / "en.md"
    code, out, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith('---\nid: rm-09\nversion: "1.0.0"\ntitle: "Risk management basics"\n')
    assert "\n## Quiz {#quiz}\n\n::: quiz rm-09-quiz pass=70 shuffle=true\n" in text
    assert "(errors: 0," in err
    diags = validate_path(target)
    assert [d for d in diags if d.severity == Severity.ERROR] == []
    assert {d.code for d in diags} == {"quiz-no-explanation"}
    assert run(capsys, "validate", str(target))[0] == 0


def test_cli_russian_module_file(capsys, tmp_path):
    target = tmp_path / "m7" / "ru.md"
    code, _out, _err = run(capsys, "import-gift", str(MALFORMED), "--lang", "ru", "-o", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert 'title: "Malformed"' in text
    assert "Вопросы, импортированные из файла malformed.gift." in text
    assert "\n## Тест {#quiz}\n\n::: quiz m7-quiz " in text
    assert not [d for d in validate_path(target) if d.severity == Severity.ERROR]


def test_cli_refuses_to_overwrite_without_force(capsys, tmp_path):
    target = tmp_path / "m1" / "en.md"
    target.parent.mkdir()
    target.write_text("keep me\n", encoding="utf-8")
    code, out, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "-o", str(target))
    assert code == 1 and out == ""
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    code, _out, _err = run(
        capsys, "import-gift", str(SAMPLE), "--lang", "en", "-o", str(target), "--force"
    )
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("---\nid: m1\n")


def test_cli_exit_codes(capsys, tmp_path):
    assert run(capsys, "import-gift", str(tmp_path / "nope.gift"), "--lang", "en")[0] == 1
    empty = tmp_path / "essay.gift"
    empty.write_text("::E::Discuss.{}\n", encoding="utf-8")
    target = tmp_path / "m" / "en.md"
    code, out, err = run(capsys, "import-gift", str(empty), "--lang", "en", "-o", str(target))
    assert code == 1 and out == "" and not target.exists()
    assert f"{empty}:1: warning: no question could be imported" in err
    code, _o, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "--quiz-id", "Bad Id")
    assert code == 2 and "Bad Id" in err
    code, _o, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "--encoding", "zzz")
    assert code == 2 and "zzz" in err
    code, _o, _e = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "-o", str(tmp_path))
    assert code == 2
    with pytest.raises(SystemExit) as exc:
        main(["import-gift", str(SAMPLE)])  # --lang is required
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["import-gift", str(SAMPLE), "--lang", "de"])
    assert exc.value.code == 2


def test_cli_encodings(capsys, tmp_path):
    cp1251 = tmp_path / "ru.gift"
    cp1251.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("cp1251"))
    code, out, err = run(capsys, "import-gift", str(cp1251), "--lang", "en")
    assert code == 0 and "? truefalse vypusk-tovarov\n" in out
    assert f"{cp1251}:97: warning: " in err and "Windows-1251" in err
    code, out, err = run(capsys, "import-gift", str(cp1251), "--lang", "en", "--encoding", "utf-8")
    assert code == 1 and out == ""
    assert f"{cp1251}:97: error: " in err


# ---------------------------------------------------------------- hostile files (issue 20 #15)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(codec):
    text = SAMPLE.read_text(encoding="utf-8")
    markdown, _warnings = convert_gift(text.encode(codec), "en", "sample-quiz")
    assert markdown == sample_result().markdown and "\x00" not in markdown


@pytest.mark.parametrize(
    "data", [b"Q?{T}\x00\x00\x00\x01\n", "Q?{T}\n".encode("utf-32-le")], ids=["nul", "utf-32"]
)
def test_nul_bytes_are_refused(data):
    with pytest.raises(GiftError) as exc:
        convert_gift(data, "en", "q")
    assert "NUL" in exc.value.message and "--encoding" in exc.value.message
    with pytest.raises(GiftError):
        convert_gift(data, "en", "q", encoding="latin-1")  # no encoding makes NUL text


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex"])
def test_a_codec_that_is_not_a_character_encoding_is_refused(codec):
    with pytest.raises(GiftError) as exc:
        convert_gift(b"Q?{T}", "en", "q", encoding=codec)
    assert codec in exc.value.message


def test_a_file_above_the_limit_is_refused_before_reading_it():
    from courseware_app.core.limits import MAX_GIFT_BYTES

    data = b"Q?{T}\n\n" * (MAX_GIFT_BYTES // 7 + 1)
    with pytest.raises(GiftError) as exc:
        convert_gift(data, "en", "q")
    assert f"{MAX_GIFT_BYTES:,}" in exc.value.message
    with pytest.raises(GiftError):
        convert_gift(data.decode("ascii"), "en", "q")


@pytest.mark.parametrize("codec", ["rot13", "base64"])
def test_cli_text_codec_only(capsys, codec):
    code, out, err = run(capsys, "import-gift", str(SAMPLE), "--lang", "en", "--encoding", codec)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.count("\n") == 1 and codec in err


def test_cli_refuses_a_big_file(capsys, tmp_path):
    from courseware_app.core.limits import MAX_GIFT_BYTES

    big = tmp_path / "big.gift"
    with big.open("wb") as f:
        f.truncate(MAX_GIFT_BYTES + 1)  # sparse: costs no disk
    code, out, err = run(capsys, "import-gift", str(big), "--lang", "en")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert f"{big}:1: error: " in err and "MB" in err


def test_cli_utf16_without_bom_imports_cleanly(capsys, tmp_path):
    source = tmp_path / "u16.gift"
    source.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))
    target = tmp_path / "m" / "en.md"
    code, _out, err = run(capsys, "import-gift", str(source), "--lang", "en", "-o", str(target))
    assert code == 0 and "\x00" not in target.read_text(encoding="utf-8")
    assert "(errors: 0," in err and "questions" in err
