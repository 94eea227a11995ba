"""courseware render -o FILE.html: a page that opens with its pictures in any browser."""

import base64
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from courseware_app.cli import main
from tests.conftest import BUNDLED_CONTENT
from tests.core.helpers import good_module, write_tree

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src") or "")


def image_sources(page: str) -> list[str]:
    parser = _Images()
    parser.feed(page)
    return parser.sources


def opens_in_a_browser(src: str, beside: Path) -> bool:
    """A data URI, or a relative file that exists beside the page."""
    if src.startswith("data:"):
        return True
    name = unquote(src.split("#")[0])
    return bool(name) and ":" not in name and (beside / name).is_file()


def tree(root: Path, extra_body: str, files: dict[str, str | bytes] | None = None) -> Path:
    """A course of m1 (with ``extra_body`` and ``files`` in its folder) and m2."""
    pictures = {f"modules/m1/{name}": data for name, data in (files or {}).items()}
    return write_tree(root, {**good_module("m1", extra_body), **good_module("m2"), **pictures})


def render(capsys, content: Path, module: str, lang: str, target: Path) -> int:
    argv = ["render", module, "--lang", lang, "--content", str(content), "-o", str(target)]
    code = main(argv)
    capsys.readouterr()
    return code


def test_every_picture_of_the_bundled_modules_is_inlined(capsys, tmp_path):
    target = tmp_path / "out" / "page.html"
    target.parent.mkdir()
    for module, lang in (("rm-02", "ru"), ("mt-01", "fr"), ("rm-01", "en")):
        assert render(capsys, BUNDLED_CONTENT, module, lang, target) == 0
        page = target.read_text(encoding="utf-8")
        sources = image_sources(page)
        assert sources, f"{module} ({lang}) has pictures"
        assert all(opens_in_a_browser(s, target.parent) for s in sources), sources
        assert "asset:" not in " ".join(sources)


def test_an_svg_is_base64_image_svg_xml_and_a_png_image_png(capsys, tmp_path):
    extra = "![A square](square.svg)\n\n![A dot](dot.png)\n\n<img src='square.svg' alt='raw'>\n"
    content = tree(tmp_path / "c", extra, {"square.svg": SVG, "dot.png": PNG_1PX})
    target = tmp_path / "m1.html"
    assert render(capsys, content, "m1", "en", target) == 0
    sources = image_sources(target.read_text(encoding="utf-8"))
    assert len(sources) == 3
    svg_prefix = "data:image/svg+xml;base64,"
    assert sources[0].startswith(svg_prefix)
    assert base64.b64decode(sources[0][len(svg_prefix) :]).decode("utf-8") == SVG
    assert sources[1] == "data:image/png;base64," + base64.b64encode(PNG_1PX).decode("ascii")
    assert sources[2] == sources[0]


def test_a_language_variant_is_the_picture_inlined(capsys, tmp_path):
    variant = SVG.replace("<rect", '<circle r="3"/><rect')
    files = {"square.svg": SVG, "square.ru.svg": variant}
    content = tree(tmp_path / "c", "![A square](square.svg)\n", files)
    target = tmp_path / "ru.html"
    assert render(capsys, content, "m1", "ru", target) == 0
    (src,) = image_sources(target.read_text(encoding="utf-8"))
    assert base64.b64decode(src.split(",", 1)[1]).decode("utf-8") == variant


def test_a_missing_picture_is_a_placeholder_naming_the_file(capsys, tmp_path):
    content = tree(tmp_path / "c", "![Gone](gone.svg)\n")
    target = tmp_path / "m1.html"
    render(capsys, content, "m1", "en", target)
    (src,) = image_sources(target.read_text(encoding="utf-8"))
    assert src.startswith("data:image/svg+xml;base64,")
    assert "m1/gone.svg" in base64.b64decode(src.split(",", 1)[1]).decode("utf-8")


def test_standard_output_is_still_the_viewer_html(capsys):
    code = main(["render", "rm-02", "--content", str(BUNDLED_CONTENT)])
    out = capsys.readouterr().out
    assert code == 0 and 'src="asset:rm-02/process.svg"' in out
