"""Images the app rasterises: the pixel size to draw at, an image's declared size, and whether
an SVG may be drawn at all (its references stay inside it). Qt-free; ``ui.images`` draws."""

from __future__ import annotations

import base64
import math
import re
import struct
from typing import Final, NamedTuple

from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

# data: images an SVG may embed (Qt decodes them with its own allocation limit, and their
# declared size is checked here first); an embedded SVG would be rasterised at its own size
EMBEDDABLE: Final = re.compile(r"data:image/(png|jpeg|gif);base64,(.*)", re.S | re.I)
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
_LENGTH = r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(?:px)?\s*"
_WIDTH = re.compile(rb"\swidth\s*=\s*[\"']" + _LENGTH.encode() + rb"[\"']")
_HEIGHT = re.compile(rb"\sheight\s*=\s*[\"']" + _LENGTH.encode() + rb"[\"']")
_VIEWBOX = re.compile(rb"\sviewBox\s*=\s*[\"']([^\"']*)[\"']")
_GZIP = b"\x1f\x8b"
DEFAULT_MAX_WIDTH: Final = 760  # logical pixels: where no column is known (the quiz)


class PixelSize(NamedTuple):
    """A width and height in pixels."""

    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def within_limits(size: PixelSize) -> bool:
    """Whether an image of this size may be rasterised (``core.limits``)."""
    w, h = size.width, size.height
    return 0 < w <= MAX_IMAGE_SIDE and 0 < h <= MAX_IMAGE_SIDE and w * h <= MAX_IMAGE_PIXELS


def scaled_to_limits(width: float, height: float) -> PixelSize | None:
    """``width`` x ``height`` scaled down (never up), keeping its shape, until it is within the
    limits; None when it is not a positive, finite size."""
    if not (0 < width < math.inf and 0 < height < math.inf):
        return None
    scale = min(1.0, MAX_IMAGE_SIDE / width, MAX_IMAGE_SIDE / height)
    width, height = width * scale, height * scale
    scale = min(1.0, math.sqrt(MAX_IMAGE_PIXELS / width) * math.sqrt(1 / height))
    return PixelSize(max(1, math.floor(width * scale)), max(1, math.floor(height * scale)))


CALLOUT_PADDING: Final = 10  # a callout's cell padding, in pixels (core.mdext.tree)
INSET_FRAGMENT: Final = "inset"
"""An image inside a callout is marked ``asset:...#inset``: the view fits it to the column less
the callout's padding, so a picture slide never makes the page scroll sideways."""
CALLOUT_INSET: Final = 2 * CALLOUT_PADDING + 4  # both paddings and the cell's borders


class Fit(NamedTuple):
    """How a page draws its images: ``zoom`` times their own size (the text's zoom), but at
    most ``max_width`` logical pixels wide (the text column), at ``ratio`` device pixels per
    logical pixel (the screen's)."""

    zoom: float = 1.0
    max_width: float = DEFAULT_MAX_WIDTH
    ratio: float = 1.0


def display_scale(width: float, fit: Fit) -> float:
    """The factor an image ``width`` logical pixels wide is shown at: the zoom, or less so that
    it fits the column (1.0 for a size that is not positive and finite)."""
    if not (0 < width < math.inf and 0 < fit.zoom < math.inf and fit.max_width > 0):
        return 1.0
    return min(fit.zoom, fit.max_width / width)


def svg_render_size(
    width: float, height: float, *, max_width: float, ratio: float, zoom: float = 1.0
) -> PixelSize | None:
    """The device pixels to draw an SVG declared ``width`` x ``height`` at: ``zoom`` times its
    size but at most ``max_width`` logical pixels wide, times the screen's pixel ratio, within
    the limits (so it is never drawn blurred: it is rasterised at the size it is shown)."""
    if not (0 < width < math.inf and 0 < height < math.inf and 0 < ratio < math.inf):
        return None
    shown = min(width * zoom, max_width) if 0 < zoom < math.inf else min(width, max_width)
    return scaled_to_limits(shown * ratio, height * (shown / width) * ratio)


def declared_size(data: bytes) -> PixelSize | None:
    """The size an image file says it has, read from its header (PNG, GIF, JPEG, SVG) without
    decoding it; None when the format is not one of these or the header gives no size."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return PixelSize(*struct.unpack(">II", data[16:24]))
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return PixelSize(*struct.unpack("<HH", data[6:10]))
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return _svg_size(data)


def _jpeg_size(data: bytes) -> PixelSize | None:
    """The size in the first start-of-frame segment (SOF0..SOF15 but DHT, JPG and DAC)."""
    pos = 2
    while pos + 9 <= len(data) and data[pos] == 0xFF:
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return PixelSize(width, height)
        pos += 2 + length
    return None


def _svg_size(data: bytes) -> PixelSize | None:
    """The root element's width and height in pixels (or its viewBox's, when they are missing)."""
    tag = _SVG_TAG.search(data[:100_000])
    if tag is None:
        return None
    width, height = _WIDTH.search(tag.group()), _HEIGHT.search(tag.group())
    box = _VIEWBOX.search(tag.group())
    if width and height:
        w, h = float(width.group(1)), float(height.group(1))
    elif box and len(parts := box.group(1).replace(b",", b" ").split()) == 4:
        w, h = float(parts[2]), float(parts[3])
    else:
        return None
    if not (0 < w < math.inf and 0 < h < math.inf):
        return None
    return PixelSize(math.ceil(w), math.ceil(h))


def svg_refusal(data: bytes) -> str | None:
    """Why this SVG may not be drawn, or None. It may not when it is compressed (Qt would
    inflate it without a bound), is not well-formed XML, or refers to anything but its own
    elements (``#id``) and embedded raster images within the limits: Qt would read a path or
    a relative name from disk, relative to the working folder."""
    if len(data) > MAX_IMAGE_BYTES:
        return _("The SVG image is larger than {limit} bytes.").format(limit=MAX_IMAGE_BYTES)
    if data.startswith(_GZIP):
        return _("The SVG image is compressed (SVGZ), which is not supported.")
    import xml.etree.ElementTree as etree  # expat refuses entity expansion beyond a bound

    try:
        root = etree.fromstring(data)
    except (etree.ParseError, ValueError) as error:
        return _("The SVG image is not well-formed XML: {error}").format(error=error)
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rpartition("}")[2] == "href" and not _allowed_reference(value):
                return _("The SVG image refers to something outside itself: {href}").format(
                    href=value[:80]
                )
    return None


def _allowed_reference(href: str) -> bool:
    href = href.strip()
    if href.startswith("#"):
        return True
    embedded = EMBEDDABLE.fullmatch(href)
    if embedded is None:
        return False
    try:
        raw = base64.b64decode(embedded.group(2), validate=False)
    except ValueError:
        return False
    size = declared_size(raw)
    return size is not None and within_limits(size)
