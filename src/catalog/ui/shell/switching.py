"""Opening catalogues: the first one at start-up, then File → Connect and File → Open recent.

The switcher holds the open catalogue, its job runner and its window. Another catalogue
is opened first; only once it is open does its window replace the old one (whose runner
is shut down and whose catalogue is closed). When it cannot be opened (a wrong password,
a server that is down, a database that is not a catalogue) the user is told, and the
catalogue open until then stays as it was.

A server's password comes from the URL, the system keyring or the Connect dialog, in
that order; it is put in the keyring only when the dialog asked for it and the catalogue
opened with it, and it is never written to the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication

from catalog.domain.errors import CatalogError
from catalog.services.locations import (
    is_server,
    password_in,
    public_target,
    same_catalogue,
    with_password,
)
from catalog.ui import credentials, recent_catalogues, startup
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.connect_dialog import ConnectDialog, Connection
from catalog.ui.dialogs.preferences import RESTART_NOTE
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.shell import window_state
from catalog.ui.shell.main_window import MainWindow
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

# Translated where shown, in the "CatalogueSwitcher" context.
OPEN_FAILED = QT_TRANSLATE_NOOP("CatalogueSwitcher", "Catalog cannot open the catalogue")
BUSY = QT_TRANSLATE_NOOP(
    "CatalogueSwitcher",
    "Catalog is still busy with a long task. Open the other catalogue once it has finished.",
)
ALREADY_OPEN = QT_TRANSLATE_NOOP("CatalogueSwitcher", "This catalogue is already open.")
NOT_KEPT = QT_TRANSLATE_NOOP(
    "CatalogueSwitcher",
    "The password could not be kept in the system keyring; it will be asked for next time.",
)


def _translated(text: str) -> str:
    """One of the texts above in the user's language."""
    return QCoreApplication.translate("CatalogueSwitcher", text)


class OpenCatalogue(CatalogPort, Protocol):
    """An open catalogue the switcher can hand to a window and close again."""

    def close(self) -> None:
        """Release the database."""
        ...


Opener = Callable[[str], OpenCatalogue]
"""Opens the catalogue at a path or URL (with its password); raises CatalogError."""


