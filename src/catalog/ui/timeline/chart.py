"""The painted bars: one QPainter pass per repaint, no widget per bar.

A thousand bars cost a thousand rectangles handed to ``drawRects`` in two batches;
everything about what they mean is asked of :class:`TimelineState`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from catalog.ui.timeline.geometry import BarLayout, axis_labels, bar_layout
from catalog.ui.timeline.model import TimelineState

WHEEL_STEP = 120  # one notch of a mouse wheel, in eighths of a degree
_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageUp: -12,
    Qt.Key.Key_PageDown: 12,
}

_OWN_KEYS = {
    *_MOVES,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Equal,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Underscore,
}


def _tinted(color: QColor, alpha: float) -> QColor:
    return QColor(color.red(), color.green(), color.blue(), round(alpha * 255))


def _columns(layout: BarLayout, plot: QRectF, first: int, last: int) -> QRectF:
    """The full-height area of bars ``first`` to ``last``."""
    width = layout.bar_width * (last - first + 1)
    return QRectF(layout.bar_left(first), plot.top(), width, plot.height())


class BarChart(QWidget):
    """The histogram itself: paints the state, turns mouse and keys into state changes.

    Signals:
        range_chosen(str): a ``date:`` clause the user chose (drag, click or Enter).
        changed(): the highlight, selection or zoom changed (captions follow it).
    """

    range_chosen = Signal(str)
    changed = Signal()

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineBars")
        self.state = state
        self.placeholder = ""
        self.hovered: int | None = None
        self._dragging = False
        self._wheel = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        line = self.fontMetrics().height()
        self.setMinimumHeight(line * 3)
        self.setMinimumWidth(line * 8)

    # ------------------------------------------------------------------ geometry

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for short bars and a line of labels, in lines of text."""
        line = self.fontMetrics().height()
        return QSize(line * 30, line * 5)

    def plot_rect(self) -> QRectF:
        """The area the bars stand in (above the axis labels)."""
        line = self.fontMetrics().height()
        area = QRectF(self.contentsRect())
        return area.adjusted(line * 0.25, line * 0.25, -line * 0.25, -line * 1.25)

    def layout_bars(self) -> BarLayout | None:
        """Where the current bars are, or None when there are none."""
        if not self.state.bins:
            return None
        plot = self.plot_rect()
        widest = self.fontMetrics().height() * 2.5
        return bar_layout(plot.left(), plot.width(), len(self.state.bins), widest)

    def bar_rect(self, index: int) -> QRectF:
        """The full-height column of bar ``index`` (for hit tests and tooltips)."""
        layout = self.layout_bars()
        return QRectF() if layout is None else _columns(layout, self.plot_rect(), index, index)

    def bar_at(self, x: float, clamp: bool = False) -> int | None:
        """The bar under ``x``; with ``clamp`` the nearest bar when beside them."""
        layout = self.layout_bars()
        if layout is None or not (clamp or layout.contains(x)):
            return None
        return layout.index_at(x)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Range band, bars, selection, highlight and labels, all in one pass."""
        painter = QPainter(self)
        palette = self.palette()
        layout = self.layout_bars()
        if layout is None:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        plot = self.plot_rect()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        state = self.state
        if state.shaded is not None:
            painter.fillRect(_columns(layout, plot, *state.shaded), _tinted(highlight, 0.18))
        self._paint_bars(painter, layout, plot, text, highlight)
        if state.anchor is not None and state.selection is not None:
            painter.fillRect(_columns(layout, plot, *state.selection), _tinted(highlight, 0.35))
        line = max(1.0, self.fontMetrics().height() / 12)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), line))
        painter.drawLine(QPointF(layout.left, plot.bottom()), QPointF(layout.right, plot.bottom()))
        if state.current is not None and self.hasFocus():
            painter.setPen(QPen(text, line))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(_columns(layout, plot, state.current, state.current))
        self._paint_labels(painter, layout, plot)

    def _paint_bars(
        self, painter: QPainter, layout: BarLayout, plot: QRectF, text: QColor, highlight: QColor
    ) -> None:
        bins = self.state.bins
        tallest = max((b.count for b in bins), default=0) or 1
        scale = plot.height() / tallest
        gap = layout.bar_width * 0.15 if layout.bar_width * 4 > self.fontMetrics().height() else 0
        first, last = self.state.shaded or (-1, -2)
        plain: list[QRectF] = []
        inside: list[QRectF] = []
        for index, b in enumerate(bins):
            if b.count:
                height = max(b.count * scale, 1.0)
                x = layout.bar_left(index) + gap / 2
                rect = QRectF(x, plot.bottom() - height, layout.bar_width - gap, height)
                (inside if first <= index <= last else plain).append(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tinted(text, 0.5))
        painter.drawRects(plain)
        painter.setBrush(highlight)
        painter.drawRects(inside)
        if self.hovered is not None and self.hovered < len(bins):
            hovered = _columns(layout, plot, self.hovered, self.hovered)
            painter.fillRect(hovered, _tinted(text, 0.12))

    def _paint_labels(self, painter: QPainter, layout: BarLayout, plot: QRectF) -> None:
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance("-00000") + metrics.averageCharWidth()
        painter.setPen(self.palette().placeholderText().color())
        for index, label in axis_labels(self.state.bins, layout.bar_width, width):
            x = layout.bar_left(index)
            if x + metrics.horizontalAdvance(label) > self.contentsRect().right() + 1:
                continue
            painter.drawText(
                QPointF(x, plot.bottom() + metrics.ascent() + metrics.height() * 0.15), label
            )

    # ------------------------------------------------------------------ mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start choosing a range at the bar under the pointer."""
        index = self.bar_at(event.position().x())
        if event.button() != Qt.MouseButton.LeftButton or index is None:
            super().mousePressEvent(event)
            return
        self._dragging = True
        self.state.drag(index, index)
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Grow the range while dragging; otherwise follow the pointer with a hover mark."""
        x = event.position().x()
        if self._dragging and self.state.anchor is not None:
            index = self.bar_at(x, clamp=True)
            if index is not None and index != self.state.current:
                self.state.drag(self.state.anchor, index)
                self._changed()
            return
        hovered = self.bar_at(x)
        if hovered != self.hovered:
            self.hovered = hovered
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Finish the range and ask for it (a click chooses its own bar)."""
        if event.button() != Qt.MouseButton.LeftButton or not self._dragging:
            super().mouseReleaseEvent(event)
            return
        self._dragging = False
        self._choose()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Zoom into the months around the year double-clicked."""
        index = self.bar_at(event.position().x())
        if index is not None and self.state.zoom_in(index):
            self._changed()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Wheel up zooms in at the pointer, down zooms out; sideways scrolls the months."""
        delta = event.angleDelta()
        sideways = delta.x() or (
            delta.y() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0
        )
        self._wheel += sideways or delta.y()  # fine-grained touchpads send parts of a notch
        notches = int(self._wheel / WHEEL_STEP)
        self._wheel -= notches * WHEEL_STEP
        if not notches:
            event.accept()
            return
        if sideways:
            moved = self.state.scroll(-notches)
        elif notches > 0:
            moved = self.state.zoom_in(self.bar_at(event.position().x()))
        else:
            moved = self.state.zoom_out()
        if moved:
            self._changed()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        """Drop the hover mark when the pointer leaves."""
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tooltips name the bar under the pointer; the bars' keys win over window shortcuts."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._owns(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                tip = self.state.bar_text(index)
                QToolTip.showText(event.globalPos(), tip, self, self.bar_rect(index).toRect())
            return True
        return super().event(event)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrows move (Shift extends), Enter chooses, + and − zoom, Esc drops a selection."""
        key = Qt.Key(event.key())
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        state = self.state
        if key in _MOVES and state.bins:
            state.move(_MOVES[key], extend)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and state.bins:
            state.go_to(0 if key == Qt.Key.Key_Home else len(state.bins) - 1, extend)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and state.selection is not None:
            self._choose()
            return
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and state.can_zoom_in:
            state.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) and state.can_zoom_out:
            state.zoom_out()
        elif not (key == Qt.Key.Key_Escape and state.clear_selection()):
            super().keyPressEvent(event)
            return
        self._changed()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Arriving by keyboard highlights a bar, so there is something to move."""
        if self.state.current is None and event.reason() != Qt.FocusReason.MouseFocusReason:
            self.state.move(0)
            self.changed.emit()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """The highlight is drawn only while the bars have the focus."""
        self.update()
        super().focusOutEvent(event)

    # ------------------------------------------------------------------ internals

    def _owns(self, event: QKeyEvent) -> bool:
        """True for a key the bars act on now (Esc only while a selection is being made)."""
        if event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            return self.state.anchor is not None
        return bool(self.state.bins) and key in _OWN_KEYS

    def _choose(self) -> None:
        clause = self.state.clause()
        self.state.clear_selection()
        self._changed()
        if clause is not None:
            self.range_chosen.emit(clause)

    def _changed(self) -> None:
        self.update()
        self.changed.emit()
