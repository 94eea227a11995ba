"""Images the reader rasterises: capped in pixels whatever the file declares, and only ever
read from the content tree (issue 20 #2, #8)."""

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from courseware_app.core.limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE
from courseware_app.ui.module_view import ModuleView
from tests.conftest import ROOT
from tests.ui.image_helpers import blue_pixels, blue_png

IMAGE = QTextDocument.ResourceType.ImageResource.value
HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="760" height="3000000">'
    b'<rect width="10" height="10"/></svg>'
)


def svg(body: str, width: int = 40, height: int = 40) -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{width}" height="{height}">{body}</svg>'
    ).encode()


@pytest.fixture
def content(tmp_path):
    (tmp_path / "content" / "modules" / "m").mkdir(parents=True)
    return tmp_path / "content"


@pytest.fixture
def view(qtbot, content):
    v = ModuleView(content)
    qtbot.addWidget(v)
    return v


def load(view, name):
    return view.loadResource(IMAGE, QUrl(f"asset:m/{name}"))


def refused(image: QImage | None) -> bool:
    return image is None or image.isNull()


def test_a_hostile_svg_renders_scaled_down_under_a_memory_cap(content):
    """760 x 3,000,000 declared: it used to allocate 9 GB (a segfault under a cap)."""
    (content / "modules" / "m" / "big.svg").write_bytes(HOSTILE_SVG)
    script = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from pathlib import Path
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QTextDocument
        from PySide6.QtWidgets import QApplication
        from courseware_app.ui.module_view import ModuleView
        app = QApplication([])
        view = ModuleView(Path({str(content)!r}))
        kind = QTextDocument.ResourceType.ImageResource.value
        image = view.loadResource(kind, QUrl("asset:m/big.svg"))
        print("SIZE", image.width(), image.height())
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    width, height = (int(n) for n in done.stdout.split("SIZE")[1].split())
    assert 0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE
    assert width * height <= MAX_IMAGE_PIXELS
    assert height > 100 * width  # scaled, not cropped or squashed


def test_a_tall_svg_is_scaled_to_the_side_limit(view, content):
    (content / "modules" / "m" / "tall.svg").write_bytes(svg("<rect/>", 700, 9000))
    image = load(view, "tall.svg")  # its size is in device pixels
    assert image.height() == MAX_IMAGE_SIDE
    assert image.width() == int(700 * MAX_IMAGE_SIDE / 9000)


def test_an_ordinary_svg_keeps_its_size(view, content):
    (content / "modules" / "m" / "d.svg").write_bytes(svg('<rect width="40" height="40"/>'))
    image = load(view, "d.svg")
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (int(40 * ratio), int(40 * ratio))


def test_an_oversize_raster_image_is_refused(view, content):
    blue_png(content / "modules" / "m" / "wide.png", MAX_IMAGE_SIDE + 1, 2)
    blue_png(content / "modules" / "m" / "fine.png", 30, 20)
    assert refused(load(view, "wide.png"))
    assert load(view, "fine.png").size().toTuple() == (30, 20)


def test_an_svg_disguised_as_a_png_is_not_rasterised_at_its_declared_size(view, content):
    (content / "modules" / "m" / "big.png").write_bytes(svg("<rect/>", 760, 90_000))
    assert refused(load(view, "big.png"))


@pytest.mark.parametrize(
    "href",
    ["{outside}", "file://{outside}", "../../../outside.png", "data:image/svg+xml;base64,PHN2Zz4="],
)
@pytest.mark.parametrize("attribute", ["xlink:href", "href"])
def test_an_svg_image_reference_outside_the_content_tree_is_not_drawn(
    view, content, tmp_path, monkeypatch, href, attribute
):
    outside = blue_png(tmp_path / "outside.png")
    monkeypatch.chdir(content / "modules" / "m")  # Qt resolves relative hrefs from here
    ref = href.format(outside=outside)
    body = f'<image {attribute}="{ref}" x="0" y="0" width="40" height="40"/>'
    (content / "modules" / "m" / "d.svg").write_bytes(svg(body))
    image = load(view, "d.svg")
    assert refused(image) or blue_pixels(image) == 0


def test_an_svg_with_an_embedded_raster_image_still_draws(view, content, tmp_path):
    import base64

    data = base64.b64encode(blue_png(tmp_path / "b.png").read_bytes()).decode()
    body = f'<image xlink:href="data:image/png;base64,{data}" width="40" height="40"/>'
    (content / "modules" / "m" / "d.svg").write_bytes(svg(body))
    assert blue_pixels(load(view, "d.svg")) > 0


def test_the_reader_never_reads_an_image_from_outside_the_content_tree(view, tmp_path, qtbot):
    """Raw HTML <img src="/abs/path"> passes the sanitiser: Qt read it from disk when the
    view's loader declined it."""
    outside = blue_png(tmp_path / "outside.png")
    view.resize(300, 200)
    view.show()
    view.show_page(f'<p>x<img src="{outside}" width="50" height="50"></p>', [])
    qtbot.waitExposed(view)
    assert blue_pixels(view.grab().toImage()) == 0


def test_a_symbolic_link_loop_or_a_nul_in_an_image_name_is_no_image(tmp_path):
    from PySide6.QtCore import QUrl

    from courseware_app.ui.images import asset_path

    modules = tmp_path / "modules" / "m1"
    modules.mkdir(parents=True)
    (modules / "loop.png").symlink_to(modules / "loop.png")
    assert asset_path(tmp_path, QUrl("asset:m1/loop.png")) is None
    assert asset_path(tmp_path, QUrl("asset:m1/a%00b.png")) is None
