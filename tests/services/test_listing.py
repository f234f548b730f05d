"""The digital-archive listing importer: the sample, the ways it gets copied, the errors."""

from __future__ import annotations

import codecs
import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.errors import ImportFileError
from catalog.domain.records import RecordInput
from catalog.services.transfer import listing_text
from catalog.services.transfer.listing import (
    NO_ENTRIES,
    ListingImporter,
    normalise,
    parse_listing,
    read_listing,
)
from catalog.services.transfer.registry import Importer, Registry

Fields = tuple[str, str, str, str]

SAMPLE_TYPES = [
    "Journal/Diary",
    "Journal/Diary",
    "Record of Conversation",
    "Journal/Diary",
    "Memorandum",
    "Journal/Diary",
    "Journal/Diary",
    "Journal/Diary",
    "Record of Conversation",
    "Cable",
    "Cable",
    "Cable",
    "Cable",
    "Memorandum of Conversation",
    "Cable",
]
SAMPLE_LINES = [6 + 6 * i for i in range(15)]


def fields(records: list[RecordInput]) -> list[Fields]:
    return [(r.title, r.date_text, r.summary, r.doc_type) for r in records]


def parse_bytes(data: bytes, path: str = "listing.txt", chunk: int = 0) -> list[RecordInput]:
    """The records of a file's bytes, read in chunks of ``chunk`` bytes (0: all at once)."""
    size = chunk or max(len(data), 1)
    return list(read_listing(lambda: (data[i : i + size] for i in range(0, len(data), size)), path))


@pytest.fixture(scope="module")
def sample_text(sample_listing: Path) -> str:
    return sample_listing.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_records(sample_listing: Path) -> list[RecordInput]:
    return list(ListingImporter().read(sample_listing))


# --------------------------------------------------------------------------- the sample


def test_sample_has_fifteen_records(sample_records: list[RecordInput]) -> None:
    assert len(sample_records) == 15
    assert all(isinstance(r, RecordInput) for r in sample_records)


def test_sample_first_record(sample_records: list[RecordInput]) -> None:
    first = sample_records[0]
    assert first.date_text == "December 06, 1955"
    assert first.title == (
        "Journal of Soviet Ambassador to the DPRK V. I. Ivanov for 6 December 1955"
    )
    assert first.summary == (
        "Nam Il tells Ivanov that Kim Il Sung is actively working to settle the issue of "
        "citizenship among Soviet Koreans in the party. Kim acknowledges that granting them "
        "citizenship could help ease relations between them and local Koreans. Nam insists "
        "that Kim does not believe that the Soviet Koreans are ill-intentioned."
    )
    assert first.doc_type == "Journal/Diary"
    assert first.line == 6


def test_sample_month_only_record(sample_records: list[RecordInput]) -> None:
    record = sample_records[9]
    assert record.date_text == "October, 1959"
    assert record.title == (
        "Cable, Chinese Embassy in North Korea to the Foreign Ministry Consular Affairs Department"
    )
    assert record.summary == (
        "Chinese and North Korean officials attempt to resolve the messy citizenship question "
        "of KPA veterans with ties to China."
    )
    assert record.doc_type == "Cable"
    assert record.line == 60


def test_sample_curly_apostrophes_are_kept(sample_records: list[RecordInput]) -> None:
    assert sample_records[1].summary == (
        "Ambassador Ivanov speaks with Nam Il about Soviet Koreans’ citizenship and "
        "agricultural cooperatives."
    )
    assert "Nationality People’s Army Soldiers be given Veteran’s Benefits'" in (
        sample_records[10].title
    )


def test_sample_last_record(sample_records: list[RecordInput]) -> None:
    last = sample_records[-1]
    assert last.date_text == "February 22, 1961"
    assert last.title == (
        "Cable, Foreign Affairs Office of the Jilin Provincial People's Committee to the "
        "Foreign Ministry Consular Affairs Department"
    )
    assert last.summary == (
        "A cover memo for a conversation between Huang Yugui and the North Korean Consul "
        "General in Changchun, Jeong Bong-gyu."
    )
    assert last.line == 90


def test_sample_types_and_lines(sample_records: list[RecordInput]) -> None:
    assert [r.doc_type for r in sample_records] == SAMPLE_TYPES
    assert [r.line for r in sample_records] == SAMPLE_LINES
    assert all(r.title and r.summary and r.date_text for r in sample_records)


