"""Text in any form and script is found whichever form is typed, sorts sensibly, shows as saved.

Normalisation forms (NFC and NFD), case across scripts (Ä/ä, Σ/σ/ς, Ё/ё), full-width
letters (ＫＩＭ), zero-width characters inside words (U+200B, U+200D, soft hyphens) and
right-to-left text with its points (Arabic, Hebrew), end to end: saved through the
editor, searched through ``CatalogService.search`` on SQLite and PostgreSQL, through SQL
and through the columnar index, and read back unchanged. ``catalog.domain.names.fold``
does the folding for both databases; its unit cases are at the bottom.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from catalog.domain.collation import sort_key
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.names import fold
from catalog.domain.records import AuthorityKind, Role
from catalog.domain.views import SortKey
from catalog.services.catalog import CatalogService


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# (title as saved, what a user types to find it)
FINDS: list[tuple[str, str]] = [
    (nfd("Café in Zürich"), nfc("café zürich")),
    (nfc("Café in Zürich"), nfd("CAFÉ ZÜRICH")),
    ("ÄRZTE ohne Grenzen", "ärzte"),
    ("ärzte ohne grenzen", "ÄRZTE"),
    ("ärzte ohne grenzen", "arzte"),
    ("ΟΔΟΣ ΣΤΑΔΙΟΥ", "οδος"),  # final sigma typed, capital saved
    ("οδός Σταδίου", "ΟΔΟΣ"),
    ("οδός Σταδίου", "οδοσ"),
    ("ЁЛКА во дворе", "ёлка"),
    ("ёлка во дворе", "ЁЛКА"),
    ("ёлка во дворе", "елка"),  # ё is often written е
    ("ＫＩＭ Il Sung", "kim"),
    ("Kim Il Sung", "ＫＩＭ"),
    ("Ki\u200bm Il Sung", "kim"),  # a zero-width space inside the name
    ("Kim Il Sung", "Ki\u200bm"),
    ("Ki\u200dm Jong Il", "kim jong"),  # a zero-width joiner
    ("Kim Jong Il", "K\u200dim"),
    ("Ki\u00adm Chaek", "kim chaek"),  # a soft hyphen
    ("\ufeffKim Tu-bong", "kim"),  # a byte-order mark pasted in front
    ("رسالة من محمد", "محمد"),
    ("رسالة من مُحَمَّد", "محمد"),  # with its vowel points
    ("رسالة من محمد", "مُحَمَّد"),
    ("מכתב משלום", "משלום"),
    ("מכתב מִשָּׁלוֹם", "משלום"),  # with niqqud
    ("\u202bמכתב משלום\u202c", "משלום"),  # wrapped in bidi embedding marks
]


@pytest.fixture
def catalogue(catalogue_target: str, tmp_path: object) -> Iterator[CatalogService]:
    service = CatalogService.open(catalogue_target, user="tester")
    try:
        yield service
    finally:
        service.close()


def _create(service: CatalogService, title: str, **fields: object) -> int:
    editor = service.editor
    assert editor is not None
    record_id, _ = editor.create_record(RecordDraft(title=title, **fields))  # type: ignore[arg-type]
    return record_id


@pytest.mark.parametrize("indexed", [False, True], ids=["sql", "index"])
def test_found_whichever_form_is_typed(catalogue: CatalogService, indexed: bool) -> None:
    titles = sorted({title for title, _ in FINDS})
    ids = {title: _create(catalogue, title) for title in titles}
    _create(catalogue, "Unrelated letter about the harvest")
    if indexed:
        catalogue.prepare_index()
    missed = []
    for title, typed in FINDS:
        found = set(catalogue.search(typed).ids)
        if ids[title] not in found:
            missed.append((title, typed))
        assert len(found) < len(ids) + 1, f"{typed!r} found everything"
    assert missed == []


@pytest.mark.parametrize("indexed", [False, True], ids=["sql", "index"])
def test_names_and_fields_fold_alike(catalogue: CatalogService, indexed: bool) -> None:
    """A person's name typed in another form finds the record through person:."""
    saved = _create(
        catalogue,
        "Letter",
        names=(NameChoice(AuthorityKind.PERSON, nfd("Müller, Jürgen"), Role.AUTHOR),),
    )
    _create(
        catalogue,
        "Another letter",
        names=(NameChoice(AuthorityKind.PERSON, "ＫＩＭ\u200b Il Sung", Role.AUTHOR),),
    )
    if indexed:
        catalogue.prepare_index()
    assert list(catalogue.search(f'person:"{nfc("MÜLLER, JÜRGEN")}"').ids) == [saved]
    assert list(catalogue.search('person:"muller, jurgen"').ids) == [saved]
    assert list(catalogue.search("muller").ids) == [saved]
    other = catalogue.search('person:"kim il sung"').ids
    assert len(other) == 1 and saved not in other


