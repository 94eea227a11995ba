"""The reader's themes (light, dark, high contrast) as typed palettes, and the page colours they
give: the stylesheet the view sets on its document, or ``courseware render`` embeds."""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

ThemeName = Literal["light", "dark", "high-contrast"]
ThemeChoice = Literal["system", "light", "dark", "high-contrast"]
CHOICES: Final[tuple[ThemeChoice, ...]] = ("system", "light", "dark", "high-contrast")
CALLOUT_KINDS: Final = (
    "note",
    "tip",
    "warning",
    "example",
    "case-study",
    "trainer",
    "quiz",
    "slide",
)
BANNER_KINDS: Final = ("warning", "info", "error")
# Pygments' short token classes (codehilite writes classes, not colours), by group.
CODE_TOKENS: Final = {
    "keyword": ("k", "kc", "kd", "kn", "kp", "kr", "kt", "ow"),
    "string": ("s", "s1", "s2", "sa", "sb", "sc", "sd", "se", "sh", "si", "sx", "sr", "ss"),
    "comment": ("c", "c1", "ch", "cm", "cp", "cpf", "cs"),
    "number": ("m", "mb", "mf", "mh", "mi", "mo", "il"),
    "operator": ("o", "p"),
    "name": ("nb", "bp", "nf", "fm", "nc", "nd", "ne", "nn", "nt", "na", "nv"),
}


class Pair(NamedTuple):
    """Text of colour ``fg`` on ``bg`` (``#rrggbb``)."""

    bg: str
    fg: str


class Theme(NamedTuple):
    """Every colour the page and the reader's widgets draw, for one theme."""

    name: ThemeName
    dark: bool  # the interface's palette is dark (Fusion with this palette)
    page: Pair  # body text on the page
    heading: str
    subheading: str
    summary: str
    meta: str  # the module's duration and version line, footnotes
    link: str
    rule: str  # heading underline, grid borders
    table_head: Pair
    code: Pair  # code and preformatted blocks
    code_tokens: dict[str, str]  # highlighted code: CODE_TOKENS group -> colour, on code.bg
    mark: Pair  # <mark> and search matches
    current_match: Pair  # the current search match
    placeholder: Pair  # an image not loaded
    callouts: dict[str, Pair]  # by callout kind: background and title colour
    callout_border: str  # "" for none (high contrast frames its callouts)
    banners: dict[str, Pair]  # by banner kind
    ok: str  # quiz: right, passed, completed
    bad: str  # quiz: wrong, failed
    key: str  # quiz: partly right, the answer key
    muted: str  # secondary text in the widgets (hints, headings of a question)
    pass_row: str  # results: the background of a passed attempt's row
    fail_row: str
    states: dict[str, str]  # dashboard: progress state -> colour of its icon
    bookmark: str  # the bookmark mark beside a heading
    selection: Pair  # selection and keyboard focus: highlighted text on its background

    def text_pairs(self) -> list[tuple[str, Pair]]:
        """Every (what, colours) of text drawn on a background, for the contrast checks."""
        bg = self.page.bg
        on_page = {
            "body": self.page.fg,
            "heading": self.heading,
            "subheading": self.subheading,
            "summary": self.summary,
            "meta": self.meta,
            "link": self.link,
            "ok": self.ok,
            "bad": self.bad,
            "key": self.key,
            "muted": self.muted,
            "bookmark": self.bookmark,
        }
        pairs = [(what, Pair(bg, fg)) for what, fg in on_page.items()]
        pairs += [("table head", self.table_head), ("code", self.code), ("mark", self.mark)]
        pairs += [(f"code {g}", Pair(self.code.bg, c)) for g, c in self.code_tokens.items()]
        pairs += [("current match", self.current_match), ("placeholder", self.placeholder)]
        pairs += [("selection", self.selection)]
        for kind, pair in self.callouts.items():
            pairs += [(f"{kind} title", pair), (f"{kind} text", Pair(pair.bg, self.page.fg))]
        pairs += [(f"{kind} banner", pair) for kind, pair in self.banners.items()]
        pairs += [("passed row", Pair(self.pass_row, self.page.fg))]
        pairs += [("failed row", Pair(self.fail_row, self.page.fg))]
        return pairs

    def text_colours(self) -> set[str]:
        """Every colour text is drawn in."""
        return {pair.fg for _what, pair in self.text_pairs()}


