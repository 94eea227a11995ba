"""validate, outline and render: headless commands over the content tree."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from courseware_app.commands.common import fail, load_content, write_output
from courseware_app.core import paths
from courseware_app.core.course import Diagnostic, Severity
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES


def register(sub, common) -> None:
    p = sub.add_parser(
        "validate",
        parents=[common],
        help=_("check the content and report problems with file:line"),
    )
    p.add_argument(
        "dir", nargs="?", help=_("content tree or single module file (wins over --content)")
    )
    p.add_argument("--strict", action="store_true", help=_("warnings fail too"))
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("how to print the report")
    )
    p.set_defaults(func=run_validate)

    p = sub.add_parser("outline", parents=[common], help=_("print the course outline"))
    p.add_argument("--json", action="store_true", help=_("as JSON (the default)"))
    p.set_defaults(func=run_outline)

    p = sub.add_parser(
        "render", parents=[common], help=_("print the HTML the viewer shows for a module")
    )
    p.add_argument("module", help=_("the module's id"))
    p.add_argument(
        "--lang", choices=LANGUAGES, default="en", help=_("the content language to render")
    )
    p.add_argument("--trainer", action="store_true", help=_("include trainer notes"))
    p.add_argument(
        "--theme",
        choices=("light", "dark", "high-contrast"),
        default="light",
        help=_("the colours of the page"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("write to FILE, its pictures inlined, instead of standard output"),
    )
    p.set_defaults(func=run_render)


def run_validate(args) -> int:
    from courseware_app.core.validate import validate_path

    target = Path(args.dir) if args.dir else paths.content_dir(args.content, args.data_dir)
    if not target.exists():
        return fail("validate", _("{path} does not exist").format(path=target), 2)
    diags = validate_path(target)
    if args.format == "json":
        print(
            json.dumps({"diagnostics": [d.as_dict() for d in diags]}, ensure_ascii=False, indent=2)
        )
    else:
        for d in diags:
            print(d.format())
        print(summary(diags), file=sys.stderr)
    failing = [d for d in diags if d.severity == Severity.ERROR or args.strict]
    return 1 if failing else 0


def summary(diags: list[Diagnostic]) -> str:
    """'2 error(s), 1 warning(s)' in the interface language."""
    errors = sum(d.severity == Severity.ERROR for d in diags)
    message = _("{errors} error(s), {warnings} warning(s)")
    return message.format(errors=errors, warnings=len(diags) - errors)


def run_outline(args) -> int:
    from courseware_app.core.course_outline import course_outline

    course = load_content(args.content, "outline", args.data_dir)
    if isinstance(course, int):
        return course
    print(json.dumps(course_outline(course), ensure_ascii=False, indent=2))
    return 0


def run_render(args) -> int:
    from courseware_app.core.i18n import set_language
    from courseware_app.core.render import module_page

    set_language(args.lang)
    course = load_content(args.content, "render", args.data_dir)
    if isinstance(course, int):
        return course
    if args.module not in course.modules:
        message = _("no module '{module}' in the course").format(module=args.module)
        return fail("render", message)
    from courseware_app.core.themes import theme_named

    theme = theme_named(args.theme)
    page, rendered = module_page(course, args.module, args.lang, args.trainer, theme)
    if rendered is None:  # the page says why; so does validate, with file and line
        message = _("module '{module}' ({lang}) cannot be shown; run courseware validate")
        fail("render", message.format(module=args.module, lang=args.lang))
    if args.output:
        from courseware_app.commands.render_html import self_contained

        page = self_contained(page, course.root / "modules", args.module, args.lang)
        written = write_output("render", Path(args.output), page)
        if written:
            return written
    else:
        sys.stdout.write(page + "\n")
    return 0 if rendered is not None else 1
