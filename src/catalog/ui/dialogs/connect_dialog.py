"""Connect to a team catalogue: a PostgreSQL server's host, port, database, user and password.

Callers use :meth:`ConnectDialog.ask`, which returns a :class:`Connection` or None, so
tests can patch it. The dialog also lists the recent catalogues: Enter or a double click
on a server fills the fields in (with the password the keyring holds, if any); on a file,
it picks that file. The password goes back to the caller and, when asked to, into the
system keyring once the catalogue opens; never into the settings. Given a job runner,
the dialog can also test the connection off the UI thread before anything is opened.
"""

from __future__ import annotations

import getpass

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.errors import CatalogError, StorageUnavailable
from catalog.services.locations import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ServerAddress,
    check_connection,
    is_server,
    server_address,
    with_password,
)
from catalog.ui import credentials
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.connect_choice import Connection, problems
from catalog.ui.dialogs.recent_list import RecentList
from catalog.ui.jobs.runner import Runner
from catalog.ui.palette import error_color
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

REMEMBER_TEXT = QT_TRANSLATE_NOOP("ConnectDialog", "&Remember the password in the system keyring")
REMEMBER_TIP = QT_TRANSLATE_NOOP(
    "ConnectDialog", "Keep the password in the system keyring, so it is not asked for next time."
)

__all__ = ["ConnectDialog", "Connection"]


def _shown(text: str) -> str:
    """One of this module's marked texts, translated."""
    return QCoreApplication.translate("ConnectDialog", text)


