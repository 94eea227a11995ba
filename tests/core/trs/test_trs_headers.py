"""Milestone headers recognised in English, Russian and French; the identifier's column."""

import pytest

from courseware_app.core.trs import Role, TrsError, make_plan, role_of
from courseware_app.core.trs.headers import recognise_id, recognise_milestones
from tests.core.trs.helpers import extract_of


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("arrival", Role.ARRIVAL),
        ("Arrival time", Role.ARRIVAL),
        ("declaration_lodged", Role.DECLARATION),
        ("Lodgement", Role.DECLARATION),
        ("Registration date", Role.REGISTRATION),
        ("inspection start", Role.INSPECTION_START),
        ("Examination end", Role.INSPECTION_END),
        ("Payment", Role.PAYMENT),
        ("release", Role.RELEASE),
        ("Gate out", Role.EXIT),
        ("Время прибытия", Role.ARRIVAL),
        ("Дата подачи ДТ", Role.DECLARATION),
        ("Регистрация ДТ", Role.REGISTRATION),
        ("Начало досмотра", Role.INSPECTION_START),
        ("Окончание досмотра", Role.INSPECTION_END),
        ("Уплата платежей", Role.PAYMENT),
        ("Выпуск", Role.RELEASE),
        ("Убытие", Role.EXIT),
        ("Date d'arrivée", Role.ARRIVAL),
        ("Dépôt de la déclaration", Role.DECLARATION),
        ("Enregistrement", Role.REGISTRATION),
        ("Début du contrôle", Role.INSPECTION_START),
        ("Fin de la visite", Role.INSPECTION_END),
        ("Paiement des droits", Role.PAYMENT),
        ("Heure de mainlevée", Role.RELEASE),
        ("Sortie", Role.EXIT),
        ("channel", None),
        ("mode", None),
        ("consignment_id", None),
    ],
)
def test_header_roles_in_three_languages(header, role):
    assert role_of(header) is role


@pytest.mark.parametrize(
    "header",
    [
        ("Номер ДТ", "Выпуск", "Прибытие", "Канал"),
        ("N° déclaration", "Mainlevée", "Arrivée", "Circuit"),
        ("consignment_id", "release", "arrival", "channel"),
    ],
)
def test_milestones_come_in_process_order_whatever_the_file_order(header):
    milestones = recognise_milestones(header)
    assert [m.column for m in milestones] == [header[2], header[1]]
    assert recognise_id(header, [header[1], header[2]]) == header[0]


def test_two_columns_for_one_milestone_are_not_guessed():
    with pytest.raises(TrsError, match="arrival"):
        recognise_milestones(["arrival", "arrival time", "release"])


def test_fewer_than_two_milestones_asks_for_names():
    with pytest.raises(TrsError, match="name them"):
        recognise_milestones(["id", "gate", "release"])


def test_named_milestones_keep_the_callers_order_and_columns():
    extract = extract_of(
        "ref,t1,t2,t3,lane\nA,2025-03-10T07:40,2025-03-10T08:00,2025-03-10T09:00,x\n"
    )
    plan = make_plan(extract, milestones=["t1", "t2", "t3"], id_column="ref", by=["lane"])
    assert [m.column for m in plan.milestones] == ["t1", "t2", "t3"]
    assert [m.role for m in plan.milestones] == [None, None, None]
    assert (plan.id_column, plan.by) == ("ref", ("lane",))
    with pytest.raises(TrsError, match="no column nope"):
        make_plan(extract, milestones=["t1", "nope"])
    with pytest.raises(TrsError, match="cannot also be a segment"):
        make_plan(extract, milestones=["t1", "t2"], by=["t2"])
    with pytest.raises(TrsError, match="named twice"):
        make_plan(extract, milestones=["t1", "t1"])
