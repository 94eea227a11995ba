"""Issue 20 #13 and #2: validate reports, with file:line, every image the reader refuses or
would not draw: outside the module folder or content tree, over the size limits, or an SVG
that draws a file from outside the content tree."""

import os
import struct
import zlib
from pathlib import Path

import pytest

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
