"""Themes in the window: the system's colour scheme, or the View › Theme choice, as the
interface's palette (Fusion, so that it applies on every platform) and the page's stylesheet.

Start-up: the frame builds this before the first paint, so it names no heavy module and not
Qt's ``Qt`` namespace (reading the system's colour scheme builds it: that waits for ``ready``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from courseware_app.core.i18n import _
from courseware_app.core.themes import (
    CHOICES,
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    Theme,
    ThemeChoice,
    page_css,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QStyleHints
    from PySide6.QtWidgets import QMenu

    from courseware_app.ui.frame import WindowFrame

FUSION: Final = "Fusion"
# Fusion draws frames a shade darker than the window: none on black. High contrast frames every
# field in white and the keyboard focus in yellow.
HIGH_CONTRAST_SHEET: Final = """
QLineEdit, QComboBox, QAbstractSpinBox, QPushButton, QToolButton:checked, QAbstractScrollArea
{ border: 1px solid #ffffff; }
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPushButton:focus, QToolButton:focus,
QAbstractScrollArea:focus, QCheckBox:focus, QRadioButton:focus { border: 2px solid #ffff00; }
"""


class _Current:
    """The theme on screen, for widgets that draw theme colours themselves (ui.dashboard...)."""

    theme: Theme = LIGHT


def current() -> Theme:
    """The theme the window shows now (widgets read it when they draw)."""
    return _Current.theme


# ---------------------------------------------------------------- the system's setting


def guess_system_theme() -> Theme:
    """The system's scheme as the default palette shows it: dark text on light or the reverse.
    Cheap enough for the first paint; ``system_theme`` asks Qt itself once it has painted."""
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightnessF()
    text = palette.color(QPalette.ColorRole.WindowText).lightnessF()
    return DARK if window < text else LIGHT


def system_theme() -> Theme:
    """High contrast when the system asks for it, else dark or light as its colour scheme."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    if _high_contrast_asked(hints):
        return HIGH_CONTRAST
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def _high_contrast_asked(hints: QStyleHints) -> bool:
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10
    if accessibility is None:
        return False
    from PySide6.QtCore import Qt

    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def theme_for(choice: str, system: Theme) -> Theme:
    """The theme a View › Theme choice shows; ``system`` for "system" (or an unknown choice)."""
    return {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}.get(choice, system)


# ---------------------------------------------------------------- the interface's palette

# (window, button, disabled text) of the interface around the page, per theme
FRAME_COLOURS: Final = {
    "light": ("#f3f3f3", "#ececec", "#8a8a8e"),
    "dark": ("#2b2d30", "#35373b", "#8a8c91"),
    "high-contrast": ("#000000", "#000000", "#3ff23f"),
}


def palette_for(theme: Theme) -> QPalette:
    """A palette for Fusion in ``theme``: its page as the base, its selection as the highlight
    (which Fusion also draws keyboard focus with)."""
    window, button, disabled = (QColor(c) for c in FRAME_COLOURS[theme.name])
    palette = QPalette(button, window)  # derives the bevel shades
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    text, base = QColor(theme.page.fg), QColor(theme.page.bg)
    colours = {
        role.WindowText: text,
        role.Text: text,
        role.ButtonText: text,
        role.ToolTipText: text,
        role.Base: base,
        role.AlternateBase: window,
        role.ToolTipBase: window,
        role.Highlight: QColor(theme.selection.bg),
        role.HighlightedText: QColor(theme.selection.fg),
        role.Link: QColor(theme.link),
        role.LinkVisited: QColor(theme.link),
        role.PlaceholderText: QColor(theme.muted),
        role.BrightText: QColor(theme.bad),
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, colour)
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, disabled)
    return palette


def tinted(icon: QIcon, size: QSize) -> QIcon:
    """``icon`` drawn in the palette's button text colour (enabled) and its disabled colour, in
    a dark theme: the styles' standard icons are dark, unseen on a dark toolbar."""
    if not current().dark:
        return icon
    from PySide6.QtGui import QPainter

    palette, out = QApplication.palette(), QIcon()
    group, role = QPalette.ColorGroup, QPalette.ColorRole.ButtonText
    for mode, colour_group in (
        (QIcon.Mode.Normal, group.Active),
        (QIcon.Mode.Disabled, group.Disabled),
    ):
        pixmap = icon.pixmap(size)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), palette.color(colour_group, role))
        painter.end()
        out.addPixmap(pixmap, mode)
    return out


