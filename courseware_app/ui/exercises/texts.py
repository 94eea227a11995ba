"""The exercise's words, shared by the trainee's window and the presenter: where a card lies,
how well it was placed (in words, never by colour alone), and the score."""

from __future__ import annotations

from courseware_app.core.exercises import CardResult, ExerciseResult, RiskMatrix
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.present.steps import plain_text
from courseware_app.ui.questions.rich_text import rich

GOOD_MARK, BAD_MARK = "✔", "✘"


def card_text(exercise: RiskMatrix, card: str, module: str = "") -> str:
    """A card's text as plain words (its inline Markdown rendered, then read as text)."""
    found = exercise.card(card)
    return plain_text(rich(found.text, module)) if found else card


def cell_words(exercise: RiskMatrix, cell: tuple[int, int]) -> str:
    """'likelihood 4 (Likely), consequence 2 (Minor)'."""
    lik, con = cell
    return _("likelihood {l} ({l_label}), consequence {c} ({c_label})").format(
        l=lik,
        l_label=exercise.likelihood[lik - 1],
        c=con,
        c_label=exercise.consequence[con - 1],
    )


def place_words(exercise: RiskMatrix, cell: tuple[int, int] | None) -> str:
    if cell is None:
        return _("In the tray")
    words = cell_words(exercise, cell)
    return words[:1].upper() + words[1:]


def distance_words(distance: int | None) -> str:
    if distance is None:
        return _("not placed")
    if distance == 0:
        return _("on the model's cell")
    return ngettext("{n} cell away", "{n} cells away", distance).format(n=distance)


def verdict_words(result: CardResult) -> str:
    """Placed well or not, said in words with its mark."""
    if result.good:
        return f"{GOOD_MARK} " + _("Placed well")
    if result.placed is None:
        return f"{BAD_MARK} " + _("Not placed")
    return f"{BAD_MARK} " + _("Not placed well")


def verdict_line(result: CardResult) -> str:
    """The verdict and, for a card placed, how far from the model."""
    if result.placed is None:
        return verdict_words(result)
    return f"{verdict_words(result)} ({distance_words(result.distance)})"


def score_words(result: ExerciseResult) -> str:
    return ngettext(
        "{good} of {total} card placed well — score {score}%",
        "{good} of {total} cards placed well — score {score}%",
        result.total,
    ).format(good=result.good, total=result.total, score=round(result.score))


def cards_count_words(count: int) -> str:
    return ngettext("{count} card left to place", "{count} cards left to place", count).format(
        count=count
    )
