"""A presentation put together: the controller, the room's and the trainer's windows, the keys,
the screens they go on, and the classroom quiz when the console asks for it. The main window's
View › Present and ``courseware present`` both start one with :func:`open_presenter`."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from courseware_app.core.course import Module
from courseware_app.ui.present.audience import AudienceWindow
from courseware_app.ui.present.console import ConsoleWindow
from courseware_app.ui.present.controller import PresenterController
from courseware_app.ui.present.exercise_view import exercise_finder
from courseware_app.ui.present.keys import PresenterKeys
from courseware_app.ui.present.look import DARK_NAME, LIGHT_NAME, look_named
from courseware_app.ui.present.screens import AudiencePlacer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PresentOptions:
    """What a presentation starts with."""

    section: str = ""  # "" = the module's opening
    audience_lang: str = "en"
    console_lang: str = ""  # "" = the audience's
    second_lang: str = ""  # "" = one language on the projector
    theme: str = DARK_NAME
    data_dir: Path | None = None  # where the session is recorded (None: not recorded)


class Presenter(QObject):
    """One running presentation; ``finished`` once it has ended and its windows are closed."""

    finished = Signal()

    def __init__(
        self,
        module: Module,
        options: PresentOptions,
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        o = options
        self.options = options
        self.controller = c = PresenterController(
            module, o.audience_lang, o.console_lang, o.second_lang or None, now, self
        )
        c.open_store(o.data_dir)
        self.audience = AudienceWindow(c, module.folder)
        self.console = ConsoleWindow(c, module.folder)
        windows = [self.audience, self.console]
        self.keys = PresenterKeys(c, self.console, windows, self.audience.page)
        self.placer = AudiencePlacer(self.audience, self.console)
        self.placer.planChanged.connect(self.console.show_plan)
        self.console.darkChanged.connect(self.set_dark)
        self.console.languages.dark.setChecked(o.theme != LIGHT_NAME)
        self.console.classroomRequested.connect(self.start_classroom)
        self.console.exerciseRequested.connect(self.start_exercise)
        for view in (self.audience.steps, self.console.current, self.console.upcoming):
            view.set_exercises(exercise_finder(c))
        self.classroom: QObject | None = None
        c.ended.connect(self._close)
        self.set_dark(o.theme != LIGHT_NAME)

    def start(self) -> None:
        """Both windows on their screens, the presentation at the section asked for."""
        self.keys.install()
        self.placer.place()
        c = self.controller
        c.start(c.presentation.first_step(self.options.section) if self.options.section else 0)

    def set_dark(self, dark: bool) -> None:
        look = look_named(DARK_NAME if dark else LIGHT_NAME)
        for view in (self.audience, self.console.current, self.console.upcoming):
            view.set_look(look)

    def start_classroom(self, quiz_id: str) -> None:
        """The classroom quiz's panel in the console and its view on the projector."""
        from courseware_app.ui.present.classroom import start_classroom  # when first asked for

        self.classroom = start_classroom(self.controller, self.console, self.audience, quiz_id)

    def start_exercise(self, exercise_id: str) -> None:
        """The exercise's live board in the console and on the projector."""
        from courseware_app.ui.present.exercise_panel import start_exercise  # when first asked for

        self.classroom = start_exercise(self.controller, self.console, self.audience, exercise_id)

    def _close(self) -> None:
        self.placer.stop()
        self.keys.uninstall()
        self.audience.close()
        self.console.close()
        self.finished.emit()


def open_presenter(module: Module, options: PresentOptions) -> Presenter:
    """Start presenting ``module``: the windows are shown and the clock runs."""
    presenter = Presenter(module, options)
    presenter.start()
    return presenter
