"""Tree rewrites for the reader: callouts as tables, section anchors, links and local images."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from courseware_app.core.images import CALLOUT_PADDING, INSET_FRAGMENT
from courseware_app.core.syntax import (
    SLIDE_KIND,
    TRAINER_KIND,
    classify_destination,
    is_remote,
    is_trainer_kind,
)
from courseware_app.core.themes import CALLOUT_KINDS

# QTextBrowser ignores borders and padding on <div>: callouts become one-cell tables. Their
# colours are the theme's (core.themes.page_css), by class: the HTML names none.


@dataclass
class LinkContext:
    """What the link rewriter needs to know about the document being rendered."""

    module_id: str = ""
    lang: str = "en"
    folder: Path | None = None
    module_ids: frozenset[str] = frozenset()
    trainer_label: str = "Trainer notes: {title}"
    slide_label: str = "Key points: {title}"
    key_points: bool = True  # slides shown as key-points boxes; False leaves them out
    links: list[tuple[str, str]] = field(default_factory=list)  # (kind, target) found
    images: list[str] = field(default_factory=list)


def classify_href(href: str, ctx: LinkContext) -> tuple[str, str]:
    """Return (kind, rewritten href); kind is module, external, asset, anchor or unknown."""
    dest = classify_destination(href)
    if dest.kind == "anchor":
        return "anchor", f"module:{ctx.module_id}{href}"
    if dest.kind == "module":
        frag = f"#{dest.fragment}" if dest.fragment else ""
        return "module", f"module:{dest.target}{frag}"
    if dest.kind == "asset":
        return "asset", f"asset:{ctx.module_id}/{quote(dest.target)}"
    return dest.kind, href


def image_variant(folder: Path | None, name: str, lang: str) -> str:
    """``name.<lang>.ext`` when it exists beside ``name.ext``, else ``name``."""
    if folder is None:
        return name
    stem, dot, ext = name.rpartition(".")
    if dot and (folder / f"{stem}.{lang}.{ext}").is_file():
        return f"{stem}.{lang}.{ext}"
    return name


def _is_admonition(el: etree.Element) -> bool:
    return el.tag == "div" and "admonition" in el.get("class", "").split()


def _is_slide(el: etree.Element) -> bool:
    return _is_admonition(el) and SLIDE_KIND in el.get("class", "").split()


class ReaderTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: ReaderExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        ctx = self.ext.ctx
        if not ctx.key_points:
            for parent, div in [(p, c) for p in root.iter() for c in p if _is_slide(c)]:
                parent.remove(div)
        callouts = [(p, c) for p in root.iter() for c in p if _is_admonition(c)]
        for parent, div in reversed(callouts):  # inner callouts first: nested ones are tables too
            parent[list(parent).index(div)] = self._callout(div, ctx)
        for el in root.iter():
            if el.tag == "table" and not el.get("class"):
                el.set("class", "grid")  # content tables get cell borders; callout tables do not
            section_id, written = el.get("id"), el.get("href")
            if el.tag == "h2" and section_id:
                anchor = etree.Element("a", {"name": section_id})
                anchor.tail, el.text = el.text, None
                el.insert(0, anchor)
            elif el.tag == "a" and written:
                kind, href = classify_href(written, ctx)
                ctx.links.append((kind, written))
                el.set("href", href)
        self._images(root, ctx)

    def _callout(self, div: etree.Element, ctx: LinkContext) -> etree.Element:
        kinds = [c for c in div.get("class", "").split() if c != "admonition"]
        kind = TRAINER_KIND if is_trainer_kind(" ".join(kinds)) else kinds[0] if kinds else "note"
        classes = f"callout {kind}" if kind in CALLOUT_KINDS else f"callout note {kind}"
        attributes = {"width": "100%", "cellpadding": str(CALLOUT_PADDING), "cellspacing": "0"}
        table = etree.Element("table", {"class": classes, **attributes})
        td = etree.SubElement(etree.SubElement(table, "tr"), "td")
        for child in list(div):
            if child.tag == "p" and "admonition-title" in child.get("class", ""):
                child.set("class", "callout-title")
                if kind == TRAINER_KIND:
                    child.text = ctx.trainer_label.format(title=child.text or "")
                elif kind == SLIDE_KIND:
                    child.text = ctx.slide_label.format(title=child.text or "")
            td.append(child)
        return table

    def _images(self, root: etree.Element, ctx: LinkContext) -> None:
        """Local images point into the module folder; a remote one is left for the sanitiser,
        which puts a placeholder in the place of every remote image, raw HTML or not."""
        callouts = [t for t in root.iter("table") if "callout" in t.get("class", "").split()]
        inset = {id(img) for table in callouts for img in table.iter("img")}
        for img in root.iter("img"):
            src = img.get("src", "")
            ctx.images.append(src)
            if not is_remote(src):
                name = image_variant(ctx.folder, unquote(src), ctx.lang)
                mark = f"#{INSET_FRAGMENT}" if id(img) in inset else ""
                img.set("src", f"asset:{ctx.module_id}/{quote(name)}{mark}")


class ReaderExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.ctx = LinkContext()
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.treeprocessors.register(ReaderTreeprocessor(md, self), "courseware_reader", 5)
