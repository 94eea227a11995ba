"""A block taller than the projector stays at a size the room can read and is shown a screen
at a time: Next pages through it before the next step, Previous pages back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from courseware_app.core.present.steps import StepKind
from courseware_app.ui.present.look import BODY_PX
from courseware_app.ui.questions.rich_text import RichLabel
from tests.ui.present import test_presenter_helpers as helpers

clock, present = helpers.clock, helpers.present  # the fixtures


def tallest_block(p) -> int:
    """The index of the rm-02 exercise's longest block: far taller than one 1024x768 screen."""
    steps = p.controller.presentation.steps
    blocks = [
        i for i, s in enumerate(steps) if s.kind == StepKind.BLOCK and s.section == "exercise"
    ]
    return max(blocks, key=lambda i: len(steps[i].html))


def test_a_long_block_is_never_shrunk_below_the_projectors_body_size(present):
    p = present()
    for i, step in enumerate(p.controller.presentation.steps):
        if step.kind == StepKind.BLOCK and not step.image:
            p.controller.go(i)
            sizes = [label.font().pixelSize() for label in p.audience.findChildren(RichLabel)]
            assert sizes and min(sizes) >= BODY_PX, step.title


def test_next_pages_through_a_long_block_before_the_next_step(present, qtbot):
    p = present()
    c = p.controller
    c.go(tallest_block(p))
    bar = p.audience.steps.pager.verticalScrollBar()
    assert bar.maximum() > 0
    start = c.index
    pages = 0
    while bar.value() < bar.maximum():
        qtbot.keyClick(p.audience, Qt.Key.Key_Right)
        pages += 1
        assert c.index == start  # the same step, further down
        assert pages < 20
    assert pages >= 1
    qtbot.keyClick(p.audience, Qt.Key.Key_PageUp)
    assert c.index == start and bar.value() < bar.maximum()  # back up a page
    while bar.value() < bar.maximum():
        qtbot.keyClick(p.audience, Qt.Key.Key_Space)
    qtbot.keyClick(p.audience, Qt.Key.Key_Space)
    assert c.index == start + 1  # past the end of the block: the next step


def test_a_block_that_fits_is_not_paged(present, qtbot):
    p = present()
    c = p.controller
    c.go(c.presentation.first_step("why"))
    assert p.audience.steps.pager is None
    qtbot.keyClick(p.audience, Qt.Key.Key_Right)
    assert c.index == c.presentation.first_step("why") + 1
