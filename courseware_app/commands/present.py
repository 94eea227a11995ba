"""courseware present: a module on the projector, with the trainer's console (no reader window)."""

from __future__ import annotations

import argparse

from courseware_app.commands.common import fail, load_content
from courseware_app.core import paths
from courseware_app.core.i18n import _, current_language
from courseware_app.core.languages import LANGUAGES

THEMES = ("light", "dark")


def register(sub, common) -> None:
    p = sub.add_parser(
        "present",
        parents=[common],
        help=_("present a module: the room's screen on the projector, notes on the console"),
        description=_(
            "Opens the audience window (full screen, on the projector when there is one) and "
            "the trainer's console; ends with Esc or the console's End button."
        ),
    )
    p.add_argument("module", help=_("the module's id, e.g. rm-02"))
    p.add_argument("--section", metavar="ID", help=_("start at this section"))
    p.add_argument(
        "--audience-lang",
        choices=LANGUAGES,
        help=_("the room's language (default: the interface's)"),
    )
    p.add_argument(
        "--console-lang",
        choices=LANGUAGES,
        help=_("the console's and the trainer notes' language (default: the room's)"),
    )
    p.add_argument(
        "--second-lang", choices=LANGUAGES, help=_("a second language beneath the room's")
    )
    p.add_argument("--theme", choices=THEMES, default="dark", help=_("the projector's look"))
    p.set_defaults(func=run_present)


def _choices(args: argparse.Namespace, course) -> tuple[str, str, str] | int:
    """The module, the room's and the console's languages; or the exit code after saying why
    not (before any window opens)."""
    module = course.modules.get(args.module)
    if module is None:
        return fail("present", _("no module {module} in the course").format(module=args.module))
    if args.audience_lang and args.audience_lang not in module.translations:
        message = _("module {module} has no {lang} text")
        return fail("present", message.format(module=module.id, lang=args.audience_lang))
    audience = args.audience_lang or _default_language(args, module)
    sections = {s.id for s in module.translations[audience].sections}
    if args.section and args.section not in sections:
        message = _("module {module} has no section {section}")
        return fail("present", message.format(module=module.id, section=args.section))
    return module.id, audience, args.console_lang or audience


def _default_language(args: argparse.Namespace, module) -> str:
    """The interface's language (``--lang`` or the environment's) when the module has it."""
    wanted = getattr(args, "lang", None) or current_language()
    if wanted in module.translations:
        return wanted
    return module.source_language if module.source else next(iter(module.translations))


def run_present(args: argparse.Namespace) -> int:
    course = load_content(args.content, "present", args.data_dir)
    if isinstance(course, int):
        return course
    chosen = _choices(args, course)
    if isinstance(chosen, int):
        return chosen
    module_id, audience, console = chosen
    from courseware_app.app import make_application
    from courseware_app.ui.present.session import PresentOptions, open_presenter
    from courseware_app.ui.retranslate import LanguageController

    app = make_application()
    data = paths.data_dir(args.data_dir)
    LanguageController(app, paths.cache_dir(data)).switch(console)  # the interface: the console's
    options = PresentOptions(
        section=args.section or "",
        audience_lang=audience,
        console_lang=console,
        second_lang=args.second_lang or "",
        theme=args.theme,
        data_dir=data,
    )
    presenter = open_presenter(course.modules[module_id], options)
    presenter.finished.connect(app.quit)
    app.exec()
    return 0
