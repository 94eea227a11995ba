"""Images for the image tests: a blue picture, and a count of its pixels in what was drawn."""

from pathlib import Path

from PySide6.QtGui import QImage

BLUE = 0xFF0000FF


def blue_png(path: Path, width: int = 10, height: int = 10) -> Path:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(BLUE)
    assert image.save(str(path))
    return path


def blue_pixels(image: QImage) -> int:
    return sum(
        image.pixel(x, y) == BLUE for x in range(image.width()) for y in range(image.height())
    )
