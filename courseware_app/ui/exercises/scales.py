"""The grid's scale labels at a size each fits in: its longest word within its column."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

FLOOR_SHARE = 0.55  # a label is never made smaller than this share of the size asked for
MARGIN = 4  # pixels kept free beside a word


def pixel_sized(font: QFont, px: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(1, px))
    return sized


def fitting_px(label: QLabel, px: int, width: int) -> int:
    """``px``, or less until ``label``'s longest word fits in ``width`` pixels."""
    words = label.text().split() or [""]
    floor = max(1, round(px * FLOOR_SHARE))
    while px > floor:
        metrics = QFontMetrics(pixel_sized(label.font(), px))
        if max(metrics.horizontalAdvance(word) for word in words) <= width - MARGIN:
            break
        px -= 1
    return px


def fit_to_width(labels: list[QLabel], px: int, widths: list[int]) -> None:
    """All of ``labels`` at one size: ``px``, or less until each one's longest word fits in
    its width."""
    size = min(fitting_px(label, px, width) for label, width in zip(labels, widths, strict=True))
    for label in labels:
        label.setFont(pixel_sized(label.font(), size))
