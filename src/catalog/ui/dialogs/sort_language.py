"""The language whose order a catalogue's titles and names sort in.

Each language is named in itself ("svenska", "русский", "中文 (拼音)"), as a language
picker does, so that whoever reads it finds their own; the root order comes first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.collation import ROOT, SORT_LANGUAGES, icu_available, sort_key

# Orders that are a variant of a language's, named as their own speakers name them.
_VARIANTS = {
    "de@collation=phonebook": "Deutsch (Telefonbuch: ä = ae)",
    "es": "español",  # Qt names Spain's ("español de España"); the order is every country's
    "zh": "中文 (拼音)",
    "zh@collation=stroke": "中文 (笔画)",
    "zh_Hant": "中文 (繁體, 筆畫)",
}


def language_label(locale: str) -> str:
    """A sort order's name: the language's own name for itself (the root order's in the
    interface's language)."""
    if locale == ROOT:
        return QCoreApplication.translate(
            "SortLanguageDialog", "Every language: Unicode's default order"
        )
    if locale in _VARIANTS:
        return _VARIANTS[locale]
    return QLocale(locale).nativeLanguageName() or locale


class SortLanguageDialog(QDialog):
    """Choose the order; ``language()`` is the ICU locale chosen."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sortLanguageDialog")
        self.setWindowTitle(self.tr("Sort order"))
        self.combo = QComboBox(self)
        self.combo.setObjectName("sortLanguage")
        self.combo.setAccessibleName(self.tr("Sort titles and names as in"))
        self.combo.setAccessibleDescription(
            self.tr("The language whose order the catalogue's titles and names sort in")
        )
        others = sorted(SORT_LANGUAGES[1:], key=lambda code: sort_key(language_label(code)))
        for code in (ROOT, *others):
            self.combo.addItem(language_label(code), code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        explanation = QLabel(self._explanation(), self)
        explanation.setObjectName("sortLanguageExplanation")
        explanation.setWordWrap(True)
        if not icu_available():
            self.combo.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button, description in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("Sort titles and names in this order")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Keep the order the catalogue has")),
        ):
            buttons.button(button).setAccessibleDescription(description)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Sort titles and &names as in:"), self.combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)

    def _explanation(self) -> str:
        if not icu_available():
            return self.tr(
                "A language's order needs ICU (the PyICU package), which is not installed: "
                "titles and names sort by their letters' code points."
            )
        return self.tr(
            "The language's own letters sort as its readers expect (Swedish å, ä and ö "
            "after z; Chinese by pinyin); other scripts keep the default order. The "
            "order is the catalogue's, for everyone who opens it. Changing it sorts every "
            "title and name again: seconds in a large catalogue."
        )

    def language(self) -> str:
        """The ICU locale of the order chosen ("" for the default order)."""
        return str(self.combo.currentData())

    @classmethod
    def ask(cls, current: str, parent: QWidget | None = None) -> str | None:
        """The order chosen, or None when cancelled or left as it was."""
        dialog = cls(current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.language() == current:
            return None
        return dialog.language()
