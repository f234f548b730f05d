"""A team catalogue's server goes away during an edit: the text stays, the save is retried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy.engine import make_url

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs import messages
from catalog.ui.editor import RecordEditorDialog
from tests import databases
from tests.ui.editor.conftest import type_into


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[CatalogService, str]]:
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        service = CatalogService.open(url, user="anna", cache_dir=tmp_path)
        yield service, url
        service.close()


def cut_off(url: str, allowed: bool) -> None:
    """Refuse (or allow again) connections to the database and end the open ones."""
    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="catalog_test")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as a:
        a.execute(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS {str(allowed).lower()}')
        if not allowed:
            a.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (parsed.database,),
            )


def test_a_save_while_the_server_is_gone_keeps_the_text_and_can_be_retried(
    qtbot: QtBot, shared: tuple[CatalogService, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    service, url = shared
    assert service.editor is not None
    record_id, _ = service.editor.create_record(RecordDraft("Cable from Pyongyang", "1959"))
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, error: shown.append(str(error)))
    dialog = RecordEditorDialog(service, record_id)
    try:
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        dialog.form.title.setFocus()
        dialog.form.title.end(False)
        type_into(qtbot, dialog.form.title, ", decoded")
        cut_off(url, allowed=False)
        try:
            qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert len(shown) == 1 and ("cannot be reached" in shown[0] or "lost" in shown[0])
            assert dialog.isVisible()
            assert dialog.form.title.text() == "Cable from Pyongyang, decoded"
        finally:
            cut_off(url, allowed=True)
        assert service.detail(record_id).title == "Cable from Pyongyang"  # nothing half-saved

        qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert len(shown) == 1  # no second error: the retry went through
        assert service.detail(record_id).title == "Cable from Pyongyang, decoded"
    finally:
        if isValid(dialog):
            dialog.baseline = dialog.draft()
            dialog.close()
            dialog.deleteLater()
