"""WCAG 2.x colour contrast: relative luminance and contrast ratio.

The formulas are those of WCAG 2.2 (success criteria 1.4.3 and 1.4.11): each sRGB
channel is linearised, weighted into a relative luminance, and two luminances ``L1``
(the lighter) and ``L2`` give the ratio ``(L1 + 0.05) / (L2 + 0.05)``, from 1:1 to 21:1.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT_AA = 4.5
"""WCAG 1.4.3 (AA): normal-size text against its background."""
LARGE_TEXT_AA = 3.0
"""WCAG 1.4.3 (AA): large text (18 pt, or 14 pt bold) against its background."""
NON_TEXT_AA = 3.0
"""WCAG 1.4.11 (AA): focus indicators, control borders and other graphics."""


def _linear(channel: float) -> float:
    """An sRGB channel (0 to 1) as linear light."""
    if channel <= 0.04045:
        return channel / 12.92
    return float(((channel + 0.055) / 1.055) ** 2.4)


def relative_luminance(colour: QColor | str) -> float:
    """The colour's relative luminance: 0 for black, 1 for white (alpha is ignored)."""
    rgb = QColor(colour)
    red, green, blue = (_linear(c) for c in (rgb.redF(), rgb.greenF(), rgb.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """The contrast ratio of two colours, from 1.0 (the same) to 21.0 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
