"""The built-in question kinds: importing this module registers them."""

from __future__ import annotations

from courseware_app.core.questions import (  # noqa: F401 - imported to register
    match,
    multiple,
    numeric,
    order,
    short,
    single,
    truefalse,
)
