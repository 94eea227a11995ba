"""The files of a module folder: each used by some language, each image variant in every language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from courseware_app.core.course import Diagnostic, Module, ModuleTranslation, Severity
from courseware_app.core.i18n import _
from courseware_app.core.loader import display_path
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.validate.common import diag
from courseware_app.core.validate.links import FileUse


def used_paths(module: Module, uses: Mapping[str, Iterable[FileUse]]) -> set[Path]:
    """The files that the languages' uses name (resolved): each as written and, for an image of
    the page, its language's variant (``x.ru.svg`` is used when ru uses ``x.svg``)."""
    found: set[Path] = set()
    for lang, files in uses.items():
        for use in files:
            found.add(_resolved(module.folder / use.name))
            if use.image and use.variant:
                found.add(_resolved(module.folder / image_variant(module.folder, use.name, lang)))
    return found


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, ValueError, RuntimeError):  # a symbolic-link loop, a NUL in the name
        return path


def check_unused(module: Module, languages: Sequence[str], used: set[Path]) -> list[Diagnostic]:
    """A warning on each file of the module folder that no language uses (its language files
    and hidden files apart)."""
    own = {f"{lang}.md" for lang in languages}
    out = []
    for path in sorted(module.folder.rglob("*")):
        rel = path.relative_to(module.folder)
        if rel.as_posix() in own or any(p.startswith(".") for p in rel.parts):
            continue
        if path.is_file() and _resolved(path) not in used:
            message = _("no language of module '{module}' uses this file").format(module=module.id)
            out.append(Diagnostic(display_path(path), 1, Severity.WARNING, "asset-unused", message))
    return out


def check_variants(
    module: Module, tr: ModuleTranslation, uses: Iterable[FileUse], languages: Sequence[str]
) -> list[Diagnostic]:
    """An image that has a language variant for some languages but not for ``tr``'s: a warning
    on each line of ``tr`` that shows it (the source language's own picture is the original)."""
    if tr.lang == module.source_language:
        return []
    out = []
    for use in uses:
        others = _variants_elsewhere(module.folder, use, tr.lang, languages)
        if others:
            stem, _dot, ext = use.name.rpartition(".")
            message = _(
                "image '{name}' has a variant for {langs} but not for {lang} ({expected}): "
                "{lang} shows the original"
            ).format(
                name=use.name,
                langs=", ".join(others),
                lang=tr.lang,
                expected=f"{stem}.{tr.lang}.{ext}",
            )
            out.append(diag(tr, use.line, "image-variant-missing", message, Severity.WARNING))
    return out


def _variants_elsewhere(
    folder: Path, use: FileUse, lang: str, languages: Sequence[str]
) -> list[str]:
    """The other languages with a variant of an image ``lang`` shows as the original; [] when
    it is no image of the page, is missing, or ``lang`` has its own variant."""
    stem, dot, ext = use.name.rpartition(".")
    if not (use.image and use.variant and dot) or not (folder / use.name).is_file():
        return []
    if image_variant(folder, use.name, lang) != use.name:
        return []
    return [m for m in languages if m != lang and (folder / f"{stem}.{m}.{ext}").is_file()]
