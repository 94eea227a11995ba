"""Build small content trees on disk for tests."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

COURSE = """\
id: t
version: "1.0.0"
title: {en: T, ru: Т, fr: T}
source_language: en
languages: [en, ru, fr]
tracks:
  - id: risk-management
    title: {en: RM, ru: УР, fr: GR}
    modules: [m1, m2]
"""


def front(lang: str = "en", version: str = '"1.0.0"', extra: str = "", module: str = "m1") -> str:
    tf = '\ntranslated_from: "1.0.0"' if lang != "en" else ""
    return (
        f"---\nid: {module}\nversion: {version}\ntitle: Title {lang}\nsummary: Summary\n"
        f"duration_minutes: 30\nobjectives:\n  - Do a thing{tf}{extra}\n---\n"
    )


def body(text: str = "") -> str:
    return (
        "\n## One {#one}\n\nText.\n\n## Two {#two}\n\nMore."
        + ("\n\n" + dedent(text) if text else "")
        + "\n"
    )


def write_tree(root: Path, files: dict[str, str], course: str = COURSE) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yaml").write_text(course, encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def good_module(module: str = "m1", extra_body: str = "") -> dict[str, str]:
    return {
        f"modules/{module}/{lang}.md": front(lang, module=module) + body(extra_body)
        for lang in ("en", "ru", "fr")
    }
