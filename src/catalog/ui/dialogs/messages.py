"""Every message box the window shows, and the only module that creates QMessageBox.

Boxes are window-modal but non-blocking (``open()``, deleted on close), so no nested
event loop runs while a job is delivering results and tests can find and close them.
Only :func:`fatal` blocks: it is shown before the window and its event loop exist.
All text is plain text: messages can quote record values and file names.
"""

from __future__ import annotations

import platform
import traceback
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog import __version__
from catalog.domain.errors import CatalogError
from catalog.logs import current_log_file

BUG_TITLE = "Something went wrong"
COPY_DETAILS = "Copy details"


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    details: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("catalogMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if informative:
        box.setInformativeText(informative)
        box.setTextFormat(Qt.TextFormat.PlainText)  # applies to the informative text too
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_error(parent: QWidget | None, title: str, error: CatalogError | str) -> QMessageBox:
    """Tell the user about an error they can act on (a bad file, a locked catalogue)."""
    box = _box(parent, QMessageBox.Icon.Warning, title, str(error))
    box.open()
    return box


def bug_details(error: BaseException) -> str:
    """What a bug report needs: versions, platform and the traceback."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return (
        f"Catalog {__version__}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}\n"
        f"{platform.platform()}\n\n{trace}"
    )


def show_bug(
    parent: QWidget | None, error: BaseException, doing: str = "", log_file: Path | None = None
) -> QMessageBox:
    """Report an unexpected exception: a short sentence, where the log is, the traceback
    as details, and **Copy details** to put them on the clipboard (the box stays open).

    ``log_file`` defaults to the file the program logs to now, if any.
    """
    what = f"Catalog could not finish {doing}." if doing else "Catalog hit an unexpected problem."
    log_file = log_file or current_log_file()
    where = f"\n\nThe log file {log_file} holds the details too." if log_file else ""
    details = bug_details(error)
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        BUG_TITLE,
        f"{BUG_TITLE}: {what}",
        "Your catalogue is unchanged by the step that failed, and you can carry on working. "
        f"Please report this problem with the details below.{where}",
        details,
    )
    copy = box.addButton(COPY_DETAILS, QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyDetailsButton")
    copy.clicked.disconnect()  # the box's own handler would close it
    copy.clicked.connect(lambda: _copy(details))
    box.setEscapeButton(QMessageBox.StandardButton.Ok)  # Esc and closing still work
    box.open()
    return box


def _copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def show_info(
    parent: QWidget | None, title: str, text: str, informative: str = "", details: str = ""
) -> QMessageBox:
    """An informative, non-blocking note (for example an import's warnings)."""
    box = _box(parent, QMessageBox.Icon.Information, title, text, informative, details)
    box.open()
    return box


def show_about(parent: QWidget | None, location: str) -> QMessageBox:
    """The About box."""
    return show_info(
        parent,
        "About Catalog",
        f"Catalog {__version__}",
        "A desktop catalogue for archival documents: partial and uncertain dates, "
        "name authorities and full-text search.\n\n"
        f"This catalogue: {location}\n\nLicensed under the GNU GPL, version 3 or later.",
    )


def fatal(title: str, text: str) -> None:
    """Show an error and wait until it is dismissed (before any window exists)."""
    box = _box(None, QMessageBox.Icon.Critical, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    box.exec()
