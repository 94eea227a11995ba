"""The presentation's state, apart from any widget: the steps in the room's language (and a
second one), the trainer's notes in the console's, the step shown, blanking, zoom, the clock,
and the classroom session the delivery record is kept with."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from courseware_app.core.classroom import SectionTime, SessionStore
from courseware_app.core.course import Module
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES
from courseware_app.core.present.steps import (
    Presentation,
    Step,
    StepKind,
    build_presentation,
    pair_steps,
)
from courseware_app.core.present.timing import SessionClock, TimeState, time_state

log = logging.getLogger(__name__)
TICK_MS = 1000


class Blank(StrEnum):
    BLACK = "black"
    WHITE = "white"


class PresenterController(QObject):
    """What is presented and where the presentation stands; the windows show it."""

    stepChanged = Signal(int)  # noqa: N815 - Qt signal naming; the step's index
    blankChanged = Signal(object)  # a Blank, or None when the step shows again
    zoomChanged = Signal(bool)  # noqa: N815
    languageChanged = Signal()  # noqa: N815 - any of the three languages
    timeTick = Signal()  # noqa: N815 - once a second while presenting
    statusChanged = Signal(str)  # noqa: N815 - a line for the console's status
    ended = Signal()

    def __init__(
        self,
        module: Module,
        audience_lang: str,
        console_lang: str | None = None,
        second_lang: str | None = None,
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.module = module
        self.now = now
        self.index = 0
        self.blanked: Blank | None = None
        self.zoomed = False
        self.clock = SessionClock()
        self.store: SessionStore | None = None
        self.session_id: str | None = None
        self.status = ""
        self.finished = False
        self._cache: dict[str, Presentation] = {}
        self.presentation = self._built(audience_lang)
        self.console_lang = self._usable(console_lang or audience_lang)
        self.second_lang: str | None = None
        self.second: Presentation | None = None
        self.pairs: tuple[Step | None, ...] = ()
        self.set_second_language(second_lang)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.timeTick)

    # ------------------------------------------------------------ what is shown

    @property
    def languages(self) -> list[str]:
        """The module's languages, in the course's order."""
        return [lang for lang in LANGUAGES if lang in self.module.translations]

    @property
    def audience_lang(self) -> str:
        return self.presentation.lang

    @property
    def step(self) -> Step:
        return self.presentation.steps[self.index]

    @property
    def count(self) -> int:
        return len(self.presentation.steps)

    def step_at(self, index: int) -> Step | None:
        steps = self.presentation.steps
        return steps[index] if 0 <= index < len(steps) else None

    def second_step(self, index: int | None = None) -> Step | None:
        """The same step in the second language (None when there is none, or no such step)."""
        at = self.index if index is None else index
        return self.pairs[at] if self.second is not None and 0 <= at < len(self.pairs) else None

    def notes(self, section: str | None = None) -> str:
        """The trainer's notes of ``section`` (the current one) in the console language."""
        wanted = self.section_of(self.step) if section is None else section
        return self._built(self.console_lang).notes.get(wanted, "")

    def speaker(self) -> str:
        """The current step's own speaker text, in the console language when it has it."""
        key = self.step.key
        console = self._built(self.console_lang)
        same = next((s for s in console.steps if s.key == key), None)
        return (same or self.step).speaker

    def section_of(self, step: Step) -> str:
        """The section a step's time counts to (the opening counts to the first section)."""
        if step.section:
            return step.section
        sections = self.presentation.sections
        return sections[0].id if sections else ""

    # ------------------------------------------------------------ moving

    def start(self, index: int = 0) -> None:
        """Begin the presentation at ``index`` (F5: from the start, Shift+F5: resume)."""
        if self.finished:
            return
        self.blanked = None
        self.zoomed = False
        self._open_session()
        if self.clock.running:
            self.clock.stop(self.now())  # F5 again: bank the time so far, then start anew
        self.clock.start(self.section_of(self.step_at(index) or self.step), self.now())
        self.timer.start()
        self.go(index, force=True)

    def next(self) -> None:
        """The next step; never reveals anything (the classroom panel alone reveals)."""
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(self.count - 1)

    def go(self, index: int, force: bool = False) -> None:
        """Show step ``index`` (kept within the steps); un-blanks and un-zooms the screen."""
        index = max(0, min(index, self.count - 1))
        if index == self.index and not force and not self.blanked and not self.zoomed:
            return
        self.index = index
        if self.blanked:
            self.blank(None)
        self._zoom(False)
        if self.clock.running:
            self.clock.enter(self.section_of(self.step), self.now())
        self.stepChanged.emit(index)

    def blank(self, kind: Blank | None) -> None:
        """Blank the room's screen black or white; the same kind again (or None) shows it."""
        self.blanked = None if kind == self.blanked else kind
        self.blankChanged.emit(self.blanked)

    def toggle_zoom(self) -> None:
        """The step's picture alone, full screen (a step without one is left as it is)."""
        self._zoom(not self.zoomed and bool(self.step.image))

    def _zoom(self, on: bool) -> None:
        if on != self.zoomed:
            self.zoomed = on
            self.zoomChanged.emit(on)

    # ------------------------------------------------------------ languages

    def cycle_language(self) -> None:
        """The room's next language among the module's."""
        langs = self.languages
        here = langs.index(self.audience_lang) if self.audience_lang in langs else -1
        self.set_audience_language(langs[(here + 1) % len(langs)])

    def set_audience_language(self, lang: str) -> None:
        key = self.step.key
        self.presentation = self._built(lang)
        if self.second_lang == lang:
            self.second_lang = None
        self.set_second_language(self.second_lang, announce=False)
        self.index = self._index_of(key)
        self.languageChanged.emit()
        self.stepChanged.emit(self.index)

    def set_second_language(self, lang: str | None, announce: bool = True) -> None:
        """Two languages on the projector: ``lang`` beneath the room's (None: one language)."""
        usable = lang if lang in self.module.translations and lang != self.audience_lang else None
        self.second_lang = usable
        self.second = self._built(usable) if usable else None
        self.pairs = pair_steps(self.presentation, self.second) if self.second else ()
        if announce:
            self.languageChanged.emit()
            self.stepChanged.emit(self.index)

    def set_console_language(self, lang: str) -> None:
        self.console_lang = self._usable(lang)
        self.languageChanged.emit()

    def _usable(self, lang: str) -> str:
        return lang if lang in self.module.translations else self.audience_lang

    def _built(self, lang: str) -> Presentation:
        if lang not in self._cache:
            self._cache[lang] = build_presentation(self.module.translations[lang])
        return self._cache[lang]

    def _index_of(self, key: tuple[str, StepKind, int]) -> int:
        steps = self.presentation.steps
        found = next((i for i, s in enumerate(steps) if s.key == key), None)
        return found if found is not None else self.presentation.first_step(key[0])

    # ------------------------------------------------------------ time

    def section_time(self) -> tuple[float, int | None, TimeState]:
        """Seconds spent in the current section, its planned minutes, and how that stands."""
        section = self.section_of(self.step)
        spent = self.clock.in_section(self.now(), section)
        planned = self.presentation.planned(section)
        return spent, planned, time_state(spent, planned)

    def elapsed(self) -> float:
        return self.clock.elapsed(self.now())

    def actual(self, section: str) -> float:
        return self.clock.in_section(self.now(), section)

    def delivery(self) -> list[SectionTime]:
        """Planned minutes and actual seconds of each section shown, in the module's order."""
        spent = self.clock.actual(self.now())
        return [
            SectionTime(s.id, s.minutes, round(spent[s.id], 1))
            for s in self.presentation.sections
            if s.id in spent
        ]

    # ------------------------------------------------------------ the session record

    def open_store(self, data_dir: Path | None) -> None:
        """Keep the session in ``data_dir``'s progress file; when it cannot be opened, the
        presentation goes on and the status line says why."""
        if data_dir is None or self.store is not None:
            return
        try:
            self.store = SessionStore.open(data_dir)
        except Exception as exc:  # noqa: BLE001 - any store failure: present anyway
            log.warning("classroom sessions not recorded: %s", exc)
            self.say(_("This session is not being recorded: {reason}").format(reason=exc))

    def _open_session(self) -> None:
        if self.store is None or self.session_id is not None:
            return
        p = self.presentation
        try:
            self.session_id = self.store.start(
                module=p.module, module_version=p.version, lang=p.lang
            )
        except Exception as exc:  # noqa: BLE001
            log.warning("classroom session not started: %s", exc)
            self.say(_("This session is not being recorded: {reason}").format(reason=exc))

    def end(self) -> None:
        """Stop the clock, keep the delivery record with the session, and say it ended."""
        if self.finished:
            return
        self.finished = True
        self.timer.stop()
        sections = self.delivery()
        self.clock.stop(self.now())
        if self.store is not None and self.session_id is not None:
            try:
                self.store.finish(self.session_id, sections=sections)
            except Exception as exc:  # noqa: BLE001
                log.warning("delivery record not kept: %s", exc)
        if self.store is not None:
            self.store.close()
        self.ended.emit()

    def say(self, message: str) -> None:
        self.status = message
        self.statusChanged.emit(message)
