"""Errors carry a template marked for translation: ``str()`` is the English, and
``text_in`` fills the same values into another language's template."""

from __future__ import annotations

from catalog.domain.errors import (
    CatalogError,
    EditConflict,
    ImportFileError,
    InvalidEdit,
    QueryError,
    Word,
)
from catalog.domain.query import parse_query
from catalog.domain.wording import QT_TRANSLATE_NOOP

RUSSIAN = {
    ("Errors", "The folder {folder} does not exist."): "Папка {folder} не существует.",
    ("Errors", "{reason} (at position {position})"): "{reason} (позиция {position})",
    ("Errors", "{path}:{line}: {reason}"): "{path}, строка {line}: {reason}",
    ("Errors", "a record has no title"): "у записи нет заголовка",
    ("Errors", "This bracket is never closed"): "Скобка не закрыта",
    ("Errors", "Cannot undo “{label}”: {reason}"): "Не удаётся отменить «{label}»: {reason}",
    ("Errors", "A note needs some text."): "В заметке должен быть текст.",
    ("Errors", "“{name}” is a {kind}"): "«{name}» — {kind}",
    ("NamesField", "person"): "лицо",
}


def russian(context: str, text: str) -> str:
    return RUSSIAN.get((context, text), text)


def test_an_error_keeps_its_template_and_values_and_says_the_english() -> None:
    template = QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist.")
    error = CatalogError(template, folder="/tmp/x")
    assert error.template == template
    assert error.values == {"folder": "/tmp/x"}
    assert str(error) == error.message == "The folder /tmp/x does not exist."
    assert error.text_in(russian) == "Папка /tmp/x не существует."


def test_a_message_without_values_is_shown_as_it_stands() -> None:
    assert str(CatalogError("{not a placeholder}")) == "{not a placeholder}"
    assert CatalogError("an unmarked message").text_in(russian) == "an unmarked message"


def test_a_query_error_says_where_in_either_language() -> None:
    error = QueryError(QT_TRANSLATE_NOOP("Errors", "This bracket is never closed"), 4)
    assert str(error) == "This bracket is never closed (at position 5)"
    assert error.message == "This bracket is never closed"
    assert error.message_in(russian) == "Скобка не закрыта"
    assert error.text_in(russian) == "Скобка не закрыта (позиция 5)"


def test_the_query_parser_raises_marked_templates() -> None:
    try:
        parse_query("(letters")
    except QueryError as error:
        assert error.template == "This bracket is never closed"
        assert error.text_in(russian) == "Скобка не закрыта (позиция 1)"
    else:  # pragma: no cover
        raise AssertionError("no QueryError")


def test_an_import_file_error_keeps_its_signature_and_translates_whole() -> None:
    error = ImportFileError("a.csv", QT_TRANSLATE_NOOP("Errors", "a record has no title"), 3)
    assert str(error) == "a.csv:3: a record has no title"
    assert (error.path, error.line, error.reason) == ("a.csv", 3, "a record has no title")
    assert error.text_in(russian) == "a.csv, строка 3: у записи нет заголовка"


def test_an_import_file_error_not_yet_translated_stays_english_whole() -> None:
    error = ImportFileError("a.csv", "the header has no title column", 1)
    assert error.text_in(russian) == "a.csv:1: the header has no title column"


def test_values_that_are_words_or_errors_are_translated_too() -> None:
    kind = InvalidEdit(
        QT_TRANSLATE_NOOP("Errors", "“{name}” is a {kind}"),
        name="Ivanov",
        kind=Word("NamesField", "person"),
    )
    assert str(kind) == "“Ivanov” is a person"
    assert kind.text_in(russian) == "«Ivanov» — лицо"
    inner = InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A note needs some text."))
    outer = EditConflict(
        QT_TRANSLATE_NOOP("Errors", "Cannot undo “{label}”: {reason}"),
        (7,),
        label="Edit note",
        reason=inner,
    )
    assert str(outer) == "Cannot undo “Edit note”: A note needs some text."
    assert outer.record_ids == (7,)
    assert outer.text_in(russian) == "Не удаётся отменить «Edit note»: В заметке должен быть текст."


def test_the_old_positional_signatures_still_work() -> None:
    assert str(EditConflict("Changed meanwhile.", (1, 2))) == "Changed meanwhile."
    assert str(QueryError("needs a value", 7, 2)) == "needs a value (at position 8)"
    assert str(ImportFileError("b.csv", "the file is empty")) == "b.csv: the file is empty"
