"""Links and images of one translation, each checked on its line against the course."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from courseware_app.core.course import Diagnostic, Module, ModuleTranslation, Severity
from courseware_app.core.i18n import _
from courseware_app.core.loader import display_path
from courseware_app.core.mdext.images import (
    asset_file,
    is_absolute_source,
    is_svg,
    size_problem,
    svg_problem,
)
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.syntax import (
    Destination,
    LinkUse,
    classify_destination,
    is_remote,
    iter_link_uses,
    parse_reference_definition,
    raw_image_sources,
)
from courseware_app.core.validate.common import body_lines, diag, quiz_lines
from courseware_app.core.validate.view import CourseView

Definitions = dict[str, tuple[int, str]]  # reference key -> (line, destination)


@dataclass(frozen=True)
class FileUse:
    """A file of the module folder that a translation uses: an image or a linked file."""

    line: int
    name: str  # as written (URL-decoded), relative to the module folder
    image: bool
    variant: bool  # an image of the page, drawn in its language's variant when there is one


@dataclass
class LinkReport:
    """What checking a translation's links finds: its problems, and the files it uses."""

    diagnostics: list[Diagnostic]
    files: list[FileUse]


class _Links:
    """Checks one translation's links and images against the course, each on its line."""

    def __init__(self, view: CourseView, module: Module, tr: ModuleTranslation):
        self.view, self.module, self.tr = view, module, tr
        self.report = LinkReport([], [])
        self.used: set[tuple[str, bool]] = set()  # (reference key, used as an image)

    def add(self, found: list[Diagnostic]) -> None:
        self.report.diagnostics.extend(found)

    def line(self, no: int, text: str, definitions: Definitions) -> None:
        for use in iter_link_uses(text):
            if use.target is not None:
                self.target(no, use.image, use.target)
            elif use.ref is not None:
                self.reference(no, use, definitions)
        for src in raw_image_sources(text):
            self.image(no, src)

    def quiz_line(self, no: int, text: str) -> None:
        """Quiz text is Markdown of its own: inline links and images, no page references, and
        images in the file's own name (no language variant)."""
        for use in iter_link_uses(text):
            if use.target is not None:
                self.target(no, use.image, use.target, variant=False)
        for src in raw_image_sources(text):
            self.image(no, src, variant=False)

    def reference(self, no: int, use: LinkUse, definitions: Definitions) -> None:
        assert use.ref is not None
        if use.ref in definitions:
            self.used.add((use.ref, use.image))
        elif use.explicit:
            message = _("reference '[{ref}]' is not defined; the text shows as written")
            self.add(
                [diag(self.tr, no, "link-undefined-reference", message.format(ref=use.ref), W)]
            )

    def definitions_used(self, definitions: Definitions) -> None:
        """Check each used definition's destination once, on the definition's line."""
        for ref, image in sorted(self.used):
            def_line, destination = definitions[ref]
            self.target(def_line, image, destination)

    def target(self, no: int, image: bool, href: str, variant: bool = True) -> None:
        if image:
            self.image(no, href, variant)
            return
        dest = classify_destination(href)
        if dest.kind == "asset":
            self.report.files.append(FileUse(no, dest.target, False, False))
        self.add(_check_link(self.view, self.module, self.tr, no, dest, href))

    def image(self, no: int, src: str, variant: bool = True) -> None:
        if not is_remote(src):
            self.report.files.append(FileUse(no, unquote(src), True, variant))
        self.add(_check_image(self.module, self.tr, no, src, variant))


W = Severity.WARNING


def _definitions(lines: list[tuple[int, str]]) -> Definitions:
    """Reference key -> (line, destination); the first definition wins, as in Python-Markdown."""
    found: Definitions = {}
    for no, line in lines:
        definition = parse_reference_definition(line)
        if definition is not None:
            found.setdefault(definition.key, (no, definition.destination))
    return found


