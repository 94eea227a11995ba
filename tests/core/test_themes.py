"""Themes: every text colour readable on its background, high contrast in black, white and
yellow, and pages that carry a theme's colours only when asked."""

import re

import pytest

from courseware_app.core.loader import load_course
from courseware_app.core.render import markdown_to_html, module_page, wrap_page
from courseware_app.core.themes import (
    BANNER_KINDS,
    CALLOUT_KINDS,
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    THEMES,
    contrast_ratio,
    page_css,
    theme_named,
)
from tests.conftest import TEST_CONTENT

COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
CALLOUTS_MD = (
    '!!! note "N"\n    a\n\n!!! warning\n    b\n\n!!! trainer "T"\n    c\n\n!!! odd\n    d\n'
)


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_text_colour_is_readable_on_its_background(theme):
    """WCAG AA (4.5:1) for text in every theme, AAA (7:1) in high contrast."""
    need = 7.0 if theme is HIGH_CONTRAST else 4.5
    low = {
        what: round(contrast_ratio(pair.fg, pair.bg), 2)
        for what, pair in theme.text_pairs()
        if contrast_ratio(pair.fg, pair.bg) < need
    }
    assert low == {}


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_progress_icons_stand_out_from_the_page(theme):
    """Non-text contrast (WCAG 1.4.11, 3:1) for the dashboard's state icons."""
    assert all(contrast_ratio(c, theme.page.bg) >= 3 for c in theme.states.values())


def test_the_text_pairs_cover_every_callout_and_banner():
    names = {what for what, _pair in LIGHT.text_pairs()}
    assert {f"{k} title" for k in CALLOUT_KINDS} <= names
    assert {f"{k} banner" for k in BANNER_KINDS} <= names


def test_high_contrast_is_black_white_and_yellow_with_no_grey_text():
    assert HIGH_CONTRAST.text_colours() <= {"#000000", "#ffffff", "#ffff00"}
    assert HIGH_CONTRAST.page.bg == "#000000"
    backgrounds = {pair.bg for _what, pair in HIGH_CONTRAST.text_pairs()}
    assert backgrounds <= {"#000000", "#ffffff", "#ffff00"}


def test_the_dark_theme_is_dark_and_the_light_one_light():
    assert contrast_ratio(DARK.page.bg, "#000000") < 2 and DARK.dark
    assert contrast_ratio(LIGHT.page.bg, "#ffffff") == 1 and not LIGHT.dark


def test_a_theme_by_name_and_the_light_one_for_any_other_name():
    assert theme_named("dark") is DARK and theme_named("high-contrast") is HIGH_CONTRAST
    assert theme_named("sepia") is LIGHT and theme_named("") is LIGHT


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_stylesheet_colours_every_callout_and_banner_of_the_theme(theme):
    css = page_css(theme)
    for kind, pair in theme.callouts.items():
        assert (
            f"table.callout.{kind}, table.callout.{kind} td {{ background-color: {pair.bg};" in css
        )
        assert f"table.callout.{kind} p.callout-title {{ color: {pair.fg}; }}" in css
    for kind, pair in theme.banners.items():
        assert f"table.banner.{kind} span {{ color: {pair.fg}; }}" in css
    assert f"body {{ color: {theme.page.fg}; background-color: {theme.page.bg}; }}" in css
    assert set(COLOUR.findall(css)) <= {c for c in _all_colours(theme)}


def _all_colours(theme):
    pairs = [pair for _what, pair in theme.text_pairs()]
    return {c for pair in pairs for c in (pair.fg, pair.bg)} | {theme.rule, theme.callout_border}


def test_rendered_markdown_names_no_colour_only_classes():
    html = markdown_to_html(CALLOUTS_MD, trainer=True)[0]
    assert COLOUR.search(html) is None and "bgcolor" not in html and "style=" not in html
    assert 'class="callout note"' in html and 'class="callout warning"' in html
    assert 'class="callout trainer"' in html
    assert 'class="callout note odd"' in html  # an unknown kind looks like a note


def test_a_page_without_a_theme_carries_no_colour_so_the_view_can_give_it_any():
    course = load_course(TEST_CONTENT)
    for module, lang in (("alpha", "fr"), ("beta", "ru"), ("gamma", "en")):  # banners, error
        html = module_page(course, module, lang, theme=None)[0]
        assert COLOUR.search(html) is None and "bgcolor" not in html, (module, lang)


def test_a_page_carries_the_light_theme_by_default_and_another_when_asked():
    course = load_course(TEST_CONTENT)
    light = module_page(course, "alpha", "en")[0]
    dark = module_page(course, "alpha", "en", theme=DARK)[0]
    assert page_css(LIGHT) in light and page_css(DARK) in dark
    assert page_css(DARK) not in light
    assert wrap_page("<p>x</p>", "en", HIGH_CONTRAST).count(page_css(HIGH_CONTRAST)) == 1
