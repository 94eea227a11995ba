"""Settings as one typed schema over an INI file in the data folder (never the registry)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

SCHEMA_VERSION = 1


class Preferences:
    """What a person chooses; only values that differ from these defaults are written.
    (A plain class: it is read before the first paint, where the dataclasses module and a
    dataclass's creation would cost a few milliseconds of the start-up budget.)"""

    ui_language: str = ""  # "" = not chosen yet: the first-start picker asks
    content_language: str = ""  # "" = follow the UI language
    last_module: str = ""
    last_section: str = ""
    zoom: int = 0  # steps above or below the default text size
    quiz_one_per_page: bool = True
    show_versions: bool = False  # module versions in the outline
    key_points: bool = True  # slides as key-points boxes on the page
    glossary_terms: bool = True  # first use of a glossary term marked, with a tooltip
    theme: str = "system"  # View › Theme: system, light, dark or high-contrast (core.themes)

    def __init__(self, **values: str | int | bool) -> None:
        unknown = set(values) - set(NAMES)
        if unknown:
            raise TypeError(f"unknown preferences: {', '.join(sorted(unknown))}")
        for name in NAMES:
            setattr(self, name, values.get(name, getattr(Preferences, name)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Preferences) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Preferences({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


NAMES = tuple(Preferences.__annotations__)  # the preferences, in order
DEFAULTS = Preferences()


class Settings:
    """Preferences in [reader], window geometry in [window], schema version in [meta]."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(str(self.qs.value("meta/schema", 0) or 0))
        if version < SCHEMA_VERSION:
            self.qs.setValue("meta/schema", SCHEMA_VERSION)

    def load(self) -> Preferences:
        prefs = Preferences()
        for name in NAMES:
            default = getattr(DEFAULTS, name)
            raw = self.qs.value(f"reader/{name}")
            if raw is None:
                continue
            try:
                if isinstance(default, bool):
                    value = str(raw).lower() in ("true", "1", "yes")
                else:
                    value = type(default)(raw)
            except (TypeError, ValueError):
                continue
            setattr(prefs, name, value)
        return prefs

    def save(self, prefs: Preferences) -> None:
        for name in NAMES:
            default = getattr(DEFAULTS, name)
            value = getattr(prefs, name)
            key = f"reader/{name}"
            if value == default:
                self.qs.remove(key)
            else:
                self.qs.setValue(key, value)
        self.qs.sync()

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value("window/geometry"), self.qs.value("window/state")

    def save_geometry(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)
        self.qs.setValue("window/splitter", splitter)
        self.qs.sync()

    def splitter(self) -> QByteArray | None:
        return self.qs.value("window/splitter")
