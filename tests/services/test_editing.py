"""The editing core on both databases: record edits, notes, links, trash, undo and redo."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from catalog.domain.drafts import NameChoice, RecordDraft, RelationChoice
from catalog.domain.errors import EditConflict, InvalidEdit, RecordNotFound
from catalog.domain.records import AuthorityKind, RelationType, Role
from catalog.services.catalog import CatalogService

PERSON = AuthorityKind.PERSON


def draft(title: str = "Cable on the citizenship question", **changes: object) -> RecordDraft:
    """A record as the editor would hand it over."""
    base = RecordDraft(
        title=title,
        date_text="October, 1959",
        summary="Nam Il tells Ivanov about Kim Il Sung.",
        doc_type="Cable",
        languages=("Russian",),
        archive="AVPRF",
        tags=("citizenship",),
        names=(NameChoice(PERSON, "Kim Il Sung", Role.AUTHOR),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_new_record_holds_every_field_and_is_found(service: CatalogService) -> None:
    rid, changes = service.editor.create_record(draft())

    record = service.detail(rid)
    assert changes.added == {rid}
    assert (record.title, record.date.edtf, record.date.lower) == (
        "Cable on the citizenship question",
        "1959-10",
        19591001,
    )
    assert (record.doc_type, record.languages, record.archive, record.tags) == (
        "Cable",
        ("Russian",),
        "AVPRF",
        ("citizenship",),
    )
    assert [(a.name, a.role) for a in record.authorities] == [("Kim Il Sung", Role.AUTHOR)]
    assert list(service.search("citizenship").ids) == [rid]
    assert list(service.search('person:"Kim Il Sung"').ids) == [rid]


def test_names_resolve_to_existing_authorities_through_any_variant(
    service: CatalogService,
) -> None:
    first, _ = service.editor.create_record(draft())
    authority = service.detail(first).authorities[0].authority_id

    second, _ = service.editor.create_record(
        draft("Second", names=(NameChoice(PERSON, "KIM IL-SUNG", Role.MENTIONED),))
    )

    assert service.detail(second).authorities[0].authority_id == authority


def test_an_edit_is_saved_logged_and_undone(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft())
    record = service.detail(rid)

    service.editor.update_record(rid, draft("A new title", tags=()), record.version)

    edited = service.detail(rid)
    assert (edited.title, edited.tags, edited.version) == ("A new title", (), record.version + 1)
    log = {(e.field, e.old, e.new) for e in service.history(rid)}
    assert ("title", "Cable on the citizenship question", "A new title") in log
    assert ("tags", "citizenship", "") in log
    assert list(service.search("new title").ids) == [rid]
    assert service.editor.history.undo_label == "Edit “A new title”"

    service.editor.undo()

    restored = service.detail(rid)
    assert restored.title == "Cable on the citizenship question"
    assert restored.tags == ("citizenship",)
    assert list(service.search("new title").ids) == []
    assert service.editor.history.redo_label == "Edit “A new title”"
    service.editor.redo()
    assert service.detail(rid).title == "A new title"


def test_a_stale_save_is_a_conflict_and_writes_nothing(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft())
    opened = service.detail(rid).version
    service.editor.update_record(rid, draft("Someone else's title"), opened)

    with pytest.raises(EditConflict) as raised:
        service.editor.update_record(rid, draft("My title"), opened)

    assert raised.value.record_ids == (rid,)
    assert service.detail(rid).title == "Someone else's title"


def test_undo_refuses_to_overwrite_a_later_change(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft())
    service.editor.add_note(rid, "first note")
    elsewhere = CatalogService(service.db).editor
    elsewhere.update_record(rid, draft("Changed elsewhere"), service.detail(rid).version)

    with pytest.raises(EditConflict):
        service.editor.undo()

    assert service.detail(rid).title == "Changed elsewhere"
    assert [n.text for n in service.detail(rid).annotations] == ["first note"]


def test_a_blank_title_is_refused(service: CatalogService) -> None:
    with pytest.raises(InvalidEdit, match="title is required"):
        service.editor.create_record(draft("   "))
    assert service.count() == 0


def test_notes_keep_their_author_and_are_searchable(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft())
    service.editor.user = "Ann"

    service.editor.add_note(rid, "Compare with the Chinese translation")
    note = service.detail(rid).annotations[0]
    service.editor.edit_note(rid, note.id, "Compare with the Korean original")

    edited = service.detail(rid).annotations[0]
    assert (edited.author, edited.text, edited.created) == (
        "Ann",
        "Compare with the Korean original",
        note.created,
    )
    assert list(service.search("note:korean").ids) == [rid]
    assert list(service.search("chinese").ids) == []
    service.editor.delete_note(rid, note.id)
    assert service.detail(rid).annotations == ()
    assert list(service.search("korean").ids) == []
    with pytest.raises(InvalidEdit):
        service.editor.add_note(rid, "  ")


def test_a_link_shows_from_both_ends_and_unlinks(service: CatalogService) -> None:
    memo, _ = service.editor.create_record(draft("Cover memo"))
    letter, _ = service.editor.create_record(draft("Letter"))

    service.editor.link(memo, letter, RelationType.COVER_MEMO_FOR)

    [outgoing] = service.detail(memo).relations
    [incoming] = service.detail(letter).relations
    assert (outgoing.label, outgoing.other_id) == ("cover memo for", letter)
    assert (incoming.label, incoming.other_id) == ("has cover memo", memo)
    service.editor.unlink(incoming.relation_id)
    assert service.detail(memo).relations == ()
    with pytest.raises(InvalidEdit):
        service.editor.link(memo, memo, RelationType.RELATED_TO)


def test_relations_saved_from_a_draft(service: CatalogService) -> None:
    other, _ = service.editor.create_record(draft("Original"))
    rid, _ = service.editor.create_record(
        draft("Translation", relations=(RelationChoice(RelationType.TRANSLATION_OF, other),))
    )
    assert [r.label for r in service.detail(other).relations] == ["has translation"]
    assert service.detail(rid).relations[0].other_id == other


def test_trash_restore_and_empty_are_each_one_undoable_step(service: CatalogService) -> None:
    doomed, _ = service.editor.create_record(draft("Doomed"))
    kept, _ = service.editor.create_record(draft("Kept"))
    service.editor.link(kept, doomed, RelationType.REPLY_TO)
    service.editor.add_note(doomed, "a note that must come back")

    service.editor.trash([doomed])
    assert (service.count(), list(service.search("").ids)) == (1, [kept])
    assert [r.id for r in service.editor.trashed()] == [doomed]
    service.editor.empty_trash()
    assert service.editor.trashed() == []
    assert service.detail(kept).relations == ()
    with pytest.raises(RecordNotFound):
        service.detail(doomed)

    service.editor.undo()  # the record comes back, in the trash, with its note and link
    back = service.detail(doomed)
    assert back.deleted and [n.text for n in back.annotations] == ["a note that must come back"]
    assert [r.other_id for r in service.detail(kept).relations] == [doomed]
    service.editor.undo()  # out of the trash
    assert set(service.search("").ids) == {doomed, kept}
    service.editor.restore([doomed])  # nothing to restore: no step
    assert service.editor.history.undo_label == "Add note"


def test_undoing_every_step_empties_the_catalogue_and_redo_rebuilds_it(
    service: CatalogService,
) -> None:
    first, _ = service.editor.create_record(draft("First"))
    second, _ = service.editor.create_record(draft("Second"))
    service.editor.link(second, first, RelationType.REPLY_TO)
    service.editor.add_note(first, "note")
    before = [service.detail(first), service.detail(second)]

    while service.editor.history.undo_label:
        service.editor.undo()
    assert service.count() == 0
    while service.editor.history.redo_label:
        service.editor.redo()

    after = [service.detail(first), service.detail(second)]
    assert [replace(r, version=0, modified=before[0].modified) for r in after] == [
        replace(r, version=0, modified=before[0].modified) for r in before
    ]


def test_similar_records_are_found_by_date_and_fuzzy_title(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft("Record of a conversation with Kim Il Sung"))

    similar = service.editor.similar(draft("Record of conversation with Kim Il-Sung"))
    other_date = service.editor.similar(
        draft("Record of a conversation with Kim Il Sung", date_text="1960")
    )

    assert [r.id for r in similar] == [rid]
    assert other_date == []
    assert service.editor.similar(draft("Record of a conversation with Kim Il Sung"), rid) == []


def test_an_import_is_one_undoable_step(service: CatalogService) -> None:
    report, _ = service.load_sample()
    assert service.editor.history.undo_label == "Import sample-listing.txt"

    service.editor.undo()
    assert service.count() == 0
    service.editor.redo()

    assert service.count() == report.records == 15
    assert len(service.search("Kim Il Sung").ids) > 0


def test_an_import_cannot_be_undone_over_later_edits(service: CatalogService) -> None:
    report, _ = service.load_sample()
    first = report.record_ids[0]
    elsewhere = CatalogService(service.db).editor
    elsewhere.add_note(first, "worked on since")

    with pytest.raises(EditConflict, match=re.escape("Cannot undo “Import sample-listing.txt”")):
        service.editor.undo()
    assert service.count() == 15


def test_a_note_changed_since_it_was_shown_is_not_overwritten(service: CatalogService) -> None:
    rid, _ = service.editor.create_record(draft())
    service.editor.add_note(rid, "Shown text")
    note = service.detail(rid).annotations[0]
    CatalogService(service.db).editor.edit_note(rid, note.id, "Changed elsewhere")

    with pytest.raises(EditConflict):
        service.editor.edit_note(rid, note.id, "My text", seen="Shown text")
    with pytest.raises(EditConflict):
        service.editor.delete_note(rid, note.id, seen="Shown text")

    assert [n.text for n in service.detail(rid).annotations] == ["Changed elsewhere"]


def test_a_file_outside_the_catalogue_folder_is_refused(
    service: CatalogService, tmp_path: Path
) -> None:
    from catalog.domain.drafts import AttachmentChoice

    outside = AttachmentChoice("../../etc/passwd", "0" * 64, "scan")
    with pytest.raises(InvalidEdit, match="outside the catalogue"):
        service.editor.create_record(draft(attachments=(outside,)))
    assert service.count() == 0


def test_names_saved_kind_by_kind_log_no_change_of_names(service: CatalogService) -> None:
    from catalog.domain.records import NameLink
    from tests.factories import record
    from tests.store.helpers import insert

    place = AuthorityKind.PLACE
    names = (
        NameLink(PERSON, "Kim Il Sung"),
        NameLink(place, "Pyongyang"),
        NameLink(PERSON, "Nam Il"),
    )
    (rid,) = insert(service.db, [record("Cable", names=names)])
    shown = service.detail(rid)
    draft = RecordDraft.from_detail(shown)
    # The editor's Names tab hands them back kind by kind: people first, then places.
    grouped = tuple(n for kind in (PERSON, place) for n in draft.names if n.kind is kind)
    assert grouped != draft.names
    service.editor.update_record(
        rid, replace(draft, title="Cable, revised", names=grouped), shown.version
    )
    assert [e.field for e in service.history(rid) if e.action == "updated"] == ["title"]

    shown = service.detail(rid)
    draft = RecordDraft.from_detail(shown)
    people = [n for n in draft.names if n.kind is PERSON]
    others = [n for n in draft.names if n.kind is not PERSON]
    service.editor.update_record(
        rid, replace(draft, names=(*people[::-1], *others)), shown.version
    )  # the first person is another: that is a change
    assert "names" in [e.field for e in service.history(rid)]
