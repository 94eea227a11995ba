"""Command line: no sub-command opens the GUI; sub-commands do headless work."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from typing import NoReturn

from courseware_app import __version__
from courseware_app.commands import COMMAND_MODULES
from courseware_app.core.i18n import _, environment_language, set_language
from courseware_app.core.languages import LANGUAGES


def _heading(title: str | None) -> str | None:
    """argparse's own section titles in the interface language; ours pass through."""
    if title == "positional arguments":
        return _("positional arguments")
    if title == "options":
        return _("options")
    return title


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with its own words ("usage:", section titles) translated."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(_heading(heading))

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """A parser whose -h/--help, help layout and error prefix speak the interface language.

    Sub-command parsers are of this class too (argparse makes them with ``type(self)``).
    """

    def __init__(
        self,
        prog: str | None = None,
        description: str | None = None,
        parents: Sequence[argparse.ArgumentParser] = (),
        formatter_class: type[argparse.HelpFormatter] = HelpFormatter,
        add_help: bool = True,
    ) -> None:
        super().__init__(
            prog,
            description=description,
            parents=parents,
            formatter_class=formatter_class,
            add_help=False,
        )
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=_("show this help message and exit"),
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = _("{prog}: error: {message}").format(prog=self.prog, message=message)
        self.exit(2, text + "\n")


def common_options() -> ArgumentParser:
    """--content and --data-dir, accepted before or after any sub-command."""
    common = ArgumentParser(add_help=False)
    common.add_argument(
        "--content",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("content tree to use instead of the bundled curriculum"),
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("folder for settings, progress and caches"),
    )
    return common


def build_parser(with_commands: bool = True) -> ArgumentParser:
    common = common_options()
    parser = ArgumentParser(
        prog="courseware",
        parents=[common],
        description=_("Offline courseware viewer for customs risk management."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"courseware {__version__}",
        help=_("show the program's version number and exit"),
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help=_("language of the interface and content")
    )
    parser.add_argument(
        "--trainer", action="store_true", help=_("start in trainer mode (shows trainer notes)")
    )
    parser.add_argument(
        "--open", metavar="MODULE[#SECTION]", help=_("open this module (and section) at start")
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
    # Messages follow the environment as in gettext programs; the GUI then applies its own
    # choice (--lang, its settings or its language picker).
    set_language(environment_language(os.environ))
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
    except OSError as exc:  # a file a command did not expect to fail: one line, no traceback
        return os_error(args.command, exc)


def os_error(command: str, exc: OSError) -> int:
    """``courseware COMMAND: PATH: reason`` on standard error; exit 1."""
    where = f"{exc.filename}: " if exc.filename else ""
    print(f"courseware {command}: {where}{exc.strerror or exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
