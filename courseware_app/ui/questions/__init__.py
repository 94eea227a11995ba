"""One input widget per question type, registered against its QuestionType."""

from courseware_app.ui.questions import (  # noqa: F401, E402 - imported to register
    match,
    multiple,
    numeric,
    order,
    short,
    single,
    truefalse,
)
from courseware_app.ui.questions.base import (
    QuestionInput,
    input_class,
    register_input,
    shortcut,
    unregister_input,
)
from courseware_app.ui.questions.rich_text import RichLabel, literal, rich, wrapped_label

__all__ = [
    "QuestionInput",
    "RichLabel",
    "input_class",
    "literal",
    "register_input",
    "rich",
    "shortcut",
    "unregister_input",
    "wrapped_label",
]
