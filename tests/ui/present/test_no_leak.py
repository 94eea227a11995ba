"""The room never sees the trainer's text: for every module of the bundled course, in every
language and with two languages on the screen, every step's widget text in the audience window
holds no trainer-note sentence, no question explanation and no option feedback."""

from __future__ import annotations

import re

import pytest

from courseware_app.core.languages import LANGUAGES
from courseware_app.core.present.steps import plain_text
from courseware_app.core.render import trainer_notes_html
from courseware_app.ui.present.audience import AudienceWindow
from courseware_app.ui.present.controller import PresenterController
from tests.ui.present.test_presenter_helpers import bundled_course, widget_text

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
MIN_WORDS = 6


def sentences(text: str) -> set[str]:
    """The sentences of ``text`` with at least six words, whitespace made single."""
    found = (" ".join(s.split()) for s in SENTENCE_END.split(text))
    return {s for s in found if len(s.split()) >= MIN_WORDS}


def secrets(tr) -> set[str]:
    """What only the trainer may see: trainer notes, explanations and per-option feedback."""
    notes = trainer_notes_html(tr.body, module_id=tr.module_id, lang=tr.lang)
    found = sentences(plain_text(notes))
    for quiz in tr.quizzes:
        for q in quiz.questions:
            found |= sentences(plain_text(q.explanation))
            for option in q.options:
                found |= sentences(plain_text(option.feedback))
    return found


def cases():
    course = bundled_course()
    for module in course.ordered_modules():
        langs = [lang for lang in LANGUAGES if lang in module.translations]
        for i, lang in enumerate(langs):
            yield pytest.param(module.id, lang, None, id=f"{module.id}-{lang}")
            if len(langs) > 1:
                second = langs[(i + 1) % len(langs)]
                yield pytest.param(module.id, lang, second, id=f"{module.id}-{lang}+{second}")


@pytest.mark.parametrize(("module_id", "lang", "second"), list(cases()))
def test_no_audience_step_shows_trainer_or_answer_text(qtbot, module_id, lang, second):
    module = bundled_course().modules[module_id]
    hidden = secrets(module.translations[lang])
    if second:
        hidden |= secrets(module.translations[second])
    assert hidden or module_id not in ("rm-02", "trs-01")  # the worked examples have notes
    controller = PresenterController(module, lang, lang, second)
    audience = AudienceWindow(controller, module.folder)
    qtbot.addWidget(audience)
    audience.resize(1024, 768)
    audience.show()
    seen = []
    for index in range(controller.count):
        controller.go(index)
        seen.append(" ".join(widget_text(audience).split()))
        if controller.step.image:
            controller.toggle_zoom()
            seen.append(" ".join(widget_text(audience).split()))
    shown = "\n".join(seen)
    assert controller.step.title in shown  # the walk did read the steps
    leaked = sorted(s for s in hidden if s in shown)
    assert not leaked, leaked[:3]
