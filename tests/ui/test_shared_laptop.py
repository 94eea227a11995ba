"""A shared laptop: nobody's place shown to the next person, preferences per profile, resuming at
the start of the section read last, and no blank band below a diagram."""

from PySide6.QtWidgets import QApplication

from courseware_app.core.history import Location


def image_block_and_next(view):
    """The first block holding only an image, and the block after it."""
    block = view.document().begin()
    while block.isValid():
        if block.text() == "\ufffc":
            return block, block.next()
        block = block.next()
    raise AssertionError("no image block on the page")


def test_a_diagram_is_followed_by_the_next_block_without_a_blank_band(make_window, qtbot):
    w = make_window()
    w.resize(1024, 768)
    w.reader.navigate(Location("alpha", "intro"))
    QApplication.processEvents()
    view = w.view
    image, after = image_block_and_next(view)
    layout = view.document().documentLayout()
    qtbot.waitUntil(
        lambda: layout.blockBoundingRect(image).height() >= 60
    )  # the SVG (200 x 60), drawn
    drawn = image.layout().lineAt(0).height()
    box = layout.blockBoundingRect(image)
    assert abs(box.height() - drawn) < 1  # the line is as high as the image, no more
    margins = image.blockFormat().bottomMargin() + after.blockFormat().topMargin()
    gap = layout.blockBoundingRect(after).top() - (box.top() + drawn)
    assert 0 <= gap <= margins + 1
