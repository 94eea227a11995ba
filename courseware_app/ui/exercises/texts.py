"""The exercise's words, shared by the trainee's window and the presenter: where a card lies,
how well it was placed (in words, never by colour alone), and the score. ``words``: the
catalog to say them in (the room's language on a projector); None for the interface's."""

from __future__ import annotations

from courseware_app.core.exercises import CardResult, ExerciseResult, RiskMatrix
from courseware_app.core.i18n import Words, current_language, translator
from courseware_app.core.present.steps import plain_text
from courseware_app.ui.questions.rich_text import rich

GOOD_MARK, BAD_MARK = "✔", "✘"


def say(words: Words | None) -> Words:
    """``words``, or the interface language's catalog."""
    return words if words is not None else translator(current_language())


def card_text(exercise: RiskMatrix, card: str, module: str = "") -> str:
    """A card's text as plain words (its inline Markdown rendered, then read as text)."""
    found = exercise.card(card)
    return plain_text(rich(found.text, module)) if found else card


def cell_words(exercise: RiskMatrix, cell: tuple[int, int], words: Words | None = None) -> str:
    """'likelihood 4 (Likely), consequence 2 (Minor)'."""
    lik, con = cell
    return (
        say(words)
        .gettext("likelihood {l} ({l_label}), consequence {c} ({c_label})")
        .format(
            l=lik,
            l_label=exercise.likelihood[lik - 1],
            c=con,
            c_label=exercise.consequence[con - 1],
        )
    )


def place_words(
    exercise: RiskMatrix, cell: tuple[int, int] | None, words: Words | None = None
) -> str:
    if cell is None:
        return say(words).gettext("In the tray")
    text = cell_words(exercise, cell, words)
    return text[:1].upper() + text[1:]


def distance_words(distance: int | None, words: Words | None = None) -> str:
    w = say(words)
    if distance is None:
        return w.gettext("not placed")
    if distance == 0:
        return w.gettext("on the model's cell")
    return w.ngettext("{n} cell away", "{n} cells away", distance).format(n=distance)


def verdict_words(result: CardResult, words: Words | None = None) -> str:
    """Placed well or not, said in words with its mark."""
    w = say(words)
    if result.good:
        return f"{GOOD_MARK} " + w.gettext("Placed well")
    if result.placed is None:
        return f"{BAD_MARK} " + w.gettext("Not placed")
    return f"{BAD_MARK} " + w.gettext("Not placed well")


def verdict_line(result: CardResult, words: Words | None = None) -> str:
    """The verdict and, for a card placed, how far from the model."""
    if result.placed is None:
        return verdict_words(result, words)
    return f"{verdict_words(result, words)} ({distance_words(result.distance, words)})"


def score_words(result: ExerciseResult, words: Words | None = None) -> str:
    return (
        say(words)
        .ngettext(
            "{good} of {total} card placed well — score {score}%",
            "{good} of {total} cards placed well — score {score}%",
            result.total,
        )
        .format(good=result.good, total=result.total, score=round(result.score))
    )


def cards_count_words(count: int) -> str:
    return (
        say(None)
        .ngettext("{count} card left to place", "{count} cards left to place", count)
        .format(count=count)
    )
