"""The timeline pane: bars of the current result, its undated count, and the zoom.

It never searches by itself. Dragging across it offers a ``date:`` clause
(``range_chosen``); the window adds the clause to the search box, and the query that
comes back (``set_query``) is what the timeline shades, as the facets do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from catalog.domain.records import FacetValue
from catalog.ui.timeline.chart import BarChart
from catalog.ui.timeline.model import MONTH_WINDOW_YEARS, TimelineState, Zoom
from catalog.ui.translation import QT_TRANSLATE_NOOP

NAME = QT_TRANSLATE_NOOP("Timeline", "Timeline")
HELP = QT_TRANSLATE_NOOP(
    "Timeline",
    "Drag across the bars, or move with Left and Right (Shift to extend) and press Enter, "
    "to search those dates. Plus and minus, the mouse wheel or a double-click zoom between "
    "years and months; Page Up and Page Down move a year.",
)
HINT = QT_TRANSLATE_NOOP("Timeline", "drag across the bars to choose dates")
NO_RECORDS = QT_TRANSLATE_NOOP("Timeline", "No records")
NO_DATES = QT_TRANSLATE_NOOP("Timeline", "No dated records")
COUNTING = QT_TRANSLATE_NOOP("Timeline", "Counting dates…")


def _text(text: str) -> str:
    """One of the texts above in the interface's language."""
    return QCoreApplication.translate("Timeline", text)


class Timeline(QWidget):
    """A histogram of the current result by year or month, with its undated count.

    Signals:
        range_chosen(str): a ``date:`` clause to add to the query (``date:1955..1957``,
            ``date:1959-03..1959-07``, ``date:1959``).
    """

    range_chosen = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, month_window: int = MONTH_WINDOW_YEARS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.state = TimelineState(month_window)
        self.chart = BarChart(self.state)
        self.chart.setAccessibleName(_text(NAME))
        self.caption = self._label("timelineCaption")
        # A long caption is cut rather than widening the pane it sits in.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setAccessibleName(self.tr("Timeline span"))
        self.undated = self._label("timelineUndated")
        self.undated.setAccessibleName(self.tr("Undated records"))
        self.undated.setAccessibleDescription(self.tr("Records of this result without a date"))
        self.years_button = self._zoom_button(
            "timelineYears",
            self.tr("Years"),
            self.tr("Timeline by years"),
            self.tr("Show a bar for each year"),
        )
        self.months_button = self._zoom_button(
            "timelineMonths",
            self.tr("Months"),
            self.tr("Timeline by months"),
            self.tr("Show a bar for each month"),
        )
        self.years_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.years_button)
        group.addButton(self.months_button)
        buttons = QHBoxLayout()
        buttons.setSpacing(0)
        buttons.addWidget(self.years_button)
        buttons.addWidget(self.months_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.caption, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.chart, 1, 0)
        grid.addWidget(self.undated, 1, 1, Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.chart.range_chosen.connect(self.range_chosen)
        self.chart.changed.connect(self._update)
        self.years_button.clicked.connect(self.zoom_out)
        self.months_button.clicked.connect(self.zoom_in)
        self.setTabOrder(self.chart, self.years_button)
        self.setTabOrder(self.years_button, self.months_button)
        self._pending = False
        self._update()

    # ------------------------------------------------------------------ public

    def set_data(
        self,
        years: Sequence[FacetValue],
        months: Sequence[FacetValue],
        total: int,
        pending: bool = False,
    ) -> None:
        """Show a new result: its ``year`` and ``month`` facet values and its size.

        ``pending``: the result is large and its dates are still being counted.
        """
        self._pending = pending
        self.state.set_data(years, months, total)
        self._update()

    def set_query(self, text: str) -> None:
        """Shade the date range of the current query (none when it has none or is malformed)."""
        self.state.set_query(text)
        self._update()

    def zoom_in(self) -> bool:
        """Show months around the highlighted (or middle) year; True if the view changed."""
        changed = self.state.zoom_in()
        self._update()
        return changed

    def zoom_out(self) -> bool:
        """Show years again; True if the view changed."""
        changed = self.state.zoom_out()
        self._update()
        return changed

    @property
    def zoom(self) -> Zoom:
        """Whether the bars are years or months."""
        return self.state.zoom

    # ------------------------------------------------------------------ internals

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def _zoom_button(self, name: str, text: str, spoken: str, description: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolTip(description)
        button.setAccessibleName(spoken)
        button.setAccessibleDescription(description)
        return button

    def _update(self) -> None:
        state = self.state
        self.caption.setText(self._caption())
        has_records = state.total > 0 and not self._pending
        undated = self.tr("{0} undated").format(f"{state.undated:,}")
        self.undated.setText(undated if has_records else "")
        self.undated.setVisible(has_records)
        self.years_button.setChecked(state.zoom is Zoom.YEARS)
        self.months_button.setChecked(state.zoom is Zoom.MONTHS)
        self.months_button.setEnabled(state.can_zoom_in or state.zoom is Zoom.MONTHS)
        self.years_button.setEnabled(bool(state.bins) or state.zoom is Zoom.MONTHS)
        if self._pending:
            self.chart.placeholder = _text(COUNTING)
        else:
            self.chart.placeholder = _text(NO_RECORDS if state.total == 0 else NO_DATES)
        name = _text(NAME)
        current = "" if state.current is None else f", {state.bar_text(state.current)}"
        self.chart.setAccessibleName(f"{name}{current}")
        summary = _text(COUNTING) if self._pending else state.summary()
        self.chart.setAccessibleDescription(f"{summary} {_text(HELP)}")
        self.setAccessibleName(name)
        self.setAccessibleDescription(summary)
        self.chart.update()

    def _caption(self) -> str:
        state = self.state
        if self._pending or not state.bins:
            return _text(NAME)
        choosing = state.selection_text()
        if choosing:
            return self.tr("{0} — release to search").format(choosing)
        parts = [state.span_text()]
        if state.without_month:
            parts.append(self.tr("{0} without a single month").format(f"{state.without_month:,}"))
        if state.range is None:
            parts.append(_text(HINT))
        else:
            parts.append(self.tr("searching {0}").format(state.range.text()))
        return " · ".join(parts)
