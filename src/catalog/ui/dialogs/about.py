"""Help → About Catalog: version, this catalogue, its schema and every library's version.

The database is asked for its version off the UI thread (a server may be slow to
answer); the dialog shows at once and fills that line in. **Copy** puts the whole text
on the clipboard, for a bug report.
"""

from __future__ import annotations

from collections.abc import Callable

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from catalog import __version__
from catalog.domain.errors import CatalogError
from catalog.services.about import DatabaseInfo, database_info, library_versions
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

BLURB = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "A desktop catalogue for archival documents: partial and uncertain dates, "
    "name authorities and full-text search.",
)
LICENCE = QT_TRANSLATE_NOOP("AboutDialog", "Licensed under the GNU GPL, version 3 or later.")
ASKING = QT_TRANSLATE_NOOP("AboutDialog", "asking the database…")
NOT_KNOWN = QT_TRANSLATE_NOOP("AboutDialog", "not known")

# The rows the dialog itself names (the libraries' own names are not translated).
_ROW_NAMES = {
    "This catalogue": QT_TRANSLATE_NOOP("AboutDialog", "This catalogue"),
    "Database": QT_TRANSLATE_NOOP("AboutDialog", "Database"),
    "Schema": QT_TRANSLATE_NOOP("AboutDialog", "Schema"),
    "Sort order": QT_TRANSLATE_NOOP("AboutDialog", "Sort order"),
    "Platform": QT_TRANSLATE_NOOP("AboutDialog", "Platform"),  # one of library_versions()
}

Report = Callable[[BaseException, str], None]
"""Reports a bug (the window's BugReporter)."""


def _shown(text: str) -> str:
    """One of this module's marked texts, translated."""
    return QCoreApplication.translate("AboutDialog", text)


def _value(text: str, name: str, description: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleDescription(description)  # selectable: it takes the focus
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """The versions, one per line, and a Copy button.

    Attributes:
        rows: each line's value, in order, under its English name (the name shown is
            translated).
    """

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Catalog"))
        self.setAccessibleName(self.tr("About Catalog"))
        self.setAccessibleDescription(
            self.tr("The versions of Catalog, of this catalogue and of every library it uses")
        )
        heading = _value(f"Catalog {__version__}", "aboutHeading", self.tr("Catalog's version"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self._form = QFormLayout()
        self.rows: dict[str, QLabel] = {}
        self._names: dict[str, str] = {}
        self._add("This catalogue", location)
        self._add("Database", _shown(ASKING))
        self._add("Schema", _shown(ASKING))
        self._add("Sort order", _shown(ASKING))
        for name, version in library_versions():
            if name != "Catalog":
                self._add(name, version)
        self._add("Qt", qVersion())
        self._add("PySide6", PySide6.__version__)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close this window"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("aboutCopy")
        self.copy_button.setAccessibleName(self.tr("Copy"))
        self.copy_button.setAccessibleDescription(
            self.tr("Copy these versions to the clipboard, for a bug report")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(_value(_shown(BLURB), "aboutBlurb", self.tr("What Catalog is")))
        layout.addSpacing(8)
        layout.addLayout(self._form)
        layout.addSpacing(8)
        layout.addWidget(_value(_shown(LICENCE), "aboutLicence", self.tr("Catalog's licence")))
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _set(self, name: str, value: str) -> None:
        """Show a row's value (read out as its description too)."""
        self.rows[name].setText(value)
        self.rows[name].setAccessibleDescription(value)

    def _add(self, name: str, value: str) -> None:
        shown = _shown(_ROW_NAMES[name]) if name in _ROW_NAMES else name
        label = _value(value, f"about{name.replace(' ', '')}", value)
        label.setAccessibleName(shown)  # read as "Python", then its value
        self.rows[name] = label
        self._names[name] = shown
        self._form.addRow(f"{shown}:", label)

    def set_database(self, info: DatabaseInfo | None) -> None:
        """Show what the database said (None: it cannot be asked)."""
        not_known = _shown(NOT_KNOWN)
        self._set("Database", info.server if info else not_known)
        if info:
            schema = self.tr("{0}; this Catalog knows up to {1}").format(info.schema, info.known)
        else:
            schema = not_known
        self._set("Schema", schema)
        self._set("Sort order", info.sort_order if info else not_known)

    def set_database_error(self, error: str) -> None:
        """The database could not be asked (a lost connection)."""
        self._set("Database", f"{_shown(NOT_KNOWN)} ({error})")
        self._set("Schema", _shown(NOT_KNOWN))
        self._set("Sort order", _shown(NOT_KNOWN))

    def text(self) -> str:
        """Everything the dialog says, as plain text lines."""
        lines = [f"Catalog {__version__}"]
        lines += [f"{self._names[name]}: {label.text()}" for name, label in self.rows.items()]
        return "\n".join(lines)

    def copy(self) -> None:
        """Put :meth:`text` on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text())


def show_about(
    parent: QWidget | None, service: CatalogPort, runner: Runner, bugs: Report
) -> AboutDialog:
    """Open the About dialog (non-modal, deleted on close) and ask the database."""
    dialog = AboutDialog(service.location, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(info: DatabaseInfo | None) -> None:
        if isValid(dialog):  # not closed meanwhile
            dialog.set_database(info)

    def failed(error: BaseException) -> None:
        if not isinstance(error, CatalogError):
            doing = QCoreApplication.translate("AboutDialog", "asking the database for its version")
            bugs(error, doing)
        elif isValid(dialog):
            dialog.set_database_error(error_text(error))

    runner.read(lambda: database_info(service), done, failed)
    dialog.show()
    return dialog
