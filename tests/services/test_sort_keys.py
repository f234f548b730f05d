"""Titles and names sort by the collation's keys on both databases, and keys made by
another collation are made again when the catalogue opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert as sql_insert
from sqlalchemy import select, text

from catalog.domain.collation import collation as collation_of
from catalog.domain.collation import sort_key
from catalog.domain.records import Role
from catalog.domain.views import FacetName, SortKey
from catalog.services.catalog import CatalogService
from catalog.store import tables as t
from catalog.store.engine import create_database
from catalog.store.schema import prepare
from tests.factories import person, record
from tests.store.helpers import insert, raw_record_row

pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")

TITLES = ("北京 cable", "서울 report", "Telegram 10", "Ёлка", "Telegram 9", "'Answer'", "Йемен")
IN_ORDER = ["'Answer'", "Telegram 9", "Telegram 10", "Ёлка", "Йемен", "서울 report", "北京 cable"]


def _titles(service: CatalogService, ids: object) -> list[str]:
    return [row.title for row in service.summaries(list(ids))]  # type: ignore[call-overload]


def test_titles_sort_latin_cyrillic_hangul_han_in_sql_and_in_the_index(
    service: CatalogService,
) -> None:
    insert(service.db, [record(title) for title in TITLES])
    assert _titles(service, service.search("", SortKey.TITLE).ids) == IN_ORDER
    service.prepare_index()  # the in-memory index takes the database's title order
    assert _titles(service, service.search("", SortKey.TITLE).ids) == IN_ORDER
    descending = service.search("", SortKey.TITLE, descending=True).ids
    assert _titles(service, descending) == IN_ORDER[::-1]


def test_names_of_equal_counts_are_listed_in_the_collations_order(
    service: CatalogService,
) -> None:
    names = ("朴正熙", "김일성", "Пузанов", "Zhou Enlai")
    insert(service.db, [record(f"Cable {n}", names=(person(n, Role.MENTIONED),)) for n in names])
    facet = service.facets("", [FacetName.PERSON])[0]
    assert [value.label for value in facet.values] == ["Zhou Enlai", "Пузанов", "김일성", "朴正熙"]


def _tamper(service: CatalogService) -> None:
    """Keys as another collation (or none) would have left them."""
    with service.db.writer.begin() as connection:
        connection.execute(text("UPDATE records SET title_key = 'zz' || title"))
        connection.execute(text("UPDATE authorities SET sort_key = upper(name)"))
        connection.execute(text("UPDATE catalog_info SET sort_collation = 'folded r1'"))


def _keys(target: str) -> tuple[set[bool], str, int]:
    db = create_database(target)
    try:
        with db.reader.connect() as connection:
            rows = connection.execute(select(t.Record.title, t.Record.title_key)).all()
            names = connection.execute(select(t.Authority.name, t.Authority.sort_key)).all()
            info = connection.execute(
                select(t.CatalogInfo.sort_collation, t.CatalogInfo.generation)
            )
            collation, generation = info.one()
    finally:
        db.dispose()
    fits = {sort_key(title) == key for title, key in [*rows, *names]}
    return fits, collation, generation


def test_keys_of_another_collation_are_made_again_at_open(catalogue_target: str) -> None:
    service = CatalogService.open(catalogue_target)
    try:
        insert(service.db, [record(title, names=(person("Kim Il Sung"),)) for title in TITLES])
        _tamper(service)
    finally:
        service.close()
    fits, collation, before = _keys(catalogue_target)
    assert (fits, collation) == ({False}, "folded r1")

    CatalogService.open(catalogue_target).close()
    fits, collation, after = _keys(catalogue_target)
    assert (fits, collation, after) == ({True}, collation_of().name, before + 1)

    CatalogService.open(catalogue_target).close()  # nothing to do, nothing written
    assert _keys(catalogue_target) == ({True}, collation_of().name, after)


def test_keys_a_newer_collation_made_are_left_alone(catalogue_target: str) -> None:
    """Another member's Catalog, built with a newer ICU, made them: making them again in
    the older order here would only have the newer one make them again at its next open."""
    newer = collation_of().name.replace("icu ", "icu 999.", 1)
    service = CatalogService.open(catalogue_target)
    try:
        insert(service.db, [record(title) for title in TITLES])
        with service.db.writer.begin() as connection:
            connection.execute(text("UPDATE records SET title_key = 'zz' || title"))
            connection.execute(
                text("UPDATE catalog_info SET sort_collation = :name"), {"name": newer}
            )
    finally:
        service.close()
    before = _keys(catalogue_target)

    reopened = CatalogService.open(catalogue_target)
    try:
        assert not reopened.sort_keys_outdated()
    finally:
        reopened.close()
    assert _keys(catalogue_target) == before == ({False}, newer, before[2])


def test_a_catalogue_that_cannot_be_written_here_keeps_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    holder = CatalogService.open(path, lock=True)
    try:
        insert(holder.db, [record(title) for title in TITLES])
        _tamper(holder)
        reader = CatalogService.open(path, lock=True)  # the file's lock is taken: read only
        assert reader.read_only
        reader.close()
        assert _keys(str(path))[:2] == ({False}, "folded r1")
    finally:
        holder.close()


def test_an_older_catalogue_gets_the_collations_keys_at_its_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = create_database(str(path))
    try:
        prepare(db, revision="0004")  # before the catalogue recorded its collation
        with db.writer.begin() as connection:
            connection.execute(sql_insert(t.Record), [raw_record_row("Ёлка 10", "")])
    finally:
        db.dispose()
    service = CatalogService.open(path)
    try:
        assert service.opened.upgraded_from == "0004"
    finally:
        service.close()
    assert _keys(str(path))[:2] == ({True}, collation_of().name)


def test_a_copy_carries_the_name_of_the_collation_that_made_its_keys(tmp_path: Path) -> None:
    from catalog.services.copying import copy_catalogue

    source, destination = tmp_path / "source.sqlite", str(tmp_path / "copy.sqlite")
    service = CatalogService.open(source)
    try:
        insert(service.db, [record(title) for title in TITLES])
        _tamper(service)
    finally:
        service.close()

    copy_catalogue(source, destination)
    assert _keys(destination)[:2] == ({False}, "folded r1")  # as the source holds them
    CatalogService.open(destination).close()
    assert _keys(destination)[:2] == ({True}, collation_of().name)


def test_many_keys_are_read_in_pages_and_their_index_is_built_again(
    catalogue_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.store import sort_keys

    monkeypatch.setattr(sort_keys, "CHUNK", 2)  # pages of two; over two changed: rebuild
    service = CatalogService.open(catalogue_target)
    try:
        insert(service.db, [record(title, names=(person(title),)) for title in TITLES])
        _tamper(service)
        with service.db.reader.connect() as connection:
            before = {i: sort_keys._definition(connection, i) for _, _, _, i in sort_keys._KEYED}
        steps: list[tuple[int, int | None]] = []
        assert sort_keys.remake(service.db, lambda *step: steps.append(step)) == 2 * len(TITLES)
        n = len(TITLES)
        # Pages of two rows, then the write (no measure) of each table.
        assert steps == [
            *[(done, 2 * n) for done in (2, 4, 6, 7)],
            (7, None),
            *[(done, 2 * n) for done in (9, 11, 13, 14)],
            (14, None),
        ]
        with service.db.reader.connect() as connection:
            after = {i: sort_keys._definition(connection, i) for _, _, _, i in sort_keys._KEYED}
        assert after == before and all(after.values())
        assert _titles(service, service.search("", SortKey.TITLE).ids) == IN_ORDER
    finally:
        service.close()
    assert _keys(catalogue_target)[:2] == ({True}, collation_of().name)
