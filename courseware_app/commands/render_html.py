"""``render -o FILE.html``: a page that opens in any browser, its pictures inlined as data URIs."""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from pathlib import Path
from typing import Final
from urllib.parse import unquote

from courseware_app.core.i18n import _
from courseware_app.core.mdext.images import asset_file, is_svg, size_problem, svg_problem
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.syntax import is_remote

IMG_SRC_RE: Final = re.compile(r'(<img\b[^>]*?\ssrc=)"([^"]*)"', re.IGNORECASE)
ASSET_RE: Final = re.compile(r"^asset:([^#]*)")
"""The reader's own ``asset:MODULE/FILE`` scheme (a fragment, such as ``#inset``, is a hint
to the reader's view and means nothing to a browser)."""
MIME_TYPES: Final = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def self_contained(page: str, modules_root: Path, module_id: str, lang: str) -> str:
    """``page`` with every picture of the module replaced by a data URI of its file; a
    picture the reader would not show (missing, outside the modules folder, refused) by a
    data URI of a placeholder that names the file and says why. Data URIs and remote
    sources (the reader's placeholders) are left as they are."""

    def inline(m: re.Match[str]) -> str:
        relative = module_picture(html.unescape(m.group(2)), modules_root / module_id, lang)
        if relative is None:
            return m.group(0)
        return f'{m.group(1)}"{picture_uri(modules_root, relative)}"'

    return IMG_SRC_RE.sub(inline, page)


def module_picture(src: str, folder: Path, lang: str) -> str | None:
    """``MODULE/FILE`` of a picture source of the page: an ``asset:`` one, or one relative to
    the module (raw HTML), in the language's variant as the reader picks it; None for others."""
    asset = ASSET_RE.match(src)
    if asset:
        return unquote(asset.group(1))
    if src.startswith("data:") or is_remote(src) or not src:
        return None
    name = image_variant(folder, unquote(src.split("#")[0]), lang)
    return f"{folder.name}/{name}"


def picture_uri(modules_root: Path, relative: str) -> str:
    """The data URI of ``modules/<relative>`` as the reader would draw it, or a placeholder's."""
    path = asset_file(modules_root, relative)
    if path is None:
        return placeholder_uri(_("missing picture: {name}").format(name=relative))
    refusal = svg_problem(path) or (None if is_svg(path) else size_problem(path))
    if refusal is not None:
        message = _("picture not shown: {name}: {reason}")
        return placeholder_uri(message.format(name=relative, reason=refusal))
    mime = MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    return data_uri(path.read_bytes(), mime or "application/octet-stream")


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def placeholder_uri(text: str) -> str:
    """A framed grey box with ``text`` in it, as an SVG data URI."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="60" viewBox="0 0 480 60">'
        '<rect x="1" y="1" width="478" height="58" fill="#eee" stroke="#900" '
        'stroke-dasharray="6 4"/>'
        '<text x="12" y="36" font-family="sans-serif" font-size="14" fill="#900">'
        f"{html.escape(text)}</text></svg>"
    )
    return data_uri(svg.encode("utf-8"), "image/svg+xml")
