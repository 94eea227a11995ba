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
    (A plain class, not a dataclass: it is read before the window's first paint.)"""

    DEFAULTS = {
        "ui_language": "",  # "" = not chosen yet: the first-start picker asks
        "content_language": "",  # "" = follow the UI language
        "last_module": "",
        "last_section": "",
        "zoom": 0,  # steps above or below the default text size
        "quiz_one_per_page": True,
    }

    def __init__(self, **values):
        for name, default in self.DEFAULTS.items():
            setattr(self, name, values.pop(name, default))
        if values:
            raise TypeError(f"unknown preferences: {', '.join(values)}")

    def __eq__(self, other):
        return isinstance(other, Preferences) and vars(self) == vars(other)

    def __repr__(self):
        return f"Preferences({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class Settings:
    """Preferences in [reader], window geometry in [window], schema version in [meta]."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(self.qs.value("meta/schema", 0) or 0)
        if version < SCHEMA_VERSION:
            self.qs.setValue("meta/schema", SCHEMA_VERSION)

    def load(self) -> Preferences:
        prefs = Preferences()
        for name, default in Preferences.DEFAULTS.items():
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
        for name, default in Preferences.DEFAULTS.items():
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
