"""Milestone columns recognised by their headers in English, Russian and French, in the
process order of a border post; and the consignment identifier's column."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from courseware_app.core.i18n import _
from courseware_app.core.trs.reading import TrsError


class Role(Enum):
    """A usual milestone, in process order."""

    ARRIVAL = "arrival"
    DECLARATION = "declaration_lodged"
    REGISTRATION = "registration"
    INSPECTION_START = "inspection_start"
    INSPECTION_END = "inspection_end"
    PAYMENT = "payment"
    RELEASE = "release"
    EXIT = "exit"


# Milestones a declaration may legitimately reach before the goods arrive (pre-arrival
# processing, TFA Article 7.1).
PRE_ARRIVAL_ROLES: Final = frozenset({Role.DECLARATION, Role.REGISTRATION, Role.PAYMENT})

# Words that say nothing about which milestone a header names.
_FILLER: Final = frozenset(
    [
        "time",
        "date",
        "datetime",
        "timestamp",
        "at",
        "of",
        "the",
        "on",
        "dt",
        "ts",
        "дата",
        "время",
        "дата/время",
        "момент",
        "date",
        "heure",
        "de",
        "la",
        "le",
        "l",
        "d",
        "du",
        "des",
    ]
)

_NAMES: Final[dict[Role, tuple[str, ...]]] = {
    Role.ARRIVAL: (
        "arrival",
        "arrived",
        "arrival at border",
        "entry",
        "gate in",
        "gate entry",
        "прибытие",
        "прибытия",
        "въезд",
        "въезда",
        "прибытие на пункт",
        "arrivée",
        "arrivee",
        "entrée",
        "entree",
    ),
    Role.DECLARATION: (
        "declaration lodged",
        "declaration",
        "lodged",
        "lodgement",
        "lodgment",
        "declaration submitted",
        "submission",
        "declaration lodgement",
        "подача декларации",
        "подача дт",
        "подачи декларации",
        "подачи дт",
        "подача",
        "декларация подана",
        "дт подана",
        "dépôt de déclaration",
        "dépôt déclaration",
        "déclaration déposée",
        "dépôt",
        "déclaration",
    ),
    Role.REGISTRATION: (
        "registration",
        "registered",
        "declaration registered",
        "declaration registration",
        "регистрация",
        "регистрации",
        "регистрация дт",
        "регистрация декларации",
        "регистрации дт",
        "регистрации декларации",
        "enregistrement",
        "déclaration enregistrée",
        "enregistrement déclaration",
    ),
    Role.INSPECTION_START: (
        "inspection start",
        "start inspection",
        "examination start",
        "start examination",
        "control start",
        "начало досмотра",
        "начало осмотра",
        "начало контроля",
        "début inspection",
        "début contrôle",
        "début visite",
        "début examen",
    ),
    Role.INSPECTION_END: (
        "inspection end",
        "end inspection",
        "examination end",
        "end examination",
        "control end",
        "окончание досмотра",
        "конец досмотра",
        "завершение досмотра",
        "окончание осмотра",
        "окончание контроля",
        "fin inspection",
        "fin contrôle",
        "fin visite",
        "fin examen",
    ),
    Role.PAYMENT: (
        "payment",
        "paid",
        "duties paid",
        "payment duties",
        "оплата",
        "уплата",
        "оплаты",
        "уплаты",
        "уплата платежей",
        "оплата пошлин",
        "paiement",
        "paiement droits",
        "droits payés",
    ),
    Role.RELEASE: (
        "release",
        "released",
        "customs release",
        "release goods",
        "выпуск",
        "выпуска",
        "выпуск товаров",
        "выпуска товаров",
        "mainlevée",
        "main levée",
        "mainlevee",
    ),
    Role.EXIT: (
        "exit",
        "gate out",
        "gate exit",
        "departure",
        "exit border",
        "выезд",
        "выезда",
        "убытие",
        "убытия",
        "sortie",
        "départ",
        "depart",
    ),
}

_ID_NAMES: Final = frozenset(
    [
        "id",
        "consignment",
        "consignment id",
        "consignment number",
        "declaration number",
        "reference",
        "ref",
        "number",
        "no",
        "№",
        "номер",
        "номер дт",
        "номер декларации",
        "идентификатор",
        "numéro",
        "n°",
        "identifiant",
        "numéro déclaration",
        "référence",
    ]
)

_SEPARATORS = re.compile(r"[\s_\-.'’/:()]+")


def normalise(header: str) -> str:
    """``header`` reduced for matching: case, accents and separators ignored, filler words
    (time, date, дата, heure...) dropped."""
    text = unicodedata.normalize("NFKD", header.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in _SEPARATORS.split(text) if w and w not in _FILLER]
    return " ".join(words)


_LOOKUP: Final[dict[str, Role]] = {
    normalise(name): role for role, names in _NAMES.items() for name in names
}
_ID_LOOKUP: Final = frozenset(normalise(n) for n in _ID_NAMES) | {"id"}


def role_of(header: str) -> Role | None:
    """The usual milestone ``header`` names, or None."""
    return _LOOKUP.get(normalise(header))


@dataclass(frozen=True)
class Milestone:
    """A milestone column: its header exactly as in the file and the role it plays, if known."""

    column: str
    role: Role | None


def recognise_milestones(header: Sequence[str]) -> tuple[Milestone, ...]:
    """The columns of ``header`` that name usual milestones, in process order; TrsError when
    two columns name the same milestone (the caller must say which) or fewer than two do."""
    found: dict[Role, list[str]] = {}
    for column in header:
        role = role_of(column)
        if role is not None:
            found.setdefault(role, []).append(column)
    for role, columns in found.items():
        if len(columns) > 1:
            message = _("columns {columns} could each be {milestone}; name the milestones")
            raise TrsError(message.format(columns=", ".join(columns), milestone=role.value))
    if len(found) < 2:
        message = _("fewer than two milestone columns recognised; name them in process order")
        raise TrsError(message)
    return tuple(Milestone(found[role][0], role) for role in Role if role in found)


def named_milestones(columns: Sequence[str]) -> tuple[Milestone, ...]:
    """The milestones the caller named, in the order given, each with its role if known."""
    if len(columns) < 2:
        raise TrsError(_("name at least two milestone columns"))
    if len(set(columns)) < len(columns):
        raise TrsError(_("a milestone column is named twice"))
    return tuple(Milestone(c, role_of(c)) for c in columns)


def recognise_id(header: Sequence[str], taken: Sequence[str] = ()) -> str | None:
    """The column that identifies consignments: one headed like an identifier, else the
    first column that is not a milestone; None when every column is a milestone."""
    for column in header:
        if normalise(column) in _ID_LOOKUP and column not in taken:
            return column
    for column in header:
        words = normalise(column).split()
        if column not in taken and ("id" in words or "№" in column):
            return column
    free = [c for c in header if c not in taken]
    return free[0] if free else None
