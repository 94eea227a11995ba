"""Issue 20 #13 and #2: validate reports, with file:line, every image the reader refuses or
would not draw: outside the module folder or content tree, over the size limits, or an SVG
that draws a file from outside the content tree."""

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest

from courseware_app.core.images import declared_size
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_SIDE
from courseware_app.core.loader import load_course
from courseware_app.core.validate import validate_course
from tests.core.helpers import good_module, write_tree

FIRST = 19  # the line the extra body text of helpers.good_module starts on
SVG = "<svg xmlns='http://www.w3.org/2000/svg' {attrs}>{inner}</svg>"


def png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def image_diags(tmp_path: Path, snippet: str, files: dict[str, str | bytes]) -> set[tuple]:
    tree = {**good_module("m1", snippet), **good_module("m2")}
    tree.update(files)
    diags = validate_course(load_course(write_tree(tmp_path / "c", tree)))
    return {
        (d.code, d.line, d.severity.value)
        for d in diags
        if d.file.endswith("m1/en.md") and d.code.startswith("image")
    }


# ---------------------------------------------------------------- #13: where an image is


def outside_file(tmp_path: Path) -> str:
    (tmp_path / "outside.png").write_bytes(png(10, 10))
    return (tmp_path / "outside.png").as_posix()


def test_absolute_path_is_reported_although_the_file_exists(tmp_path):
    found = image_diags(tmp_path, f"![x]({outside_file(tmp_path)})", {})
    assert ("image-outside", FIRST, "error") in found


def test_raw_html_absolute_path_is_reported(tmp_path):
    found = image_diags(tmp_path, f'<img src="{outside_file(tmp_path)}">', {})
    assert ("image-outside", FIRST, "error") in found


def test_dot_dot_leaving_the_content_tree_is_reported(tmp_path):
    (tmp_path / "secret.png").write_bytes(png(10, 10))
    found = image_diags(tmp_path, "![x](../../../secret.png)", {})
    assert ("image-outside", FIRST, "error") in found


def test_dot_dot_into_another_module_is_a_warning(tmp_path):
    found = image_diags(tmp_path, "![x](../m2/pic.png)", {"modules/m2/pic.png": png(10, 10)})
    assert found == {("image-outside-module", FIRST, "warning")}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_to_a_file_outside_the_content_tree_is_reported(tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(10, 10))
    root = write_tree(tmp_path / "c", {**good_module("m1", "![x](link.png)"), **good_module("m2")})
    (root / "modules" / "m1" / "link.png").symlink_to(outside)
    diags = validate_course(load_course(root))
    found = {(d.code, d.line) for d in diags if d.file.endswith("m1/en.md")}
    assert ("image-outside", FIRST) in found


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlink_loop_or_a_nul_in_the_name_is_reported_not_raised(tmp_path):
    root = write_tree(
        tmp_path / "c", {**good_module("m1", "![x](a.png) ![y](b%00.png)"), **good_module("m2")}
    )
    folder = root / "modules" / "m1"
    (folder / "a.png").symlink_to(folder / "b.png")
    (folder / "b.png").symlink_to(folder / "a.png")
    diags = validate_course(load_course(root))
    found = {(d.code, d.line) for d in diags if d.file.endswith("m1/en.md")}
    assert ("image-missing", FIRST) in found


def test_an_image_in_the_module_folder_passes(tmp_path):
    files = {
        "modules/m1/pic.png": png(800, 600),
        "modules/m1/d.svg": SVG.format(attrs="", inner=""),
    }
    assert image_diags(tmp_path, "![x](pic.png) ![y](d.svg)", files) == set()


# ---------------------------------------------------------------- #2: how big it says it is

OVERSIZE = {
    "svg-tall": SVG.format(attrs='width="760" height="3000000"', inner=""),
    "svg-viewbox": SVG.format(attrs='viewBox="0 0 90000 10"', inner=""),
    "svg-pixels": SVG.format(attrs='width="7000px" height="7000px"', inner=""),
    "png": png(MAX_IMAGE_SIDE + 1, 10),
    "jpeg": jpeg(7000, 7000),
}


@pytest.mark.parametrize("name", OVERSIZE.keys())
def test_an_oversize_image_is_reported_on_the_line_that_uses_it(tmp_path, name):
    ext = "svg" if name.startswith("svg") else name
    files = {f"modules/m1/big.{ext}": OVERSIZE[name]}
    found = image_diags(tmp_path, f"Text.\n\n![big](big.{ext})", files)
    severity = "warning" if ext == "svg" else "error"  # an SVG is drawn scaled down
    assert found == {("image-too-large", FIRST + 2, severity)}


def test_a_file_over_the_byte_limit_is_reported(tmp_path):
    files = {"modules/m1/huge.png": png(10, 10) + b"\0" * MAX_IMAGE_BYTES}
    assert image_diags(tmp_path, "![x](huge.png)", files) == {("image-too-large", FIRST, "error")}


@pytest.mark.parametrize(
    "href",
    ["{abs}", "../../../outside.png", "https://tracker.example/a.png", "file://{abs}"],
)
def test_an_svg_drawing_a_file_outside_the_content_tree_is_reported(tmp_path, href):
    href = href.format(abs=outside_file(tmp_path))
    inner = f"<image xlink:href='{href}' width='10' height='10'/>"
    files = {"modules/m1/d.svg": SVG.format(attrs='width="10" height="10"', inner=inner)}
    found = image_diags(tmp_path, "![d](d.svg)", files)
    assert found == {("image-svg-refused", FIRST, "error")}


def test_an_svg_referring_to_its_own_elements_or_inline_data_passes(tmp_path):
    data = base64.b64encode(png(2, 2)).decode()
    inner = f"<use href='#a'/><image href='data:image/png;base64,{data}'/>"
    files = {"modules/m1/d.svg": SVG.format(attrs='width="10" height="10"', inner=inner)}
    assert image_diags(tmp_path, "![d](d.svg)", files) == set()


def test_an_svg_the_reader_refuses_is_reported(tmp_path):
    files = {
        "modules/m1/bad.svg": "<svg",
        "modules/m1/big.svg": SVG.format(attrs="", inner="x" * MAX_IMAGE_BYTES),
    }
    found = image_diags(tmp_path, "![a](bad.svg) ![b](big.svg)", files)
    assert found == {("image-svg-refused", FIRST, "error")}
    assert (
        len(
            [
                d
                for d in validate_course(load_course(tmp_path / "c"))
                if d.code == "image-svg-refused" and d.file.endswith("m1/en.md")
            ]
        )
        == 2
    )


def test_an_svg_referring_to_its_neighbour_is_reported_as_the_reader_does_not_draw_it(tmp_path):
    files = {
        "modules/m1/d.svg": SVG.format(attrs="", inner="<image href='pic.png'/>"),
        "modules/m1/pic.png": png(2, 2),
    }
    assert image_diags(tmp_path, "![d](d.svg)", files) == {("image-svg-refused", FIRST, "error")}


def test_declared_size_reads_headers(tmp_path):
    for name, data in {"a.png": png(3, 4), "a.jpg": jpeg(5, 6)}.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "a.svg").write_text(SVG.format(attrs='viewBox="0 0 7 8"', inner=""))
    sizes = [declared_size((tmp_path / n).read_bytes()) for n in ("a.png", "a.jpg", "a.svg")]
    assert [(s.width, s.height) for s in sizes if s] == [(3, 4), (5, 6), (7, 8)]