def _callouts(
    note: Pair, tip: Pair, warning: Pair, example: Pair, case: Pair, trainer: Pair
) -> dict[str, Pair]:
    kinds = (note, tip, warning, example, case, trainer, note, note)  # quiz, slide: as a note
    return dict(zip(CALLOUT_KINDS, kinds, strict=True))


LIGHT: Final = Theme(
    name="light",
    dark=False,
    page=Pair("#ffffff", "#1d1d1f"),
    heading="#123a66",
    subheading="#23476f",
    summary="#3a3a3c",
    meta="#5a5a5e",
    link="#0b5cad",
    rule="#c8d3e0",
    table_head=Pair("#e6edf5", "#1d1d1f"),
    code=Pair("#f6f8fa", "#1d1d1f"),
    code_tokens={
        "keyword": "#007020",
        "string": "#a11d1d",
        "comment": "#3d6b6b",
        "number": "#5a5a5e",
        "operator": "#5a5a5e",
        "name": "#1f3fa8",
    },
    mark=Pair("#ffe066", "#1d1d1f"),
    current_match=Pair("#ffa940", "#1d1d1f"),
    placeholder=Pair("#eeeeee", "#555555"),
    callouts=_callouts(
        Pair("#e8f1fb", "#1f5fa8"),
        Pair("#e9f7ec", "#1e7a3a"),
        Pair("#fdf0e1", "#a35200"),
        Pair("#f1eefa", "#5a3f9e"),
        Pair("#eef5f5", "#25666b"),
        Pair("#fff6cc", "#7a5a00"),
    ),
    callout_border="",
    banners={
        "warning": Pair("#fff3cd", "#7a5a00"),
        "info": Pair("#e8f1fb", "#1f5fa8"),
        "error": Pair("#fde2e1", "#a11d1d"),
    },
    ok="#1e7a3a",
    bad="#a11d1d",
    key="#7a5a00",
    muted="#5a5a5e",
    pass_row="#dcefe0",
    fail_row="#f6dcdc",
    states={
        "not_started": "#8a8a8e",
        "in_progress": "#2a6fb0",
        "completed": "#1e7a3a",
        "updated": "#9a6700",
    },
    bookmark="#9a5f00",
    selection=Pair("#1f5fa8", "#ffffff"),
)

DARK: Final = Theme(
    name="dark",
    dark=True,
    page=Pair("#1e1f22", "#e6e6e6"),
    heading="#9cc4ff",
    subheading="#b3d1ff",
    summary="#d0d0d4",
    meta="#b4b4ba",
    link="#8ab4f8",
    rule="#46505e",
    table_head=Pair("#2b3340", "#e6e6e6"),
    code=Pair("#2a2c30", "#e6e6e6"),
    code_tokens={
        "keyword": "#c3b2ff",
        "string": "#9ee6a6",
        "comment": "#a8b0b8",
        "number": "#ffc78a",
        "operator": "#d0d0d4",
        "name": "#8cc2ff",
    },
    mark=Pair("#ffd84d", "#1d1d1f"),
    current_match=Pair("#ffa940", "#1d1d1f"),
    placeholder=Pair("#2f3136", "#c8c8cc"),
    callouts=_callouts(
        Pair("#1c2a3a", "#8cc2ff"),
        Pair("#1a2e22", "#7fd69a"),
        Pair("#33261a", "#ffb870"),
        Pair("#28223a", "#c3b2ff"),
        Pair("#1b2e2f", "#7fd0d6"),
        Pair("#332d12", "#ffd966"),
    ),
    callout_border="",
    banners={
        "warning": Pair("#3a3015", "#ffd966"),
        "info": Pair("#1c2a3a", "#8cc2ff"),
        "error": Pair("#3d1f1f", "#ff9a9a"),
    },
    ok="#6fd68b",
    bad="#ff8a8a",
    key="#ffd166",
    muted="#b4b4ba",
    pass_row="#1f3a26",
    fail_row="#4a2222",
    states={
        "not_started": "#9a9aa0",
        "in_progress": "#6aaeff",
        "completed": "#5fcf80",
        "updated": "#ffc14d",
    },
    bookmark="#f0b95a",
    selection=Pair("#8ab4f8", "#111214"),
)

