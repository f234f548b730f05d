"""The welcome page shown instead of an empty table while the catalogue holds no records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from catalog.ui.translation import QT_TRANSLATE_NOOP

# Translated where shown, in the "WelcomePage" context.
ABOUT = QT_TRANSLATE_NOOP(
    "WelcomePage",
    "Catalog keeps a catalogue of archival documents: letters, cables, memoranda and "
    "records of conversation, with the dates as the archive wrote them and the people, "
    "places and archives they mention.",
)
PANES = (
    QT_TRANSLATE_NOOP(
        "WelcomePage",
        "On the left, the search box and the filters: type a query, or click a person, a "
        "place or a type to narrow the records down.",
    ),
    QT_TRANSLATE_NOOP(
        "WelcomePage",
        "In the middle, the records that match, with a timeline of their dates above them; "
        "click a column's header to sort.",
    ),
    QT_TRANSLATE_NOOP(
        "WelcomePage",
        "On the right, everything about the selected record; click a name in it to find "
        "every other record that mentions it.",
    ),
)
GUIDE = QT_TRANSLATE_NOOP(
    "WelcomePage",
    "Help → User guide explains the rest, and F1 shows what the search box understands.",
)


def _translated(text: str) -> str:
    """One of the texts above in the user's language."""
    return QCoreApplication.translate("WelcomePage", text)


def _plain(text: str, name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class WelcomePage(QWidget):
    """What Catalog is, its three panes, how to fill it, and where the catalogue lives.

    Signals:
        load_sample_requested(): "Load sample records" was pressed.
        import_requested(): "Import…" was pressed.
    """

    load_sample_requested = Signal()
    import_requested = Signal()

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        heading = _plain(self.tr("This catalogue is empty"), "welcomeHeading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        about = _plain(_translated(ABOUT), "welcomeAbout")
        sentences = (_translated(sentence) for sentence in PANES)
        panes = _plain("\n".join(f"•  {sentence}" for sentence in sentences), "welcomePanes")
        guide = _plain(_translated(GUIDE), "welcomeGuide")
        self.load_sample = QPushButton(self.tr("Load sample records"))
        self.load_sample.setObjectName("loadSampleButton")
        self.load_sample.setAccessibleDescription(
            self.tr("Add the 15 sample records that ship with Catalog, to try it out")
        )
        self.load_sample.setDefault(True)
        self.import_files = QPushButton(self.tr("Import…"))
        self.import_files.setObjectName("importButton")
        self.import_files.setAccessibleDescription(
            self.tr(
                "Import records from a file (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD or a listing)"  # noqa: E501
            )
        )
        self.load_sample.clicked.connect(self.load_sample_requested)
        self.import_files.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_sample)
        buttons.addWidget(self.import_files)
        buttons.addStretch(1)
        where = _plain(
            self.tr("Your catalogue is stored in {0}").format(location), "welcomeLocation"
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleDescription(self.tr("The file or server this catalogue lives in"))
        where.setEnabled(False)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(heading)
        column.addSpacing(8)
        column.addWidget(about)
        column.addSpacing(8)
        column.addWidget(panes)
        column.addSpacing(8)
        column.addWidget(guide)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(where)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons while a job that fills the catalogue runs."""
        self.load_sample.setEnabled(not busy)
        self.import_files.setEnabled(not busy)