def scan_links(view: CourseView, module: Module, tr: ModuleTranslation) -> LinkReport:
    """Inline and reference-style links and images, raw HTML images, and the links and images
    of quiz text: their problems with file:line, and the module's files they use."""
    lines = list(body_lines(tr))
    definitions = _definitions(lines)
    links = _Links(view, module, tr)
    for no, line in lines:
        if parse_reference_definition(line) is None:
            links.line(no, line, definitions)
    links.definitions_used(definitions)
    for no, line in quiz_lines(tr):
        links.quiz_line(no, line)
    return links.report


def check_links(view: CourseView, module: Module, tr: ModuleTranslation) -> list[Diagnostic]:
    """The problems of ``tr``'s links and images (see ``scan_links``)."""
    return scan_links(view, module, tr).diagnostics


def _check_image(
    module: Module, tr: ModuleTranslation, no: int, src: str, variant: bool
) -> list[Diagnostic]:
    if is_remote(src):
        message = _("remote image '{src}' is never fetched; ship it in the module folder")
        return [diag(tr, no, "image-remote", message.format(src=src), W)]
    name = image_variant(module.folder, unquote(src), tr.lang) if variant else unquote(src)
    path = asset_file(module.folder.parent, f"{module.folder.name}/{name}")
    if is_absolute_source(src) or (path is None and (module.folder / name).exists()):
        message = _("image '{src}' is outside the content tree: the reader does not show it")
        return [diag(tr, no, "image-outside", message.format(src=src))]
    if path is None:
        message = _("image '{src}' is not in {folder}")
        folder = display_path(module.folder)
        return [diag(tr, no, "image-missing", message.format(src=src, folder=folder))]
    return _check_image_file(module, tr, no, src, path)


def _check_image_file(
    module: Module, tr: ModuleTranslation, no: int, src: str, path: Path
) -> list[Diagnostic]:
    """An image the reader finds: in its module's folder, within the size limits, and (an SVG)
    one the reader draws: referring to nothing outside itself."""
    out = []
    if module.folder.resolve() not in path.parents:
        message = _("image '{src}' is in another module's folder; keep it in this one")
        out.append(diag(tr, no, "image-outside-module", message.format(src=src), W))
    problem = size_problem(path)
    if problem is not None:  # an SVG is drawn scaled down; a larger picture is not drawn
        message = _("image '{src}' is over the image limits: {problem}")
        severity = W if is_svg(path) else Severity.ERROR
        out.append(
            diag(tr, no, "image-too-large", message.format(src=src, problem=problem), severity)
        )
    refusal = svg_problem(path)
    if refusal is not None:
        message = _("image '{src}' is not drawn: {reason}")
        out.append(diag(tr, no, "image-svg-refused", message.format(src=src, reason=refusal)))
    return out


def _check_link(
    view: CourseView, module: Module, tr: ModuleTranslation, no: int, dest: Destination, href: str
) -> list[Diagnostic]:
    if dest.kind in ("module", "anchor"):
        return _check_module_link(view, module, tr, no, dest)
    if dest.kind == "asset" and not (module.folder / dest.target).is_file():
        message = _("linked file '{name}' is not in the module folder")
        return [diag(tr, no, "link-missing-file", message.format(name=dest.target))]
    if dest.kind == "unknown":
        message = _("cannot follow link '{href}'")
        return [diag(tr, no, "link-unknown", message.format(href=href), W)]
    return []


def _check_module_link(
    view: CourseView, module: Module, tr: ModuleTranslation, no: int, dest: Destination
) -> list[Diagnostic]:
    target = dest.target or module.id
    other = view.course.modules.get(target)
    if other is None:
        message = _("link to unknown module '{module}'")
        return [diag(tr, no, "link-unknown-module", message.format(module=target))]
    ref = tr if other is module else view.best(other, tr.lang)
    if dest.fragment and ref is not None and dest.fragment not in {s.id for s in ref.sections}:
        message = _("module '{module}' has no section '{section}'")
        return [
            diag(
                tr,
                no,
                "link-unknown-section",
                message.format(module=target, section=dest.fragment),
            )
        ]
    return []