def test_sample_dates(sample_records: list[RecordInput]) -> None:
    assert [r.date_text for r in sample_records] == [
        "December 06, 1955",
        "December 24, 1955",
        "January 02, 1956",
        "January 13, 1956",
        "February 02, 1956",
        "September 04, 1957",
        "November 01, 1957",
        "December 09, 1957",
        "February 05, 1958",
        "October, 1959",
        "October 28, 1959",
        "April 04, 1960",
        "May 11, 1960",
        "January 20, 1961",
        "February 22, 1961",
    ]


def test_importer_conforms_and_is_detected(sample_listing: Path) -> None:
    importer: Importer = ListingImporter()
    assert importer.name == "listing"
    assert importer.label == "Digital-archive listing (text)"
    registry = Registry(importers={"listing": importer}, exporters={})
    assert registry.detect(sample_listing) is importer


# --------------------------------------------------------------------------- variants


def _drop_header(text: str) -> str:
    return text[text.index("  •") :]


def _indent_with_tabs(text: str) -> str:
    return re.sub(r"(?m)^ +", lambda m: "\t" * (len(m[0]) // 2), text)


def _wrap_titles(text: str) -> str:
    """Wrap every long title line onto a second line directly below it."""

    def wrap(match: re.Match[str]) -> str:
        indent, line = match[1], match[2]
        cut = line.index(" ", 40)
        return f"{indent}{line[:cut]}\n{indent}{line[cut + 1 :]}"

    titles = re.compile(r"(?m)^( {4})((?:Journal|Record|Memo|Cable).{60,})$")
    return titles.sub(wrap, text)


SAME_LINES: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode(),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode(),
    "utf-16 with BOM": lambda t: t.encode("utf-16"),
    "utf-16-le with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode(),
    "cr only": lambda t: t.replace("\n", "\r").encode(),
    "tabs": lambda t: _indent_with_tabs(t).encode(),
    "no indentation": lambda t: re.sub(r"(?m)^[ \t]+", "", t).encode(),
    "no bullets": lambda t: t.replace("• ", "").encode(),
    "bullet ·": lambda t: t.replace("•", "·").encode(),
    "bullet *": lambda t: t.replace("•", "*").encode(),
    "bullet -": lambda t: t.replace("•", "-").encode(),
    "bullet –": lambda t: t.replace("•", "–").encode(),
    "bullet touching the date": lambda t: t.replace("• ", "•").encode(),
    "trailing whitespace": lambda t: re.sub(r"(?m)$", " \t ", t).encode(),
    "final newlines": lambda t: (t + "\n\n\n").encode(),
    "blank lines of spaces": lambda t: t.replace("\n\n", "\n   \t\n").encode(),
    "nbsp in the date": lambda t: t.replace("December 06,", "December\u00a006,").encode(),
}


@pytest.mark.parametrize("variant", SAME_LINES, ids=list(SAME_LINES))
def test_variants_read_like_the_sample(
    variant: str, sample_text: str, sample_records: list[RecordInput]
) -> None:
    records = parse_bytes(SAME_LINES[variant](sample_text))
    assert fields(records) == fields(sample_records)
    assert [r.line for r in records] == SAMPLE_LINES


SHIFTED: dict[str, Callable[[str], bytes]] = {
    "header removed": lambda t: _drop_header(t).encode(),
    "no header, no bullets, tabs, crlf, BOM": lambda t: (
        codecs.BOM_UTF8
        + _indent_with_tabs(_drop_header(t).replace("• ", "")).replace("\n", "\r\n").encode()
    ),
    "several blank lines": lambda t: t.replace("\n\n", "\n\n\n\n").encode(),
    "no blank lines at all": lambda t: re.sub(r"\n\s*\n", "\n", t).encode(),
    "no blank lines, no bullets": lambda t: re.sub(r"\n\s*\n", "\n", t).replace("• ", "").encode(),
    "wrapped titles": lambda t: _wrap_titles(t).encode(),
    "page boilerplate": lambda t: (
        "Search in\nDigital Archive\n15 results\nShowing 1 - 15 of 15 results\n"
        "Sort by: Date (oldest first)\nPage 1 of 1\n\n"
        + t
        + "\n\nPage 1 of 1\n« Previous 1 Next »\nBack to top\n"
    ).encode(),
}


@pytest.mark.parametrize("variant", SHIFTED, ids=list(SHIFTED))
def test_shifted_variants_read_like_the_sample(
    variant: str, sample_text: str, sample_records: list[RecordInput]
) -> None:
    data = SHIFTED[variant](sample_text)
    records = parse_bytes(data)
    assert fields(records) == fields(sample_records)
    lines = re.split(r"\r\n|\r|\n", data.decode("utf-8-sig"))
    for record in records:
        assert record.line is not None
        assert record.date_text in lines[record.line - 1]


def test_wrapped_titles_really_wrap(sample_text: str) -> None:
    wrapped = _wrap_titles(sample_text)
    assert wrapped.count("\n") > sample_text.count("\n") + 10


def test_entry_without_summary(sample_text: str, sample_records: list[RecordInput]) -> None:
    summary = sample_records[4].summary
    text = sample_text.replace(f"    {summary}\n\n", "")
    assert text != sample_text
    records = parse_bytes(text.encode())
    expected = fields(sample_records)
    expected[4] = (*expected[4][:2], "", expected[4][3])
    assert fields(records) == expected
    assert [r.line for r in records][:5] == SAMPLE_LINES[:5]


def test_every_entry_without_summary(sample_text: str, sample_records: list[RecordInput]) -> None:
    text = sample_text
    for record in sample_records:
        text = text.replace(f"\n    {record.summary}", "")
    records = parse_bytes(text.encode())
    assert [(r.title, r.date_text, r.summary) for r in records] == [
        (r.title, r.date_text, "") for r in sample_records
    ]


def test_summary_of_two_paragraphs(sample_text: str, sample_records: list[RecordInput]) -> None:
    summary = sample_records[5].summary
    first, rest = summary.split(" Then ", 1)
    text = sample_text.replace(summary, f"{first}\n\n\n    Then {rest}")
    records = parse_bytes(text.encode())
    assert records[5].summary == f"{first}\n\nThen {rest}"
    others = [f for i, f in enumerate(fields(records)) if i != 5]
    assert others == [f for i, f in enumerate(fields(sample_records)) if i != 5]


def test_summary_wrapped_within_a_paragraph() -> None:
    text = "• May 11, 1960\n\nCable from Beijing\n\nFirst line of the summary\ngoes on here.\n"
    (record,) = parse_listing(text)
    assert record.summary == "First line of the summary goes on here."


SCRIPTS = {
    0: ("김일성과 남일의 대화록", "김일성은 소련 국적 문제를 논의했다.", "Record of Conversation"),
    1: ("中国驻朝鲜大使馆致外交部电报", "中朝官员试图解决志愿军老战士的国籍问题。", "Cable"),
    2: ("Запись беседы советника Лазарева с Ли Дон Ёном", "Лазарев…", "Record of Conversation"),
}


@pytest.mark.parametrize("encode", ["utf-8", "utf-16"])
def test_titles_and_summaries_in_other_scripts(
    encode: str, sample_text: str, sample_records: list[RecordInput]
) -> None:
    text = sample_text
    expected = fields(sample_records)
    for index, (title, summary, doc_type) in SCRIPTS.items():
        old = sample_records[index]
        text = text.replace(f"    {old.title}\n", f"    {title}\n", 1)
        text = text.replace(old.summary, summary, 1)
        expected[index] = (title, old.date_text, summary, doc_type)
    records = parse_bytes(text.encode(encode))
    assert fields(records) == expected
    assert [r.line for r in records] == SAMPLE_LINES


# --------------------------------------------------------------------------- heuristics


def test_bare_year_summary_in_a_bulleted_listing_stays_a_summary() -> None:
    text = "• 1959\n\nReport on the harvest\n\n1959\n\n• 1960\n\nReport on the plan\n\n1960\n"
    records = list(parse_listing(text))
    assert [(r.date_text, r.title, r.summary) for r in records] == [
        ("1959", "Report on the harvest", "1959"),
        ("1960", "Report on the plan", "1960"),
    ]


def test_bare_year_summary_in_a_listing_without_bullets_stays_a_summary() -> None:
    text = (
        "October, 1959\n\nReport on the harvest\n\n1959\n\n"
        "May 11, 1960\n\nReport on the plan\n\n1960\n"
    )
    records = list(parse_listing(text))
    assert [(r.date_text, r.title, r.summary, r.line) for r in records] == [
        ("October, 1959", "Report on the harvest", "1959", 1),
        ("May 11, 1960", "Report on the plan", "1960", 7),
    ]


def test_bulleted_date_always_starts_an_entry() -> None:
    text = "• 1959\nReport on the harvest\n• 1960\nLetter from Kim\nA summary.\n"
    records = list(parse_listing(text))
    assert [(r.date_text, r.title, r.summary, r.line) for r in records] == [
        ("1959", "Report on the harvest", "", 1),
        ("1960", "Letter from Kim", "A summary.", 3),
    ]


def test_stray_bulleted_year_in_a_listing_without_bullets() -> None:
    text = (
        "October, 1959\n\nReport on the harvest\n\nFigures for:\n\n- 1959\n\n"
        "May 11, 1960\n\nReport on the plan\n\nSummary.\n\n"
        "June 1, 1960\n\nLetter from Kim\n\nSummary.\n"
    )
    records = list(parse_listing(text))
    assert [(r.date_text, r.title, r.summary) for r in records] == [
        ("October, 1959", "Report on the harvest", "Figures for:\n\n- 1959"),
        ("May 11, 1960", "Report on the plan", "Summary."),
        ("June 1, 1960", "Letter from Kim", "Summary."),
    ]


def test_long_line_holding_a_date_is_not_a_date_line() -> None:
    text = "• 1959\n\nReport\n\n" + "December 06, 1955 " * 10 + "\n"
    (record,) = parse_listing(text)
    assert record.summary.startswith("December 06, 1955 December")


def test_header_before_the_first_entry_is_ignored() -> None:
    text = "My search for citizenship\nsaved 2024\n\n• 1959\n\nReport on X\n\nSummary.\n"
    (record,) = parse_listing(text)
    assert (record.title, record.summary, record.line) == ("Report on X", "Summary.", 4)


# --------------------------------------------------------------------------- errors


def _error(data: bytes) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        parse_bytes(data, "in.txt")
    return caught.value


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n", codecs.BOM_UTF8, b"\xff\xfe"])
def test_empty_file(data: bytes) -> None:
    error = _error(data)
    assert error.reason == "the file is empty"
    assert error.path == "in.txt"
    assert error.line is None


@pytest.mark.parametrize(
    "text",
    [
        "Search in\n\nDigital Archive International History Declassified\n",
        "Just some notes\nabout citizenship.\n",
        "[1, 2, 3]",
        "15 results\nPage 1 of 2\n",
    ],
)
def test_no_entries(text: str) -> None:
    error = _error(text.encode())
    assert error.reason == NO_ENTRIES
    assert error.reason == (
        "no entries found: expected a date line such as 'December 06, 1955' followed by a title"
    )
    assert str(error).startswith("in.txt: no entries found")


def test_nul_bytes() -> None:
    error = _error(b"\xe2\x80\xa2 May 11, 1960\n\nCable\r\nabc\x00def\n")
    assert (error.reason, error.line) == ("binary data at line 4", 4)
    assert str(error) == "in.txt:4: binary data at line 4"


def test_nul_in_utf16_text() -> None:
    error = _error("• May 11, 1960\nCable\n\x00\n".encode("utf-16"))
    assert (error.reason, error.line) == ("binary data at line 3", 3)


def test_nul_in_text() -> None:
    with pytest.raises(ImportFileError, match="binary data at line 2"):
        list(parse_listing("• 1959\nTitle\x00\n"))


def test_not_utf8(sample_text: str) -> None:
    lines = sample_text.encode().split(b"\n")
    lines[19] += " Soviet Koreans’ réunion".encode("cp1252")  # not UTF-8, on line 20
    data = b"\n".join(lines)
    error = _error(data)
    byte = data.index(b"\x92") + 1
    assert (error.reason, error.line) == (f"not UTF-8 text at line 20 (byte {byte})", 20)


def test_not_utf8_after_a_bom() -> None:
    error = _error(codecs.BOM_UTF8 + b"\xe2\x80\xa2 1959\r\nCable \x81\r\n")
    assert (error.reason, error.line) == ("not UTF-8 text at line 2 (byte 20)", 2)


def test_bad_utf16() -> None:
    data = codecs.BOM_UTF16_LE + "• 1959\nCable\n".encode("utf-16-le") + b"\x00\xd8A\x00"
    error = _error(data)
    assert (error.reason, error.line) == ("not UTF-16 text at line 3", 3)


# What a line's text is: its ends stripped of spaces and invisible characters, inner runs
# of spaces (zero-width ones too) as one space. ``normalise`` does it without regexes.
EDGES = re.compile(r"^[\s\ufeff\u200b-\u200f\u2060]+|[\s\ufeff\u200b-\u200f\u2060]+$")
INNER_SPACES = re.compile(r"[\s\u200b\u2060]+")
TRICKY = " \t\x0b\x1c\x85\xa0\u2003\u3000\u200b\u200c\u200d\u200e\u200f\u2060\ufeffab•"


@given(st.text() | st.text(alphabet=TRICKY))
def test_a_line_is_normalised_as_the_patterns_say(raw: str) -> None:
    assert normalise(raw) == INNER_SPACES.sub(" ", EDGES.sub("", raw))


# --------------------------------------------------------------------------- streaming

CHUNKS = [1, 2, 3, 5, 4096]


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("variant", ["utf-8 with BOM", "utf-16-be with BOM", "crlf", "cr only"])
def test_a_file_read_in_chunks_reads_as_a_whole(
    variant: str, chunk: int, sample_text: str, sample_records: list[RecordInput]
) -> None:
    text = sample_text.replace(sample_records[0].title, SCRIPTS[0][0])  # Hangul: 3 bytes each
    data = SAME_LINES[variant](text)
    assert fields(parse_bytes(data, chunk=chunk)) == fields(parse_bytes(data))
    assert [r.line for r in parse_bytes(data, chunk=chunk)] == SAMPLE_LINES


BAD_FILES = {
    "NUL": b"\xe2\x80\xa2 May 11, 1960\n\nCable\r\nabc\x00def\n",
    "cp1252": "* 1959\r\n\r\nCable\r\nSoviet Koreans’ réunion\n".encode("cp1252"),
    "after a BOM": codecs.BOM_UTF8 + b"\xe2\x80\xa2 1959\r\nCable \x81\r\n",
    "cut short": "• 1959\nCable from Pyongyang 김".encode()[:-1],
    "UTF-16": codecs.BOM_UTF16_LE + "• 1959\nCable\n".encode("utf-16-le") + b"\x00\xd8A\x00",
    "NUL in UTF-16": "• May 11, 1960\nCable\n\x00\n".encode("utf-16"),
}


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("name", BAD_FILES)
def test_errors_name_the_same_line_and_byte_in_any_chunks(name: str, chunk: int) -> None:
    with pytest.raises(ImportFileError) as whole:
        parse_bytes(BAD_FILES[name])
    with pytest.raises(ImportFileError) as chunked:
        parse_bytes(BAD_FILES[name], chunk=chunk)
    assert (chunked.value.reason, chunked.value.line) == (whole.value.reason, whole.value.line)
    assert whole.value.line is not None and whole.value.line > 1


@given(st.binary(max_size=200), st.integers(min_value=1, max_value=9))
def test_any_bytes_read_alike_in_any_chunks(data: bytes, chunk: int) -> None:
    def outcome(size: int) -> object:
        try:
            return fields(parse_bytes(data, chunk=size))
        except ImportFileError as error:
            return (error.reason, error.line)

    assert outcome(chunk) == outcome(0)


def test_a_long_listing_is_read_an_entry_at_a_time(
    monkeypatch: pytest.MonkeyPatch, sample_text: str, tmp_path: Path
) -> None:
    monkeypatch.setattr(listing_text, "CHUNK", 1 << 14)
    entries = sample_text[sample_text.index("  •") :].rstrip() + "\n\n"
    path = tmp_path / "long.txt"
    path.write_text(entries * 401, encoding="utf-8")  # 6,015 records, 2 MB
    size = path.stat().st_size

    tracemalloc.start()
    try:
        count = sum(1 for _ in ListingImporter().read(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 15 * 401
    assert peak < size / 3  # the text is never held whole (nor its lines)


def test_entry_without_title() -> None:
    text = "Search in\n\n  • December 06, 1955\n\n  • December 24, 1955\n\n  Journal of X\n"
    error = _error(text.encode())
    assert error.line == 3
    assert error.reason == (
        "the entry dated 'December 06, 1955' has no title (expected a title line below the date)"
    )


def test_last_entry_without_title() -> None:
    text = "• 1959\n\nReport on X\n\nSummary.\n\n• October, 1959\n\n\n"
    error = _error(text.encode())
    assert error.line == 7
    assert "'October, 1959' has no title" in error.reason


def test_title_too_long() -> None:
    title = "Cable " + "x" * 1995
    error = _error(f"• 1959\n\nReport\n\n• 1960\n\n{title}\n\nSummary.\n".encode())
    assert error.line == 7
    assert error.reason == "the title is longer than 2,000 characters (2,001)"


def test_title_of_2000_characters_is_fine() -> None:
    title = "Cable " + "x" * 1994
    (record,) = parse_listing(f"• 1960\n{title}\n")
    assert len(record.title) == 2000


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot read the file"):
        list(ListingImporter().read(tmp_path / "absent.txt"))


def test_read_reports_the_path(tmp_path: Path) -> None:
    path = tmp_path / "listing.txt"
    path.write_bytes(b"nothing here\n")
    with pytest.raises(ImportFileError) as caught:
        list(ListingImporter().read(path))
    assert caught.value.path == str(path)


# --------------------------------------------------------------------------- sniff


def test_sniff_accepts_listings(sample_text: str) -> None:
    sniff = ListingImporter().sniff
    data = sample_text.encode()
    assert sniff(data, Path("a.txt"))
    assert sniff(data[:300], Path("a.txt"))
    assert sniff(codecs.BOM_UTF8 + data, Path("a.txt"))
    assert sniff(sample_text.encode("utf-16"), Path("a.txt"))
    assert sniff(sample_text.encode("utf-16")[:301], Path("a.txt"))
    assert sniff(_drop_header(sample_text).encode()[:500], Path("a.txt"))
    no_bullets = _drop_header(sample_text).replace("• ", "").replace("\n", "\r")
    assert sniff(no_bullets.encode(), Path("a"))


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"  \n",
        b'[{"title": "Cable", "date": "1959"}]',
        b'{"records": []}',
        b"<?xml version='1.0'?><ead/>",
        b"title,date,summary\nCable,1959,Text\n",
        b'"title";"date"\n"Cable";"1959"\n',
        b"id\ttitle\tdate\n1\tCable\t1959\n",
        b"@misc{key, title={Cable}, year={1959}}\n",
        b"TY  - GEN\nTI  - Cable\nPY  - 1959\nER  - \n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"Just some notes\nabout citizenship.\n",
        b"id,title,date\n1,Digital Archive record,1959\n",
    ],
)
def test_sniff_rejects_other_formats(head: bytes) -> None:
    assert not ListingImporter().sniff(head, Path("x"))


def test_sniff_rejects_the_chile_csv(corpus: Path) -> None:
    path = corpus / "chile_declassified" / "chile_documents.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    assert not ListingImporter().sniff(path.read_bytes()[:65536], path)


# --------------------------------------------------------------------------- properties


@given(st.text())
def test_any_text_gives_records_or_an_import_error(text: str) -> None:
    try:
        records = list(parse_listing(text))
    except ImportFileError as error:
        assert error.reason
    else:
        assert all(isinstance(r, RecordInput) and r.title and r.line for r in records)


@given(st.binary())
def test_any_bytes_give_records_or_an_import_error(data: bytes) -> None:
    try:
        parse_bytes(data)
    except ImportFileError as error:
        assert error.reason


@given(st.binary(max_size=300))
def test_sniff_never_fails(data: bytes) -> None:
    assert ListingImporter().sniff(data, Path("x")) in (True, False)


WORDS = [
    "Cable",
    "Kim",
    "Il",
    "Sung",
    "citizenship",
    "Pyongyang",
    "veteran’s",
    "People's",
    "(DPRK)",
    "[North]",
    "No.",
    "3rd",
    "김일성",
    "대화록",
    "毛泽东",
    "电报",
    "Посол",
    "беседы",
]
DATES = ["December 06, 1955", "October, 1959", "1959", "May 11, 1960", "1955-12-06"]
_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
_entry = st.tuples(st.sampled_from(DATES), _text, st.lists(_text, max_size=3))


@given(
    entries=st.lists(_entry, min_size=1, max_size=5),
    bullet=st.sampled_from(["• ", "· ", "* ", "- ", "– ", "•", ""]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    indent=st.sampled_from(["", "  ", "\t", "    "]),
    gap=st.integers(min_value=0, max_value=3),
    header=st.booleans(),
)
def test_generated_listings_read_back(
    entries: list[tuple[str, str, list[str]]],
    bullet: str,
    newline: str,
    indent: str,
    gap: int,
    header: bool,
) -> None:
    blank = newline * (gap + 1)
    parts = ["Search in", "Digital Archive International History Declassified"] if header else []
    for date, title, summary in entries:
        parts += [f"{indent}{bullet}{date}", f"{indent}{title} "]
        parts += [f"{indent}{paragraph}" for paragraph in summary]
    text = blank.join(parts)
    records = list(parse_listing(text))
    assert [(r.date_text, r.title, r.summary) for r in records] == [
        (date, title, "\n\n".join(summary)) for date, title, summary in entries
    ]