_BLACK, _WHITE, _YELLOW = "#000000", "#ffffff", "#ffff00"
_ON_BLACK = Pair(_BLACK, _YELLOW)

HIGH_CONTRAST: Final = Theme(
    name="high-contrast",
    dark=True,
    page=Pair(_BLACK, _WHITE),
    heading=_YELLOW,
    subheading=_YELLOW,
    summary=_WHITE,
    meta=_WHITE,
    link=_YELLOW,
    rule=_WHITE,
    table_head=Pair(_BLACK, _YELLOW),
    code=Pair(_BLACK, _WHITE),
    code_tokens={
        "keyword": _YELLOW,
        "string": _WHITE,
        "comment": _WHITE,
        "number": _WHITE,
        "operator": _WHITE,
        "name": _YELLOW,
    },
    mark=Pair(_YELLOW, _BLACK),
    current_match=Pair(_WHITE, _BLACK),
    placeholder=Pair(_BLACK, _WHITE),
    callouts=_callouts(*[_ON_BLACK] * 6),
    callout_border=_WHITE,
    banners=dict.fromkeys(BANNER_KINDS, _ON_BLACK),
    ok=_WHITE,
    bad=_YELLOW,
    key=_YELLOW,
    muted=_WHITE,
    pass_row=_BLACK,
    fail_row=_BLACK,
    states={"not_started": _WHITE, "in_progress": _YELLOW, "completed": _YELLOW, "updated": _WHITE},
    bookmark=_YELLOW,
    selection=Pair(_YELLOW, _BLACK),
)

THEMES: Final[dict[ThemeName, Theme]] = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}


def theme_named(name: str) -> Theme:
    """The theme called ``name``; the light theme for any other name."""
    return next((t for t in THEMES.values() if t.name == name), LIGHT)


# ---------------------------------------------------------------- contrast (WCAG 2)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG's contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# ---------------------------------------------------------------- the page's stylesheet


def page_css(theme: Theme) -> str:
    """The colours of a rendered page in ``theme``; the layout is resources/reader.css's."""
    t = theme
    rules = [
        f"body {{ color: {t.page.fg}; background-color: {t.page.bg}; }}",
        f"h1.module-title, h2 {{ color: {t.heading}; }}",
        f"h2 {{ border-bottom: 1px solid {t.rule}; }}",
        f"h3 {{ color: {t.subheading}; }}",
        f"p.summary {{ color: {t.summary}; }}",
        f"p.meta, .footnote {{ color: {t.meta}; }}",
        f"th {{ background-color: {t.table_head.bg}; color: {t.table_head.fg}; }}",
        f"table.grid td, table.grid th {{ border-color: {t.rule}; }}",
        f"pre, code {{ background-color: {t.code.bg}; color: {t.code.fg}; }}",
        f"a {{ color: {t.link}; }}",
        f"mark {{ background-color: {t.mark.bg}; color: {t.mark.fg}; }}",
        _pair_rule(".image-placeholder", t.placeholder),
    ]
    for group, colour in t.code_tokens.items():
        selectors = ", ".join(f"span.{token}" for token in CODE_TOKENS[group])
        rules.append(f"{selectors} {{ color: {colour}; }}")
    border = (
        f" border-width: 2px; border-style: solid; border-color: {t.callout_border};"
        if t.callout_border
        else ""
    )
    for kind, pair in t.callouts.items():
        rules.append(
            f"table.callout.{kind}, table.callout.{kind} td {{ background-color: {pair.bg};{border} }}"
        )
        rules.append(f"table.callout.{kind} p.callout-title {{ color: {pair.fg}; }}")
    for kind, pair in t.banners.items():
        rules.append(
            f"table.banner.{kind}, table.banner.{kind} td {{ background-color: {pair.bg}; }}"
        )
        rules.append(f"table.banner.{kind} span {{ color: {pair.fg}; }}")
    return "\n".join(rules) + "\n"


def _pair_rule(selector: str, pair: Pair) -> str:
    return f"{selector} {{ background-color: {pair.bg}; color: {pair.fg}; }}"
