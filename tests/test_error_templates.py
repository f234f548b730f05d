"""Every error a user can meet raised in the converted modules carries a template marked
``QT_TRANSLATE_NOOP("Errors", "...")``, so ``make translations`` extracts it and the
window shows it in the interface's language (``ui/translation.error_text``).

The check reads the source: a plain string or an f-string handed to a CatalogError (or a
subclass) fails here, since lupdate would never see it and the window would show it in
English. A template may also be a name bound only to marked templates in the same module
(a constant, ``template = a if n == 1 else b``, a table of them).

The importers and exporters (``services/transfer``) build many of their reasons through
helpers, ``where.fail(template, **values)``: a call of a helper named in ``HELPERS`` is
checked like a call of an error class, at the argument the helper takes its template in.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import catalog.services.backups
import catalog.services.copying
import catalog.services.transfer.formats
from catalog.domain.errors import CatalogError, ImportFileError

SOURCE = Path(__file__).resolve().parents[1] / "src" / "catalog"
SERVICES = (
    "exporting",
    "backups",
    "catalog",
    "copying",
    "importing",
    "import_plan",
    "checking",
    "attachment_check",
    "faults",
)
TRANSFER = SOURCE / "services" / "transfer"
CONVERTED = sorted(
    [
        SOURCE / "domain" / "query.py",
        *(SOURCE / "services" / "editing").glob("*.py"),
        *(SOURCE / "services" / f"{name}.py" for name in SERVICES),
        *(SOURCE / "store").glob("*.py"),
        SOURCE / "ui" / "reports" / "pdf_report.py",
        *TRANSFER.glob("*.py"),  # every importer and exporter
    ]
)

# The helpers that raise an error from a template they are given, and the position of
# the template among their arguments.
HELPERS = {
    "fail": 0,
    "_fail": 0,
    "_fail_in": 2,
    "_unexpected": 1,
    "_refuse": 1,
    "counted": 1,  # faults.counted(n, (one, several), **values): the check's findings
}

# Arguments that are not literals, each for a reason: a parameter that callers fill with
# marked templates, or a text that is still English (named here so a new one fails).
ALLOWED: dict[str, set[str]] = {
    "domain/query.py": {"what"},  # problem(): every caller passes a marked template
    "services/editing/attachments.py": {"problem"},  # _problem() returns marked templates
    "services/catalog.py": {"self.read_only_reason"},  # still English (a reason string)
    "services/copying.py": {"newer"},  # still English (store/schema.py's SchemaOutcome)
    "services/faults.py": {"nouns[0] if n == 1 else nouns[1]"},  # counted(n, nouns)
    "services/import_plan.py": {"error.template"},  # an ImportFileError's reason, passed on
    "services/transfer/bibtex.py": {"problem.template"},  # _failure() returns an error
    "services/transfer/csl_json_import.py": {"template"},  # _Item.fail(template, **values)
    "services/transfer/csv_import.py": {"template"},  # _Where.fail(template, **values)
    "services/transfer/dublin_core.py": {"template"},  # _Harvest.fail(template, ...)
    # _fail(template, ...), and the templates of the errors of the header check and the
    # decoder's hooks passed on
    "services/transfer/json_stream.py": {"template", "problem.template", "error.template"},
    "services/transfer/mapped_sources.py": {"template"},  # _refuse(path, template, ...)
    "services/transfer/mapping.py": {"template"},  # fail(template, **values)
    "services/transfer/native_json_fields.py": {"template"},  # RecordContext.fail
}


def _error_classes() -> set[str]:
    # imported for their classes (the transfer modules' _RejectedError among them)
    del catalog.services.backups, catalog.services.copying, catalog.services.transfer.formats
    found: set[str] = set()
    todo: list[type] = [CatalogError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


ERRORS = _error_classes()
OWN_MESSAGE = {"CatalogueDamaged"}  # takes (path, reason) and marks its own template


def _marked(node: ast.expr, names: set[str]) -> bool:
    """A ``QT_TRANSLATE_NOOP("Errors", "literal")`` call, or built only of them."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return (  # table.get(key, default) of marked tables
            node.func.attr == "get"
            and len(node.args) == 2
            and _marked(node.func.value, names)
            and _marked(node.args[1], names)
        )
    if isinstance(node, ast.Call):
        function = node.func
        return (
            isinstance(function, ast.Name)
            and function.id == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "Errors"
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        )
    if isinstance(node, ast.IfExp):
        return _marked(node.body, names) and _marked(node.orelse, names)
    if isinstance(node, ast.Tuple):  # (one, several) for a count
        return bool(node.elts) and all(_marked(element, names) for element in node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.values) and all(_marked(value, names) for value in node.values)
    if isinstance(node, ast.Subscript):
        return _marked(node.value, names)
    if isinstance(node, ast.Name):
        return node.id in names
    return False


def _marked_names(tree: ast.Module) -> set[str]:
    """Names whose every assignment in the module is a marked template (or a table)."""
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
        ):
            assigned.setdefault(node.target.id, []).append(node.value)
    names: set[str] = set()
    while True:  # a name may be bound to another marked name
        found = {n for n, values in assigned.items() if all(_marked(v, names) for v in values)}
        if found == names:
            return names
        names = found


