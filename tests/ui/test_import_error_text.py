"""In a Russian window the importers' errors about a bad file read in Russian, in a message
box and in the Import dialog; ``str(error)``, what the command line and the logs print,
stays English. The files are the malformed ones of ``tests/data/bad``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from catalog.domain.errors import ImportFileError
from catalog.services.catalog import CatalogService
from catalog.services.transfer.formats import default_registry
from catalog.ui.dialogs import messages
from catalog.ui.translation import error_text
from tests.ui.dialogs.import_helpers import click, open_catalogue, open_dialog, titles, write_csv

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    yield from open_catalogue(tmp_path)


def _refusal(format_name: str, path: Path) -> ImportFileError:
    importer = default_registry().importer(format_name)
    with pytest.raises(ImportFileError) as caught:
        list(importer.read(path))
    return caught.value


# (format, file, line, the English reason, the Russian one)
CASES = [
    (
        "csl-json",
        "csl/truncated.json",
        3,
        "unexpected end of file (is the file cut short?)",
        "неожиданный конец файла (возможно, файл обрезан)",
    ),
    (
        "csl-json",
        "csl/duplicate_keys.json",
        3,
        "record 2: duplicate key 'title' in an object",
        "запись 2: повторяющийся ключ 'title' в объекте",
    ),
    (
        "csl-json",
        "csl/no_title.json",
        3,
        'item 2: has no title (a "title" is needed to catalogue it)',
        "элемент 2: нет заголовка (для описания нужно поле «title»)",
    ),
    (
        "csl-json",
        "csl/nan.json",
        3,
        "record 2: NaN is not a number JSON allows",
        "запись 2: NaN — не число, допустимое в JSON",
    ),
    (
        "bibtex",
        "bibtex/duplicate_keys.bib",
        7,
        "the entry 'ivanov1959' repeats the key of the entry at line 1",
        "запись 'ivanov1959' повторяет ключ записи из строки 1",
    ),
    (
        "dc",
        "dc/other_format.xml",
        5,
        "record oai:example.org:7 holds metadata of another format (<record> in "
        "http://www.loc.gov/MARC21/slim), not oai_dc: harvest with ListRecords or GetRecord "
        "and metadataPrefix=oai_dc",
        "запись oai:example.org:7: метаданные другого формата (<record> в "
        "http://www.loc.gov/MARC21/slim), а не oai_dc: собирайте записи запросом ListRecords "
        "или GetRecord с metadataPrefix=oai_dc",
    ),
]


@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize(
    ("format_name", "name", "line", "english", "translated"),
    CASES,
    ids=[case[1] for case in CASES],
)
def test_a_bad_file_is_refused_in_russian_in_a_message_box(
    qtbot: QtBot, format_name: str, name: str, line: int, english: str, translated: str
) -> None:
    path = BAD / name
    error = _refusal(format_name, path)
    assert str(error) == f"{path}:{line}: {english}"
    assert error.reason == english
    box = messages.show_error(None, "Import", error)
    qtbot.addWidget(box)
    assert box.text() == f"{path}, строка {line}: {translated}"


@pytest.mark.usefixtures("russian")
def test_a_file_that_is_not_a_list_says_so_in_russian() -> None:
    path = BAD / "csl" / "object.json"
    error = _refusal("csl-json", path)
    assert str(error) == f"{path}: not CSL-JSON: the file is an object, not a list of items"
    assert error_text(error) == f"{path}: это не CSL-JSON: в файле объект, а не список элементов"


@pytest.mark.usefixtures("russian")
def test_a_file_broken_after_its_check_is_refused_in_russian_in_the_import_dialog(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "letters.csv", "Letter from Pyongyang,4 March 1961,A letter")
    dialog = open_dialog(qtbot, catalogue, path)
    assert dialog.import_button.isEnabled()
    shutil.copy(BAD / "mapped" / "unterminated_quote.csv", path)  # changed since the check
    click(qtbot, dialog.import_button)
    assert dialog.notice.text() == (
        f'{path}, строка 3: ячейка в кавычках не закрыта (не хватает «"»)\n'
        "Из файла letters.csv ничего не записано."
    )
    assert titles(catalogue) == []


@pytest.mark.usefixtures("russian")
def test_an_empty_file_is_refused_in_russian_in_the_import_dialog(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "empty.bib"
    shutil.copy(BAD / "bibtex" / "empty.bib", path)
    dialog = open_dialog(qtbot, catalogue, path)
    assert dialog.notice.text() == f"{path}: файл пуст\nВыберите формат файла выше."
    assert not dialog.import_button.isEnabled()


def test_in_english_the_window_shows_the_english(qtbot: QtBot) -> None:
    path = BAD / "csl" / "duplicate_keys.json"
    error = _refusal("csl-json", path)
    box = messages.show_error(None, "Import", error)
    qtbot.addWidget(box)
    assert box.text() == str(error) == f"{path}:3: record 2: duplicate key 'title' in an object"


def test_the_validation_report_reads_in_russian(
    russian: None, qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    undated = write_csv(tmp_path / "a.csv", "Report on the harvest,sometime in spring,Crops")
    untitled = write_csv(tmp_path / "b.csv", "A letter,1961,x", ",1962,No title here")
    reasons = []
    for path in (undated, untitled):
        dialog = open_dialog(qtbot, catalogue, path)
        model = dialog.review.report_model
        assert model.rowCount() == 1
        reasons.append(str(model.data(model.index(0, 3))))  # the Reason column
        issue = model.rows[0]
        assert issue.message is not None and issue.reason == str(issue.message)  # English
    assert (
        reasons[0]
        == "«sometime in spring» — дата, которую Catalog не понимает; она сохранена как текст"
    )
    assert reasons[1] == "у записи 2 нет заголовка (пусто: 'title')"
