"""Edit → Preferences: name, export defaults, dates, language, backups and theme.

Callers use :meth:`PreferencesDialog.ask`, which returns the new
:class:`~catalog.ui.preferences.Preferences` or None, so tests of the window can patch it.
Saving and applying them is the caller's business.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalog.ui.palette import Theme
from catalog.ui.preferences import MAX_BACKUPS_KEEP, Preferences
from catalog.ui.record_list.columns import DateDisplay
from catalog.ui.translation import QT_TRANSLATE_NOOP

RESTART_NOTE = QT_TRANSLATE_NOOP(
    "PreferencesDialog", "The language takes effect the next time Catalog starts."
)
"""Marked only: shown with ``QCoreApplication.translate("PreferencesDialog", RESTART_NOTE)``
when the window cannot be rebuilt at once (long work is running)."""
LANGUAGE_NOTE = QT_TRANSLATE_NOOP(
    "PreferencesDialog", "The window reopens in the chosen language when you press OK."
)

DATE_CHOICES = (
    (DateDisplay.AS_WRITTEN, QT_TRANSLATE_NOOP("PreferencesDialog", "As written (October, 1959)")),
    (DateDisplay.ISO, QT_TRANSLATE_NOOP("PreferencesDialog", "ISO 8601 (1959-10)")),
)
THEME_CHOICES = (
    (Theme.SYSTEM, QT_TRANSLATE_NOOP("PreferencesDialog", "As the system")),
    (Theme.LIGHT, QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    (Theme.DARK, QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)


def _translated(items: Sequence[tuple[object, str]]) -> list[tuple[object, str]]:
    """A table of marked labels, in the interface's language."""
    return [(data, QCoreApplication.translate("PreferencesDialog", label)) for data, label in items]


def _combo(
    name: str, accessible: str, description: str, items: Sequence[tuple[object, str]]
) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setAccessibleDescription(description)
    for data, label in items:
        combo.addItem(label, data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


class PreferencesDialog(QDialog):
    """A form over :class:`Preferences`; OK returns the edited values."""

    def __init__(
        self,
        current: Preferences,
        formats: Sequence[tuple[str, str]],
        languages: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self.setAccessibleDescription(
            self.tr("Your name, export defaults, dates, language, backups and theme")
        )
        self._current = current
        self.name = QLineEdit(current.archivist_name)
        self.name.setObjectName("preferencesName")
        self.name.setPlaceholderText(getpass.getuser())
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setAccessibleDescription(
            self.tr("Signs your notes and your changes in the change log")
        )
        self.folder = QLineEdit(str(current.export_folder or ""))
        self.folder.setObjectName("preferencesExportFolder")
        self.folder.setPlaceholderText(self.tr("Your documents folder"))
        self.folder.setAccessibleName(self.tr("Default export folder"))
        self.folder.setAccessibleDescription(
            self.tr("The folder an export offers first; empty for your documents folder")
        )
        self.choose_folder = QPushButton(self.tr("C&hoose…"))
        self.choose_folder.setObjectName("preferencesChooseFolder")
        self.choose_folder.setAccessibleName(self.tr("Choose the default export folder"))
        self.choose_folder.setAccessibleDescription(
            self.tr("Pick the default export folder in a folder dialog")
        )
        self.choose_folder.clicked.connect(self._choose_folder)
        self.export_format = _combo(
            "preferencesExportFormat",
            self.tr("Default export format"),
            self.tr("The format an export offers first"),
            formats,
        )
        _select(self.export_format, current.export_format)
        self.dates = _combo(
            "preferencesDates",
            self.tr("Dates in the list"),
            self.tr("How the record list writes dates"),
            _translated(DATE_CHOICES),
        )
        _select(self.dates, current.date_display)
        known = dict(languages)
        if current.language not in known:  # a translation no longer shipped stays chosen
            known[current.language] = current.language
        self.language = _combo(
            "preferencesLanguage",
            self.tr("Language of the interface"),
            self.tr("The language of Catalog's menus and windows"),
            [*known.items()],
        )
        _select(self.language, current.language)
        self.restart_note = QLabel(QCoreApplication.translate("PreferencesDialog", LANGUAGE_NOTE))
        self.restart_note.setObjectName("preferencesRestartNote")
        self.restart_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.backups = QSpinBox()
        self.backups.setObjectName("preferencesBackups")
        self.backups.setRange(1, MAX_BACKUPS_KEEP)
        self.backups.setValue(current.backups_keep)
        self.backups.setAccessibleName(self.tr("Automatic backups to keep"))
        self.backups.setAccessibleDescription(
            self.tr("How many of the newest backups of a catalogue file are kept")
        )
        self.theme = _combo(
            "preferencesTheme",
            self.tr("Theme"),
            self.tr("Light or dark colours, or as the system has them"),
            _translated(THEME_CHOICES),
        )
        _select(self.theme, current.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button, name, description in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("OK"), self.tr("Keep these preferences")),
            (
                QDialogButtonBox.StandardButton.Cancel,
                self.tr("Cancel"),
                self.tr("Close without changing anything"),
            ),
        ):
            buttons.button(button).setAccessibleName(name)
            buttons.button(button).setAccessibleDescription(description)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        self._on_language_changed()

    def _layout(self, buttons: QDialogButtonBox) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        form = QFormLayout()
        rows: list[tuple[str, QWidget, QHBoxLayout | None]] = [
            (self.tr("Your &name:"), self.name, None),
            (self.tr("Export &folder:"), self.folder, folder_row),
            (self.tr("Export f&ormat:"), self.export_format, None),
            (self.tr("&Dates in the list:"), self.dates, None),
            (self.tr("&Language:"), self.language, None),
            (self.tr("&Backups to keep:"), self.backups, None),
            (self.tr("&Theme:"), self.theme, None),
        ]
        for text, field, row in rows:
            label = QLabel(text)
            label.setBuddy(field)  # the mnemonic moves the focus to the field
            if row is None:
                form.addRow(label, field)
            else:
                form.addRow(label, row)
            if field is self.language:
                form.addRow("", self.restart_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: Preferences,
        formats: Sequence[tuple[str, str]],
        languages: Sequence[tuple[str, str]],
    ) -> Preferences | None:
        """Show the preferences; the edited values, or None when cancelled."""
        dialog = cls(current, formats, languages, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def value(self) -> Preferences:
        """The preferences as the form shows them now."""
        folder = self.folder.text().strip()
        return Preferences(
            archivist_name=" ".join(self.name.text().split()),
            export_folder=Path(folder).expanduser() if folder else None,
            export_format=str(self.export_format.currentData() or ""),
            date_display=DateDisplay(self.dates.currentData()),
            language=str(self.language.currentData()),
            backups_keep=self.backups.value(),
            theme=Theme(self.theme.currentData()),
        )

    def _on_language_changed(self, _index: int = 0) -> None:
        self.restart_note.setVisible(self.language.currentData() != self._current.language)
        self.adjustSize()  # room for the note's lines (or none)

    def _choose_folder(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Default export folder"), start)
        if chosen:
            self.folder.setText(chosen)
