"""The name-authority manager on both databases: every change seen through the catalogue."""

from __future__ import annotations

import pytest

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import EditConflict, InvalidEdit
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor, AuthorityRow

PERSON = AuthorityKind.PERSON
PLACE = AuthorityKind.PLACE
REPOSITORY = AuthorityKind.REPOSITORY


def add(service: CatalogService, title: str, *names: NameChoice, archive: str = "") -> int:
    rid, _ = service.editor.create_record(RecordDraft(title=title, names=names, archive=archive))
    return rid


def person(name: str, role: Role = Role.MENTIONED) -> NameChoice:
    return NameChoice(PERSON, name, role)


def row(authorities: AuthorityEditor, kind: AuthorityKind, name: str) -> AuthorityRow:
    return next(r for r in authorities.list(kind) if r.name == name)


def found(service: CatalogService, query: str) -> set[int]:
    return set(service.search(query).ids)


@pytest.fixture
def authorities(service: CatalogService) -> AuthorityEditor:
    return AuthorityEditor(service.editor)


def test_list_sorts_counts_and_filters_over_any_variant(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    add(service, "One", person("Ivanov, V. I."), person("Molotov, V. M.", Role.RECIPIENT))
    add(service, "Two", person("ivanov, v. i."), archive="AVPRF")
    aid, _ = authorities.create(PERSON, "Kim Il Sung", ["김일성", "Kim Il-sung", " "])
    authorities.create(PLACE, "Pyongyang")

    rows = authorities.list(PERSON)
    assert [(r.name, r.records) for r in rows] == [
        ("Ivanov, V. I.", 2),
        ("Kim Il Sung", 0),
        ("Molotov, V. M.", 1),
    ]
    assert row(authorities, PERSON, "Kim Il Sung").variants == ("김일성", "Kim Il-sung")
    assert [r.id for r in authorities.list(PERSON, "KIM IL-SUNG")] == [aid]
    assert [r.id for r in authorities.list(PERSON, "일성")] == [aid]
    assert authorities.list(PERSON, "pyongyang") == []
    assert [(r.name, r.records) for r in authorities.list(REPOSITORY)] == [("AVPRF", 1)]


def test_create_refuses_a_name_the_kind_already_has(authorities: AuthorityEditor) -> None:
    authorities.create(PERSON, "Kim Il Sung", ["김일성"])
    with pytest.raises(InvalidEdit, match="already"):
        authorities.create(PERSON, "  kim il-sung ")
    with pytest.raises(InvalidEdit, match="needs a name"):
        authorities.create(PERSON, " - ")
    authorities.create(PLACE, "Kim Il Sung")  # another kind may use it
    assert len(authorities.list(PERSON)) == 1


def test_rename_keeps_the_old_name_as_a_variant(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    rid = add(service, "Cable", person("Huang Yugui"))
    old = row(authorities, PERSON, "Huang Yugui")

    changes = authorities.rename(old.id, "Hwang Yu-gwi", old.version)

    assert changes.authorities
    assert [a.name for a in service.detail(rid).authorities] == ["Hwang Yu-gwi"]
    assert row(authorities, PERSON, "Hwang Yu-gwi").variants == ("Huang Yugui",)
    assert found(service, 'person:"Huang Yugui"') == {rid}
    assert found(service, 'person:"Hwang Yu-gwi"') == {rid}
    service.editor.undo()
    assert [a.name for a in service.detail(rid).authorities] == ["Huang Yugui"]


def test_a_stale_version_is_a_conflict_and_nothing_changes(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    add(service, "Cable", person("Huang Yugui"))
    shown = row(authorities, PERSON, "Huang Yugui")
    authorities.set_variants(shown.id, ["Hong Yugui"], shown.version)  # someone else

    with pytest.raises(EditConflict):
        authorities.rename(shown.id, "Hwang", shown.version)
    with pytest.raises(EditConflict):
        authorities.set_variants(shown.id, [], shown.version)
    with pytest.raises(EditConflict):
        authorities.delete(shown.id, shown.version)
    assert row(authorities, PERSON, "Huang Yugui").variants == ("Hong Yugui",)


def test_variants_are_replaced_but_the_authorised_name_stays(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    rid = add(service, "Cable", person("Kim Il Sung"))
    shown = row(authorities, PERSON, "Kim Il Sung")

    authorities.set_variants(shown.id, ["김일성", "Kim Il Sung", "金日成", "김일성"], shown.version)

    assert row(authorities, PERSON, "Kim Il Sung").variants == ("김일성", "金日成")
    assert found(service, "person:金日成") == {rid}
    now = row(authorities, PERSON, "Kim Il Sung")
    authorities.set_variants(now.id, ["金日成"], now.version)
    assert found(service, "person:김일성") == set()
    assert found(service, 'person:"Kim Il Sung"') == {rid}


def test_merge_moves_records_and_variants_and_undo_restores_both(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    both = add(service, "Both", person("Huang Yugui", Role.AUTHOR), person("Hong Yugui"))
    first = add(service, "First", person("Huang Yugui"))
    second = add(service, "Second", person("Hong Yugui", Role.RECIPIENT))
    authorities.set_variants(
        row(authorities, PERSON, "Hong Yugui").id,
        ["洪裕贵"],
        row(authorities, PERSON, "Hong Yugui").version,
    )
    keep, drop = row(authorities, PERSON, "Huang Yugui"), row(authorities, PERSON, "Hong Yugui")

    changes = authorities.merge(keep.id, drop.id, keep.version, drop.version)

    assert changes.updated == {both, second}
    assert [(r.name, r.records) for r in authorities.list(PERSON)] == [("Huang Yugui", 3)]
    assert row(authorities, PERSON, "Huang Yugui").variants == ("Hong Yugui", "洪裕贵")
    assert found(service, 'person:"Hong Yugui"') == {both, first, second}
    assert found(service, "person:洪裕贵") == {both, first, second}
    assert [(a.name, a.role) for a in service.detail(both).authorities] == [
        ("Huang Yugui", Role.AUTHOR),
        ("Huang Yugui", Role.MENTIONED),
    ]
    assert [(a.name, a.role) for a in service.detail(second).authorities] == [
        ("Huang Yugui", Role.RECIPIENT)
    ]

    service.editor.undo()
    assert {r.name for r in authorities.list(PERSON)} == {"Huang Yugui", "Hong Yugui"}
    assert found(service, 'person:"Hong Yugui"') == {both, second}
    assert found(service, 'person:"Huang Yugui"') == {both, first}
    assert row(authorities, PERSON, "Hong Yugui").variants == ("洪裕贵",)
    service.editor.redo()
    assert [r.name for r in authorities.list(PERSON)] == ["Huang Yugui"]


def test_merging_the_same_link_twice_keeps_one(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    rid = add(service, "Both", person("Huang Yugui"), person("Hong Yugui"))
    keep, drop = row(authorities, PERSON, "Huang Yugui"), row(authorities, PERSON, "Hong Yugui")
    authorities.merge(keep.id, drop.id)
    assert [(a.name, a.role) for a in service.detail(rid).authorities] == [
        ("Huang Yugui", Role.MENTIONED)
    ]


def test_merge_refuses_other_kinds_and_itself(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    pid, _ = authorities.create(PERSON, "Kim")
    lid, _ = authorities.create(PLACE, "Kimchaek")
    with pytest.raises(InvalidEdit, match="same kind"):
        authorities.merge(pid, lid)
    with pytest.raises(InvalidEdit):
        authorities.merge(pid, pid)
    assert len(authorities.list(PLACE)) == 1


def test_merging_repositories_moves_the_records_they_hold(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    one = add(service, "One", archive="AVPRF")
    two = add(service, "Two", archive="Archive of Foreign Policy of the Russian Federation")
    keep = row(authorities, REPOSITORY, "Archive of Foreign Policy of the Russian Federation")
    drop = row(authorities, REPOSITORY, "AVPRF")

    authorities.merge(keep.id, drop.id)

    assert {service.detail(one).archive, service.detail(two).archive} == {keep.name}
    assert found(service, "archive:AVPRF") == {one, two}
    service.editor.undo()
    assert service.detail(one).archive == "AVPRF"


def test_split_moves_chosen_variants_and_records_to_a_new_authority(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    father = add(service, "Father", person("Kim"))
    son = add(service, "Son", person("Kim", Role.AUTHOR))
    shown = row(authorities, PERSON, "Kim")
    authorities.set_variants(shown.id, ["Kim Il Sung", "Kim Jong Il", "김정일"], shown.version)

    new_id, _ = authorities.split(shown.id, "Kim Jong Il", ["김정일"], [son])

    assert row(authorities, PERSON, "Kim").variants == ("Kim Il Sung",)
    assert row(authorities, PERSON, "Kim Jong Il").id == new_id
    assert row(authorities, PERSON, "Kim Jong Il").variants == ("김정일",)
    assert [(a.name, a.role) for a in service.detail(son).authorities] == [
        ("Kim Jong Il", Role.AUTHOR)
    ]
    assert found(service, "person:김정일") == {son}
    assert found(service, "person:Kim") == {father}
    with pytest.raises(InvalidEdit, match="authorised name"):
        authorities.split(shown.id, "Other", ["Kim"], [])
    service.editor.undo()
    assert [r.name for r in authorities.list(PERSON)] == ["Kim"]
    assert found(service, 'person:"Kim Jong Il"') == {father, son}


def test_delete_only_unused_authorities(
    service: CatalogService, authorities: AuthorityEditor
) -> None:
    add(service, "Cable", person("Kim Il Sung"), person("Nam Il"))
    trashed = add(service, "Trashed", person("Nam Il"))
    service.editor.trash([trashed])
    unused, _ = authorities.create(PERSON, "Pak Hon Yong")
    used = row(authorities, PERSON, "Nam Il")

    with pytest.raises(InvalidEdit, match="used by 2 records"):
        authorities.delete(used.id, used.version)
    authorities.delete(unused)
    assert [r.name for r in authorities.list(PERSON)] == ["Kim Il Sung", "Nam Il"]
    service.editor.undo()
    assert "Pak Hon Yong" in [r.name for r in authorities.list(PERSON)]
