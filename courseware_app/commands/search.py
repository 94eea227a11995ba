"""search: full-text search of the course from the command line."""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path

from courseware_app.commands.common import bounded_int, load_content
from courseware_app.core import paths
from courseware_app.core.i18n import UI_LANGUAGES

MARK_RE = re.compile(r"<mark>(.*?)</mark>", re.S)
MAX_LIMIT = 1_000_000  # far above any course's sections; SQLite takes it as an integer


def register(sub, common) -> None:
    from courseware_app.core.i18n import _

    p = sub.add_parser(
        "search",
        parents=[common],
        help=_("search the course text (stemmed, accents optional)"),
        description=_(
            'Words must all match; "quoted phrases" match in order; decl* matches the start '
            "of a word. Results are sections, best first."
        ),
    )
    p.add_argument("query", nargs="+", help=_("what to look for (quote it in the shell)"))
    scope = p.add_mutually_exclusive_group()
    # SUPPRESS keeps `courseware --lang ru search ...` (the global option) working too.
    scope.add_argument(
        "--lang",
        choices=UI_LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("content language to search (default: the course's source language)"),
    )
    scope.add_argument(
        "--all-languages", action="store_true", help=_("search every language at once")
    )
    p.add_argument(
        "--trainer",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("also search trainer notes and quiz answer keys"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument(
        "--limit",
        type=bounded_int(0, MAX_LIMIT),
        default=20,
        metavar="N",
        help=_("at most N results"),
    )
    p.set_defaults(func=run_search)


def index_path(args, course) -> Path | str | None:
    """The persistent index when a data folder is given (option or environment), else None."""
    from courseware_app.core.search import default_index_path

    if args.data_dir or os.environ.get(paths.DATA_ENV) or paths.portable_base():
        return default_index_path(paths.data_dir(args.data_dir), course.root)
    return None


def open_index(args, course):
    """The index, brought up to date; in memory when there is no data folder, or (with one
    warning line) when its file cannot be written."""
    from courseware_app.core.i18n import _
    from courseware_app.core.search import SearchIndex

    path = index_path(args, course)
    index = SearchIndex(path if path is not None else ":memory:")
    progress = _progress if sys.stderr.isatty() else None
    stats = index.update(course, progress=progress)
    if progress is not None:
        sys.stderr.write("\r\033[K")
    if stats.warning:
        message = _("warning: {warning}").format(warning=stats.warning)
        print(f"courseware search: {message}", file=sys.stderr)
    return index


def _progress(done: int, total: int) -> None:
    if total:
        sys.stderr.write(f"\rindexing {done}/{total}…")
        sys.stderr.flush()


def plain(snippet: str) -> str:
    """A snippet for the terminal: matches in [brackets], entities decoded."""
    return html.unescape(MARK_RE.sub(r"[\1]", snippet))


def print_text(query: str, hits) -> None:
    from courseware_app.core.search import group_by_module

    if not hits:
        print(
            f"No results for “{query}”. Try fewer words, the start of a word with *, "
            "or --all-languages.",
            file=sys.stderr,
        )
        return
    for module, group in group_by_module(hits):
        print(f"{module}  {group[0].module_title}")
        for h in group:
            where = "" if h.where == "body" else f"  ({h.where})"
            print(f"  #{h.section or '-'}  [{h.lang}]  {h.title}  {h.score:.2f}{where}")
            print(f"      {plain(h.snippet)}")


def run_search(args) -> int:
    course = load_content(args.content, "search", args.data_dir)
    if isinstance(course, int):
        return course
    query = " ".join(args.query)
    lang = getattr(args, "lang", None) or course.source_language
    langs = None if args.all_languages else [lang]
    index = open_index(args, course)
    try:
        hits = index.search(
            query, langs, trainer=bool(getattr(args, "trainer", False)), limit=args.limit
        )
    finally:
        index.close()
    if args.json:
        results = [h.as_dict() for h in hits]
        print(json.dumps({"query": query, "results": results}, ensure_ascii=False, indent=2))
    else:
        print_text(query, hits)
    return 0
