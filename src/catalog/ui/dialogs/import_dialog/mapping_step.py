"""The mapping step: how a file from another system becomes records.

Shown for the mapped formats (CSV and XLSX from other systems, JSON arrays of objects,
XML with one element per record). The user picks a field per source (or ignores it), a
separator for list fields, a preset (automatic, AtoM's ISAD(G) CSV template), the text
encoding of a CSV file and the record element of an XML file; mappings can be saved and
loaded again. Every change is announced through :attr:`MappingStep.changed` and the
dialog checks the file again with :meth:`MappingStep.mapping`, so the preview always
shows what the mapping makes of the file.

When the encoding of a CSV file cannot be detected with confidence the step says so and
nothing can be imported until the user chooses one.
"""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.errors import ImportFileError
from catalog.services.transfer.mapping import ATOM_ISAD_PRESET, Mapping, auto_mapping
from catalog.ui.dialogs.import_dialog import mapping_files
from catalog.ui.dialogs.import_dialog.mapped_check import MappedCheck
from catalog.ui.dialogs.import_dialog.mapping_table import LineEdit, MappingTable
from catalog.ui.dialogs.import_dialog.widgets import push_button
from catalog.ui.palette import error_color
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

ENCODINGS = (
    ("utf-8", QT_TRANSLATE_NOOP("MappingStep", "UTF-8")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("MappingStep", "UTF-8 with BOM")),
    ("utf-16", QT_TRANSLATE_NOOP("MappingStep", "UTF-16")),
    ("cp1252", QT_TRANSLATE_NOOP("MappingStep", "Windows Western (cp1252)")),
    ("cp1251", QT_TRANSLATE_NOOP("MappingStep", "Windows Cyrillic (cp1251)")),
    ("cp1250", QT_TRANSLATE_NOOP("MappingStep", "Windows Central European (cp1250)")),
    ("koi8-r", QT_TRANSLATE_NOOP("MappingStep", "KOI8-R (Cyrillic)")),
    ("iso8859-1", QT_TRANSLATE_NOOP("MappingStep", "ISO 8859-1 (Latin-1)")),
    ("iso8859-15", QT_TRANSLATE_NOOP("MappingStep", "ISO 8859-15 (Latin-9)")),
    ("mac-roman", QT_TRANSLATE_NOOP("MappingStep", "Mac Roman")),
)
"""Encodings offered for a CSV file: codec name, label (translated where shown)."""
AUTOMATIC, ATOM = "automatic", "atom-isad"


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


