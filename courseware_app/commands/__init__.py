"""Headless sub-commands: each module offers ``register(subparsers, common)`` and ``run(args)``."""
