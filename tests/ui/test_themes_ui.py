"""Themes in the window: the View › Theme choice, the system's setting, the interface's palette
and the page's colours, in every theme."""

import pytest
from PySide6.QtGui import QPalette, QTextTable
from PySide6.QtWidgets import QApplication

from courseware_app.core.images import Fit
from courseware_app.core.themes import DARK, HIGH_CONTRAST, LIGHT, THEMES, contrast_ratio
from courseware_app.ui import themes
from courseware_app.ui.images import svg_image
from courseware_app.ui.settings import Preferences, Settings
from tests.conftest import TEST_CONTENT

HC_COLOURS = {"#000000", "#ffffff", "#ffff00"}


@pytest.fixture(autouse=True)
def _restore_style(qapp):
    """A theme sets the application's style and palette: give the next test the ones it had."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    themes._Current.theme = LIGHT


@pytest.fixture
def window_in(make_window, tmp_path):
    def make(theme: str, trainer: bool = False):
        path = tmp_path / "settings.ini"
        Settings(path).save(Preferences(theme=theme))
        return make_window(settings_path=path, trainer=trainer)

    return make


def text_colours(doc) -> set[str]:
    """The colours the page's text is drawn in (the palette's text where none is set)."""
    default = QApplication.palette().color(QPalette.ColorRole.Text).name()
    found = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            brush = fmt.foreground()
            found.add(brush.color().name() if brush.style() != brush.style().NoBrush else default)
            it += 1
        block = block.next()
    return found


def cell_backgrounds(doc) -> set[str]:
    """The backgrounds of the first cells of the page's tables (callouts are one-cell tables)."""
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    return {t.cellAt(0, 0).format().background().color().name() for t in tables}


def test_a_dark_choice_colours_the_interface_and_the_page(window_in):
    w = window_in("dark", trainer=True)
    assert themes.current() is DARK and w.themes.actions["dark"].isChecked()
    app = QApplication.instance()
    assert app.style().name().lower() == "fusion"  # so that the palette applies everywhere
    assert app.palette().color(QPalette.ColorRole.Base).name() == DARK.page.bg
    doc = w.view.document()
    assert DARK.page.fg in text_colours(doc) and LIGHT.page.fg not in text_colours(doc)
    cells = cell_backgrounds(doc)
    assert DARK.callouts["trainer"].bg in cells  # the trainer note, in the dark theme's colours
    assert not cells & {pair.bg for pair in LIGHT.callouts.values()}


def test_choosing_a_theme_shows_the_page_again_and_is_remembered(window_in, tmp_path):
    w = window_in("system")
    assert themes.current() is LIGHT  # the offscreen platform is light
    before = w.view.toPlainText()
    w.themes.actions["high-contrast"].trigger()
    assert themes.current() is HIGH_CONTRAST and w.prefs.theme == "high-contrast"
    assert w.view.toPlainText() == before  # the same page, shown again in the new colours
    assert text_colours(w.view.document()) <= HC_COLOURS  # no grey text
    w.close()
    assert Settings(tmp_path / "settings.ini").load().theme == "high-contrast"


def test_the_theme_menu_offers_every_choice_in_the_interface_language(window_in):
    w = window_in("light")
    titles = [a.text() for a in w.themes.menu.actions()]
    assert titles == ["&System", "&Light", "&Dark", "&High contrast"]
    assert w.themes.menu.menuAction() in w.menu("view").actions()
    assert all(a.statusTip() for a in w.themes.menu.actions())


def test_the_system_setting_is_followed_unless_a_theme_was_chosen(window_in, monkeypatch):
    monkeypatch.setattr(themes, "system_theme", lambda: DARK)
    w = window_in("system")
    w.ready.emit()  # after the first paint, the system is asked
    assert themes.current() is DARK
    assert DARK.page.fg in text_colours(w.view.document())
    w.themes.choose("light")
    monkeypatch.setattr(themes, "system_theme", lambda: HIGH_CONTRAST)
    w.themes._system_changed()
    assert themes.current() is LIGHT  # a chosen theme stays
    w.themes.choose("system")
    assert themes.current() is HIGH_CONTRAST


def test_the_first_paint_guesses_the_system_from_its_palette(qapp):
    qapp.setPalette(themes.palette_for(DARK))
    assert themes.guess_system_theme() is DARK
    qapp.setPalette(themes.palette_for(LIGHT))
    assert themes.guess_system_theme() is LIGHT


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_interface_text_and_focus_are_visible_in_every_theme(theme):
    palette = themes.palette_for(theme)
    role = QPalette.ColorRole
    need = 7 if theme is HIGH_CONTRAST else 4.5
    for fg, bg in ((role.Text, role.Base), (role.WindowText, role.Window)):
        assert contrast_ratio(palette.color(fg).name(), palette.color(bg).name()) >= need
    # Fusion draws keyboard focus and selections in the highlight colour
    highlight = palette.color(role.Highlight).name()
    assert contrast_ratio(highlight, palette.color(role.Base).name()) >= (7 if need == 7 else 3)


def test_a_diagram_has_a_light_plate_on_a_dark_page():
    svg = (TEST_CONTENT / "modules" / "alpha" / "diagram.svg").read_bytes()
    image = svg_image(svg, Fit())
    assert image is not None
    corner = image.pixelColor(0, 0)  # outside the drawing: the SVG is transparent there
    assert corner.alpha() == 255 and corner.lightness() > 240


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_search_matches_are_drawn_readable_in_every_theme(theme):
    from PySide6.QtGui import QTextDocument

    from courseware_app.core.search import CompiledQuery, parse_query
    from courseware_app.ui.search.highlight import match_selections

    themes._Current.theme = theme
    doc = QTextDocument("Risk and more risk")
    (first, second) = match_selections(doc, CompiledQuery(parse_query("risk"), "en"))
    fmt = first.format
    assert (fmt.background().color().name(), fmt.foreground().color().name()) == (
        theme.mark.bg,
        theme.mark.fg,
    )  # the text's own colour is the match's, not the page's (light on a dark page)


def test_the_dashboard_icons_take_the_theme_colours():
    from courseware_app.core.progress import ModuleState
    from courseware_app.ui.dashboard import state_icon

    def disc_colour():
        image = state_icon(ModuleState.COMPLETED).pixmap(32, 32).toImage()
        return image.pixelColor(16, 7).name()  # inside the disc, above the tick

    assert disc_colour() == LIGHT.states["completed"]
    themes._Current.theme = DARK
    assert disc_colour() == DARK.states["completed"]


def test_toolbar_icons_are_drawn_in_the_text_colour_on_a_dark_theme(window_in):
    w = window_in("dark")
    icon = w.actions_["nextSection"].icon()
    image = icon.pixmap(w.toolbar.iconSize()).toImage()
    drawn = {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }
    text = QApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    assert drawn == {text}  # not the style's dark arrows, unseen on a dark toolbar


def test_high_contrast_frames_fields_and_shows_focus_in_yellow(window_in):
    window_in("high-contrast")
    sheet = QApplication.instance().styleSheet()
    assert "border: 1px solid #ffffff" in sheet and ":focus" in sheet and "#ffff00" in sheet
