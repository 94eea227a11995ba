"""Issue 20 #15: a single-choice option's partial credit is scored and shown in the review."""

from courseware_app.core.quiz import parse_quiz
from courseware_app.ui.quiz_widget import QuizDialog

QUIZ = """::: quiz credit-quiz pass=50 shuffle=false
? single q-credit points=2
Which answer is best?
- [ ] Good enough
  credit: 50%
- [x] Best
- [ ] Wrong
explanation: Best is best."""


def test_review_shows_the_credit_of_the_chosen_option(qtbot):
    quiz, diags = parse_quiz("q.md", list(enumerate(QUIZ.split("\n"), 1)))
    assert diags == []
    dialog = QuizDialog(quiz, module_id="m", module_version="1.0.0", lang="en", seed=1)
    qtbot.addWidget(dialog)
    card = dialog.cards[0]
    card.input.buttons[0].setChecked(True)  # "Good enough": half the points
    attempt = dialog.submit()
    assert attempt is not None and attempt.passed  # 1 of 2 points reaches the 50 % pass mark
    review = QuizDialog(
        quiz, module_id="m", module_version="1.0.0", lang="en", seed=1, review=attempt
    )
    qtbot.addWidget(review)
    text = review.cards[0].feedback.text()
    assert "Partly correct" in text and "1 of 2 points" in text
    assert "earns 50% of the points" in text
    assert "Best; partly right: Good enough (50%)" in text
    assert review.cards[0].input.buttons[0].isChecked()
