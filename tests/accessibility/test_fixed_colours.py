"""Text colours fixed in the code (style sheets) read at AA on both palettes.

A colour written into a style sheet does not follow the theme: it has to read on the
light and on the dark palette's window and field backgrounds alike (or be chosen per
theme, as :func:`catalog.ui.palette.error_color` is).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

import catalog.ui
from catalog.ui.contrast import TEXT_AA, contrast_ratio
from catalog.ui.palette import Theme, theme_palette

UI = Path(catalog.ui.__file__).parent
TEXT_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")
BACKGROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base)


def fixed_text_colours() -> list[tuple[str, str]]:
    """(``module.py:line``, colour) of every literal text colour in a style sheet."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            for match in TEXT_COLOUR.finditer(line):
                found.append((f"{path.relative_to(UI.parents[1])}:{number}", match.group(1)))
    return found


def test_the_scan_finds_style_sheet_colours() -> None:
    assert TEXT_COLOUR.search('label.setStyleSheet("color: #a15c00;")')
    assert not TEXT_COLOUR.search('setStyleSheet("background-color: #ffffff;")')


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_fixed_text_colours_read_on_the_palette(qapp: QApplication, theme: Theme) -> None:
    palette = theme_palette(theme)
    low = [
        f"{where} {colour} on {role.name}: {ratio:.2f}"
        for where, colour in fixed_text_colours()
        for role in BACKGROUNDS
        if (ratio := contrast_ratio(colour, palette.color(role))) < TEXT_AA
    ]
    assert low == [], "\n".join(low)
