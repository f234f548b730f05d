"""Every message box the window shows, and the only module that creates QMessageBox.

Boxes are window-modal but non-blocking (``open()``, deleted on close), so no nested
event loop runs while a job is delivering results and tests can find and close them.
Only :func:`fatal` blocks: it is shown before the window and its event loop exist.
All text is plain text: messages can quote record values and file names. Titles and
texts given by callers arrive translated; this module translates its own.
"""

from __future__ import annotations

import platform
import traceback
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QTextEdit, QWidget

from catalog import __version__
from catalog.domain.errors import CatalogError
from catalog.logs import current_log_file
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

BUG_TITLE = QT_TRANSLATE_NOOP("Messages", "Something went wrong")
COPY_DETAILS = QT_TRANSLATE_NOOP("Messages", "Copy details")


def _tr(text: str) -> str:
    """One of this module's marked texts, translated."""
    return QCoreApplication.translate("Messages", text)


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
        _describe_details(box)
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setAccessibleDescription(QCoreApplication.translate("Messages", "Close this message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _describe_details(box: QMessageBox) -> None:
    """Name the details' text and the button that shows it (Qt adds both unnamed)."""
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole:
            button.setAccessibleDescription(
                QCoreApplication.translate("Messages", "Show or hide the details")
            )
    text = box.findChild(QTextEdit)
    if text is not None:
        text.setAccessibleName(QCoreApplication.translate("Messages", "Details"))
        text.setAccessibleDescription(
            QCoreApplication.translate("Messages", "Everything the message says, in full")
        )


def show_error(parent: QWidget | None, title: str, error: CatalogError | str) -> QMessageBox:
    """Tell the user about an error they can act on (a bad file, a locked catalogue)."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        title,
        error if isinstance(error, str) else error_text(error),
    )
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
    if doing:
        what = QCoreApplication.translate("Messages", "Catalog could not finish {0}.").format(doing)
    else:
        what = QCoreApplication.translate("Messages", "Catalog hit an unexpected problem.")
    log_file = log_file or current_log_file()
    where = (
        "\n\n"
        + QCoreApplication.translate("Messages", "The log file {0} holds the details too.").format(
            log_file
        )
        if log_file
        else ""
    )
    details = bug_details(error)
    title = _tr(BUG_TITLE)
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        title,
        f"{title}: {what}",
        QCoreApplication.translate(
            "Messages",
            "Your catalogue is unchanged by the step that failed, and you can carry on working. "
            "Please report this problem with the details below.",
        )
        + where,
        details,
    )
    copy = box.addButton(_tr(COPY_DETAILS), QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyDetailsButton")
    copy.setAccessibleDescription(
        QCoreApplication.translate(
            "Messages", "Copy the details to the clipboard, to paste into a bug report"
        )
    )
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
        QCoreApplication.translate("Messages", "About Catalog"),
        f"Catalog {__version__}",
        "\n\n".join(
            (
                QCoreApplication.translate(
                    "Messages",
                    "A desktop catalogue for archival documents: partial and uncertain dates, "
                    "name authorities and full-text search.",
                ),
                QCoreApplication.translate("Messages", "This catalogue: {0}").format(location),
                QCoreApplication.translate(
                    "Messages", "Licensed under the GNU GPL, version 3 or later."
                ),
            )
        ),
    )


def fatal(title: str, text: str) -> None:
    """Show an error and wait until it is dismissed (before any window exists)."""
    box = _box(None, QMessageBox.Icon.Critical, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    box.exec()