class ConnectDialog(QDialog):
    """The fields of a server address, its password and the recent catalogues."""

    def __init__(
        self,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        initial: str = "",
        problem: str = "",
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to a team catalogue"))
        self.setAccessibleName(self.tr("Connect to a team catalogue"))
        self.setAccessibleDescription(self.tr("Open a catalogue kept on a PostgreSQL server."))
        self._chosen_file = ""
        intro = QLabel(self.tr("Open a catalogue that your team keeps on a PostgreSQL server."))
        intro.setWordWrap(True)
        self.host = self._line(
            "connectHost", self.tr("Host"), self.tr("The server's name or address.")
        )
        self.host.setText(DEFAULT_HOST)
        self.port = QSpinBox()
        self.port.setObjectName("connectPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Port"))
        self.port.setAccessibleDescription(self.tr("The server's port; PostgreSQL's own is 5432."))
        self.database = self._line(
            "connectDatabase", self.tr("Database"), self.tr("The catalogue's database.")
        )
        self.user = self._line(
            "connectUser", self.tr("User"), self.tr("The name you log in to the server with.")
        )
        self.user.setText(getpass.getuser())
        self.password = self._line(
            "connectPassword",
            self.tr("Password"),
            self.tr("Your password on the server. Leave it empty to use PGPASSWORD or ~/.pgpass."),
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_shown(REMEMBER_TEXT))
        self.remember.setObjectName("connectRemember")
        self.remember.setAccessibleName(self.tr("Remember the password in the system keyring"))
        self.keyring_note = QLabel(credentials.no_keyring_text())
        self.keyring_note.setObjectName("connectKeyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_available = credentials.available()
        self.remember.setEnabled(self.keyring_available)
        self.remember.setChecked(self.keyring_available)
        self.remember.setToolTip(
            _shown(REMEMBER_TIP) if self.keyring_available else credentials.no_keyring_text()
        )
        self.remember.setAccessibleDescription(self.remember.toolTip())
        self.keyring_note.setVisible(not self.keyring_available)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Host:"), self.host),
            (self.tr("&Port:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password),
        ):
            form.addRow(text, widget)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        self.recent = RecentList(settings)
        self.recent.chosen.connect(self._use_recent)
        recent_label = QLabel(self.tr("Re&cent catalogues:"))
        recent_label.setBuddy(self.recent)
        for part in (recent_label, self.recent):
            part.setVisible(self.recent.count() > 0)  # nothing opened yet: no empty box
        self.problem = QLabel()
        self.problem.setObjectName("connectProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("What the connection says"))
        self._say(problem, error=True)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("C&onnect"))
        self.connect_button.setObjectName("connectConnect")
        self.connect_button.setAccessibleName(self.tr("Connect"))
        self.connect_button.setAccessibleDescription(self.tr("Open the catalogue on this server."))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Keep the catalogue that is open now."))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("connectTest")
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.setAccessibleDescription(
            self.tr("Log in to the server once, changing nothing.")
        )
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self._buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setVisible(runner is not None)  # after addButton, which shows it
        self._buttons.accepted.connect(self._check_and_accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons)
        self.resize(480, self.sizeHint().height())
        if initial:
            self.fill(initial)
        first_empty = next((w for w in (self.database, self.user) if not w.text()), None)
        (first_empty or self.password).setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: QSettings | None = None,
        initial: str = "",
        problem: str = "",
        runner: Runner | None = None,
    ) -> Connection | None:
        """Ask for a catalogue to connect to; None when the user cancels.

        ``initial`` fills the fields in (a server URL without its password); ``problem``
        says why the dialog is shown again (the last attempt's error); with a ``runner``,
        Test connection is offered.
        """
        dialog = cls(parent, settings, initial, problem, runner)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.connection() if accepted else None
        finally:
            dialog.deleteLater()

    # ------------------------------------------------------------------ result

    def address(self) -> ServerAddress:
        """The server address typed so far."""
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def problems(self) -> list[str]:
        """What keeps the fields from naming a server (empty when they do)."""
        return problems(self.address())

    def connection(self) -> Connection | None:
        """The catalogue chosen: the file picked from the list, else the server typed
        (None while a field is missing)."""
        if self._chosen_file:
            return Connection(self._chosen_file)
        if self.problems():
            return None
        return Connection(
            self.address().target,
            self.password.text(),
            self.remember.isChecked() and self.keyring_available,
        )

    def fill(self, target: str) -> None:
        """Show a server's address (and the password the keyring keeps for it)."""
        try:
            address = server_address(target)
        except StorageUnavailable:
            address = None
        if address is None:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        saved = credentials.load_password(target) if self.keyring_available else None
        self.password.setText(saved or "")

    # ------------------------------------------------------------------ building

    def _line(self, name: str, accessible: str, description: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setAccessibleDescription(description)
        edit.setToolTip(description)
        return edit

    def _say(self, text: str, error: bool) -> None:
        self.problem.setStyleSheet(f"color: {error_color()};" if error else "")
        self.problem.setText(text)

    # ------------------------------------------------------------------ slots

    def test_connection(self) -> None:
        """Log in once off the UI thread and say what the database holds."""
        found = self.problems()
        if found or self._runner is None:
            self._check_and_accept()  # says what is missing
            return
        url = with_password(self.address().target, self.password.text())
        self.test_button.setEnabled(False)
        self._say(self.tr("Connecting to {0}…").format(self.address().host), error=False)

        def done(text: str) -> None:
            if shiboken6.isValid(self):  # the dialog may have been closed meanwhile
                self.test_button.setEnabled(True)
                self._say(text, error=False)

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.test_button.setEnabled(True)
            if isinstance(error, CatalogError):
                self._say(error_text(error), error=True)
            else:
                self._say("", error=True)
                messages.show_bug(self, error, self.tr("testing the connection"))

        self._runner.read(lambda: check_connection(url), done, failed)

    def _use_recent(self, target: str) -> None:
        try:
            server = is_server(target)
        except StorageUnavailable:
            return
        if not server:
            self._chosen_file = target
            self.accept()
            return
        self.fill(target)
        self.problem.clear()
        focus = self.password if not self.password.text() else self.connect_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check_and_accept(self) -> None:
        found = self.problems()
        if found:
            self._say(" ".join(found), error=True)
            address = self.address()
            for widget, value in (
                (self.host, address.host),
                (self.database, address.database),
                (self.user, address.user),
            ):
                if not value:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    break
            return
        self.accept()
