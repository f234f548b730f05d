"""Connect to a team catalogue: the fields, their checks, the keyring box, the recent list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from catalog.services.locations import (
    EMPTY_DATABASE,
    HOLDS_A_CATALOGUE,
    password_in,
    public_target,
)
from catalog.ui import credentials
from catalog.ui import recent_catalogues as recent
from catalog.ui.dialogs.connect_dialog import ConnectDialog, Connection
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests import databases
from tests.ui.fakes import ManualRunner
from tests.ui.keyrings import MemoryKeyring, installed

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SERVER = "postgresql+psycopg://archivist@db.example.org:5433/team"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        yield backend


def make_dialog(
    qtbot: QtBot, settings: QSettings | None = None, initial: str = "", problem: str = ""
) -> ConnectDialog:
    dialog = ConnectDialog(None, settings, initial, problem)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_defaults_and_the_password_is_hidden(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.host.text() == "localhost"
    assert dialog.port.value() == 5432
    assert dialog.user.text()  # the login name
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.database.hasFocus() or not dialog.isActiveWindow()
    assert dialog.problem.text() == ""


def test_host_database_and_user_are_required(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.host.clear()
    dialog.user.clear()
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.connect_button.click()
    assert dialog.isVisible()
    assert dialog.problem.text() == "Fill in the host, the database and the user."
    assert dialog.connection() is None
    type_into(qtbot, dialog.host, "db.example.org")
    type_into(qtbot, dialog.user, "archivist")
    dialog.connect_button.click()
    assert dialog.problem.text() == "Fill in the database."
    type_into(qtbot, dialog.database, "team")
    type_into(qtbot, dialog.host, "db example")
    dialog.connect_button.click()
    assert "The host is a name or an address" in dialog.problem.text()
    assert dialog.isVisible()


def test_the_fields_make_the_url_and_the_password_stays_apart(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    type_into(qtbot, dialog.host, "db.example.org")
    dialog.port.setValue(5433)
    type_into(qtbot, dialog.database, "team")
    type_into(qtbot, dialog.user, "archivist")
    qtbot.keyClicks(dialog.password, "pa:ss@word")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    choice = dialog.connection()
    assert choice == Connection(SERVER, "pa:ss@word", remember=False)  # no keyring here
    assert "pa:ss@word" not in repr(choice)


def test_the_default_port_is_left_out_of_the_url(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    type_into(qtbot, dialog.database, "team")
    type_into(qtbot, dialog.user, "archivist")
    choice = dialog.connection()
    assert choice is not None and choice.target == "postgresql+psycopg://archivist@localhost/team"


def test_without_a_keyring_the_box_is_off_and_says_why(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not credentials.available()
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert dialog.remember.toolTip() == credentials.NO_KEYRING
    assert dialog.keyring_note.isVisible()
    assert "asked for each time" in dialog.keyring_note.text()


def test_with_a_keyring_the_password_can_be_remembered(qtbot: QtBot, memory: MemoryKeyring) -> None:
    dialog = make_dialog(qtbot, initial=SERVER)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    assert not dialog.keyring_note.isVisible()
    assert (dialog.host.text(), dialog.port.value()) == ("db.example.org", 5433)
    assert (dialog.database.text(), dialog.user.text()) == ("team", "archivist")
    qtbot.keyClicks(dialog.password, "pw")
    assert dialog.connection() == Connection(SERVER, "pw", remember=True)
    dialog.remember.click()
    assert dialog.connection() == Connection(SERVER, "pw", remember=False)


def test_a_recent_server_fills_the_fields_with_its_saved_password(
    qtbot: QtBot, settings: QSettings, memory: MemoryKeyring
) -> None:
    recent.remember(settings, SERVER)
    credentials.save_password(SERVER, "kept")
    dialog = make_dialog(qtbot, settings)
    assert dialog.recent.count() == 1
    assert dialog.recent.item(0).text() == "archivist@db.example.org:5433/team"
    dialog.recent.setFocus()
    dialog.recent.setCurrentRow(0)
    with qtbot.assertNotEmitted(dialog.accepted):  # Enter fills in; it does not connect yet
        qtbot.keyClick(dialog.recent, Qt.Key.Key_Return)
    assert dialog.database.text() == "team" and dialog.password.text() == "kept"
    assert dialog.connection() == Connection(SERVER, "kept", remember=True)


def test_a_recent_file_is_picked_with_a_double_click(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    path = str(tmp_path / "local.sqlite")
    recent.remember(settings, SERVER)
    recent.remember(settings, path)
    dialog = make_dialog(qtbot, settings)
    assert dialog.recent.item(0).text() == f"local.sqlite — {tmp_path}"
    point = dialog.recent.visualItemRect(dialog.recent.item(0)).center()
    viewport, left, plain = dialog.recent.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(viewport, left, plain, point)  # a double click's first press
        qtbot.mouseDClick(viewport, left, plain, point)
    assert dialog.connection() == Connection(path)


def test_a_problem_from_the_last_attempt_is_shown(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, initial=SERVER, problem="The server refused the password.")
    assert dialog.problem.text() == "The server refused the password."
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()


def test_ask_returns_the_choice_or_none(qtbot: QtBot) -> None:
    def answer(accept: bool) -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ConnectDialog) and w.isVisible()
        )
        if not accept:
            dialog.reject()
            return
        dialog.database.setText("team")
        dialog.password.setText("pw")
        dialog.connect_button.click()

    QTimer.singleShot(0, lambda: answer(True))
    choice = ConnectDialog.ask(None, initial=SERVER)
    assert choice == Connection(SERVER, "pw")
    QTimer.singleShot(0, lambda: answer(False))
    assert ConnectDialog.ask(None) is None


def test_every_control_has_an_accessible_name(qtbot: QtBot, settings: QSettings) -> None:
    recent.remember(settings, SERVER)
    dialog = make_dialog(qtbot, settings)
    controls = [
        dialog.host,
        dialog.port,
        dialog.database,
        dialog.user,
        dialog.password,
        dialog.remember,
        dialog.recent,
        dialog.connect_button,
        *dialog.findChildren(QWidget, "qt_dialogbuttonbox_button"),
    ]
    for widget in (dialog, *controls):
        assert widget.accessibleName(), widget.objectName()


# --------------------------------------------------------------------------- test connection


def filled(qtbot: QtBot, runner: object, url: str) -> ConnectDialog:
    dialog = ConnectDialog(None, None, url, "", runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_test_connection_is_offered_only_with_a_runner(qtbot: QtBot) -> None:
    assert not make_dialog(qtbot).test_button.isVisible()
    dialog = filled(qtbot, ImmediateJobRunner(), SERVER)
    assert dialog.test_button.isVisible()
    assert dialog.test_button.accessibleName() == "Test connection"


def test_test_connection_checks_the_fields_first(qtbot: QtBot) -> None:
    runner = ManualRunner()
    dialog = filled(qtbot, runner, "")
    dialog.test_button.click()
    assert dialog.problem.text() == "Fill in the database."
    assert runner.pending == [] and dialog.isVisible()


def test_test_connection_says_why_a_server_cannot_be_reached(qtbot: QtBot) -> None:
    dialog = filled(qtbot, ImmediateJobRunner(), "postgresql+psycopg://nobody@127.0.0.1:1/none")
    dialog.password.setText("pw")
    dialog.test_button.click()
    assert "cannot be reached" in dialog.problem.text()
    assert ":pw@" not in dialog.problem.text()
    assert dialog.test_button.isEnabled() and dialog.isVisible()  # nothing was chosen


def test_an_answer_after_the_dialog_is_gone_is_dropped(qtbot: QtBot) -> None:
    runner = ManualRunner()
    dialog = ConnectDialog(None, None, "postgresql+psycopg://nobody@127.0.0.1:1/none", "", runner)
    dialog.show()
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()
    assert dialog.problem.text() == "Connecting to 127.0.0.1…"
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    runner.finish_all()  # no error: the dialog is not touched


@pytest.mark.postgres
@pytest.mark.skipif(not databases.PG_URL, reason="CATALOG_TEST_PG_URL is not set")
def test_test_connection_to_a_catalogue_and_an_empty_database(qtbot: QtBot) -> None:
    for empty, expected in ((False, HOLDS_A_CATALOGUE), (True, EMPTY_DATABASE)):
        with databases.postgres_catalogue(empty=empty) as url:
            dialog = filled(qtbot, ImmediateJobRunner(), public_target(url) or "")
            dialog.password.setText(password_in(url) or "")
            dialog.test_button.click()
            assert dialog.problem.text() == expected
            assert dialog.isVisible()  # a test opens nothing
