"""Actions from one table: id, text, tip, shortcuts, icon, menu, toolbar group and handler.

The window builds its QActions from ``WINDOW_ACTIONS`` (``ActionSet``); tooltips take their
shortcut from the action's own QKeySequence, so a translated tip never spells a key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from PySide6.QtGui import QAction

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    from courseware_app.ui.frame import WindowFrame

Text = Callable[[], str]  # a translated text, looked up at each retranslation
T = TypeVar("T")  # what the handlers act on: the window, or a part


class ActionSpec(NamedTuple, Generic[T]):
    """One row of an action table."""

    id: str  # the QAction's objectName
    text: Text
    tip: Text
    handler: Callable[[T, bool], object]  # (target, checked); what it returns is ignored
    shortcuts: tuple[str, ...] = ()  # key sequences ("Alt+Up") or QKeySequence.StandardKey names
    icon: str | None = None  # a QStyle.StandardPixmap name
    menu: str | None = None  # the window menu's id
    group: int = 0  # a separator goes between groups of one menu or of the toolbar
    toolbar: int | None = None  # toolbar group, None: not on the toolbar
    checkable: bool = False
    needs_course: bool = False  # disabled until a course is attached


def _shortcuts(window: WindowFrame, _checked: bool) -> None:
    from courseware_app.ui.help import ShortcutsDialog

    ShortcutsDialog(window).exec()


def _first_steps(window: WindowFrame, _checked: bool) -> None:
    from courseware_app.ui.help import FirstStepsDialog

    FirstStepsDialog(window).exec()


# fmt: off
WINDOW_ACTIONS: tuple[ActionSpec[WindowFrame], ...] = (
    ActionSpec("quit", lambda: _("&Quit"), lambda: _("Quit the application"),
               lambda w, _c: w.close(), ("Quit", "Ctrl+Q"), menu="file"),
    ActionSpec("zoomIn", lambda: _("Zoom &in"), lambda: _("Larger text"),
               lambda w, _c: w.zoom(1), ("ZoomIn", "Ctrl+="), menu="view"),
    ActionSpec("zoomOut", lambda: _("Zoom &out"), lambda: _("Smaller text"),
               lambda w, _c: w.zoom(-1), ("ZoomOut",), menu="view"),
    ActionSpec("zoomReset", lambda: _("&Normal size"), lambda: _("Normal text size"),
               lambda w, _c: w.zoom(0), ("Ctrl+0",), menu="view"),
    ActionSpec("fullScreen", lambda: _("&Full screen"), lambda: _("Fill the screen with the window"),
               lambda w, on: w.view_modes.set_full_screen(on), ("FullScreen", "F11"),
               menu="view", group=1, checkable=True),
    ActionSpec("focusMode", lambda: _("Focus &mode"),
               lambda: _("Show only the text: hide the outline and the toolbar"),
               lambda w, on: w.view_modes.set_focus_mode(on), ("Ctrl+Shift+F",), menu="view",
               group=1, checkable=True),
    ActionSpec("showVersions", lambda: _("Module &versions in the outline"),
               lambda: _("Show each module's version next to its title"),
               lambda w, on: w.view_modes.set_versions_shown(on), menu="view", group=1,
               checkable=True),
    ActionSpec("keyPoints", lambda: _("&Key points on the page"),
               lambda: _("Show each section's slides as a key-points box"),
               lambda w, on: w.view_modes.set_key_points(on), menu="view", group=1,
               checkable=True, needs_course=True),
    ActionSpec("trainerMode", lambda: _("&Trainer mode"), lambda: _("Show or hide trainer notes"),
               lambda w, on: w.reader.set_trainer(on), ("Ctrl+T",), menu="view", group=2,
               toolbar=2, checkable=True, needs_course=True),
    ActionSpec("back", lambda: _("&Back"), lambda: _("Go back"), lambda w, _c: w.reader.go_back(),
               ("Back",), "SP_ArrowBack", menu="go", toolbar=0, needs_course=True),
    ActionSpec("forward", lambda: _("&Forward"), lambda: _("Go forward"),
               lambda w, _c: w.reader.go_forward(), ("Forward",), "SP_ArrowForward", menu="go",
               toolbar=0, needs_course=True),
    ActionSpec("prevSection", lambda: _("&Previous section"), lambda: _("Previous section"),
               lambda w, _c: w.reader.step_section(-1), ("Alt+Up",), "SP_ArrowUp", menu="go",
               group=1, toolbar=1, needs_course=True),
    ActionSpec("nextSection", lambda: _("&Next section"), lambda: _("Next section"),
               lambda w, _c: w.reader.step_section(1), ("Alt+Down",), "SP_ArrowDown", menu="go",
               group=1, toolbar=1, needs_course=True),
    ActionSpec("prevModule", lambda: _("Previous &module"), lambda: _("Previous module"),
               lambda w, _c: w.reader.step_module(-1), ("Alt+PgUp",), "SP_MediaSkipBackward",
               menu="go", group=2, toolbar=1, needs_course=True),
    ActionSpec("nextModule", lambda: _("Next m&odule"), lambda: _("Next module"),
               lambda w, _c: w.reader.step_module(1), ("Alt+PgDown",), "SP_MediaSkipForward",
               menu="go", group=2, toolbar=1, needs_course=True),
    ActionSpec("takeQuiz", lambda: _("Take the &quiz…"), lambda: _("Take this module's quiz"),
               lambda w, _c: w.reader.open_current_quiz(), ("Ctrl+Shift+Q",), menu="go", group=3, needs_course=True),
    ActionSpec("shortcuts", lambda: _("&Keyboard shortcuts"),
               lambda: _("Every keyboard shortcut of the application"), _shortcuts,
               ("HelpContents", "F1", "Ctrl+?"), menu="help"),
    ActionSpec("firstSteps", lambda: _("&First steps"), lambda: _("A short guide to the reader"),
               _first_steps, menu="help"),
    ActionSpec("about", lambda: _("&About Courseware"), lambda: _("About this application"),
               lambda w, _c: w.reader.show_about(), menu="help", group=1, needs_course=True),
)
# fmt: on


def tip_with_shortcut(tip: str, action: QAction) -> str:
    """``tip`` followed by the action's first shortcut as the platform writes it."""
    keys = action.shortcuts()
    if not keys:
        return tip
    from PySide6.QtGui import QKeySequence

    return f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"