def unmarked(path: Path, root: Path = SOURCE) -> Iterator[str]:
    """``file:line: Class(...)`` for each error made from a text lupdate cannot see."""
    where = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = _marked_names(tree)
    allowed = ALLOWED.get(where, set())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name):
            name = node.func.id
        elif isinstance(node.func, ast.Attribute):
            name = node.func.attr  # where.fail(...), self._fail(...)
        else:
            continue
        if name in HELPERS:
            position = HELPERS[name]
        elif name not in ERRORS or not isinstance(node.func, ast.Name) or name in OWN_MESSAGE:
            continue
        else:
            position = 1 if name == ImportFileError.__name__ else 0
        argument = node.args[position] if position < len(node.args) else None
        if argument is None:
            yield f"{where}:{node.lineno}: {name}() without a message"
        elif not _marked(argument, names) and ast.unparse(argument) not in allowed:
            yield f"{where}:{node.lineno}: {name}({ast.unparse(argument)[:60]})"


# Texts shown in the window that are not errors: a check's finding and a progress
# report's message. Fault.of and Progress.of make them of CatalogErrors (whose templates
# the check above reads); Fault(...) or Progress(..., message) given plain text would
# show in English. The position of the first text among each class's arguments:
PLAIN_TEXT = {"Fault": 0, "Progress": 2}
TEXT_FIELDS = {"area", "problem", "repair", "message"}
SHOWN = sorted([*(SOURCE / "services").rglob("*.py"), *(SOURCE / "store").rglob("*.py")])


def plain_texts(path: Path, root: Path = SOURCE) -> Iterator[str]:
    """``file:line: Class(...)`` for each finding or progress made of plain text."""
    where = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if (first := PLAIN_TEXT.get(node.func.id)) is None:
            continue
        texts = [*node.args[first:], *(k.value for k in node.keywords if k.arg in TEXT_FIELDS)]
        if texts:
            shown = ", ".join(ast.unparse(text)[:40] for text in texts)
            yield f"{where}:{node.lineno}: {node.func.id}({shown}): use {node.func.id}.of"


@pytest.mark.parametrize("path", SHOWN, ids=lambda path: str(path.relative_to(SOURCE)))
def test_findings_and_progress_carry_marked_templates(path: Path) -> None:
    found = list(plain_texts(path))
    assert not found, "shown in English:\n" + "\n".join(found)


def test_the_check_finds_plain_findings_and_progress(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text(
        "Fault('links', f'{n} links are gone', 'Remove them', REMOVE)\n"
        "Fault.of(area, CatalogError(QT_TRANSLATE_NOOP('Errors', 'Gone')), repair)\n"
        "progress(Progress(0, None, 'Checking…'))\n"
        "progress(Progress(n, message=f'Checked {n} records'))\n"
        "progress(Progress(done, total))\n"
        "progress(Progress.of(0, None, CatalogError('Checking…')))\n"
        "counted(n, ('{count} note', QT_TRANSLATE_NOOP('Errors', '{count} notes')))\n"
        "counted(n, (QT_TRANSLATE_NOOP('Errors', 'a'), QT_TRANSLATE_NOOP('Errors', 'b')))\n"
        "counted(n, NOUNS.get(table, ROWS))\n",
        encoding="utf-8",
    )
    found = sorted(line.split(": ")[0] for line in plain_texts(source, tmp_path))
    assert found == ["module.py:1", "module.py:3", "module.py:4"]
    found = sorted(line.split(": ")[0] for line in unmarked(source, tmp_path))
    assert found == ["module.py:6", "module.py:7", "module.py:9"]  # NOUNS not marked here


@pytest.mark.parametrize("path", CONVERTED, ids=lambda path: str(path.relative_to(SOURCE)))
def test_errors_raised_carry_a_marked_template(path: Path) -> None:
    found = list(unmarked(path))
    assert not found, 'not a QT_TRANSLATE_NOOP("Errors", ...) template:\n' + "\n".join(found)


def test_the_check_finds_plain_and_formatted_messages(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text(
        "OK = QT_TRANSLATE_NOOP('Errors', 'Fine {x}.')\n"
        "raise InvalidEdit('Plain.')\n"
        "raise ExportError(f'Cannot write {path}.')\n"
        "raise InvalidEdit(OK, x=1)\n"
        "raise ImportFileError(path, QT_TRANSLATE_NOOP('Errors', 'no title'), 3)\n"
        "raise ImportFileError(path, 'no title', 3)\n"
        "raise QueryError(QT_TRANSLATE_NOOP('Formats', 'Wrong context'), 1)\n"
        "template = OK if n == 1 else QT_TRANSLATE_NOOP('Errors', 'Fine {x} times.')\n"
        "raise EditConflict(template, (), x=n)\n",
        encoding="utf-8",
    )
    found = sorted(line.split(": ")[0] for line in unmarked(source, tmp_path))
    assert found == ["module.py:2", "module.py:3", "module.py:6", "module.py:7"]


def test_the_importers_and_exporters_are_checked() -> None:
    checked = {path.name for path in CONVERTED if path.parent == TRANSFER}
    assert {"csv_import.py", "json_stream.py", "mapped_sources.py", "xlsx_export.py"} <= checked
    assert "_RejectedError" in ERRORS  # raised by the JSON decoder's hooks


def test_the_check_finds_plain_and_formatted_reasons_given_to_helpers(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text(
        "where.fail(QT_TRANSLATE_NOOP('Errors', 'the {column} cell is wrong'), column=c)\n"
        "where.fail(f'the {column} cell is wrong')\n"
        "self.fail('has no title')\n"
        "fail(QT_TRANSLATE_NOOP('Errors', 'no title'))\n"
        "fail('no ' + 'title')\n",
        encoding="utf-8",
    )
    found = sorted(line.split(": ")[0] for line in unmarked(source, tmp_path))
    assert found == ["module.py:2", "module.py:3", "module.py:5"]