class CatalogueSwitcher(QObject):
    """The open catalogue and its window, and the way to another.

    Attributes:
        window: the window of the open catalogue (None before :meth:`start`).
        service: the open catalogue.
        target: where it is (a file's path, or a server URL without its password).
    """

    def __init__(
        self,
        open_service: Opener,
        make_runner: Callable[[], Runner],
        settings: QSettings | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_service = open_service
        self._make_runner = make_runner
        self._settings = settings
        self.window: MainWindow | None = None
        self.service: OpenCatalogue | None = None
        self._runner: Runner | None = None
        self._probe_runner: Runner | None = None  # the Connect dialog's Test connection
        self.target = ""

    # ------------------------------------------------------------------ start-up

    def start(self, target: str) -> bool:
        """Open the first catalogue and show its window; False when none was opened.

        A server URL without a password uses the keyring's, else asks with the Connect
        dialog; a server that refuses brings the dialog back with the reason. Messages
        here block: no window exists yet.
        """
        try:
            server = is_server(target)
        except CatalogError as error:
            messages.fatal(_translated(OPEN_FAILED), error_text(error))
            return False
        choice: Connection | None = Connection(target, password_in(target) or "")
        asked = False
        if server and choice is not None and not choice.password:
            choice = self._known(target)
            if choice is None:
                choice, asked = self._ask(None, target), True
        while choice is not None:
            try:
                service = self._open(choice)
            except CatalogError as error:
                if not is_server(choice.target):
                    messages.fatal(_translated(OPEN_FAILED), error_text(error))
                    return False
                choice, asked = self._ask(None, choice.target, error_text(error)), True
                continue
            self._show(service, choice, asked)
            return True
        return False

    # ------------------------------------------------------------------ switching

    def open_catalogue(self, target: str, password: str = "") -> bool:
        """Open another catalogue in place of this one (File → Open recent)."""
        if self.target and same_catalogue(target, self.target):
            self._status(_translated(ALREADY_OPEN))
            return False
        try:
            server = is_server(target)
        except CatalogError as error:
            messages.show_error(self.window, _translated(OPEN_FAILED), error)
            return False
        if not server:
            path = public_target(target)
            if path is not None and not Path(path).is_file():
                recent_catalogues.forget(self._settings, target)
                messages.show_error(
                    self.window,
                    _translated(OPEN_FAILED),
                    self.tr(
                        "The catalogue file {0} is no longer there; "
                        "it has been taken off the recent list."
                    ).format(path),
                )
                return False
            return self._switch(Connection(target))
        choice = Connection(target, password or password_in(target) or "")
        if not choice.password:
            known = self._known(target)
            if known is None:
                return self.ask_and_connect(target)
            choice = known
        return self._switch(choice)

    def ask_and_connect(self, initial: str = "", problem: str = "") -> bool:
        """File → Connect to a team catalogue: ask, then open what was chosen."""
        if self._busy():
            return False
        choice = self._ask(self.window, initial, problem)
        return choice is not None and self._switch(choice, asked=True)

    def change_language(self, language: str) -> None:
        """Show the interface in ``language`` (Edit → Preferences): its translators in, then
        a new window on the open catalogue, in place of this one, with its search kept.

        While long work runs the window stays; it is rebuilt at the next start.
        """
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            startup.use_language(app, language)
        window, service = self.window, self.service
        if window is None or service is None:
            return
        if window.operations.busy or window.editing.busy:
            note = QCoreApplication.translate("PreferencesDialog", RESTART_NOTE)
            messages.show_info(window, self.tr("Language"), note)
            return
        self._show(service, Connection(self.target), asked=False)

    def close(self) -> None:
        """Close the window, stop its jobs and release the catalogue (at exit)."""
        window, runner, service = self.window, self._runner, self.service
        self.window, self._runner, self.service, self.target = None, None, None, ""
        if window is not None:
            if window.isVisible():
                window.close()
            window.deleteLater()
        if runner is not None:
            runner.shutdown()
        if service is not None:
            service.close()
        if self._probe_runner is not None:
            self._probe_runner.shutdown()
            self._probe_runner = None

    # ------------------------------------------------------------------ helpers

    def _known(self, target: str) -> Connection | None:
        """The server with the password the keyring keeps for it, if any."""
        saved = credentials.load_password(target)
        return Connection(target, saved) if saved else None

    def _ask(self, parent: MainWindow | None, initial: str, problem: str = "") -> Connection | None:
        try:
            shown = (public_target(initial) or "") if initial else ""
        except CatalogError:
            shown = ""
        if self._probe_runner is None:
            self._probe_runner = self._make_runner()
        return ConnectDialog.ask(parent, self._settings, shown, problem, self._probe_runner)

    def _busy(self) -> bool:
        window = self.window
        if window is not None and (window.operations.busy or window.editing.busy):
            messages.show_error(window, _translated(OPEN_FAILED), _translated(BUSY))
            return True
        return False

    def _open(self, choice: Connection) -> OpenCatalogue:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._open_service(with_password(choice.target, choice.password))
        finally:
            QApplication.restoreOverrideCursor()

    def _switch(self, choice: Connection, asked: bool = False) -> bool:
        if self._busy():
            return False
        try:
            service = self._open(choice)
        except CatalogError as error:
            messages.show_error(self.window, _translated(OPEN_FAILED), error)
            return False
        self._show(service, choice, asked)
        return True

    def _show(self, service: OpenCatalogue, choice: Connection, asked: bool) -> None:
        """Replace the window (if any) with one on ``service``; ``asked``: the choice
        came from the Connect dialog (which says whether to keep the password)."""
        old_window, old_runner, old_service = self.window, self._runner, self.service
        rebuilt = service is old_service  # the same catalogue in a new window (its language)
        settings = self._settings
        if old_window is not None and settings is not None:
            window_state.save(old_window, settings)  # the new window takes its place and size
            if not rebuilt:
                settings.setValue(window_state.LAST_QUERY, "")  # a search of another catalogue
        runner = self._make_runner()
        try:
            window = MainWindow(service, runner, settings=settings)
        except BaseException:  # a bug: the old window stays, the new catalogue is let go
            runner.shutdown()
            if not rebuilt:
                service.close()
            raise
        window.open_catalogue_requested.connect(self.open_catalogue)
        window.connect_requested.connect(lambda: self.ask_and_connect())
        window.help.language_chosen.connect(self.change_language)
        self.window, self._runner, self.service = window, runner, service
        self.target = public_target(choice.target) or choice.target
        window.show()
        if old_window is not None:
            old_window.close()  # shows the new one first: closing the last would quit
            old_window.deleteLater()
        if old_runner is not None:
            old_runner.shutdown()
        if old_service is not None and not rebuilt:
            old_service.close()
        recent_catalogues.remember(settings, choice.target)
        if asked and not self._keep_password(choice):
            self._status(_translated(NOT_KEPT))
        if not rebuilt:  # keys another collation made: made again once the window shows
            window.operations.remake_sort_keys_if_outdated()

    def _keep_password(self, choice: Connection) -> bool:
        """Put the password in the keyring (or take it out) as the dialog was told;
        False when it was to be kept and could not be."""
        if not is_server(choice.target):
            return True
        if choice.remember and choice.password:
            return credentials.save_password(choice.target, choice.password)
        if not choice.remember and choice.password:
            credentials.forget_password(choice.target)
        return True

    def _status(self, text: str) -> None:
        if self.window is not None:
            self.window.hub.status_message.emit(text)
