"""Document types: the controlled list, guessing from titles, normalising free values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.doctypes import (
    DOCUMENT_TYPES,
    guess_document_type,
    normalise_document_type,
)
from catalog.domain.names import fold


def test_list_is_deduplicated_and_holds_the_core_types() -> None:
    assert len({fold(t) for t in DOCUMENT_TYPES}) == len(DOCUMENT_TYPES)
    for wanted in (
        "Cable",
        "Telegram",
        "Journal/Diary",
        "Memorandum",
        "Memorandum of Conversation",
        "Record of Conversation",
        "Letter",
        "Report",
        "Minutes",
        "Note",
        "Notes",
        "Speech",
        "Statement",
        "Agreement",
        "Resolution",
        "Decree",
        "Instruction",
        "Information",
        "Bulletin",
        "Transcript",
        "Interview",
        "Intelligence Brief",
    ):
        assert wanted in DOCUMENT_TYPES


SAMPLE_TITLES = [
    ("Journal of Soviet Ambassador to the DPRK V. I. Ivanov for 6 December 1955", "Journal/Diary"),
    (
        "Record of a Conversation between Soviet Embassy Counsellor Lazarev and Ri Dong-yong",
        "Record of Conversation",
    ),
    (
        "Record of a Conversation with Cde. Ri Dong-yong, First Deputy DPRK Minister of "
        "Foreign Affairs",
        "Record of Conversation",
    ),
    ("Memorandum to the CPSU CC on Soviet Koreans", "Memorandum"),
    (
        "Cable, Chinese Embassy in North Korea to the Foreign Ministry Consular Affairs Department",
        "Cable",
    ),
    (
        "Cable from the Chinese Interior Ministry, 'Reply to the Letter from the Korean Side "
        "Proposing that Former Captives Who are Chinese Citizen Korean Nationality People’s "
        "Army Soldiers be given Veteran’s Benefits'",
        "Cable",
    ),
    (
        "Cable from the 3rd Bureau of the Ministry of Public Security, 'On the Issue of "
        "Citizenship for Demobilized Korean People's Army Soldiers'",
        "Cable",
    ),
    (
        "Memo of Conversation of Deputy Office Director Huang Yugui Deputy with [North] Korean "
        "Consul General in Changchun Jeong Bong-gyu, January 20, 1961",
        "Memorandum of Conversation",
    ),
]


@pytest.mark.parametrize(("title", "expected"), SAMPLE_TITLES)
def test_sample_titles(title: str, expected: str) -> None:
    assert guess_document_type(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Letter from Kim Il Sung to Stalin", "Letter"),
        (
            "Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov",
            "Letter",
        ),
        ("Telegram from Mao Zedong to Stalin", "Telegram"),
        ("Ciphered Telegram, Shtykov to Vyshinsky", "Telegram"),
        ("Report on the Situation in Korea", "Report"),
        ("Report of the Hungarian Ministry of Foreign Affairs [F. Somogyi]", "Report"),
        ("Minutes of the meeting of the Presidium", "Minutes"),
        ("Minutes of Conversation between Mao Zedong and Kim Il Sung", "Record of Conversation"),
        ("Record of Talks between Zhou Enlai and Nam Il", "Record of Conversation"),
        ("Memorandum of Conversation with Secretary Dulles", "Memorandum of Conversation"),
        ("Diary of Soviet Ambassador Puzanov", "Journal/Diary"),
        ("Excerpt from the Diary of V. V. Kuznetsov", "Journal/Diary"),
        ("Top Secret Cable from Beijing", "Cable"),
        ("Draft Letter to the Central Committee", "Letter"),
        ("Note from the Soviet Embassy", "Note"),
        ("Notes on a meeting with Ulbricht", "Notes"),
        ("Speech by Kim Il Sung at the Third Party Congress", "Speech"),
        ("Joint Statement of the Governments", "Statement"),
        ("Agreement on Economic and Cultural Cooperation", "Agreement"),
        ("Resolution of the CC Plenum", "Resolution"),
        ("Decree of the Presidium of the Supreme Soviet", "Decree"),
        ("Instructions to the Soviet Ambassador", "Instruction"),
        ("Information on the Situation in the DPRK", "Information"),
        ("Bulletin of the Foreign Ministry", "Bulletin"),
        ("Transcript of the Meeting", "Transcript"),
        ("Interview with Kim Il Sung", "Interview"),
        # Russian titles state the type first too; CJK titles end their first phrase with it.
        ("Запись беседы посла СССР с Ким Ир Сеном", "Record of Conversation"),
        ("Дневник посла СССР в КНДР В. И. Иванова", "Journal/Diary"),
        ("Совершенно секретно. Шифртелеграмма из Пхеньяна", "Telegram"),
        ("Докладная записка в ЦК КПСС", "Memorandum"),
        ("Отчёт посольства СССР", "Report"),
        ("周恩来与金日成谈话记录", "Record of Conversation"),
        ("中国驻朝鲜大使馆致外交部电报：关于志愿军的信", "Cable"),
        ("外交部会议纪要", "Minutes"),
        ("김일성과 남일의 대화록", "Record of Conversation"),
        ("중국대사관 전보", "Cable"),
        ("毛泽东", ""),
        # Case, leading quotes and brackets do not matter.
        ("CABLE FROM THE EMBASSY", "Cable"),
        ("'Memorandum to the CPSU CC'", "Memorandum"),
        ("[Letter] from Pak Hon-yong", "Letter"),
        ("  “Report on the Congress”", "Report"),
        # The head noun of the first phrase, when the title does not start with a type.
        ("Soviet Embassy Report on the Situation", "Report"),
        ("Zhou Enlai's Letter to Kim Il Sung", "Letter"),
        ("Intelligence Information Cable on Chile", "Cable"),
        ("TEXT OF FOREIGN MINISTRY NOTE NO. 18557 OF DECEMBER 13, 1973", "Note"),
        # A type word inside a quoted subtitle or after the first comma does not count.
        ("TASS Digest Distributed to Cde. Stalin, 'The Letter of a Mexican Newspaper'", ""),
        ("Kim Il Sung, Report to the Congress", ""),
        # Nothing fits.
        ("Djilas's First Conversation with Stalin", ""),
        ("MILITARY COURT UPHOLDS DECISION TO CLOSE PASSPORT FRAUD CASE", ""),
        ("Human rights situation in Chile", ""),
        ("", ""),
        ("   ", ""),
        ("'", ""),
        # Words that contain a type word are not that type.
        ("Reporting on Cablegrams and Memoirs", ""),
    ],
)
def test_titles(title: str, expected: str) -> None:
    assert guess_document_type(title) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("CABLE", "Cable"),
        ("TELEGRAM", "Telegram"),
        ("MEMORANDUM", "Memorandum"),
        ("LETTER", "Letter"),
        ("REPORT", "Report"),
        ("INTELLIGENCE BRIEF", "Intelligence Brief"),
        ("MEETING MINUTES", "Minutes"),
        ("cable", "Cable"),
        ("  Journal/Diary ", "Journal/Diary"),
        ("diary", "Journal/Diary"),
        ("memo", "Memorandum"),
        ("MEMCON", "Memorandum of Conversation"),
        ("memorandum of conversation", "Memorandum of Conversation"),
        ("RECORD OF CONVERSATION", "Record of Conversation"),
        ("Ciphered telegram", "Telegram"),
        ("Unknown", ""),
        ("N/A", ""),
        ("", ""),
        ("-", ""),
        ("PHOTOGRAPH", "Photograph"),
        ("press   release", "Press Release"),
        ("PRESIDENT'S DAILY BRIEF", "President's Daily Brief"),
    ],
)
def test_normalise(value: str, expected: str) -> None:
    assert normalise_document_type(value) == expected


@given(st.text())
def test_guess_always_returns_a_listed_type_or_nothing(title: str) -> None:
    assert guess_document_type(title) in ("", *DOCUMENT_TYPES)


@given(st.text())
def test_normalise_never_fails_and_is_stable(value: str) -> None:
    once = normalise_document_type(value)
    assert isinstance(once, str)
    if once in DOCUMENT_TYPES:
        assert normalise_document_type(once) == once


@pytest.mark.parametrize("value", DOCUMENT_TYPES)
def test_listed_types_normalise_to_themselves(value: str) -> None:
    assert normalise_document_type(value) == value
    assert normalise_document_type(value.upper()) == value
