"""Text and focus indication meet WCAG 2.2 AA in the light and the dark palette.

Text (1.4.3): 4.5:1 against every background it is drawn on. Focus indication and
other graphics (1.4.11): 3:1 against the colours next to them. Disabled text is exempt
from WCAG; the palettes keep it at 3:1 all the same, so a greyed-out choice can be read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from catalog.ui.contrast import NON_TEXT_AA, TEXT_AA, contrast_ratio, relative_luminance
from catalog.ui.detail_pane.document import HIGHLIGHT_BACKGROUND, HIGHLIGHT_FOREGROUND
from catalog.ui.palette import (
    FOCUS_FRAMES,
    Theme,
    apply_theme,
    error_color,
    show_focus_frames,
    theme_palette,
)

R = QPalette.ColorRole
THEMES = [Theme.LIGHT, Theme.DARK]

TEXT_ON = {
    R.WindowText: (R.Window, R.Button, R.AlternateBase),
    R.Text: (R.Base, R.AlternateBase, R.Window),
    R.ButtonText: (R.Button, R.Window),
    R.HighlightedText: (R.Highlight,),
    R.ToolTipText: (R.ToolTipBase,),
    R.PlaceholderText: (R.Base, R.AlternateBase, R.Window),
    R.Link: (R.Base, R.AlternateBase, R.Window),
    R.LinkVisited: (R.Base, R.AlternateBase, R.Window),
}
"""Each text role and the backgrounds it is drawn on: labels on the window, text in
fields and lists (and the alternate rows), button labels, selected rows, tooltips,
placeholders (also the detail pane's "none", the list's and the timeline's captions),
and links in the detail pane and the user guide."""

FOCUS_BESIDE = (R.Window, R.Base, R.AlternateBase, R.Button)
"""What a focus outline or a selected row is drawn next to."""


def colour(palette: QPalette, role: QPalette.ColorRole) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, role)


def test_the_contrast_ratio_follows_wcag() -> None:
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # Known values: #767676 is the lightest grey that passes AA on white; #777777 fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < TEXT_AA
    assert contrast_ratio("#0000ff", "#ffffff") == pytest.approx(8.59, abs=0.01)


def ratios(theme: Theme) -> dict[str, float]:
    """Every pair the palette must keep apart, with its contrast ratio."""
    palette = theme_palette(theme)
    found = {}
    for text, backgrounds in TEXT_ON.items():
        for background in backgrounds:
            found[f"{text.name} on {background.name}"] = contrast_ratio(
                colour(palette, text), colour(palette, background)
            )
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_text_reads_at_aa(qapp: QApplication, theme: Theme) -> None:
    low = {pair: round(r, 2) for pair, r in ratios(theme).items() if r < TEXT_AA}
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_focus_and_selection_stand_out(qapp: QApplication, theme: Theme) -> None:
    palette = theme_palette(theme)
    highlight = colour(palette, R.Highlight)
    low = {
        beside.name: round(contrast_ratio(highlight, colour(palette, beside)), 2)
        for beside in FOCUS_BESIDE
        if contrast_ratio(highlight, colour(palette, beside)) < NON_TEXT_AA
    }
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_disabled_text_stays_legible(qapp: QApplication, theme: Theme) -> None:
    """Not a WCAG requirement (inactive controls are exempt): 3:1 all the same."""
    palette = theme_palette(theme)
    disabled = QPalette.ColorGroup.Disabled
    low = {
        f"{text.name} on {background.name}": round(r, 2)
        for text in (R.WindowText, R.Text, R.ButtonText)
        for background in TEXT_ON[text]
        if (r := contrast_ratio(palette.color(disabled, text), palette.color(disabled, background)))
        < NON_TEXT_AA
    }
    assert low == {}
    for text in (R.WindowText, R.Text, R.ButtonText):  # and it looks disabled
        assert palette.color(disabled, text) != colour(palette, text)


@pytest.mark.parametrize("theme", THEMES)
def test_error_text_reads_at_aa(qapp: QApplication, theme: Theme) -> None:
    palette = theme_palette(theme)
    red = error_color(palette)
    for background in (R.Window, R.Base, R.AlternateBase):
        assert contrast_ratio(red, colour(palette, background)) >= TEXT_AA, background.name


def test_search_hits_read_at_aa() -> None:
    """The detail pane marks search hits black on yellow, whatever the palette."""
    assert contrast_ratio(HIGHLIGHT_FOREGROUND, HIGHLIGHT_BACKGROUND) >= TEXT_AA


# ---------------------------------------------------------------------- focus, as drawn


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """Leave the application's palette and style sheet as they were."""
    sheet = qapp.styleSheet()
    yield
    apply_theme(Theme.SYSTEM)
    qapp.setStyleSheet(sheet)


@pytest.mark.usefixtures("themed")
@pytest.mark.parametrize("theme", [Theme.SYSTEM, *THEMES])
def test_every_theme_gets_the_focus_frames_once(qapp: QApplication, theme: Theme) -> None:
    apply_theme(theme)
    apply_theme(theme)
    assert qapp.styleSheet().count(FOCUS_FRAMES) == 1


def _focusable() -> dict[str, QWidget]:
    """One of each kind of control the window and its dialogs let the keyboard reach."""
    tree = QTreeView()
    model = QStandardItemModel(tree)
    for text in ("Cable", "Letter", "Report"):
        model.appendRow([QStandardItem(text), QStandardItem("3")])
    tree.setModel(model)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # as the facets
    tree.setCurrentIndex(model.index(1, 0))
    table = QTableWidget(3, 2)
    table.setCurrentCell(1, 0)
    tool = QToolButton()
    tool.setText("Copy citation")
    tool.setAutoRaise(True)  # as the detail pane's buttons
    tool.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo = QComboBox()
    combo.addItems(["CSV", "JSON"])
    browser = QTextBrowser()
    browser.setPlainText("A record")
    return {
        "line edit": QLineEdit("text"),
        "push button": QPushButton("Export"),
        "check box": QCheckBox("Notes"),
        "radio button": QRadioButton("Whole catalogue"),
        "combo box": combo,
        "spin box": QSpinBox(),
        "tree without selection": tree,
        "table": table,
        "auto-raised tool button": tool,
        "text browser": browser,
        "plain text edit": QPlainTextEdit("A note"),
    }


def _indicator_pixels(focused: QImage, unfocused: QImage, beside: list[QColor]) -> int:
    """Pixels that focus changed to a colour at 3:1 or more from every colour beside."""
    count = 0
    for y in range(focused.height()):
        for x in range(focused.width()):
            shown = focused.pixelColor(x, y)
            if shown != unfocused.pixelColor(x, y) and all(
                contrast_ratio(shown, other) >= NON_TEXT_AA for other in beside
            ):
                count += 1
    return count


@pytest.mark.usefixtures("themed")
@pytest.mark.parametrize("theme", THEMES)
def test_keyboard_focus_is_drawn_at_3_to_1(qtbot: QtBot, qapp: QApplication, theme: Theme) -> None:
    """Each kind of control, given the focus from the keyboard, is drawn with an outline
    (at least as long as its width and height together) that stands out at 3:1 from the
    window and the field backgrounds it sits between."""
    palette = theme_palette(theme)
    QApplication.setPalette(palette)
    show_focus_frames(qapp)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    controls = _focusable()
    for control in controls.values():
        layout.addWidget(control)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    beside = [colour(palette, R.Window), colour(palette, R.Base)]
    faint = {}
    for name, control in controls.items():
        control.setFocus(Qt.FocusReason.TabFocusReason)
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # as Tab does
        qtbot.waitUntil(control.hasFocus)
        focused = control.grab().toImage()
        control.clearFocus()
        unfocused = control.grab().toImage()
        drawn = _indicator_pixels(focused, unfocused, beside)
        if drawn < control.width() + control.height():
            faint[name] = drawn
    assert faint == {}
