"""Sort keys of titles and names: ICU's root collation, compared as plain strings."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.collation import SORT_LANGUAGES, collation, folded_key, sort_key

icu = pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")


def _in_order(*titles: str) -> list[str]:
    return sorted(titles, key=sort_key)


def test_the_keys_are_icus() -> None:
    assert collation().name == f"icu {icu.ICU_VERSION} unicode {icu.UNICODE_VERSION} root r1"


def test_scripts_come_latin_cyrillic_hangul_han_whatever_the_code_points() -> None:
    # By code point Han (U+4E00...) sorts before Hangul (U+AC00...); ICU's root order puts
    # Hangul first, as every collation of Korean and most others do.
    mixed = ("北京", "서울", "Москва", "Berlin", "東京", "가나", "Ёлка", "apple")
    assert _in_order(*mixed) == [
        "apple",
        "Berlin",
        "Ёлка",
        "Москва",
        "가나",
        "서울",
        "北京",
        "東京",
    ]


def test_russian_letters_fall_where_a_russian_reader_looks_for_them() -> None:
    # й is a letter of its own after и; ё files with е (as Russian dictionaries do).
    assert _in_order("Йемен", "Ирак", "Иран", "Кабул") == ["Ирак", "Иран", "Йемен", "Кабул"]
    assert sort_key("Ёлка") == sort_key("елка")
    assert _in_order("Юг", "Ель", "Жук", "Ёж") == ["Ёж", "Ель", "Жук", "Юг"]  # ж before л


def test_case_width_and_diacritics_tie_and_punctuation_is_passed_over() -> None:
    assert sort_key("Émile") == sort_key("emile") == sort_key("EMILE")
    assert sort_key("ＫＩＭ") == sort_key("kim")
    assert sort_key("'Reply to the Cable'") == sort_key("Reply to the cable")
    assert _in_order("“Zhou”", "'Reply'", "Answer") == ["Answer", "'Reply'", "“Zhou”"]


def test_numbers_in_titles_sort_as_numbers() -> None:
    titles = ("Telegram 10", "Telegram 9", "Telegram 100", "Telegram 2")
    assert _in_order(*titles) == ["Telegram 2", "Telegram 9", "Telegram 10", "Telegram 100"]


def test_keys_are_text_any_database_stores() -> None:
    key = sort_key("Запись беседы с Ким Ир Сеном 金日成 김일성")
    assert key and "\x00" not in key
    assert max(map(ord, key)) <= 0xFF  # one character a byte: strings compare as bytes
    assert key.encode("utf-8").decode("utf-8") == key


def _collator() -> object:
    # An independent collator with the settings the module describes.
    made = icu.Collator.createInstance(icu.Locale.getRoot())
    made.setStrength(icu.Collator.PRIMARY)
    made.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    made.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return made


COLLATOR = _collator()
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)).filter(lambda c: c != "\x00"),
    max_size=12,
)


@given(TEXT, TEXT)
def test_comparing_keys_as_strings_is_comparing_with_the_collator(a: str, b: str) -> None:
    """The Latin-1 keys order by code point exactly as ICU orders the texts, so SQLite,
    PostgreSQL's "C" collation and Python's sorted() all agree with ICU."""
    expected = COLLATOR.compare(a, b)  # type: ignore[attr-defined]
    ka, kb = sort_key(a), sort_key(b)
    assert (ka > kb) - (ka < kb) == expected
    assert (ka.encode() > kb.encode()) - (ka.encode() < kb.encode()) == expected


def test_without_icu_the_key_is_folded_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from catalog.domain import collation as module

    monkeypatch.setitem(sys.modules, "icu", None)  # import icu raises ImportError
    module.collation.cache_clear()
    try:
        assert collation().name == collation("sv").name == f"folded r{module.RECIPE}"
        assert not module.icu_available()
        assert sort_key("'Reply to the Cable'") == "reply to the cable"
        assert sort_key("Émile") == folded_key("EMILE")
    finally:
        monkeypatch.undo()
        module.collation.cache_clear()
    assert collation().name.startswith("icu ") and module.icu_available()


def test_a_language_orders_its_own_letters() -> None:
    swedish, german = collation("sv").key, collation("de@collation=phonebook").key
    names = ("Ölund", "Zetterberg", "Oslo", "Åkesson", "Andersson")
    assert sorted(names, key=swedish) == ["Andersson", "Oslo", "Zetterberg", "Åkesson", "Ölund"]
    assert _in_order(*names) == ["Åkesson", "Andersson", "Ölund", "Oslo", "Zetterberg"]
    assert sorted(("Muz", "Müller", "Mull"), key=german) == ["Müller", "Mull", "Muz"]  # ü = ue


def test_chinese_orders_han_by_pinyin() -> None:
    # Root: by radical, 上 (radical 1), 北 (21), 重 (166); pinyin: bei, chong, shang.
    cities = ("上海", "北京", "重庆")
    assert _in_order(*cities) == ["上海", "北京", "重庆"]
    assert sorted(cities, key=collation("zh").key) == ["北京", "重庆", "上海"]


def test_each_order_names_its_keys() -> None:
    names = {collation(locale).name for locale in SORT_LANGUAGES}
    assert len(names) == len(SORT_LANGUAGES)
    assert collation("sv").name == collation().name.replace(" root ", " sv ")


def test_recency_orders_recipes_then_icu_versions() -> None:
    from catalog.domain.collation import recency

    names = [
        "icu 72.1 unicode 15.0 root r2",
        "icu 74.2 unicode 15.1 sv r1",
        "icu 72.1 unicode 15.0 root r1",
        "folded r1",
        "",
        "icu 9.10 unicode 5.0 root r1",
    ]
    assert sorted(names, key=recency) == [
        "",
        "folded r1",
        "icu 9.10 unicode 5.0 root r1",
        "icu 72.1 unicode 15.0 root r1",
        "icu 74.2 unicode 15.1 sv r1",
        "icu 72.1 unicode 15.0 root r2",
    ]
    assert recency(collation().name) == recency(collation("sv").name)  # the same build
