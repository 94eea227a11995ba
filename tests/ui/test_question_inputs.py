"""The input widgets per question type: one for every type, each reading back what it shows."""

import random
import re
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit

from courseware_app.core.loader import load_course
from courseware_app.core.questions import QuestionType, kind_for
from courseware_app.core.scoring import score
from courseware_app.ui.questions import (
    QuestionInput,
    input_class,
    register_input,
    unregister_input,
)
from courseware_app.ui.quiz_widget import QuestionCard
from tests.conftest import TEST_CONTENT
from tests.ui.image_helpers import blue_pixels, blue_png


@pytest.fixture(scope="module")
def questions():
    return load_course(TEST_CONTENT).modules["alpha"].source.quiz.questions


def test_every_type_has_an_input_widget():
    for qtype in QuestionType:
        assert issubclass(input_class(qtype), QuestionInput)


def test_a_card_shows_the_key_response_and_reads_it_back(qtbot, questions):
    for number, q in enumerate(questions, 1):
        card = QuestionCard(number, len(questions), q, True, random.Random(3))
        qtbot.addWidget(card)
        assert not score(q, card.response()).correct, q.type  # not answered yet
        card.set_response(kind_for(q.type).key_response(q))
        result = score(q, card.response())
        assert result.correct, q.type
        card.lock(True)
        assert card.input.locked and all(w.isEnabled() for w in card.inputs)


def test_the_correct_answer_is_escaped_plain_text(qtbot, questions):
    short = next(q for q in questions if q.type == QuestionType.SHORT)
    short = replace(short, accepted=("<b>x</b>", "y & z"))
    card = QuestionCard(1, 1, short, False, random.Random(1))
    qtbot.addWidget(card)
    card.reveal_key(True)
    assert "&lt;b&gt;x&lt;/b&gt; or y &amp; z" in card.feedback.text()


class EchoInput(QuestionInput):
    def build(self, shuffle, rng):
        self.edit = QLineEdit(self)
        self.add_input(self.edit)

    def response(self):
        return self.edit.text() or None

    def set_response(self, response):
        self.edit.setText(str(response))


def test_a_new_type_brings_its_own_widget(qtbot, questions):
    register_input("echo", EchoInput)
    try:
        q = replace(questions[0], type="echo")
        card = QuestionCard(1, 1, q, False, random.Random(1))
        qtbot.addWidget(card)
        assert isinstance(card.input, EchoInput) and card.inputs == [card.input.edit]
        card.set_response("hello")
        assert card.response() == "hello"
    finally:
        unregister_input("echo")
    with pytest.raises(KeyError):
        input_class("echo")


def shown(text: str) -> str:
    """What a button or a buddy label shows: '&&' is a literal '&', '&x' underlines x."""
    return re.sub(r"&(.)", r"\1", text)


HOSTILE_TEXT = '<b>x</b> R&D <img src="/etc/hosts">'


def test_option_text_is_shown_literally(qtbot, questions):
    for qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        q = next(q for q in questions if q.type == qtype)
        q = replace(q, options=(replace(q.options[0], text=HOSTILE_TEXT), *q.options[1:]))
        card = QuestionCard(1, 1, q, False, random.Random(1))
        qtbot.addWidget(card)
        button = card.input.buttons[0]
        assert shown(button.text()).endswith(HOSTILE_TEXT), qtype
        assert button.accessibleName() == HOSTILE_TEXT


def test_matching_items_are_shown_literally(qtbot, questions):
    q = next(q for q in questions if q.type == QuestionType.MATCH)
    q = replace(q, pairs=((HOSTILE_TEXT, HOSTILE_TEXT), *q.pairs[1:]))
    card = QuestionCard(1, 1, q, False, random.Random(1))
    qtbot.addWidget(card)
    label = card.input.layout_.itemAt(0).layout().itemAt(0, QFormLayout.ItemRole.LabelRole)
    assert label.widget().textFormat() == Qt.TextFormat.PlainText
    assert shown(label.widget().text()) == HOSTILE_TEXT
    assert card.input.combos[0].findText(HOSTILE_TEXT) > 0


def test_question_html_loads_no_image_from_outside_the_content_tree(qtbot, questions, tmp_path):
    """Sanitised HTML may keep <img src="/abs/path">: a QLabel read such files from disk."""
    tag = f'<img src="{blue_png(tmp_path / "outside.png")}" width="40" height="40">'
    single = next(q for q in questions if q.type == QuestionType.SINGLE)
    wrong = replace(single.options[0], correct=False, feedback=f"Feedback {tag}")
    q = replace(single, text=f"Pick {tag}", explanation=f"Because {tag}")
    q = replace(q, options=(wrong, *q.options[1:]))
    card = QuestionCard(1, 1, q, False, random.Random(1))
    qtbot.addWidget(card)
    card.resize(500, 600)
    card.show()
    qtbot.waitExposed(card)
    card.set_response(0)
    card.show_result(score(q, card.response()))
    assert "Because" in card.feedback.text() and "Feedback" in card.feedback.text()
    assert blue_pixels(card.grab().toImage()) == 0
