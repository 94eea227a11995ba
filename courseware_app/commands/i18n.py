"""``courseware i18n-status``: which modules and UI catalogs are missing or behind."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from courseware_app.commands.common import load_content
from courseware_app.core import paths
from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.core.i18n_status import LanguageCell


def register(sub, common) -> None:
    p = sub.add_parser(
        "i18n-status",
        parents=[common],
        help=_("translation status of modules and UI catalogs"),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=_("exit 1 if anything is missing, outdated, untranslated or fuzzy"),
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("how to print the report")
    )
    p.set_defaults(func=run)


def _cell(cell: LanguageCell) -> str:
    if cell["status"] == "outdated":
        return f"outdated ({cell['translated_from']} < {cell['source_version']})"
    return cell["status"]


def run(args) -> int:
    from courseware_app.core.i18n_status import all_catalogs, module_matrix, problems

    course = load_content(args.content, "i18n-status", args.data_dir)
    if isinstance(course, int):
        return course
    matrix = module_matrix(course)
    catalogs = all_catalogs(paths.locales_dir())
    if args.format == "json":
        print(
            json.dumps(
                {
                    "modules": matrix,
                    "catalogs": [
                        {
                            "lang": c.lang,
                            "exists": c.exists,
                            "translated": c.translated,
                            "untranslated": c.untranslated,
                            "fuzzy": c.fuzzy,
                        }
                        for c in catalogs
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        langs = list(course.languages)
        width = max([len(r["module"]) for r in matrix] + [6])
        print("module".ljust(width) + "  " + "  ".join(lang.ljust(22) for lang in langs))
        for row in matrix:
            print(
                row["module"].ljust(width)
                + "  "
                + "  ".join(_cell(row["languages"][lang]).ljust(22) for lang in langs)
            )
        print()
        print("UI catalog  translated  untranslated  fuzzy")
        for c in catalogs:
            if not c.exists:
                print(f"{c.lang:<10}  missing")
            else:
                print(f"{c.lang:<10}  {c.translated:>10}  {c.untranslated:>12}  {c.fuzzy:>5}")
    return 1 if args.strict and problems(matrix, catalogs) else 0
