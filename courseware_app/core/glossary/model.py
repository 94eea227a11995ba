"""The curriculum's trilingual glossary (``content/glossary.yaml``) as values, read strictly.

The file is a YAML list of entries; each has an ``id``, a ``source`` and, per language, the
preferred ``term``, allowed ``variants``, variants to ``avoid`` (each with a ``reason`` and,
optionally, a ``match`` regular expression used instead of the term), a one-sentence
``definition`` and, optionally, an ``eaeu`` note where EAEU usage differs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core.course import Diagnostic
from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_GLOSSARY_BYTES

if TYPE_CHECKING:
    from courseware_app.core.loader.files import Report

GLOSSARY_FILE = "glossary.yaml"
LANGUAGES = ("en", "ru", "fr")  # every entry is written in these
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ENTRY_KEYS = frozenset({"id", "source", *LANGUAGES})
TERM_KEYS = frozenset({"term", "variants", "avoid", "definition", "eaeu"})
AVOID_KEYS = frozenset({"term", "reason", "match"})


@dataclass(frozen=True)
class Avoid:
    """A variant to avoid in one language, why, and (optionally) the pattern that finds it."""

    term: str
    reason: str
    match: str = ""


@dataclass(frozen=True)
class Wording:
    """One language's side of an entry."""

    term: str
    definition: str
    variants: tuple[str, ...] = ()
    avoid: tuple[Avoid, ...] = ()
    eaeu: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The preferred term, then the allowed variants."""
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Entry:
    id: str
    source: str
    wordings: Mapping[str, Wording] = field(hash=False)
    line: int = 1  # where the entry starts in the file

    def wording(self, lang: str) -> Wording | None:
        return self.wordings.get(lang)


@dataclass(frozen=True)
class Glossary:
    """The entries that were read whole, and a diagnostic for every one that was not."""

    entries: tuple[Entry, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    path: Path | None = None

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def __len__(self) -> int:
        return len(self.entries)


EMPTY = Glossary()


def glossary_path(content_root: Path) -> Path:
    return Path(content_root) / GLOSSARY_FILE


def glossary_for(content_root: Path) -> Glossary:
    """The glossary of a content tree (empty when it has none), read again when the file
    changes."""
    path = glossary_path(content_root)
    try:
        st = path.stat()
    except OSError:
        return EMPTY
    return _cached(str(path.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _cached(path: str, _mtime_ns: int, _size: int) -> Glossary:
    return load_glossary(Path(path))


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file; what is wrong with it becomes diagnostics (file and line), and
    every well-formed entry is kept."""
    from courseware_app.core.loader.files import Report, YAMLError, parse_yaml_node, read_text

    report = Report(path)
    text = read_text(path, report, MAX_GLOSSARY_BYTES)
    if text is None:
        return Glossary((), tuple(report.items), path)
    try:
        data, node = parse_yaml_node(text, MAX_GLOSSARY_BYTES)
    except YAMLError as exc:
        code = exc.code or "glossary-yaml"
        report.add(
            exc.line + 1,
            code,
            _("the glossary is not valid YAML: {problem}").format(problem=exc.problem),
        )
        return Glossary((), tuple(report.items), path)
    if not isinstance(data, list):
        report.add(1, "glossary-yaml", _("the glossary must be a YAML list of entries"))
        return Glossary((), tuple(report.items), path)
    lines = [n.start_mark.line + 1 for n in getattr(node, "value", [])]
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        line = lines[i] if i < len(lines) else 1
        entry = _entry(item, line, report)
        if entry is None:
            continue
        if entry.id in seen:
            report.add(line, "glossary-entry", _("the id '{id}' is used twice").format(id=entry.id))
            continue
        seen.add(entry.id)
        entries.append(entry)
    return Glossary(tuple(entries), tuple(report.items), path)


class _Bad(ValueError):
    pass


def _entry(item: object, line: int, report: Report) -> Entry | None:
    try:
        if not isinstance(item, dict):
            raise _Bad(_("an entry must be a mapping with id, source, en, ru and fr"))
        _only(item, ENTRY_KEYS, "entry")
        entry_id = _text(item, "id")
        if not ID_RE.match(entry_id):
            raise _Bad(
                _("the id '{id}' must be lower-case letters, digits and hyphens").format(
                    id=entry_id
                )
            )
        wordings = {lang: _wording(item.get(lang), lang) for lang in LANGUAGES}
        return Entry(entry_id, _text(item, "source"), wordings, line)
    except _Bad as exc:
        report.add(line, "glossary-entry", str(exc))
        return None


def _wording(value: object, lang: str) -> Wording:
    if not isinstance(value, dict):
        raise _Bad(
            _("'{lang}' must be a mapping with term, variants, avoid and definition").format(
                lang=lang
            )
        )
    _only(value, TERM_KEYS, lang)
    definition = _text(value, "definition", lang)
    avoid = value.get("avoid", [])
    if not isinstance(avoid, list):
        raise _Bad(_("'{lang}: avoid' must be a list").format(lang=lang))
    eaeu = value.get("eaeu") or ""
    return Wording(
        term=_text(value, "term", lang),
        definition=definition,
        variants=_texts(value.get("variants", []), lang, "variants"),
        avoid=tuple(_avoid(a, lang) for a in avoid),
        eaeu=eaeu if isinstance(eaeu, str) else "",
    )


def _avoid(value: object, lang: str) -> Avoid:
    if not isinstance(value, dict):
        raise _Bad(
            _("each '{lang}: avoid' item must be a mapping with term and reason").format(lang=lang)
        )
    _only(value, AVOID_KEYS, f"{lang}: avoid")
    pattern = value.get("match") or ""
    if not isinstance(pattern, str):
        raise _Bad(_("'match' must be a regular expression"))
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _Bad(
            _("'match' is not a valid regular expression: {problem}").format(problem=exc)
        ) from exc
    return Avoid(_text(value, "term", lang), _text(value, "reason", lang), pattern)


def _only(mapping: dict[object, object], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(k) for k in mapping if k not in allowed)
    if unknown:
        raise _Bad(_("unknown key in {where}: {keys}").format(where=where, keys=", ".join(unknown)))


def _text(mapping: dict[object, object], key: str, where: str = "") -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        name = f"{where}: {key}" if where else key
        raise _Bad(_("'{key}' must be non-empty text").format(key=name))
    return value.strip()


def _texts(value: object, lang: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad(_("'{lang}: {key}' must be a list of terms").format(lang=lang, key=key))
    return tuple(v.strip() for v in value)
