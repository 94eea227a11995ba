"""The risk-matrix kind: a 5 x 5 likelihood x consequence grid and 5 to 10 cards to place on it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar, Final

from courseware_app.core.exercises.base import ExerciseKind, Header, Lines, Report
from courseware_app.core.exercises.model import CARD_COUNT, GRID_SIZE, Card, Place, RiskMatrix
from courseware_app.core.i18n import _
from courseware_app.core.syntax import ID_RE

FIELD_RE: Final = re.compile(r"^(title|instructions|likelihood|consequence):\s?(.*)$")
CARD_RE: Final = re.compile(r"^\?\s+card(?:\s+(\S+))?\s*$")
CARD_KEY_RE: Final = re.compile(r"^(place|why):\s?(.*)$")
PLACE_RE: Final = re.compile(r"^([1-9]\d*)\s+([1-9]\d*)$")
LABEL_SEPARATOR: Final = "|"
CONTINUATION: Final = ("  ", "\t")

Value = tuple[str, int]  # a keyword's value and its line


@dataclass
class _DraftCard:
    id: str
    line: int
    text: list[str] = field(default_factory=list)
    keys: dict[str, Value] = field(default_factory=dict)


@dataclass
class _Draft:
    """The block being read: its fields, its cards, the keyword an indented line continues."""

    header: Header
    report: Report
    fields: dict[str, Value] = field(default_factory=dict)
    cards: list[_DraftCard] = field(default_factory=list)
    last: tuple[dict[str, Value], str] | None = None

    def error(self, line: int, code: str, message: str) -> None:
        self.report.add(line, code, message)


class RiskMatrixKind(ExerciseKind):
    name: ClassVar[str] = "risk-matrix"
    keywords: ClassVar[tuple[str, ...]] = (
        "title",
        "instructions",
        "likelihood",
        "consequence",
        "place",
        "why",
    )

    def parse(self, header: Header, body: Lines, report: Report) -> RiskMatrix:
        draft = _Draft(header, report)
        for no, raw in body:
            _read_line(draft, no, raw.rstrip())
        return _finish(draft)


# ---------------------------------------------------------------- reading lines


def _read_line(draft: _Draft, no: int, line: str) -> None:
    stripped = line.strip()
    if not stripped:
        _blank(draft)
    elif line.startswith(CONTINUATION) and draft.last is not None:
        keys, key = draft.last
        value, at = keys[key]
        keys[key] = (f"{value} {stripped}".strip(), at)
    elif stripped.startswith("?"):
        _new_card(draft, no, stripped)
    elif draft.cards:
        _card_line(draft, draft.cards[-1], no, stripped)
    else:
        _field_line(draft, no, stripped)


def _blank(draft: _Draft) -> None:
    card = draft.cards[-1] if draft.cards else None
    if card is not None and not card.keys and card.text:
        card.text.append("")
    draft.last = None


def _new_card(draft: _Draft, no: int, stripped: str) -> None:
    draft.last = None
    m = CARD_RE.match(stripped)
    card_id = m.group(1) if m else None
    if card_id is None or not ID_RE.match(card_id):
        message = _(
            "a risk card opens with '? card ID', its id of lower-case letters, digits and hyphens"
        )
        draft.error(no, "exercise-syntax", message)
        card_id = card_id or ""
    elif any(c.id == card_id for c in draft.cards):
        draft.error(no, "exercise-cards", _("card id '{id}' is used twice").format(id=card_id))
    draft.cards.append(_DraftCard(card_id, no))


def _set(draft: _Draft, keys: dict[str, Value], key: str, value: Value) -> None:
    if key in keys:
        message = _("'{key}:' is written twice (first on line {line})")
        draft.error(value[1], "exercise-syntax", message.format(key=key, line=keys[key][1]))
    keys[key] = value
    draft.last = (keys, key)


def _field_line(draft: _Draft, no: int, stripped: str) -> None:
    m = FIELD_RE.match(stripped)
    if m is None:
        message = _(
            "expected 'title:', 'instructions:', 'likelihood:', 'consequence:' or '? card ID' here"
        )
        draft.error(no, "exercise-syntax", message)
        return
    _set(draft, draft.fields, m.group(1), (m.group(2).strip(), no))


def _card_line(draft: _Draft, card: _DraftCard, no: int, stripped: str) -> None:
    m = CARD_KEY_RE.match(stripped)
    if m is not None:
        _set(draft, card.keys, m.group(1), (m.group(2).strip(), no))
    elif card.keys:
        message = _("a card's text comes before its 'place:' and 'why:' lines")
        draft.error(no, "exercise-syntax", message)
    else:
        card.text.append(stripped)


# ---------------------------------------------------------------- the exercise


def _finish(draft: _Draft) -> RiskMatrix:
    header = draft.header
    cards = tuple(c for c in (_card(draft, d) for d in draft.cards) if c is not None)
    low, high = CARD_COUNT
    if not low <= len(draft.cards) <= high:
        message = _("a risk matrix has {low} to {high} cards; this one has {n}")
        draft.error(
            header.line, "exercise-cards", message.format(low=low, high=high, n=len(draft.cards))
        )
    return RiskMatrix(
        id=header.id,
        kind=header.kind,
        line=header.line,
        title=_text_field(draft, "title"),
        instructions=_text_field(draft, "instructions"),
        likelihood=_labels(draft, "likelihood"),
        consequence=_labels(draft, "consequence"),
        cards=cards,
    )


def _text_field(draft: _Draft, key: str) -> str:
    value, _line = draft.fields.get(key, ("", draft.header.line))
    if not value:
        message = _("the exercise needs its '{key}:' line").format(key=key)
        draft.error(draft.header.line, "exercise-syntax", message)
    return value


def _labels(draft: _Draft, key: str) -> tuple[str, ...]:
    value, line = draft.fields.get(key, ("", draft.header.line))
    labels = tuple(label.strip() for label in value.split(LABEL_SEPARATOR)) if value else ()
    if len(labels) != GRID_SIZE or not all(labels):
        message = _("'{key}:' names {n} levels from 1 to {n}, separated by ' | '")
        draft.error(line, "exercise-labels", message.format(key=key, n=GRID_SIZE))
    return labels


def _card(draft: _Draft, card: _DraftCard) -> Card | None:
    """The card, or None when it has no place on the grid (reported)."""
    text = "\n".join(card.text).strip()
    if not text:
        draft.error(card.line, "exercise-cards", _("card '{id}' has no text").format(id=card.id))
    why, _at = card.keys.get("why", ("", card.line))
    if not why:
        message = _("card '{id}' needs a 'why:' line, the model place's justification")
        draft.error(card.line, "exercise-cards", message.format(id=card.id))
    place = _place(draft, card)
    if place is None:
        return None
    return Card(card.id, text, place[0], place[1], why, card.line)


def _place(draft: _Draft, card: _DraftCard) -> Place | None:
    raw, line = card.keys.get("place", ("", card.line))
    m = PLACE_RE.match(raw)
    place = (int(m.group(1)), int(m.group(2))) if m else None
    if place is None or max(place) > GRID_SIZE:
        message = _(
            "card '{id}' needs 'place: L C', its likelihood then its consequence, each from 1 to {n}"
        )
        draft.error(line, "exercise-place", message.format(id=card.id, n=GRID_SIZE))
        return None
    return place
