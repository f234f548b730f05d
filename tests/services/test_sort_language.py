"""A catalogue sorts its titles and names in the order of the language it chose, on both
databases, and every way a record or a name comes in is keyed in that order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from catalog.domain.collation import ROOT, collation
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import CatalogError
from catalog.domain.records import AuthorityKind, Role
from catalog.domain.views import SortKey
from catalog.services import reading_process
from catalog.services.catalog import CatalogService
from catalog.services.jobs import JobCancelled, Progress
from catalog.store import tables as t
from catalog.store.engine import create_database
from tests.factories import person, record
from tests.store.helpers import insert

pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")

SWEDISH = ["Andersson", "Oslo", "Zetterberg", "Åkesson", "Ölund"]
ROOT_ORDER = ["Åkesson", "Andersson", "Ölund", "Oslo", "Zetterberg"]


def _titles(service: CatalogService) -> list[str]:
    ids = service.search("", SortKey.TITLE).ids
    return [row.title for row in service.summaries(list(ids))]


def _keys_fit(target: str, locale: str) -> tuple[str, str, bool]:
    """The catalogue's language, the name of its keys' collation, and whether every key
    is the one that language's collation makes."""
    key = collation(locale).key
    db = create_database(target)
    try:
        with db.reader.connect() as connection:
            language, made_by = connection.execute(
                select(t.CatalogInfo.sort_locale, t.CatalogInfo.sort_collation)
            ).one()
            rows = connection.execute(select(t.Record.title, t.Record.title_key)).all()
            names = connection.execute(select(t.Authority.name, t.Authority.sort_key)).all()
    finally:
        db.dispose()
    return language, made_by, all(key(text) == stored for text, stored in [*rows, *names])


def test_choosing_a_language_sorts_titles_in_its_order(catalogue_target: str) -> None:
    service = CatalogService.open(catalogue_target)
    try:
        insert(service.db, [record(title, names=(person(title),)) for title in SWEDISH[::-1]])
        assert _titles(service) == ROOT_ORDER and service.sort_language() == ROOT
        before = service.generation()

        changes = service.remake_sort_keys(language="sv")

        assert not changes.empty and service.generation() == before + 1
        assert _titles(service) == SWEDISH and service.sort_language() == "sv"
        service.prepare_index()  # the in-memory index takes the new order from the database
        assert _titles(service) == SWEDISH
    finally:
        service.close()
    assert _keys_fit(catalogue_target, "sv") == ("sv", collation("sv").name, True)

    reopened = CatalogService.open(catalogue_target)  # kept, and nothing to make again
    try:
        assert reopened.sort_language() == "sv" and not reopened.sort_keys_outdated()
        assert _titles(reopened) == SWEDISH
    finally:
        reopened.close()


def test_records_and_names_added_later_are_keyed_in_the_catalogues_order(
    catalogue_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = CatalogService.open(catalogue_target, user="tester")
    try:
        service.remake_sort_keys(language="sv")
        assert service.editor is not None
        # The editor (restore.Writer), an import read here and one read in a second
        # process (title keys made there), each with new names (store.vocab).
        service.editor.create_record(
            RecordDraft(
                title="Ölund's cable",
                names=(NameChoice(AuthorityKind.PERSON, "Åkesson, Per", Role.AUTHOR),),
            )
        )
        here = tmp_path / "here.json"
        records = [{"title": "Zetterberg report", "people": ["Ödman, Eva"]}]
        here.write_text(json.dumps({"format": "catalog", "records": records}), "utf-8")
        service.import_file(here, "json")
        monkeypatch.setattr(reading_process, "SMALLEST", 0)
        there = tmp_path / "there.json"
        records = [{"title": "Älvdalen memo", "people": ["Zorn, Anders"]}]
        there.write_text(json.dumps({"format": "catalog", "records": records}), "utf-8")
        service.import_file(there, "json")
        assert _titles(service) == ["Zetterberg report", "Älvdalen memo", "Ölund's cable"]
    finally:
        service.close()
    assert _keys_fit(catalogue_target, "sv")[2]


def test_an_unknown_language_changes_nothing(service: CatalogService) -> None:
    insert(service.db, [record(title) for title in SWEDISH])
    with pytest.raises(CatalogError, match="no sort order called 'xx'"):
        service.remake_sort_keys(language="xx")
    assert service.sort_language() == ROOT and _titles(service) == ROOT_ORDER


def test_a_cancelled_change_keeps_the_language_and_the_order(service: CatalogService) -> None:
    insert(service.db, [record(title) for title in SWEDISH])

    def cancel(_step: Progress) -> None:
        raise JobCancelled

    with pytest.raises(JobCancelled):
        service.remake_sort_keys(cancel, language="sv")
    assert service.sort_language() == ROOT and _titles(service) == ROOT_ORDER
    assert not service.sort_keys_outdated()


def test_going_back_to_the_default_order(service: CatalogService) -> None:
    insert(service.db, [record(title) for title in SWEDISH])
    service.remake_sort_keys(language="sv")
    service.remake_sort_keys(language=ROOT)
    assert service.sort_language() == ROOT and _titles(service) == ROOT_ORDER


def test_a_copy_keeps_the_language_with_its_keys(tmp_path: Path) -> None:
    from catalog.services.copying import copy_catalogue

    source, destination = tmp_path / "source.sqlite", str(tmp_path / "copy.sqlite")
    service = CatalogService.open(source)
    try:
        insert(service.db, [record(title) for title in SWEDISH])
        service.remake_sort_keys(language="sv")
    finally:
        service.close()
    copy_catalogue(source, destination)
    assert _keys_fit(destination, "sv") == ("sv", collation("sv").name, True)
    copied = CatalogService.open(destination)
    try:
        assert not copied.sort_keys_outdated() and _titles(copied) == SWEDISH
    finally:
        copied.close()
