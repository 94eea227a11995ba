"""The risk-matrix exercise's syntax, its errors with their lines, its kinds and its scoring."""

from __future__ import annotations

from typing import ClassVar

import pytest

from courseware_app.core.exercises import (
    Card,
    CardResult,
    ExerciseKind,
    Header,
    Lines,
    Report,
    RiskMatrix,
    find_kind,
    kind_names,
    register,
    score_placements,
    unregister,
)
from courseware_app.core.exercises.parser import parse_exercise

LABELS_L = "Rare | Unlikely | Possible | Likely | Almost certain"
LABELS_C = "Insignificant | Minor | Moderate | Major | Severe"


def card_lines(n: int, start: int = 1) -> list[str]:
    out = []
    for k in range(start, start + n):
        out += [f"? card c-{k}", f"Risk number {k}", f"place: {k % 5 + 1} {(k * 2) % 5 + 1}"]
        out += [f"why: Because {k}.", ""]
    return out


def block(*body: str, cards: int = 5, opener: str = "::: exercise risk-matrix rm-x") -> list[str]:
    head = [
        opener,
        "title: Score the risks",
        "instructions: Place each card.",
        f"likelihood: {LABELS_L}",
        f"consequence: {LABELS_C}",
        "",
    ]
    return head + list(body) + card_lines(cards)


class Found:
    def __init__(self) -> None:
        self.items: list[tuple[int, str, str]] = []

    def add(self, line: int, code: str, message: str) -> None:
        self.items.append((line, code, message))

    @property
    def codes(self) -> list[tuple[int, str]]:
        return [(line, code) for line, code, _m in self.items]


def parse(lines: list[str], first: int = 10) -> tuple[RiskMatrix | None, Found]:
    found = Found()
    numbered = [(first + i, line) for i, line in enumerate(lines)]
    return parse_exercise(numbered, found), found


# ---------------------------------------------------------------- the syntax


def test_a_well_written_risk_matrix_is_read_whole():
    lines = block(cards=0) + [
        "? card c-reefer",
        "Cigarettes hidden behind the load",
        "of *refrigerated* trailers",
        "place: 4 5",
        "why: Two seizures on this route",
        "  last quarter.",
        "",
        *card_lines(4),
    ]
    exercise, found = parse(lines)
    assert found.items == []
    assert exercise is not None
    assert (exercise.id, exercise.kind, exercise.line) == ("rm-x", "risk-matrix", 10)
    assert exercise.title == "Score the risks" and exercise.instructions == "Place each card."
    assert exercise.likelihood == tuple(LABELS_L.split(" | "))
    assert exercise.consequence[4] == "Severe"
    first = exercise.cards[0]
    assert first == Card(
        "c-reefer",
        "Cigarettes hidden behind the load\nof *refrigerated* trailers",
        4,
        5,
        "Two seizures on this route last quarter.",
        16,
    )
    assert first.place == (4, 5)
    assert [c.id for c in exercise.cards] == ["c-reefer", "c-1", "c-2", "c-3", "c-4"]
    assert exercise.card("c-2") is exercise.cards[2] and exercise.card("nope") is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (block(cards=4), [(10, "exercise-cards")]),
        (block(cards=0) + card_lines(11), [(10, "exercise-cards")]),
        (block("? card c-1", "Twice", "place: 1 1", "why: x.", ""), [(21, "exercise-cards")]),
        (block("? card c-9", "Text", "place: 6 1", "why: x.", ""), [(18, "exercise-place")]),
        (block("? card c-9", "Text", "place: 2", "why: x.", ""), [(18, "exercise-place")]),
        (block("? card c-9", "Text", "why: x.", ""), [(16, "exercise-place")]),
        (block("? card c-9", "Text", "place: 1 1", ""), [(16, "exercise-cards")]),
        (block("? card c-9", "place: 1 1", "why: x.", ""), [(16, "exercise-cards")]),
        (block("? card Bad_Id", "Text", "place: 1 1", "why: x.", ""), [(16, "exercise-syntax")]),
        (block("? question q1", "Text", "place: 1 1", "why: x.", ""), [(16, "exercise-syntax")]),
        (block("stray words before the cards"), [(16, "exercise-syntax")]),
        (
            block("? card c-9", "Text", "place: 1 1", "why: x.", "More text"),
            [(20, "exercise-syntax")],
        ),
        (block("title: Again"), [(16, "exercise-syntax")]),
    ],
)
def test_each_mistake_is_reported_on_its_line(lines, expected):
    _exercise, found = parse(lines)
    assert found.codes == expected


