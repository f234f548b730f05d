"""In a Russian window the errors the services raise read in Russian; ``str(error)``, what
the command line and the logs print, stays English."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from catalog.domain.errors import EditConflict, ImportFileError, InvalidEdit, QueryError
from catalog.domain.query import parse_query
from catalog.domain.records import AuthorityKind
from catalog.services.editing import bulk_ops, core
from catalog.services.editing.resolve import kind_word, nameless
from catalog.ui.dialogs import messages
from catalog.ui.filter_sidebar.search_box import SearchBox
from catalog.ui.translation import error_text


def _raised(query: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    return caught.value


def _invalid_replacement() -> InvalidEdit:
    with pytest.raises(InvalidEdit) as caught:
        bulk_ops.check(bulk_ops.Replace(bulk_ops.ReplaceField.TITLE, find=""))
    return caught.value


def _stale_records() -> EditConflict:
    with pytest.raises(EditConflict) as caught:
        core._check({1: 3, 2: 5}, {1: 2, 2: 4})
    return caught.value


@pytest.mark.usefixtures("russian")
def test_a_query_error_under_the_search_box_is_russian(qtbot: QtBot) -> None:
    box = SearchBox()
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClicks(box.edit, "(cable")
    box.show_error(box.text, _raised(box.text))
    assert box.error_text == "В позиции 1: Скобка не закрыта"
    error = _raised("date:1959..1950")
    assert error_text(error) == "Этот диапазон дат кончается раньше, чем начинается (позиция 6)"
    assert str(error) == "This date range ends before it starts (at position 6)"


@pytest.mark.usefixtures("russian")
def test_a_refused_edit_in_a_message_box_is_russian(qtbot: QtBot) -> None:
    error = _invalid_replacement()
    box = messages.show_error(None, "Bulk edit", error)
    qtbot.addWidget(box)
    assert box.text() == "Введите текст для поиска."
    assert str(error) == "Type the text to find."


@pytest.mark.usefixtures("russian")
def test_an_edit_conflict_and_an_undo_that_failed_are_russian() -> None:
    conflict = _stale_records()
    assert error_text(conflict) == (
        "Изменено после того, как вы это открыли (записи 1, 2); ничего не перезаписано."
    )
    assert str(conflict) == "Changed since you opened it (records 1, 2); nothing was overwritten."
    undo = EditConflict(
        "Cannot undo “{label}”: {reason}", conflict.record_ids, label="Edit", reason=conflict
    )
    assert error_text(undo).startswith("Не удаётся отменить «Edit»: Изменено после того")


@pytest.mark.usefixtures("russian")
def test_a_kind_of_name_is_not_left_in_english() -> None:
    assert error_text(nameless(AuthorityKind.PLACE)) == "У места должно быть название."
    merge = InvalidEdit(
        "“{drop}” is a {drop_kind} and “{keep}” a {keep_kind}: "
        "only names of the same kind can be merged.",
        drop="Moscow",
        drop_kind=kind_word(AuthorityKind.PLACE),
        keep="Ivanov",
        keep_kind=kind_word("person"),
    )
    assert error_text(merge) == (
        "«Moscow» — место, а «Ivanov» — лицо: объединять можно только имена одного вида."
    )
    assert str(merge).startswith("“Moscow” is a place and “Ivanov” a person")


@pytest.mark.usefixtures("russian")
def test_an_import_file_error_says_the_line_in_russian() -> None:
    error = ImportFileError("a.csv", "a record has no title", 4)
    assert error_text(error) == "a.csv, строка 4: у записи нет заголовка"
    untranslated = ImportFileError("a.csv", "the header names no title column", 1)
    assert (
        error_text(untranslated) == str(untranslated) == "a.csv:1: the header names no title column"
    )


def test_in_english_the_window_shows_the_english() -> None:
    error = _raised("(cable")
    assert error_text(error) == str(error) == "This bracket is never closed (at position 1)"
    assert error_text(ValueError("a bug")) == "a bug"
