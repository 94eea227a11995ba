"""Frozen dataclasses to JSON data and back, by their fields' types."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pytest

from courseware_app.core.serialise import from_json, to_json


class Kind(StrEnum):
    CHOICE = "choice"
    ORDER = "order"


@dataclass(frozen=True)
class Leaf:
    kind: Kind
    where: Path
    score: float = 1.0


@dataclass(frozen=True)
class Tree:
    name: str
    leaves: tuple[Leaf, ...]
    pairs: tuple[tuple[str, str], ...] = ()
    span: tuple[float, float] | None = None
    flag: bool | None = None
    by_lang: dict[str, Leaf] = field(default_factory=dict)


TREE = Tree(
    name="t",
    leaves=(Leaf(Kind.ORDER, Path("a/b.md"), 2.5), Leaf(Kind.CHOICE, Path("c.md"))),
    pairs=(("x", "y"), ("z", "w")),
    span=(0.5, 1.5),
    flag=False,
    by_lang={"ru": Leaf(Kind.CHOICE, Path("ru.md"))},
)


def test_round_trip_through_json_text():
    data = json.loads(json.dumps(to_json(TREE)))
    back = from_json(Tree, data)
    assert back == TREE
    assert type(back.leaves[0].kind) is Kind and isinstance(back.leaves[0].where, Path)
    assert isinstance(back.pairs, tuple) and isinstance(back.pairs[0], tuple)


def test_enums_are_written_as_their_value():
    data = to_json(TREE)
    assert data["leaves"][0]["kind"] == "order"
    assert data["leaves"][0]["where"] == str(Path("a/b.md"))


def test_none_and_whole_numbers_read_back():
    data = to_json(Tree("t", (Leaf(Kind.CHOICE, Path("x")),), span=None, flag=None))
    data["leaves"][0]["score"] = 3
    back = from_json(Tree, data)
    assert back.span is None and back.flag is None
    assert back.leaves[0].score == 3.0 and isinstance(back.leaves[0].score, float)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(name=1),
        lambda d: d.pop("leaves"),
        lambda d: d["leaves"][0].update(kind="no such kind"),
        lambda d: d.update(span=[1.0]),
        lambda d: d.update(flag="yes"),
        lambda d: d.update(pairs="xy"),
        lambda d: d.update(by_lang=[]),
    ],
)
def test_data_that_does_not_fit_the_types_is_refused(damage):
    data = json.loads(json.dumps(to_json(TREE)))
    damage(data)
    with pytest.raises((TypeError, ValueError, KeyError)):
        from_json(Tree, data)


def test_what_json_cannot_hold_is_refused():
    with pytest.raises(TypeError):
        to_json(Leaf(Kind.CHOICE, object()))  # type: ignore[arg-type]
