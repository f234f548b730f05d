"""A researcher's read-only role on a shared catalogue: reading works, writing is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from catalog.domain.drafts import RecordDraft
from catalog.domain.errors import StorageUnavailable
from catalog.services.catalog import CatalogService
from tests import databases

READER, READER_PASSWORD = "catalog_reader", "reader"  # made by .ci/postgres.sh


def reader_url(url: str) -> str:
    return (
        make_url(url)
        .set(username=READER, password=READER_PASSWORD)
        .render_as_string(hide_password=False)
    )


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[str]:
    """A catalogue with one record, which the reader role may only read."""
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        owner = CatalogService.open(url, user="anna", cache_dir=tmp_path)
        assert owner.editor is not None and not owner.read_only
        owner.editor.create_record(RecordDraft("Cable from Pyongyang", "1959"))
        owner.close()
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(plain, autocommit=True) as admin:
            database = make_url(url).database
            admin.execute(f'GRANT CONNECT ON DATABASE "{database}" TO {READER}')
            admin.execute(f"GRANT USAGE ON SCHEMA public TO {READER}")
            admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}")
        yield url


def test_the_reader_role_reads_but_has_no_editor(shared: str, tmp_path: Path) -> None:
    service = CatalogService.open(reader_url(shared), user="boris", cache_dir=tmp_path)
    try:
        assert service.read_only and service.editor is None
        assert service.search("cable").total == 1
    finally:
        service.close()


def test_a_write_by_the_reader_role_is_a_clear_refusal(shared: str, tmp_path: Path) -> None:
    service = CatalogService.open(reader_url(shared), user="boris", cache_dir=tmp_path)
    listing = Path(__file__).resolve().parents[2] / "data" / "sample-listing.txt"
    try:
        with pytest.raises(StorageUnavailable, match="read-only for you"):
            service.import_file(listing)
        assert service.search("").total == 1
    finally:
        service.close()
