"""Command line: no sub-command opens the GUI; sub-commands do headless work."""

from __future__ import annotations

import argparse
import importlib
import sys

from courseware_app import __version__
from courseware_app.core.i18n import UI_LANGUAGES

# Each module registers its sub-commands: register(subparsers, common_parser).
COMMAND_MODULES = (
    "courseware_app.commands.content",
    "courseware_app.commands.i18n",
    "courseware_app.commands.selftest",
    "courseware_app.commands.gift",
    "courseware_app.commands.progress",
    "courseware_app.commands.search",
)


def common_options() -> argparse.ArgumentParser:
    """--content and --data-dir, accepted before or after any sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="content tree to use instead of the bundled curriculum",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder for settings, progress and caches",
    )
    return common


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="courseware",
        parents=[common],
        description="Offline courseware viewer for customs risk management.",
    )
    parser.add_argument("--version", action="version", version=f"courseware {__version__}")
    parser.add_argument(
        "--lang", choices=UI_LANGUAGES, help="language of the interface and content"
    )
    parser.add_argument(
        "--trainer", action="store_true", help="start in trainer mode (shows trainer notes)"
    )
    parser.add_argument(
        "--open", metavar="MODULE[#SECTION]", help="open this module (and section) at start"
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse the command line; the GUI case skips importing every sub-command's module."""
    if not any(a in ("-h", "--help") for a in argv):
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
        if not rest:
            return args
    return build_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else list(argv))
    args.content = getattr(args, "content", None)
    args.data_dir = getattr(args, "data_dir", None)
    if args.command is None:
        from courseware_app.app import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 1


if __name__ == "__main__":
    sys.exit(main())