# ---------------------------------------------------------------- the controller


class ThemeController(QObject):
    """Keeps the interface and the page in the chosen theme: the View › Theme menu, the
    preference, the system's changes. A window part (``retranslate_ui``, ``shutdown``)."""

    changed = Signal(object)  # the new core.themes.Theme

    def __init__(self, window: WindowFrame):
        super().__init__(window)
        self.window = window
        choice = window.prefs.theme
        self.choice: ThemeChoice = next((c for c in CHOICES if c == choice), "system")
        self.system = guess_system_theme()
        self.theme = theme_for(self.choice, self.system)
        self._restyled = False  # the native style and palette are kept until a theme needs others
        self.actions: dict[ThemeChoice, QAction] = {}
        self.menu: QMenu | None = None  # View › Theme, made with the course (after the first paint)
        self._apply()
        window.ready.connect(self.follow_system)

    def install_menu(self) -> None:
        """View › Theme (nothing in it is needed to paint the first page)."""
        if self.menu is None:
            self.menu = self._make_menu(self.window.menu("view"))
            self.retranslate_ui()

    def _make_menu(self, view: QMenu) -> QMenu:
        view.addSeparator()
        menu = view.addMenu("")
        menu.setObjectName("themeMenu")
        group = QActionGroup(self)
        for choice in CHOICES:
            action = QAction(self)
            action.setObjectName(f"theme_{choice}")
            action.setCheckable(True)
            action.setChecked(choice == self.choice)
            action.triggered.connect(lambda _c=False, c=choice: self.choose(c))
            group.addAction(action)
            menu.addAction(action)
            self.actions[choice] = action
        return menu

    def retranslate_ui(self) -> None:
        if self.menu is None:
            return
        self.menu.setTitle(_("T&heme"))
        texts: dict[ThemeChoice, tuple[str, str]] = {
            "system": (_("&System"), _("Light or dark, as the system is set")),
            "light": (_("&Light"), _("Dark text on a light page")),
            "dark": (_("&Dark"), _("Light text on a dark page")),
            "high-contrast": (_("&High contrast"), _("White and yellow on black")),
        }
        for choice, (text, tip) in texts.items():
            self.actions[choice].setText(text)
            self.actions[choice].setStatusTip(tip)
            self.actions[choice].setToolTip(tip)

    def shutdown(self) -> None:
        pass

    # ------------------------------------------------------------ changes

    def choose(self, choice: ThemeChoice) -> None:
        """A View › Theme choice: remembered in the preferences, shown at once."""
        self.choice = choice
        self.window.prefs.theme = choice
        if choice in self.actions:
            self.actions[choice].setChecked(True)
        self.show_theme(theme_for(choice, self.system))

    def follow_system(self) -> None:
        """Ask Qt for the system's setting (once the first page has painted), and follow its
        changes while the choice is "system"."""
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self._system_changed)
        self._system_changed()

    def _system_changed(self, *_args: object) -> None:
        self.system = system_theme()
        if self.choice == "system":
            self.show_theme(self.system)

    def show_theme(self, theme: Theme) -> None:
        """Show ``theme``: the palette, the page's stylesheet, and the page again."""
        if theme == self.theme:
            return
        self.theme = theme
        self._apply()
        self.window.set_icons()  # drawn in the new palette's text colour
        self.window.place.refresh()
        self.changed.emit(theme)

    def _apply(self) -> None:
        _Current.theme = self.theme
        if self._restyled or self.choice != "system" or self.theme != LIGHT:
            self._restyle()
        self.window.view.document().setDefaultStyleSheet(page_css(self.theme))

    def _restyle(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if not self._restyled:
            app.setStyle(FUSION)
            self._restyled = True
        app.setPalette(palette_for(self.theme))
        app.setStyleSheet(HIGH_CONTRAST_SHEET if self.theme == HIGH_CONTRAST else "")
