"""Suggested links: known names found in titles and summaries, accepted in one step."""

from __future__ import annotations

import time

import pytest

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor
from catalog.services.editing.suggestions import Suggestion, accept, suggest

PERSON, PLACE, SUBJECT = AuthorityKind.PERSON, AuthorityKind.PLACE, AuthorityKind.SUBJECT


def add(service: CatalogService, title: str, summary: str = "", **changes: object) -> int:
    draft = RecordDraft(title=title, summary=summary, **changes)  # type: ignore[arg-type]
    rid, _ = service.editor.create_record(draft)
    return rid


@pytest.fixture
def names(service: CatalogService) -> dict[str, int]:
    authorities = AuthorityEditor(service.editor)
    made = {}
    for kind, name, variants in [
        (PERSON, "Kim Il Sung", ["김일성", "金日成", "Ким Ир Сен"]),
        (PERSON, "Kim", []),
        (PERSON, "Nam Il", []),
        (PLACE, "Pyongyang", ["P'yŏngyang", "평양"]),
        (SUBJECT, "Citizenship", []),
        (AuthorityKind.REPOSITORY, "Citizenship Archive", []),
        (PLACE, "A", []),
    ]:
        made[name], _ = authorities.create(kind, name, variants)
    return made


def test_names_are_found_folded_in_any_script(
    service: CatalogService, names: dict[str, int]
) -> None:
    latin = add(service, "KIM IL-SUNG said so", "Reported from P’YŎNGYANG on citizenship.")
    korean = add(service, "김일성 연설", "평양 방문")  # whole words: not 평양에서
    chinese = add(service, "金日成同志讲话")
    russian = add(service, "Беседа с Ким Ир Сеном", "Ким Ир Сен сказал")

    found = suggest(service.editor.db, [latin, korean, chinese, russian])

    assert [(s.record_id, s.name, s.matched, s.role) for s in found] == [
        (latin, "Kim Il Sung", "Kim Il Sung", Role.MENTIONED),
        (latin, "Pyongyang", "Pyongyang", Role.MENTIONED),  # the first form with that key
        (latin, "Citizenship", "Citizenship", Role.SUBJECT),
        (korean, "Kim Il Sung", "김일성", Role.MENTIONED),
        (korean, "Pyongyang", "평양", Role.MENTIONED),
        (chinese, "Kim Il Sung", "金日成", Role.MENTIONED),
        (russian, "Kim Il Sung", "Ким Ир Сен", Role.MENTIONED),
    ]
    assert found[0] == Suggestion(
        latin, names["Kim Il Sung"], PERSON, "Kim Il Sung", "Kim Il Sung", Role.MENTIONED
    )


def test_whole_tokens_only_linked_names_and_repositories_are_skipped(
    service: CatalogService, names: dict[str, int]
) -> None:
    rid = add(
        service,
        "Kimchi and Namil",  # parts of words are not names
        "Kim met Nam Il. A Citizenship Archive letter.",
        names=(NameChoice(PERSON, "Nam Il", Role.AUTHOR, names["Nam Il"]),),
    )
    assert [(s.name, s.matched) for s in suggest(service.editor.db, [rid])] == [
        ("Kim", "Kim"),
        ("Citizenship", "Citizenship"),
    ]
    assert suggest(service.editor.db, [999_999]) == []


def test_accepting_links_every_suggestion_in_one_undoable_step(
    service: CatalogService, names: dict[str, int]
) -> None:
    first = add(service, "Kim Il Sung in Pyongyang")
    second = add(service, "On citizenship")

    changes = accept(service.editor, suggest(service.editor.db, [first, second]))

    assert changes.updated == {first, second}
    assert [(a.name, a.role) for a in service.detail(first).authorities] == [
        ("Kim Il Sung", Role.MENTIONED),
        ("Pyongyang", Role.MENTIONED),
    ]
    assert set(service.search("person:김일성").ids) == {first}
    assert set(service.search("subject:citizenship").ids) == {second}
    assert suggest(service.editor.db, [first, second]) == []
    service.editor.undo()
    assert service.detail(first).authorities == ()
    assert service.detail(second).authorities == ()
    assert accept(service.editor, []).empty


def test_a_large_selection_is_quick(service: CatalogService) -> None:
    authorities = AuthorityEditor(service.editor)
    for n in range(300):
        authorities.create(PERSON, f"Person Number{n} Surname", [f"人{n}"])
    ids = [add(service, f"Letter {n} about Person Number{n} Surname") for n in range(40)]
    start = time.perf_counter()
    found = suggest(service.editor.db, ids * 50)  # repeats are read once
    assert time.perf_counter() - start < 2.0
    assert [s.record_id for s in found] == ids
