"""The Export dialog: format, records, what to include, columns, and the file.

Callers use :meth:`ExportDialog.ask`, which returns an :class:`ExportChoice` or None,
so tests can patch it; nothing outside this module touches the dialog's widgets. The
dialog opens on the choices of the last export (``ExportMemory``).

What to include depends on the format: notes, relations and variant names can be ticked
where the format can carry them (and are greyed out, saying why, where it cannot);
tabular formats (CSV, XLSX) show their columns instead, to tick and order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from catalog.services.transfer.export_options import EVERY_EXTRA, ExportOptions, Extra
from catalog.ui.dialogs.column_chooser import ColumnChooser
from catalog.ui.dialogs.export_choice import (
    FIRST_EXPORT,
    NO_COUNTS,
    ExportChoice,
    ExportFormat,
    ExportMemory,
    ExportScope,
    ScopeCounts,
)
from catalog.ui.palette import error_color
from catalog.ui.translation import QT_TRANSLATE_NOOP

__all__ = ["ExportChoice", "ExportDialog", "ExportFormat", "ExportScope", "ScopeCounts"]

DEFAULT_STEM = "catalog-export"

_EXTRA_TEXT = {
    Extra.NOTES: (
        QT_TRANSLATE_NOOP("ExportDialog", "&Notes"),
        QT_TRANSLATE_NOOP("ExportDialog", "the records' notes"),
    ),
    Extra.RELATIONS: (
        QT_TRANSLATE_NOOP("ExportDialog", "&Relations"),
        QT_TRANSLATE_NOOP("ExportDialog", "the links between records"),
    ),
    Extra.VARIANTS: (
        QT_TRANSLATE_NOOP("ExportDialog", "&Variant names"),
        QT_TRANSLATE_NOOP("ExportDialog", "every spelling of each linked name"),
    ),
}


def _shown(text: str) -> str:
    """One of this module's marked texts, translated."""
    return QCoreApplication.translate("ExportDialog", text)


