"""The image files a module uses: where an image resolves as the reader resolves it, and
whether the reader would draw it (core.images decides, from the file's header)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final
from urllib.parse import unquote

from courseware_app.core.i18n import _
from courseware_app.core.images import declared_size, svg_refusal, within_limits
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

HEADER_BYTES: Final = 256_000  # enough for an SVG's root element or a JPEG's frame header


def asset_file(modules_root: Path, relative: str) -> Path | None:
    """``modules/<relative>`` when it is a file inside the modules folder once resolved
    (symbolic links followed), else None: the one rule for what the reader may read."""
    try:
        root = modules_root.resolve()
        path = (root / relative).resolve()
    except (OSError, ValueError, RuntimeError):  # a symbolic-link loop, a NUL in the name
        return None
    return path if root in path.parents and path.is_file() else None


def is_absolute_source(src: str) -> bool:
    """``/etc/x.png``, ``\\x.png``, ``C:/x.png``: a source that is not relative to the module."""
    name = unquote(src)
    return name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", name) is not None


def is_svg(path: Path) -> bool:
    return path.suffix.lower() in (".svg", ".svgz")


def size_problem(path: Path) -> str | None:
    """Which limit of core.limits an image file exceeds, as a message; None within them
    (and for a file that cannot be read: the reader shows nothing of it either). An SVG's
    bytes are svg_problem's to report."""
    try:
        if not is_svg(path) and path.stat().st_size > MAX_IMAGE_BYTES:
            return _("the file is larger than {limit} bytes").format(limit=f"{MAX_IMAGE_BYTES:,}")
        with path.open("rb") as f:
            size = declared_size(f.read(HEADER_BYTES))
    except OSError:
        return None
    if size is None or within_limits(size):
        return None
    return _(
        "it declares {width} x {height} pixels; the limit is {side} on a side and {pixels} in all"
    ).format(
        width=f"{size.width:,}",
        height=f"{size.height:,}",
        side=f"{MAX_IMAGE_SIDE:,}",
        pixels=f"{MAX_IMAGE_PIXELS:,}",
    )


def svg_problem(path: Path) -> str | None:
    """Why the reader would not draw this SVG at all (core.images.svg_refusal), or None."""
    if not is_svg(path):
        return None
    try:
        return svg_refusal(path.read_bytes())
    except OSError:
        return None
