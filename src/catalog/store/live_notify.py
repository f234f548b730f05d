"""PostgreSQL tells every client which records another client changed (LISTEN/NOTIFY).

Triggers, not application code, send the notifications, so every write path (the
editor, bulk edits, imports, merges, an older client, a script with plain SQL) is
covered. After each statement on ``records`` or on a table that belongs to a record
(notes, links, tags...), a trigger sends ``pg_notify(CHANNEL, payload)``; PostgreSQL
delivers notifications when the transaction commits, and drops them if it rolls back.

Payloads: ``I:1,2,3`` (records added), ``U:4,5`` (records or what belongs to them
changed), ``D:6`` (records deleted), ``U:*`` (too many to list: refresh everything),
``A:`` (authorities or their variant names changed). SQLite has no server to notify
through; these functions do nothing there.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

CHANNEL = "catalog_changes"
MOST_IDS = 400
"""Ids listed in one notification (payloads are limited to 8,000 bytes)."""

# Tables whose rows belong to a record, and the column naming the record.
_OWNED = (
    ("annotations", "record_id"),
    ("record_authorities", "record_id"),
    ("record_languages", "record_id"),
    ("record_collections", "record_id"),
    ("record_tags", "record_id"),
    ("attachments", "record_id"),
    ("relations", "source_id"),
    ("relations", "target_id"),
)
_EVENTS = (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))

# The channel and the id limit are written out in the SQL (a test checks they agree).
_RECORD_FUNCTION = """
CREATE OR REPLACE FUNCTION catalog_notify_records() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    kind text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    found bigint;
    ids text;
BEGIN
    EXECUTE format(
        'SELECT count(*), string_agg(i::text, '','') FROM '
        '(SELECT DISTINCT %I AS i FROM changed LIMIT 401) s', id_column
    ) INTO found, ids;
    IF found = 0 THEN
        RETURN NULL;
    END IF;
    IF found > 400 THEN
        ids := '*';
    END IF;
    PERFORM pg_notify('catalog_changes', kind || ':' || ids);
    RETURN NULL;
END $$;
"""

_AUTHORITY_FUNCTION = """
CREATE OR REPLACE FUNCTION catalog_notify_authorities() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('catalog_changes', 'A:');
    RETURN NULL;
END $$;
"""


def _triggers() -> list[tuple[str, str, str]]:
    """(name, table, CREATE TRIGGER statement) for every notifying trigger."""
    made = []
    kinds = {"INSERT": "I", "UPDATE": "U", "DELETE": "D"}
    for table, column in (("records", "id"), *_OWNED):
        for event, which in _EVENTS:
            kind = kinds[event] if table == "records" else "U"
            name = f"catalog_live_{table}_{column}_{event.lower()}"
            made.append(
                (
                    name,
                    table,
                    f"CREATE TRIGGER {name} AFTER {event} ON {table}"
                    f" REFERENCING {which} TABLE AS changed FOR EACH STATEMENT"
                    f" EXECUTE FUNCTION catalog_notify_records('{kind}', '{column}')",
                )
            )
    for table in ("authorities", "authority_variants"):
        name = f"catalog_live_{table}"
        made.append(
            (
                name,
                table,
                f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_authorities()",
            )
        )
    return made


def install(connection: Connection) -> None:
    """Create the notifying triggers (PostgreSQL only)."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text(_RECORD_FUNCTION))
    connection.execute(text(_AUTHORITY_FUNCTION))
    for _name, _table, statement in _triggers():
        connection.execute(text(statement))


def remove(connection: Connection) -> None:
    """Drop the triggers and their functions (PostgreSQL only)."""
    if connection.dialect.name != "postgresql":
        return
    for name, table, _statement in _triggers():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
    connection.execute(text("DROP FUNCTION IF EXISTS catalog_notify_records()"))
    connection.execute(text("DROP FUNCTION IF EXISTS catalog_notify_authorities()"))
