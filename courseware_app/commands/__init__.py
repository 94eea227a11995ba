"""Headless sub-commands: each module offers ``register(subparsers, common)`` and ``run(args)``.

COMMAND_MODULES is the one table of them: the command line imports each to register its
sub-commands, and build.spec lists them as hidden imports (they are imported by name).
"""

COMMAND_MODULES = (
    "courseware_app.commands.content",
    "courseware_app.commands.i18n",
    "courseware_app.commands.selftest",
    "courseware_app.commands.gift",
    "courseware_app.commands.progress",
    "courseware_app.commands.search",
    "courseware_app.commands.sessions",
    "courseware_app.commands.present",
    "courseware_app.commands.pdf",
    "courseware_app.commands.edit",
    "courseware_app.commands.release",
    "courseware_app.commands.trs",
    "courseware_app.commands.pack",
)