def test_labels_need_exactly_five_levels_each():
    lines = block()
    lines[3] = "likelihood: Low | Medium | High"
    lines[4] = "consequence: A | B | | D | E"
    exercise, found = parse(lines)
    assert found.codes == [(13, "exercise-labels"), (14, "exercise-labels")]
    assert exercise is not None and exercise.likelihood == ("Low", "Medium", "High")


def test_a_missing_title_instructions_or_scale_is_reported_on_the_opener():
    exercise, found = parse(["::: exercise risk-matrix rm-x", *card_lines(5)])
    assert found.codes == [(10, "exercise-syntax")] * 2 + [(10, "exercise-labels")] * 2
    assert exercise is not None and len(exercise.cards) == 5


@pytest.mark.parametrize(
    ("opener", "code"),
    [
        ("::: exercise crossword rm-x", "exercise-syntax"),
        ("::: exercise", "exercise-syntax"),
        ("::: exercise risk-matrix", "exercise-id"),
        ("::: exercise risk-matrix RM_X", "exercise-id"),
    ],
)
def test_an_opener_without_a_known_kind_or_an_id_gives_no_exercise(opener, code):
    exercise, found = parse(block(opener=opener))
    assert exercise is None
    assert found.codes == [(10, code)]


def test_a_card_off_the_grid_is_left_out_but_the_rest_is_kept():
    exercise, _found = parse(block("? card c-9", "Text", "place: 0 3", "why: x.", ""))
    assert exercise is not None
    assert "c-9" not in [c.id for c in exercise.cards] and len(exercise.cards) == 5


# ---------------------------------------------------------------- kinds


def test_risk_matrix_is_a_registered_kind():
    assert "risk-matrix" in kind_names()
    assert find_kind("risk-matrix") is not None and find_kind("crossword") is None


class _ToyKind(ExerciseKind):
    name: ClassVar[str] = "toy"

    def parse(self, header: Header, body: Lines, report: Report) -> RiskMatrix | None:
        report.add(header.line, "toy-seen", f"{len(body)} lines")
        return RiskMatrix(header.id, header.kind, header.line, "Toy", "", (), (), ())


def test_a_new_kind_is_one_registered_class():
    kind = register(_ToyKind())
    try:
        exercise, found = parse(["::: exercise toy t-1", "anything", "at all"])
        assert exercise is not None and (exercise.kind, exercise.title) == ("toy", "Toy")
        assert found.codes == [(10, "toy-seen")]
    finally:
        unregister(kind)
    assert find_kind("toy") is None


# ---------------------------------------------------------------- scoring


def matrix(*places: tuple[int, int]) -> RiskMatrix:
    cards = tuple(Card(f"c{i}", "t", lk, cq, "w", i) for i, (lk, cq) in enumerate(places))
    return RiskMatrix("m", "risk-matrix", 1, "T", "I", (), (), cards)


def test_a_card_within_one_cell_of_the_model_counts_diagonals_too():
    exercise = matrix((3, 3), (3, 3), (3, 3), (3, 3), (3, 3))
    placed = {"c0": (3, 3), "c1": (4, 4), "c2": (2, 4), "c3": (5, 3), "c4": (1, 1)}
    result = score_placements(exercise, placed)
    assert [c.distance for c in result.cards] == [0, 1, 1, 2, 2]
    assert [c.good for c in result.cards] == [True, True, True, False, False]
    assert (result.good, result.total, result.score) == (3, 5, 60.0)


def test_a_card_not_placed_is_not_placed_well_and_unknown_ids_are_ignored():
    exercise = matrix((1, 5), (5, 1))
    result = score_placements(exercise, {"c0": (2, 5), "elsewhere": (1, 1)})
    assert result.cards[1] == CardResult("c1", None, (5, 1), None, False)
    assert result.cards[0] == CardResult("c0", (2, 5), (1, 5), 1, True)
    assert (result.good, result.total, result.score) == (1, 2, 50.0)


def test_a_perfect_attempt_scores_100_and_an_empty_exercise_0():
    exercise = matrix((2, 2), (4, 5))
    assert score_placements(exercise, {"c0": (2, 2), "c1": (4, 5)}).score == 100.0
    assert score_placements(matrix(), {}).score == 0.0


@pytest.mark.parametrize("place", [(0, 3), (3, 6), (-1, -1)])
def test_a_place_off_the_grid_is_refused(place):
    with pytest.raises(ValueError, match="off the grid"):
        score_placements(matrix((1, 1)), {"c0": place})
