"""Back/forward navigation history of (module, section) locations."""

from __future__ import annotations

from typing import NamedTuple

# Plain classes rather than dataclasses: the window imports this before its first paint, and
# each dataclass costs about a millisecond to create.


class Location(NamedTuple):
    module: str
    section: str = ""


class History:
    """A browser-style history: visiting after going back drops the forward entries."""

    def __init__(self, entries: list[Location] | None = None, index: int = -1, limit: int = 200):
        self.entries: list[Location] = list(entries or [])
        self.index = index
        self.limit = limit

    @property
    def current(self) -> Location | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        del self.entries[self.index + 1 :]
        self.entries.append(location)
        if len(self.entries) > self.limit:
            del self.entries[0]
        self.index = len(self.entries) - 1

    def replace(self, location: Location) -> None:
        """Update the current entry in place (scrolling to another section)."""
        if self.current is None:
            self.visit(location)
        else:
            self.entries[self.index] = location

    def can_back(self) -> bool:
        return self.index > 0

    def can_forward(self) -> bool:
        return self.index < len(self.entries) - 1

    def back(self) -> Location | None:
        if not self.can_back():
            return None
        self.index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_forward():
            return None
        self.index += 1
        return self.current
