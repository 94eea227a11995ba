"""The content folder watched: every save reported once, after the burst of events it makes.

Editors save in place, by writing a new file and renaming it over the old one, or by deleting
and creating it; a watched file that goes away is no longer watched, so after each burst every
file and folder is added again. What changed is decided by comparing listings
(core.editor.snapshot), the watcher's signals only say when to look.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from courseware_app.core.editor.snapshot import changed, folders, snapshot

DEBOUNCE_MS = 100  # a save's burst of events is over in a few ms; 300 ms is the whole budget


class ContentWatcher(QObject):
    """``changed(paths)``: the files added, removed or rewritten under ``root``."""

    changed = Signal(list)  # list[Path]

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root.resolve()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._touched)
        self.watcher.directoryChanged.connect(self._touched)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._settled)
        self._named: set[Path] = set()
        self._listing = snapshot(root)
        self._watch()

    def stop(self) -> None:
        self.timer.stop()
        for paths in (self.watcher.files(), self.watcher.directories()):
            if paths:
                self.watcher.removePaths(paths)

    def _watch(self) -> None:
        """Watch every folder and file now there (Qt skips those it watches already)."""
        wanted = [str(p) for p in folders(self.root)] + [str(p) for p in self._listing]
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        new = [p for p in wanted if p not in watched]
        if new:
            self.watcher.addPaths(new)

    def _touched(self, path: str) -> None:
        self._named.add(Path(path))
        self.timer.start()  # restarted by each event of the burst

    def _settled(self) -> None:
        listing = snapshot(self.root)
        files = {p for p in self._named if p not in self._folders()}
        paths = changed(self._listing, listing, files)
        self._listing, self._named = listing, set()
        self._watch()
        if paths:
            self.changed.emit(sorted(paths))

    def _folders(self) -> set[Path]:
        return {Path(d) for d in self.watcher.directories()}