def set_action_texts(texts: Mapping[QAction, tuple[str, str]]) -> None:
    """Give each action its (translated) text, and its tip (with its shortcut) as tooltip and
    status tip."""
    for action, (text, tip) in texts.items():
        full = tip_with_shortcut(tip, action)
        action.setText(text)
        action.setToolTip(full)
        action.setStatusTip(full)


def key_sequences(names: Iterable[str]) -> list[QKeySequence]:
    """Key sequences from our names: QKeySequence.StandardKey names (the platform's primary
    binding, when it has one) and literal sequences, without empty or duplicate ones (which
    would be ambiguous)."""
    from PySide6.QtGui import QKeySequence

    standard = QKeySequence.StandardKey
    seen: set[str] = set()
    out: list[QKeySequence] = []
    for name in names:
        seq = (
            QKeySequence(getattr(standard, name)) if hasattr(standard, name) else QKeySequence(name)
        )
        if seq.toString() and seq.toString() not in seen:
            seen.add(seq.toString())
            out.append(seq)
    return out


class ActionSet(Generic[T]):
    """The QActions of a table, by id; texts set again on every retranslation. ``owner`` is the
    widget whose window the shortcuts work in; handlers get ``target``."""

    def __init__(self, owner: QWidget, specs: Iterable[ActionSpec[T]], target: T):
        self.specs = {spec.id: spec for spec in specs}
        self.actions: dict[str, QAction] = {}
        for spec in self.specs.values():
            action = QAction(owner)
            action.setObjectName(spec.id)
            action.setCheckable(spec.checkable)
            action.triggered.connect(lambda checked=False, s=spec: s.handler(target, bool(checked)))
            action.setEnabled(not spec.needs_course)
            owner.addAction(action)
            self.actions[spec.id] = action

    def enable_course_actions(self) -> None:
        for action_id, spec in self.specs.items():
            if spec.needs_course:
                self.actions[action_id].setEnabled(True)

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def set_shortcuts(self) -> None:
        """Shortcuts from the table (after the first paint: QKeySequence costs time to build)."""
        for action_id, spec in self.specs.items():
            if spec.shortcuts:
                self.actions[action_id].setShortcuts(key_sequences(spec.shortcuts))

    def retranslate_ui(self) -> None:
        set_action_texts(
            {self.actions[i]: (spec.text(), spec.tip()) for i, spec in self.specs.items()}
        )

    def in_menu(self, menu: str) -> list[QAction | None]:
        """The actions of one menu in table order, None where a separator goes."""
        return self._grouped((s, s.group) for s in self.specs.values() if s.menu == menu)

    def in_toolbar(self, group: int) -> list[QAction]:
        return [self.actions[s.id] for s in self.specs.values() if s.toolbar == group]

    def _grouped(self, rows: Iterable[tuple[ActionSpec[T], int]]) -> list[QAction | None]:
        out: list[QAction | None] = []
        last: int | None = None
        for spec, group in rows:
            if last is not None and group != last:
                out.append(None)
            out.append(self.actions[spec.id])
            last = group
        return out
