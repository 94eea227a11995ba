"""Reading comfort (issue 19): zoom scales diagrams and pictures, images and tables fit the page,
the text keeps a comfortable measure, and a diagram opens on its own, full screen."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from courseware_app.core.images import Fit, PixelSize, display_scale, svg_render_size
from courseware_app.core.loader import load_course
from courseware_app.core.render import module_page, wrap_page
from courseware_app.ui.module_view import MEASURE_CHARS, ModuleView
from tests.conftest import ROOT
from tests.ui.image_helpers import blue_png

IMAGE = QTextDocument.ResourceType.ImageResource.value
CONTENT = ROOT / "content"


def svg(width: int, height: int) -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
        f'<rect width="{width}" height="{height}" fill="#0000ff"/></svg>'
    ).encode()


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content" / "modules" / "m"
    folder.mkdir(parents=True)
    (folder / "d.svg").write_bytes(svg(300, 200))
    (folder / "wide.svg").write_bytes(svg(1200, 400))
    blue_png(folder / "p.png", 100, 50)
    return tmp_path / "content"


def base_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(11.0)
    return font


def make_view(qtbot, root, width=900, height=600):
    view = ModuleView(root)
    qtbot.addWidget(view)
    view.set_text_font(base_font(), zoom=1.0)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(view, body: str) -> None:
    view.show_page(wrap_page(body, "en"), [])
    view.document().size()  # lays the page out, which loads its images


def shown(view, name: str) -> QImage:
    """The image the page draws for ``asset:m/NAME``."""
    return view.document().resource(IMAGE, f"asset:m/{name}")


def logical_width(image: QImage) -> float:
    return image.deviceIndependentSize().width()


def zoom(view, factor: float) -> None:
    font = base_font()
    font.setPointSizeF(11.0 * factor)
    view.set_text_font(font, zoom=factor)


# ------------------------------------------------------------ sizes (core)


def test_an_image_is_shown_at_the_zoom_unless_the_column_is_narrower():
    assert display_scale(300, Fit(zoom=1.5, max_width=600)) == 1.5
    assert display_scale(500, Fit(zoom=1.5, max_width=600)) == pytest.approx(600 / 500)
    assert display_scale(0, Fit(zoom=2.0)) == 1.0


def test_an_svg_is_rasterised_at_its_zoomed_size_times_the_pixel_ratio():
    assert svg_render_size(300, 200, max_width=760, ratio=2.0, zoom=1.5) == PixelSize(900, 600)
    assert svg_render_size(300, 200, max_width=400, ratio=1.0, zoom=2.0) == PixelSize(400, 266)


# ------------------------------------------------------------ zoom


def test_zoom_draws_a_diagram_larger_and_sharp(qtbot, content):
    view = make_view(qtbot, content)
    show(view, '<p><img src="asset:m/d.svg"></p>')
    assert logical_width(shown(view, "d.svg")) == pytest.approx(300, abs=1)
    zoom(view, 1.5)
    view.document().size()
    image = shown(view, "d.svg")
    assert logical_width(image) == pytest.approx(450, abs=1)
    # rasterised at the size it is shown, never stretched from a smaller picture
    assert image.width() == pytest.approx(450 * view.devicePixelRatioF(), abs=1)


def test_zoom_scales_a_picture_with_the_text(qtbot, content):
    view = make_view(qtbot, content)
    show(view, '<p><img src="asset:m/p.png"></p>')
    zoom(view, 2.0)
    view.document().size()
    assert logical_width(shown(view, "p.png")) == pytest.approx(200, abs=1)
    zoom(view, 1.0)
    view.document().size()
    assert logical_width(shown(view, "p.png")) == pytest.approx(100, abs=1)


def test_an_image_is_drawn_once_per_size_not_on_every_paint(qtbot, content, monkeypatch):
    import courseware_app.ui.module_view as module_view

    calls = []
    real = module_view.content_image
    monkeypatch.setattr(
        module_view, "content_image", lambda *args: calls.append(args[2]) or real(*args)
    )
    view = make_view(qtbot, content)
    show(view, '<p><img src="asset:m/d.svg"></p>')
    for _ in range(3):
        view.grab()
    assert len([c for c in calls if "d.svg" in str(c)]) == 1


# ------------------------------------------------------------ fitting the page


def test_an_image_wider_than_the_page_is_drawn_at_the_page_width(qtbot, content):
    view = make_view(qtbot, content, width=600)
    show(view, '<p><img src="asset:m/wide.svg"></p>')
    assert logical_width(shown(view, "wide.svg")) <= view.column_width()
    assert not view.horizontalScrollBar().isVisible()
    before = logical_width(shown(view, "wide.svg"))
    view.resize(400, 600)  # narrower: drawn again at the new width once resizing pauses
    qtbot.waitUntil(lambda: logical_width(shown(view, "wide.svg")) < before - 100)
    image = shown(view, "wide.svg")
    assert logical_width(image) <= view.column_width()
    assert image.width() == pytest.approx(logical_width(image) * view.devicePixelRatioF(), abs=1)


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


PAGES = [("rm-02", "ru"), ("rm-02", "fr"), ("rm-05", "fr"), ("mt-01", "ru"), ("rm-06", "en")]


@pytest.mark.parametrize("module_id,lang", PAGES)
def test_images_and_tables_never_force_a_horizontal_scroll_bar_at_560_px(
    qtbot, course, module_id, lang
):
    """A 1024x768 window with the search dock open leaves the page about 560 px."""
    view = make_view(qtbot, CONTENT, width=560)
    view.show_page(module_page(course, module_id, lang)[0], [])
    qtbot.waitUntil(lambda: view.document().size().height() > 2000)
    assert view.document().size().width() <= view.viewport().width() + 2
    qtbot.wait(50)  # the scroll bar is decided once the page is laid out
    assert not view.horizontalScrollBar().isVisible()


# ------------------------------------------------------------ a comfortable measure


def line_lengths(view) -> list[int]:
    """Characters on each full line of the page's paragraphs (not a paragraph's last line)."""
    lengths = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        if QTextCursor(block).currentTable() is None:  # text, not a table's narrow cells
            lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    return sorted(lengths)


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
@pytest.mark.parametrize("factor", [1.0, 1.5])
def test_lines_keep_a_comfortable_length_at_1366_px(qtbot, course, lang, factor):
    """They ran to about 170 characters."""
    view = make_view(qtbot, CONTENT, width=1366, height=700)
    zoom(view, factor)
    view.show_page(module_page(course, "rm-02", lang)[0], [])
    lengths = line_lengths(view)
    longest = lengths[int(len(lengths) * 0.95)]  # a line of narrow letters may run longer
    assert 70 <= longest <= 95, lengths[-20:]
    margins = view.viewportMargins()
    assert margins.left() == margins.right() > 100  # centred, the page around it


def test_the_column_follows_resizing(qtbot, content):
    view = make_view(qtbot, content, width=1366)
    show(view, "<p>" + "word " * 400 + "</p>")
    wide = view.column_width()
    assert wide == pytest.approx(view.measure(), abs=2)
    view.resize(500, 600)
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 0)
    assert view.column_width() < wide
    assert MEASURE_CHARS == 80


# ------------------------------------------------------------ a diagram on its own


def image_point(view) -> QPoint:
    for y in range(0, view.viewport().height(), 10):
        for x in range(0, view.viewport().width(), 10):
            if view.image_at(QPoint(x, y)) == "asset:m/d.svg":
                return QPoint(x + 20, y + 20)
    raise AssertionError("no image on the page")


def test_clicking_a_diagram_opens_it_full_screen(qtbot, content):
    view = make_view(qtbot, content)
    show(view, '<p>Text</p><p><img src="asset:m/d.svg" alt="A diagram"></p>')
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=image_point(view))
    viewer = view.image_viewer
    assert viewer is not None
    qtbot.waitUntil(viewer.isVisible)
    assert viewer.isFullScreen()
    assert viewer.accessibleName() == "A diagram"
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())


def test_enter_on_a_focused_image_link_opens_it(qtbot, content):
    view = make_view(qtbot, content)
    show(view, '<p>Text</p><p><img src="asset:m/d.svg"></p>')
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)  # the images become links when the keyboard comes in
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().charFormat().anchorHref() == "image:asset:m/d.svg"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.image_viewer is not None and view.image_viewer.isVisible()
    view.image_viewer.close()


def test_the_context_menu_offers_the_image_full_screen(qtbot, content):
    view = make_view(qtbot, content)
    show(view, '<p>Text</p><p><img src="asset:m/d.svg"></p>')
    menu = view.context_menu(image_point(view))
    action = next(a for a in menu.actions() if a.objectName() == "viewImage")
    assert menu.actions()[0] is action
    action.trigger()
    assert view.image_viewer is not None and view.image_viewer.isVisible()
    view.image_viewer.close()
    assert not any(a.objectName() == "viewImage" for a in view.context_menu(QPoint(2, 2)).actions())


def test_an_image_outside_the_content_tree_does_not_open(qtbot, content):
    view = make_view(qtbot, content)
    assert view.open_image("asset:../../../etc/passwd") is None
    assert view.image_viewer is None


@pytest.fixture
def viewer(qtbot, content):
    from courseware_app.ui.image_viewer import ImageViewer

    v = ImageViewer.for_file(content / "modules" / "m" / "d.svg", "A diagram")
    qtbot.addWidget(v)
    v.resize(800, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_the_viewer_fits_the_picture_to_its_window(viewer):
    rect = viewer.shown_rect()
    assert rect.height() == pytest.approx(400)  # 300x200 fitted into 800x400
    assert rect.center().x() == pytest.approx(400)
    viewer.resize(300, 600)
    assert viewer.shown_rect().width() == pytest.approx(300)


def test_the_wheel_zooms_around_the_pointer_and_keys_zoom_and_fit(qtbot, viewer):
    from PySide6.QtGui import QWheelEvent

    point = QPointF(300, 100)
    before = viewer.shown_rect()
    inside = (point - before.topLeft()) / viewer.scale  # the picture's point under the pointer
    event = QWheelEvent(
        point, viewer.mapToGlobal(point), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(viewer, event)
    assert viewer.shown_rect().width() > before.width()
    assert viewer.shown_rect().topLeft() + inside * viewer.scale == QPointF(300, 100)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.shown_rect().width() < before.width()
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.shown_rect() == before


def test_dragging_and_arrow_keys_pan(qtbot, viewer):
    start = viewer.shown_rect().topLeft()
    qtbot.mousePress(viewer, Qt.MouseButton.LeftButton, pos=QPoint(400, 200))
    qtbot.mouseMove(viewer, QPoint(450, 230))
    qtbot.mouseRelease(viewer, Qt.MouseButton.LeftButton, pos=QPoint(450, 230))
    assert viewer.shown_rect().topLeft() == start + QPointF(50, 30)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.shown_rect().left() > start.x() + 50


def test_the_text_is_laid_out_in_the_column_even_when_only_the_margins_changed(make_window, qtbot):
    """QTextEdit lays text out again on a resize, not when its viewport's margins change (the
    shared laptop's title page at start-up kept the full width, clipped past the column)."""
    w = make_window()
    view = w.view
    view.document().setTextWidth(view.width())  # as left by a layout before the margins
    view._set_column()
    qtbot.waitUntil(lambda: abs(view.document().textWidth() - view.viewport().width()) <= 1)


def test_a_zoom_that_redraws_the_diagrams_above_keeps_the_section_in_view(make_window, qtbot):
    from courseware_app.core.history import Location

    w = make_window()
    w.resize(900, 420)
    w.reader.navigate(Location("alpha", "matrix"))  # below the diagram of the introduction
    view = w.view
    qtbot.waitUntil(lambda: view.current_section() == "matrix")
    for _step in range(4):
        w.zoom(1)  # the diagram above grows with the text
    qtbot.waitUntil(lambda: view.current_section() == "matrix", timeout=3000)
    assert w.reader.location == Location("alpha", "matrix")
