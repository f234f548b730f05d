"""Every user-visible string in the interface goes through Qt's translation functions.

A literal handed straight to a text-setting call (``setText("Save")``,
``QLabel("Title")``, ``QMessageBox.warning(self, "Oops", ...)``) never reaches a
translator. This test reads the interface's source and names each such call, so a new
untranslated string fails here rather than showing up in English in a Russian window.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalog"
INTERFACE = sorted([*(SOURCE / "ui").rglob("*.py"), SOURCE / "app.py"])

# Method or constructor name -> the positions of its user-visible text arguments.
TEXT_ARGUMENTS: dict[str, tuple[int, ...]] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "showMessage": (0,),
    "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setButtonText": (1,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "addItem": (0, 1),
    "addItems": (0,),
    "addAction": (0, 1),
    "addMenu": (0, 1),
    "addRow": (0,),
    "addButton": (0,),
    "setCancelButtonText": (0,),
    "QLabel": (0,),
    "QPushButton": (0, 1),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0, 1),
    "QMenu": (0,),
    "QProgressDialog": (0, 1),
    "QMessageBox": (1, 2),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
    "getOpenFileName": (1,),
    "getOpenFileNames": (1,),
    "getSaveFileName": (1,),
    "getExistingDirectory": (1,),
}


def _callee(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _has_words(node: ast.expr) -> bool:
    """A literal (or f-string, or list of them) with letters in it: text a person reads."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(character.isalpha() for character in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(item) for item in node.elts)
    if isinstance(node, ast.BinOp):  # "Text: " + value
        return _has_words(node.left) or _has_words(node.right)
    return False


def untranslated(path: Path, root: Path = SOURCE) -> Iterator[str]:
    """``file:line: call(...)`` for each call in ``path`` given a literal to show."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        for position in TEXT_ARGUMENTS.get(name, ()):
            if position < len(node.args) and _has_words(node.args[position]):
                yield f"{path.relative_to(root)}:{node.lineno}: {name}(...)"


@pytest.mark.parametrize("path", INTERFACE, ids=lambda path: str(path.relative_to(SOURCE)))
def test_interface_text_is_translatable(path: Path) -> None:
    found = list(untranslated(path))
    assert not found, "text shown without tr()/translate():\n" + "\n".join(found)


def test_the_check_finds_a_literal(tmp_path: Path) -> None:
    source = tmp_path / "window.py"
    source.write_text(
        "label = QLabel('Title')\n"
        "button.setText(self.tr('Save'))\n"
        "box.warning(self, f'Cannot open {name}', self.tr('Why'))\n"
        "label.setText('…')\n",
        encoding="utf-8",
    )
    found = sorted(untranslated(source, tmp_path))
    assert found == ["window.py:1: QLabel(...)", "window.py:3: warning(...)"]