def test_text_is_shown_as_saved(catalogue: CatalogService) -> None:
    """No form is normalised away: what the archivist typed is what the record holds."""
    titles = [title for title, _ in FINDS]
    for title in dict.fromkeys(titles):
        record_id = _create(catalogue, title, summary=title)
        record = catalogue.detail(record_id)
        assert record.title == title
        assert record.summary == title
        (summary,) = catalogue.summaries([record_id])
        assert summary.title == record.title


def test_titles_sort_sensibly(catalogue: CatalogService) -> None:
    """Case, diacritics, width and normalisation form do not move a title."""
    ordered = [
        "apple",
        nfd("Ärger"),
        "Banana",
        "éclair",
        nfc("Élan"),
        "ＦＯＸ",
        "fox hunt",
        "Ki\u200bm Il Sung",
        "Kim Jong Il",
        "zebra",
        "ἄλφα",  # then other scripts, each in its alphabet's order
        "Ωμέγα",
        "Ёлка",
        "ель",
        "Юг",
    ]
    for title in reversed(ordered):
        _create(catalogue, title)
    ids = catalogue.search("", sort=SortKey.TITLE).ids
    assert [catalogue.detail(i).title for i in ids] == ordered
    catalogue.prepare_index()
    assert list(catalogue.search("", sort=SortKey.TITLE).ids) == list(ids)


# ----------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (nfd("Zürich"), nfc("zürich")),
        ("Σ", "ς"),
        ("Σ", "σ"),
        ("Ё", "е"),
        ("ＫＩＭ", "kim"),
        ("Ki\u200bm", "kim"),
        ("Ki\u200cm", "kim"),
        ("Ki\u200dm", "kim"),
        ("Ki\u2060m", "kim"),
        ("Ki\u00adm", "kim"),
        ("\ufeffkim", "kim"),
        ("مُحَمَّد", "محمد"),
        ("מִשָּׁלוֹם", "משלום"),
        ("\u202bשלום\u202c", "שלום"),
        ("\u200fשלום", "שלום"),
    ],
)
def test_fold_makes_forms_meet(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert sort_key(a) == sort_key(b)


def test_fold_keeps_what_differs() -> None:
    """Folding is not erasing: different words stay different."""
    assert fold("kim") != fold("kin")
    assert fold("محمد") != fold("احمد")
    assert fold("Ёлка") != fold("Юлка")
    assert fold("ὁ") != fold("ἡ")
    assert fold("a\u200bb") == "ab"  # zero width: nothing, not a space
    assert fold("a b") == "a b"


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("Letter\x00 with a NUL", "Letter with a NUL"),
        ("Letter with a lone \ud800 surrogate", "Letter with a lone \ufffd surrogate"),
        ("Bell\x07 and\ttab", "Bell and tab"),
    ],
)
def test_text_no_database_can_hold_is_cleaned(
    catalogue: CatalogService, title: str, kept: str
) -> None:
    """Pasted text with a NUL, a control character or a lone surrogate is cleaned, the
    same on every database, never a database error."""
    record_id = _create(catalogue, title)
    stored = catalogue.detail(record_id).title
    assert stored == kept
    stored.encode("utf-8")


def test_a_note_with_a_nul_or_a_lone_surrogate_is_cleaned(catalogue: CatalogService) -> None:
    editor = catalogue.editor
    assert editor is not None
    record_id = _create(catalogue, "Letter")
    editor.add_note(record_id, "seen\x00 in \ud800 Moscow")
    (note,) = catalogue.detail(record_id).annotations
    assert note.text == "seen in \ufffd Moscow"
