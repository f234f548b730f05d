"""Copy citation: the selected records (or the one the detail pane shows) cited in the
digital archive's style or Chicago's, put on the clipboard as plain text and as HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from catalog.domain.errors import CatalogError
from catalog.services.citations import Citations, CitationStyle
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.shell.actions import ActionId, Actions
from catalog.ui.shell.bugs import BugReporter
from catalog.ui.shell.signals import SignalHub
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

MAX_CITED = 1000
"""Records cited at once (a bibliography of a whole result set is an export's job)."""

STYLE_LABELS = {
    CitationStyle.ARCHIVE: QT_TRANSLATE_NOOP("CitationCommands", "Digital archive style"),
    CitationStyle.CHICAGO_NOTE: QT_TRANSLATE_NOOP("CitationCommands", "Chicago (note)"),
    CitationStyle.CHICAGO_BIBLIOGRAPHY: QT_TRANSLATE_NOOP(
        "CitationCommands", "Chicago (bibliography)"
    ),
}
"""Each style's name (as ``CitationStyle.label`` gives it), marked for translation."""


def style_label(style: CitationStyle) -> str:
    """The style's name in the user's language."""
    return QCoreApplication.translate("CitationCommands", STYLE_LABELS.get(style, style.label))


class CitationCommands(QObject):
    """Runs the three Copy citation actions of one window."""

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        hub: SignalHub,
        actions: Actions,
        window: QWidget,
        bugs: BugReporter,
        selection: Callable[[], Sequence[int]],
        shown: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self._service = service
        self._runner = runner
        self._hub = hub
        self._bugs = bugs
        self._selection = selection
        self._shown = shown
        for action_id, style in (
            (ActionId.COPY_CITATION, CitationStyle.ARCHIVE),
            (ActionId.COPY_CITATION_NOTE, CitationStyle.CHICAGO_NOTE),
            (ActionId.COPY_CITATION_BIBLIOGRAPHY, CitationStyle.CHICAGO_BIBLIOGRAPHY),
        ):
            actions[action_id].triggered.connect(lambda _=False, s=style: self.copy(s))

    def targets(self) -> list[int]:
        """The records to cite: the selection, else the record on show."""
        selected = list(self._selection())
        if selected:
            return selected[:MAX_CITED]
        shown = self._shown()
        return [] if shown is None else [shown]

    def copy(self, style: CitationStyle) -> None:
        """Cite the records off the UI thread, then put the citations on the clipboard."""
        ids = self.targets()
        if not ids:
            self._hub.status_message.emit(self.tr("Select a record to cite."))
            return
        service = self._service

        def done(citations: Citations) -> None:
            data = QMimeData()
            data.setText(citations.text)
            data.setHtml(citations.markup)
            QGuiApplication.clipboard().setMimeData(data)
            _release_clipboard_on_quit()
            count = len(citations.plain)
            if count == 1:
                text = self.tr("Copied {0} citation ({1}).", "", count)
            else:
                text = self.tr("Copied {0} citations ({1}).", "", count)
            self._hub.status_message.emit(text.format(f"{count:,}", style_label(style)))

        def failed(error: BaseException) -> None:
            if isinstance(error, CatalogError):
                self._hub.status_message.emit(error_text(error))
            else:
                self._bugs(error, self.tr("citing the records"))

        self._runner.read(lambda: service.citations(ids, style), done, failed)


_RELEASE_CONNECTED: list[bool] = []


def _release_clipboard_on_quit() -> None:
    """Clear our clipboard data as the application quits.

    Data made in Python and handed to the clipboard crashes PySide at exit (6.11) if the
    clipboard still holds it then; on X11 the data goes with the program anyway.
    """
    app = QGuiApplication.instance()
    if app is None or _RELEASE_CONNECTED:
        return
    _RELEASE_CONNECTED.append(True)
    app.aboutToQuit.connect(release_clipboard)


def release_clipboard() -> None:
    """Clear the clipboard if this program's data is on it."""
    clipboard = QGuiApplication.clipboard()
    if clipboard.ownsClipboard() or clipboard.mimeData() is not None:
        clipboard.clear()
