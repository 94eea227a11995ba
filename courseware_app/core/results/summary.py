"""The class at a glance: profiles x modules, with the best and last score of each."""

from __future__ import annotations

from dataclasses import dataclass

from courseware_app.core.results.records import AttemptRecord


@dataclass(frozen=True)
class Person:
    key: str  # profile id (or name and device for exports without one)
    name: str
    device: str
    label: str  # the name, with the device (and id) added when two people share a name


@dataclass(frozen=True)
class Cell:
    best: float
    last: float
    attempts: int
    passed: bool  # any attempt passed
    last_at: str


@dataclass(frozen=True)
class ClassSummary:
    people: list[Person]
    modules: list[str]
    cells: dict[tuple[str, str], Cell]


def person_key(rec: AttemptRecord) -> str:
    """The profile id, or name@device for an export without one."""
    return rec.get("profile_id") or f"{rec['profile']}@{rec.get('device', '')}"


def _people(records: list[AttemptRecord]) -> list[Person]:
    found: dict[str, tuple[str, str]] = {}
    for rec in records:
        found.setdefault(person_key(rec), (rec["profile"], rec.get("device", "")))
    names = [n for n, _d in found.values()]
    pairs = list(found.values())
    people = []
    for key, (name, device) in found.items():
        label = name
        if pairs.count((name, device)) > 1:  # same name on the same laptop: add the id
            label = f"{name} ({device}, {key[:8]})"
        elif names.count(name) > 1:
            label = f"{name} ({device})"
        people.append(Person(key, name, device, label))
    return sorted(people, key=lambda p: (p.label.casefold(), p.key))


def class_summary(records: list[AttemptRecord]) -> ClassSummary:
    """Profiles x modules: best and last score, attempts, passed."""
    people = _people(records)
    modules: list[str] = []
    grouped: dict[tuple[str, str], list[AttemptRecord]] = {}
    for rec in sorted(records, key=lambda r: r["finished_at"]):
        if rec["module"] not in modules:
            modules.append(rec["module"])
        grouped.setdefault((person_key(rec), rec["module"]), []).append(rec)
    cells = {
        k: Cell(
            best=max(float(r["score"]) for r in rs),
            last=float(rs[-1]["score"]),
            attempts=len(rs),
            passed=any(r["passed"] for r in rs),
            last_at=rs[-1]["finished_at"],
        )
        for k, rs in grouped.items()
    }
    return ClassSummary(people, sorted(modules), cells)
