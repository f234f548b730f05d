"""The Russian translation is complete, faithful to its placeholders and up to date.

``make translations`` extracts the interface's strings into
``resources/translations/catalog_ru.ts``; these tests fail when a string of the source
has no Russian translation, when a translation lost a placeholder or a mnemonic, or when
the file would not compile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeTree
import pytest

ROOT = Path(__file__).resolve().parents[2]
RUSSIAN = ROOT / "resources" / "translations" / "catalog_ru.ts"
PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%\d")
RUSSIAN_FORMS = 3  # one (1, 21), few (2-4), many (5-20, 0)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    state: str  # "" when finished; "unfinished", "vanished", "obsolete" otherwise
    forms: tuple[str, ...]


def messages(path: Path) -> list[Message]:
    found = []
    for context in SafeTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    numerus,
                    translation.get("type") or "",
                    forms,
                )
            )
    return found


def tool(name: str) -> str:
    """A Qt tool of the PySide6 wheel (beside this Python), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6-Essentials")
    return found


@pytest.fixture(scope="module")
def russian() -> list[Message]:
    return messages(RUSSIAN)


def test_the_russian_translation_has_the_whole_interface(russian: list[Message]) -> None:
    assert len(russian) > 1000  # the interface has well over a thousand strings
    unfinished = [f"{m.context}: {m.source}" for m in russian if m.state or not all(m.forms)]
    assert not unfinished, "\n".join(unfinished)
    assert all(len(m.forms) == RUSSIAN_FORMS for m in russian if m.numerus)


def test_translations_keep_their_placeholders(russian: list[Message]) -> None:
    lost = [
        f"{m.context}: {m.source!r} -> {form!r}"
        for m in russian
        for form in m.forms
        if sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(m.source)))
    ]
    assert not lost, "\n".join(lost)


def test_translations_keep_one_mnemonic(russian: list[Message]) -> None:
    def mnemonics(text: str) -> int:
        return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))

    wrong = [
        f"{m.context}: {m.source!r} -> {m.forms[0]!r}"
        for m in russian
        if mnemonics(m.source) and mnemonics(m.forms[0]) != 1
    ]
    assert not wrong, "\n".join(wrong)


def test_every_string_of_the_source_is_translated(tmp_path: Path) -> None:
    """Extract the source's strings again into a copy: none may come in unfinished."""
    copy = tmp_path / RUSSIAN.name
    shutil.copy(RUSSIAN, copy)
    subprocess.run(
        [
            *(tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"),
            *("-extensions", "py", str(ROOT / "src" / "catalog"), "-ts", str(copy)),
        ],
        check=True,
        capture_output=True,
    )
    new = [f"{m.context}: {m.source}" for m in messages(copy) if m.state]
    assert not new, "run `make translations` and translate:\n" + "\n".join(new)


def test_the_translation_compiles(tmp_path: Path) -> None:
    compiled = tmp_path / "catalog_ru.qm"
    done = subprocess.run(
        [tool("pyside6-lrelease"), str(RUSSIAN), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert compiled.stat().st_size > 0
    assert " 0 unfinished" in done.stdout, done.stdout


def test_every_format_label_is_marked_for_translation(russian: list[Message]) -> None:
    """The services' format labels reach the window through the "Formats" context."""
    from catalog.services.transfer.formats import default_registry
    from catalog.services.transfer.mapped import LABELS
    from catalog.ui.reports import add_qt_exporters

    registry = default_registry()
    add_qt_exporters(registry)
    labels = {f.label for f in (*registry.importers.values(), *registry.exporters.values())}
    labels |= set(LABELS.values())
    marked = {m.source for m in russian if m.context == "Formats"}
    assert labels - marked == set()
