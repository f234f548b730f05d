"""The mapping table: one row per source the file offers, each with the Catalog field it
fills (or "(ignore)") and, for list fields, the separator that splits a cell.

Rows are kept in a QTableWidget with a combo and a line edit in each row, so the whole
mapping is visible and editable at once, by mouse or keyboard.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from catalog.services.transfer.mapping import (
    DEFAULT_SEPARATOR,
    FIELDS,
    LIST_FIELDS,
    FieldMapping,
    Mapping,
)
from catalog.ui.translation import QT_TRANSLATE_NOOP

IGNORE = ""
"""The field data of "(ignore)"."""


FIELD_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("MappingTable", "Title"),
    "date": QT_TRANSLATE_NOOP("MappingTable", "Date"),
    "summary": QT_TRANSLATE_NOOP("MappingTable", "Summary"),
    "type": QT_TRANSLATE_NOOP("MappingTable", "Document type"),
    "classification": QT_TRANSLATE_NOOP("MappingTable", "Classification"),
    "archive": QT_TRANSLATE_NOOP("MappingTable", "Archive"),
    "source_ref": QT_TRANSLATE_NOOP("MappingTable", "Source reference"),
    "id": QT_TRANSLATE_NOOP("MappingTable", "Identifier (recognises re-imports)"),
    "languages": QT_TRANSLATE_NOOP("MappingTable", "Languages"),
    "collections": QT_TRANSLATE_NOOP("MappingTable", "Collections"),
    "authors": QT_TRANSLATE_NOOP("MappingTable", "Authors"),
    "recipients": QT_TRANSLATE_NOOP("MappingTable", "Recipients"),
    "people": QT_TRANSLATE_NOOP("MappingTable", "People mentioned"),
    "organisations": QT_TRANSLATE_NOOP("MappingTable", "Organisations"),
    "places": QT_TRANSLATE_NOOP("MappingTable", "Places"),
    "subjects": QT_TRANSLATE_NOOP("MappingTable", "Subjects"),
    "tags": QT_TRANSLATE_NOOP("MappingTable", "Tags"),
    "notes": QT_TRANSLATE_NOOP("MappingTable", "Notes"),
    "parent": QT_TRANSLATE_NOOP("MappingTable", "Part of (the parent's identifier)"),
}
"""Readable names of the Catalog fields (translated where shown)."""


def field_labels() -> dict[str, str]:
    """Readable names of the Catalog fields, translated."""
    return {
        field: QCoreApplication.translate("MappingTable", label)
        for field, label in FIELD_LABELS.items()
    }


class LineEdit(QLineEdit):
    """A line edit whose Enter applies the text (``editingFinished``) and stops there,
    rather than also pressing the dialog's default button (Import)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter finishes the edit; every other key as usual."""
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class MappingTable(QTableWidget):
    """Source → field rows.

    Signals:
        changed(): the user chose another field or separator.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("importMappingTable")
        self.setAccessibleName(self.tr("Column mapping"))
        self.setAccessibleDescription(
            self.tr(
                "One row per column of the file: the Catalog field it fills and, for list "
                "fields, the separator between values"
            )
        )
        self.setHorizontalHeaderLabels(
            [self.tr("In the file"), self.tr("Catalog field"), self.tr("Separator")]
        )
        self.horizontalHeader().setAccessibleName(self.tr("Column mapping"))
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Tab goes from the table through each row's chooser and separator, then on out
        # of the table (moving between cells instead, Tab could never leave it).
        self.setTabKeyNavigation(False)
        self._labels = field_labels()
        self._prefixes: dict[tuple[str, str], str] = {}
        self._separators: list[str] = []

    # ------------------------------------------------------------------ public

    def show_mapping(self, names: Sequence[str], mapping: Mapping) -> None:
        """One row per name, filled from the first field of ``mapping`` it feeds."""
        self._prefixes = {(f.source, f.field): f.prefix for f in mapping.fields if f.prefix}
        chosen: dict[str, FieldMapping] = {}
        for f in mapping.fields:
            chosen.setdefault(f.source, f)
        if list(names) != self.names():  # same names: update in place, keeping focus
            self.setRowCount(0)
            self.setRowCount(len(names))
            for row, name in enumerate(names):
                item = QTableWidgetItem(name)
                item.setToolTip(name)
                self.setItem(row, 0, item)
                self.setCellWidget(row, 1, self._field_combo(name))
                self.setCellWidget(row, 2, self._separator_edit(name))
            self._order_tabs()
        self._separators = []
        for row, name in enumerate(names):
            found = chosen.get(name)
            combo = self.field_combo(row)
            combo.setCurrentIndex(max(0, combo.findData(found.field if found else IGNORE)))
            separator = found.separator if found else ""
            self.separator_edit(row).setText(separator)
            self._separators.append(separator)
            self._sync_separator(row)

    def names(self) -> list[str]:
        """The sources listed, in file order."""
        return [self._name(row) for row in range(self.rowCount())]

    def fields(self) -> tuple[FieldMapping, ...]:
        """The mapping the rows make (ignored rows left out)."""
        out: list[FieldMapping] = []
        for row in range(self.rowCount()):
            target = self.field_combo(row).currentData()
            if not isinstance(target, str) or target == IGNORE:
                continue
            separator = self.separator_edit(row).text() if target in LIST_FIELDS else ""
            name = self._name(row)
            prefix = self._prefixes.get((name, target), "")
            out.append(FieldMapping(name, target, separator, prefix))
        return tuple(out)

    def row_of(self, name: str) -> int:
        """The row of a source (-1 when the file does not offer it)."""
        return self.names().index(name) if name in self.names() else -1

    def field_combo(self, row: int) -> QComboBox:
        """The field chooser of a row."""
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def separator_edit(self, row: int) -> QLineEdit:
        """The separator of a row (enabled for list fields only)."""
        widget = self.cellWidget(row, 2)
        assert isinstance(widget, QLineEdit)
        return widget

    # ------------------------------------------------------------------ private

    def _name(self, row: int) -> str:
        item = self.item(row, 0)
        return item.text() if item is not None else ""

    def _field_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"mappingField:{name}")
        combo.setAccessibleName(self.tr("Catalog field for {source}").format(source=name))
        combo.setAccessibleDescription(
            self.tr("The Catalog field this column fills, or (ignore) to leave it out")
        )
        combo.addItem(self.tr("(ignore)"), IGNORE)
        for target in FIELDS:
            combo.addItem(self._labels[target], target)
        combo.activated.connect(lambda _index, combo=combo: self._on_field(combo))
        return combo

    def _separator_edit(self, name: str) -> QLineEdit:
        edit = LineEdit()
        edit.setObjectName(f"mappingSeparator:{name}")
        edit.setAccessibleName(self.tr("Separator of the values in {source}").format(source=name))
        edit.setToolTip(self.tr("Splits a cell into several values (list fields only)"))
        edit.setMaxLength(10)
        edit.editingFinished.connect(lambda edit=edit: self._on_separator(edit))
        return edit

    def _order_tabs(self) -> None:
        previous: QWidget = self
        for row in range(self.rowCount()):
            for widget in (self.field_combo(row), self.separator_edit(row)):
                QWidget.setTabOrder(previous, widget)
                previous = widget

    def _row_of_widget(self, widget: QWidget, column: int) -> int:
        return next((r for r in range(self.rowCount()) if self.cellWidget(r, column) is widget), -1)

    def _sync_separator(self, row: int) -> None:
        edit = self.separator_edit(row)
        is_list = self.field_combo(row).currentData() in LIST_FIELDS
        edit.setEnabled(is_list)
        if is_list and not edit.text():
            edit.setText(DEFAULT_SEPARATOR)
            self._separators[row] = DEFAULT_SEPARATOR

    def _on_field(self, combo: QComboBox) -> None:
        row = self._row_of_widget(combo, 1)
        if row >= 0:
            self._sync_separator(row)
            self.changed.emit()

    def _on_separator(self, edit: QLineEdit) -> None:
        row = self._row_of_widget(edit, 2)
        if row >= 0 and edit.text() != self._separators[row]:
            self._separators[row] = edit.text()
            self.changed.emit()
