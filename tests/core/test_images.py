"""core.images: the size an image is drawn at, its declared size, and which SVGs may be drawn."""

import base64
import gzip
import struct
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseware_app.core.images import (
    PixelSize,
    declared_size,
    scaled_to_limits,
    svg_refusal,
    svg_render_size,
    within_limits,
)
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof


def svg(attrs: str, body: str = "") -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f"{attrs}>{body}</svg>"
    ).encode()


def test_the_hostile_svg_is_drawn_scaled_within_the_limits():
    size = svg_render_size(760, 3_000_000, max_width=760, ratio=2.0)
    assert size is not None and within_limits(size)
    assert size.height == MAX_IMAGE_SIDE and size.width == int(760 * MAX_IMAGE_SIDE / 3_000_000)


def test_an_ordinary_svg_is_drawn_at_its_size_times_the_ratio():
    assert svg_render_size(400, 300, max_width=760, ratio=2.0) == PixelSize(800, 600)
    assert svg_render_size(1520, 300, max_width=760, ratio=1.0) == PixelSize(760, 150)


def test_a_square_beyond_the_pixel_budget_is_scaled_to_it():
    size = scaled_to_limits(7_000, 7_000)
    assert size is not None and within_limits(size)
    assert size.pixels > 0.99 * MAX_IMAGE_PIXELS


@pytest.mark.parametrize("w,h", [(0, 10), (10, -1), (float("inf"), 10), (float("nan"), 5)])
def test_a_size_that_is_not_positive_and_finite_is_not_drawn(w, h):
    assert scaled_to_limits(w, h) is None
    assert svg_render_size(w, h, max_width=760, ratio=1.0) is None


@given(
    st.floats(min_value=1e-3, max_value=1e300),
    st.floats(min_value=1e-3, max_value=1e300),
    st.floats(min_value=0.5, max_value=4),
)
def test_any_declared_size_is_drawn_within_the_limits(w, h, ratio):
    size = svg_render_size(w, h, max_width=760, ratio=ratio)
    assert size is not None and within_limits(size)


@pytest.mark.parametrize(
    "size,ok",
    [
        (PixelSize(MAX_IMAGE_SIDE, 10), True),
        (PixelSize(MAX_IMAGE_SIDE + 1, 10), False),
        (PixelSize(10, MAX_IMAGE_SIDE + 1), False),
        (PixelSize(7_000, 7_000), False),
        (PixelSize(0, 10), False),
    ],
)
def test_within_limits(size, ok):
    assert within_limits(size) is ok


def test_declared_sizes_are_read_from_headers_without_decoding():
    assert declared_size(png_header(9_000, 3)) == PixelSize(9_000, 3)
    assert declared_size(b"GIF89a" + struct.pack("<HH", 640, 480)) == PixelSize(640, 480)
    assert declared_size(jpeg_header(1024, 768)) == PixelSize(1024, 768)
    assert declared_size(svg('width="760" height="3000000"')) == PixelSize(760, 3_000_000)
    assert declared_size(svg('width="10.5px" height="20"')) == PixelSize(11, 20)
    assert declared_size(svg('viewBox="0 0 300 150"')) == PixelSize(300, 150)
    assert declared_size(svg('width="100%" height="100%" viewBox="0,0,30,15"')) == PixelSize(30, 15)


@pytest.mark.parametrize("data", [b"", b"hello", b"\xff\xd8\xff", svg('width="1"'), b"<svg"])
def test_no_declared_size_when_the_header_gives_none(data):
    assert declared_size(data) is None


def test_an_svg_that_refers_only_to_itself_may_be_drawn():
    body = '<defs><rect id="r" width="5" height="5"/></defs><use xlink:href="#r"/>'
    assert svg_refusal(svg('width="10" height="10"', body)) is None


def test_an_svg_may_embed_a_raster_image_within_the_limits():
    small = base64.b64encode(png_header(20, 20)).decode()
    big = base64.b64encode(png_header(MAX_IMAGE_SIDE + 1, 20)).decode()
    ok = f'<image xlink:href="data:image/png;base64,{small}"/>'
    assert svg_refusal(svg('width="10" height="10"', ok)) is None
    too_big = f'<image href="data:image/png;base64,{big}"/>'
    assert svg_refusal(svg('width="10" height="10"', too_big)) is not None


@pytest.mark.parametrize(
    "href",
    [
        "/etc/passwd",
        "file:///etc/hosts",
        "../../outside.png",
        "picture.png",
        "http://example.com/x.png",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "data:text/plain,hello",
    ],
)
@pytest.mark.parametrize("attribute", ["xlink:href", "href"])
def test_an_svg_that_refers_outside_itself_is_refused(href, attribute):
    body = f'<image {attribute}="{href}" width="10" height="10"/>'
    refusal = svg_refusal(svg('width="10" height="10"', body))
    assert refusal is not None and href[:20] in refusal


def test_a_reference_made_by_an_entity_is_found():
    data = b"<!DOCTYPE svg [<!ENTITY i \"<image xlink:href='/etc/x.png'/>\">]>" + svg(
        'width="10" height="10"', "&i;"
    )
    assert "/etc/x.png" in (svg_refusal(data) or "")


def test_compressed_malformed_exploding_and_oversize_svgs_are_refused():
    laughs = b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(9)
    )
    laughs += b"]>" + svg('width="1" height="1"', "<text>&j;</text>")
    assert svg_refusal(laughs) is not None
    assert svg_refusal(gzip.compress(svg('width="1" height="1"'))) is not None
    assert svg_refusal(b"<svg><unclosed></svg>") is not None
    padding = b"<!--" + b" " * MAX_IMAGE_BYTES + b"-->"
    assert svg_refusal(svg('width="1" height="1"', padding.decode())) is not None