class ExportDialog(QDialog):
    """Format, scope, options and file name for an export."""

    def __init__(
        self,
        parent: QWidget | None,
        formats: Sequence[ExportFormat],
        default_dir: Path,
        counts: ScopeCounts = NO_COUNTS,
        memory: ExportMemory = FIRST_EXPORT,
        scope: ExportScope | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export records"))
        self.setAccessibleName(self.tr("Export records"))
        self.setAccessibleDescription(
            self.tr("Choose the format, the records, what to include and the file to write")
        )
        self._formats = list(formats)
        self._memory = memory
        self._format = QComboBox()
        self._format.setObjectName("exportFormat")
        self._format.setAccessibleName(self.tr("Format"))
        self._format.setAccessibleDescription(self.tr("The kind of file to write"))
        for fmt in self._formats:
            self._format.addItem(f"{fmt.label} ({fmt.suffix})", fmt.name)
        self._scope_buttons = self._scope_choices(counts, scope)
        self._extras = self._extra_boxes(memory.extras)
        self._columns = ColumnChooser()
        self._columns.changed.connect(self._update_ok)
        self._bom = QCheckBox(self.tr("Start with a byte-order &mark (for older Excel)"))
        self._bom.setObjectName("exportBom")
        self._bom.setAccessibleDescription(
            self.tr("Older versions of Excel need it to read accented letters correctly")
        )
        self._bom.setChecked(memory.bom)
        self._reveal = QCheckBox(self.tr("&Show the file when the export is done"))
        self._reveal.setObjectName("exportReveal")
        self._reveal.setAccessibleDescription(
            self.tr("Open the folder holding the exported file once it is written")
        )
        self._reveal.setChecked(memory.reveal)
        first = self._first_format()
        folder = memory.folder if memory.folder and memory.folder.is_dir() else default_dir
        self._path = QLineEdit(str(Path(folder) / f"{DEFAULT_STEM}{first.suffix if first else ''}"))
        self._path.setObjectName("exportPath")
        self._path.setAccessibleName(self.tr("File to export to"))
        self._path.setAccessibleDescription(
            self.tr("The path of the file to write; Browse picks it in a file dialog")
        )
        self._problem = QLabel()
        self._problem.setObjectName("exportProblem")
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet(f"color: {error_color()};")
        self._problem.setAccessibleName(self.tr("Problem with the export"))
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Export"))
        self._ok.setObjectName("exportOk")
        self._ok.setAccessibleName(self.tr("Export"))
        self._ok.setAccessibleDescription(self.tr("Write the chosen records to the file"))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without exporting"))
        self._buttons.accepted.connect(self._check_and_accept)
        self._buttons.rejected.connect(self.reject)
        self._lay_out()
        self._previous_suffix = first.suffix if first else ""
        self._confirmed: Path | None = None
        if first is not None:
            self._format.setCurrentIndex(self._formats.index(first))
        self._format.currentIndexChanged.connect(self._on_format_changed)
        self._show_format_options()
        self.resize(600, self.sizeHint().height())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        formats: Sequence[ExportFormat],
        default_dir: Path,
        counts: ScopeCounts = NO_COUNTS,
        memory: ExportMemory = FIRST_EXPORT,
        scope: ExportScope | None = None,
    ) -> ExportChoice | None:
        """Ask for an export; None when the user cancels."""
        dialog = cls(parent, formats, default_dir, counts, memory, scope)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.choice()
            return None
        finally:
            dialog.deleteLater()

    def choice(self) -> ExportChoice | None:
        """The choice as the widgets show it; None while it is incomplete."""
        fmt = self._current()
        text = self._path.text().strip()
        checked = next((s for s, b in self._scope_buttons.items() if b.isChecked()), None)
        if fmt is None or not text or checked is None:
            return None
        if fmt.columns:
            options = ExportOptions(EVERY_EXTRA, self._columns.chosen(), self._bom.isChecked())
        else:
            ticked = frozenset(e for e, box in self._extras.items() if box.isChecked())
            options = ExportOptions(ticked | (EVERY_EXTRA - fmt.carries))
        path = Path(text).expanduser()
        return ExportChoice(fmt.name, checked, path, options, self._reveal.isChecked())

    # ------------------------------------------------------------------ building

    def _scope_choices(
        self, counts: ScopeCounts, scope: ExportScope | None
    ) -> dict[ExportScope, QRadioButton]:
        group = QButtonGroup(self)
        buttons: dict[ExportScope, QRadioButton] = {}
        for each, text, description, count in (
            (
                ExportScope.SELECTED,
                self.tr("Selected records ({0})"),
                self.tr("Export the records selected in the list"),
                counts.selected,
            ),
            (
                ExportScope.RESULTS,
                self.tr("Current search results ({0})"),
                self.tr("Export every record the current search finds"),
                counts.results,
            ),
            (
                ExportScope.ALL,
                self.tr("Whole catalogue ({0})"),
                self.tr("Export every record in the catalogue"),
                counts.total,
            ),
        ):
            button = QRadioButton(text.format(f"{count:,}"))
            button.setObjectName(f"scope_{each.value}")
            button.setAccessibleDescription(description)
            button.setEnabled(count > 0)
            group.addButton(button)
            buttons[each] = button
        if scope is not None and buttons[scope].isEnabled():
            preferred = scope
        elif counts.selected > 1:
            preferred = ExportScope.SELECTED
        elif counts.results:
            preferred = ExportScope.RESULTS
        else:
            preferred = ExportScope.ALL
        buttons[preferred].setChecked(True)
        return buttons

    def _extra_boxes(self, remembered: frozenset[Extra]) -> dict[Extra, QCheckBox]:
        # What the user wants included, kept while a format that cannot hold it is shown
        # (its box then shows unticked and greyed out).
        self._wanted = set(remembered)
        boxes: dict[Extra, QCheckBox] = {}
        for extra, (text, _what) in _EXTRA_TEXT.items():
            box = QCheckBox(_shown(text))
            box.setObjectName(f"include_{extra.value}")
            box.setChecked(extra in remembered)
            box.clicked.connect(lambda on, e=extra: self._want(e, on))
            boxes[extra] = box
        return boxes

    def _want(self, extra: Extra, wanted: bool) -> None:
        if wanted:
            self._wanted.add(extra)
        else:
            self._wanted.discard(extra)

    def _lay_out(self) -> None:
        scope_box = QVBoxLayout()
        for button in self._scope_buttons.values():
            scope_box.addWidget(button)
        self._include_row = QWidget()
        include = QHBoxLayout(self._include_row)
        include.setContentsMargins(0, 0, 0, 0)
        for box in self._extras.values():
            include.addWidget(box)
        include.addStretch(1)
        self._columns_row = QWidget()
        columns = QVBoxLayout(self._columns_row)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self._columns)
        columns.addWidget(self._bom)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("exportBrowse")
        browse.setAccessibleName(self.tr("Browse"))
        browse.setAccessibleDescription(self.tr("Choose the file to export to in a file dialog"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self._path, 1)
        path_row.addWidget(browse)
        self._form = QFormLayout()
        self._form.addRow(self.tr("&Format:"), self._format)
        self._form.addRow(self.tr("Records:"), scope_box)
        self._form.addRow(self.tr("Include:"), self._include_row)
        self._form.addRow(self.tr("Columns:"), self._columns_row)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self._path)
        self._form.addRow(file_label, path_row)
        self._form.addRow("", self._reveal)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._problem)
        layout.addWidget(self._buttons)

    def _first_format(self) -> ExportFormat | None:
        remembered = [f for f in self._formats if f.name == self._memory.format_name]
        offered = remembered or self._formats
        return offered[0] if offered else None

    def _current(self) -> ExportFormat | None:
        index = self._format.currentIndex()
        return self._formats[index] if 0 <= index < len(self._formats) else None

    # ------------------------------------------------------------------ reacting

    def _show_format_options(self) -> None:
        fmt = self._current()
        tabular = bool(fmt and fmt.columns)
        self._form.setRowVisible(self._include_row, not tabular)
        self._form.setRowVisible(self._columns_row, tabular)
        if fmt is None:
            self._update_ok()
            return
        if tabular:
            self._columns.set_columns(fmt.columns, self._memory.columns.get(fmt.name, ()))
            self._bom.setVisible(fmt.bom)
        for extra, box in self._extras.items():
            carried = extra in fmt.carries
            box.setEnabled(carried)
            box.setChecked(carried and extra in self._wanted)
            what = _shown(_EXTRA_TEXT[extra][1])
            box.setToolTip(
                self.tr("Include {0}").format(what)
                if carried
                else self.tr("{0} cannot hold {1}").format(fmt.label, what)
            )
        self._update_ok()
        self.adjustSize()

    def _on_format_changed(self, _index: int) -> None:
        fmt = self._current()
        if fmt is None:
            return
        path = Path(self._path.text().strip())
        if self._path.text().strip() and path.suffix == self._previous_suffix:
            self._path.setText(str(path.with_suffix(fmt.suffix)))
        self._previous_suffix = fmt.suffix
        self._show_format_options()

    def _update_ok(self) -> None:
        fmt = self._current()
        no_columns = bool(fmt and fmt.columns) and not self._columns.chosen()
        self._ok.setEnabled(fmt is not None and not no_columns)
        self._problem.setText(self.tr("Tick at least one column to export.") if no_columns else "")

    def _browse(self) -> None:
        start = self._path.text().strip() or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), start)
        if chosen:
            self._path.setText(chosen)

    def _check_and_accept(self) -> None:
        choice = self.choice()
        if choice is None:
            self._problem.setText(self.tr("Choose a file to export to."))
            return
        if choice.path.is_dir():
            self._problem.setText(self.tr("{0} is a folder; add a file name.").format(choice.path))
            return
        if not choice.path.parent.is_dir():
            self._problem.setText(
                self.tr("The folder {0} does not exist.").format(choice.path.parent)
            )
            return
        if choice.path.exists() and self._confirmed != choice.path:
            self._confirmed = choice.path
            self._problem.setText(
                self.tr("{0} already exists. Press Export again to replace it.").format(
                    choice.path.name
                )
            )
            return
        self.accept()