class MappingStep(QGroupBox):
    """Preset, load/save, encoding, record element and the mapping table.

    Signals:
        changed(): the user changed the mapping; check the file again with ``mapping()``.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Mapping: what each column of the file becomes"))
        self.setObjectName("importMapping")
        self._check: MappedCheck | None = None
        self._base = Mapping(())
        self._encoding: str | None = None  # chosen by the user (or a loaded mapping)
        self.directory = Path.home()

        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("importMappingPreset")
        self.preset_combo.setAccessibleName(self.tr("Mapping preset"))
        self.preset_combo.setAccessibleDescription(
            self.tr("Start the mapping from the column names or from a known template")
        )
        self.preset_combo.addItem(self.tr("Automatic (from the names)"), AUTOMATIC)
        self.preset_combo.addItem(self.tr("AtoM ISAD(G) CSV"), ATOM)
        self.preset_combo.activated.connect(self._on_preset)
        self.load_button = push_button(
            "importMappingLoad",
            self.tr("&Load Mapping…"),
            self._load,
            self.tr("Use a mapping saved earlier to a file"),
        )
        self.save_button = push_button(
            "importMappingSave",
            self.tr("Sa&ve Mapping…"),
            self._save,
            self.tr("Save this mapping to a file to use it again"),
        )
        presets = QHBoxLayout()
        presets.addWidget(self.preset_combo, 1)
        presets.addWidget(self.load_button)
        presets.addWidget(self.save_button)

        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("importEncoding")
        self.encoding_combo.setAccessibleName(self.tr("Text encoding of the file"))
        self.encoding_combo.setAccessibleDescription(
            self.tr(
                "How the characters of the CSV file are encoded; check the names read correctly"
            )
        )
        for name, label in ENCODINGS:
            self.encoding_combo.addItem(
                QCoreApplication.translate("MappingStep", label), _codec(name)
            )
        self.encoding_combo.activated.connect(self._on_encoding)
        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding_label.setBuddy(self.encoding_combo)
        self.record_edit = LineEdit()
        self.record_edit.setObjectName("importRecordElement")
        self.record_edit.setAccessibleName(self.tr("Element holding one record"))
        self.record_edit.setAccessibleDescription(
            self.tr("The XML element that holds each record; press Enter to check the file again")
        )
        self.record_edit.editingFinished.connect(self._on_record_element)
        self.record_label = QLabel(self.tr("&Record element:"))
        self.record_label.setBuddy(self.record_edit)
        self.status = QLabel()
        self.status.setObjectName("importMappingStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {error_color()};")

        self.table = MappingTable()
        self.table.changed.connect(self._on_table)
        preset_label = QLabel(self.tr("Pre&set:"))
        preset_label.setBuddy(self.preset_combo)
        form = QFormLayout()
        form.addRow(preset_label, presets)
        form.addRow(self.encoding_label, self.encoding_combo)
        form.addRow(self.record_label, self.record_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    # ------------------------------------------------------------------ public

    def reset(self) -> None:
        """A new file: nothing chosen yet, automatic mapping."""
        self._check, self._base, self._encoding = None, Mapping(()), None
        self.preset_combo.setCurrentIndex(0)
        self.record_edit.clear()
        self.table.setRowCount(0)

    def show_check(self, check: MappedCheck) -> None:
        """Show what the file offers and how the mapping reads it."""
        self._check, self._base = check, check.mapping
        source = check.source
        shown_rows: list[tuple[QWidget, bool]] = [
            (self.encoding_label, source.kind == "csv"),
            (self.encoding_combo, source.kind == "csv"),
            (self.record_label, source.kind == "xml"),
            (self.record_edit, source.kind == "xml"),
        ]
        for widget, visible in shown_rows:
            widget.setVisible(visible)
        self.record_edit.setText(source.record_path or "")
        detection = source.detection
        shown = self._encoding or (detection.encoding if detection and detection.confident else "")
        index = self.encoding_combo.findData(_codec(shown)) if shown else -1
        if shown and index < 0:
            self.encoding_combo.addItem(shown, _codec(shown))
            index = self.encoding_combo.count() - 1
        self.encoding_combo.setCurrentIndex(index)
        self.table.show_mapping(source.names, check.mapping)
        self.status.setText(self._status(check))

    def mapping(self) -> Mapping:
        """The mapping as the user set it up; sources the file does not offer (or not
        under the encoding tried last) are kept from the mapping shown."""
        listed = set(self.table.names())
        kept = tuple(f for f in self._base.fields if f.source not in listed)
        return replace(
            self._base,
            fields=self.table.fields() + kept,
            encoding=self._encoding,
            record_path=self.record_edit.text().strip() or None,
            auto=False,
        )

    def encoding_missing(self) -> bool:
        """True while a CSV file's encoding is unsure and the user has not chosen one."""
        return self._check is not None and self._check.needs_encoding

    # ------------------------------------------------------------------ private

    def _status(self, check: MappedCheck) -> str:
        detection = check.source.detection
        if check.needs_encoding and detection is not None:
            return self.tr(
                "Catalog cannot tell the text encoding of this file for sure (best guess: "
                "{guess}). Choose the encoding above; check that the names read correctly."
            ).format(guess=detection.encoding)
        if check.needs_title:
            return self.tr("Map a column to the Title to import this file.")
        return check.error

    def _on_preset(self, _index: int) -> None:
        names = self.table.names()
        atom = self.preset_combo.currentData() == ATOM
        base = ATOM_ISAD_PRESET if atom else auto_mapping(names)
        self._base = base
        self.table.show_mapping(names, base)
        self.changed.emit()

    def _on_encoding(self, _index: int) -> None:
        chosen = self.encoding_combo.currentData()
        if isinstance(chosen, str) and chosen != self._encoding:
            self._encoding = chosen
            self.changed.emit()

    def _on_record_element(self) -> None:
        source = self._check.source if self._check else None
        if source is not None and (self.record_edit.text().strip() or None) != source.record_path:
            self.changed.emit()

    def _on_table(self) -> None:
        self.changed.emit()

    def _load(self) -> None:
        path = mapping_files.ask_open_mapping(self, self.directory)
        if path is None:
            return
        try:
            loaded = Mapping.load(path)
        except ImportFileError as error:
            self.status.setText(error_text(error))
            return
        self.directory = path.parent
        self._base, self._encoding = loaded, loaded.encoding or self._encoding
        if loaded.record_path:
            self.record_edit.setText(loaded.record_path)
        self.preset_combo.setCurrentIndex(-1)
        self.table.show_mapping(self.table.names(), loaded)
        self.changed.emit()

    def _save(self) -> None:
        path = mapping_files.ask_save_mapping(self, self.directory / "mapping.json")
        if path is None:
            return
        try:
            self.mapping().save(path)
        except OSError as error:
            self.status.setText(
                self.tr("The mapping could not be saved: {error}").format(error=error.strerror)
            )
            return
        self.directory = path.parent
        self.status.setText(self.tr("Mapping saved to {file}.").format(file=path.name))
