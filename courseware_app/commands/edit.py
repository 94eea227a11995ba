"""courseware edit: the reader in editor mode on a content folder (live preview, problems)."""

from __future__ import annotations

import argparse

from courseware_app.commands.common import BAD_USAGE, fail, load_content
from courseware_app.core import paths
from courseware_app.core.i18n import _


def register(sub, common) -> None:
    p = sub.add_parser(
        "edit",
        parents=[common],
        help=_("open the reader in editor mode on a content folder"),
        description=_(
            "Opens the reader with the editor's workbench: each saved change is shown at once, "
            "and the problems panel lists what the validator finds. Nothing is written to the "
            "content folder."
        ),
    )
    p.add_argument(
        "content_dir",
        nargs="?",
        metavar="CONTENT_DIR",
        help=_("the content folder (default: --content, else the bundled course)"),
    )
    p.set_defaults(func=run_edit)


def gui_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """What ``app.run_gui`` reads: the folder as ``content``, editor mode on."""
    values = vars(args).copy()
    values["content"] = args.content_dir or args.content
    values["editor"] = True
    for name, default in (("lang", None), ("trainer", False), ("open", None)):
        values.setdefault(name, default)
    return argparse.Namespace(**values)


def run_edit(args: argparse.Namespace) -> int:
    gui = gui_arguments(args)
    folder = paths.content_dir(gui.content, gui.data_dir)
    if not folder.is_dir():
        return fail("edit", _("{path} is not a folder").format(path=folder), BAD_USAGE)
    course = load_content(str(folder), "edit")  # a folder that holds no usable course: say so
    if isinstance(course, int):
        return course
    from courseware_app.app import run_gui

    return int(run_gui(gui))
