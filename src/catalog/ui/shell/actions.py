"""Every menu and toolbar action, declared once: text, shortcut, icon and when it is enabled.

The main window places these actions in menus and toolbars and connects their
``triggered`` signals; it does not define them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from catalog.ui.translation import QT_TRANSLATE_NOOP


class ActionId(Enum):
    """The window's actions."""

    IMPORT = "import"
    EXPORT = "export"
    EXPORT_SELECTION = "export_selection"
    CONNECT = "connect"
    LOAD_SAMPLE = "load_sample"
    QUIT = "quit"
    FIND = "find"
    CLEAR_SEARCH = "clear_search"
    SHOW_SIDEBAR = "show_sidebar"
    SHOW_DETAILS = "show_details"
    SHOW_TIMELINE = "show_timeline"
    SAVE_SEARCH = "save_search"
    NEXT_PANE = "next_pane"
    PREVIOUS_PANE = "previous_pane"
    NEXT_RECORD = "next_record"
    PREVIOUS_RECORD = "previous_record"
    BACK = "back"
    FORWARD = "forward"
    GO_TO_RECORD = "go_to_record"
    COPY_CITATION = "copy_citation"
    CHEAT_SHEET = "cheat_sheet"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"
    UNDO = "undo"
    REDO = "redo"
    NEW_RECORD = "new_record"
    EDIT_RECORD = "edit_record"
    DELETE_RECORDS = "delete_records"
    SHOW_TRASH = "show_trash"
    AUTHORITIES = "authorities"
    BULK_EDIT = "bulk_edit"
    SUGGEST_NAMES = "suggest_names"
    ARCHIVIST_NAME = "archivist_name"
    COPY_CITATION_NOTE = "copy_citation_note"
    COPY_CITATION_BIBLIOGRAPHY = "copy_citation_bibliography"
    PREFERENCES = "preferences"
    USER_GUIDE = "user_guide"
    CHECK_CATALOGUE = "check_catalogue"
    SORT_LANGUAGE = "sort_language"


@dataclass(frozen=True)
class ActionSpec:
    """How an action looks.

    Attributes:
        text: menu text (``&`` marks the mnemonic), in English: marked for translation
            in the "Actions" context and translated where the action is built.
        tip: status tip and tooltip (translated likewise).
        shortcut: a key sequence ("" for none).
        theme_icon: a freedesktop icon name ("" for none).
        fallback_icon: the Qt standard icon used when the theme has none.
        checkable: a toggle (View menu).
        needs_records: enabled only when the catalogue holds records.
        writes: changes the catalogue: disabled when the catalogue is read-only.
    """

    text: str
    tip: str
    shortcut: str = ""
    theme_icon: str = ""
    fallback_icon: QStyle.StandardPixmap | None = None
    checkable: bool = False
    needs_records: bool = False
    writes: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.IMPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Import records from a file (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD or a listing)",  # noqa: E501
        ),
        "Ctrl+I",
        "document-import",
        QStyle.StandardPixmap.SP_DialogOpenButton,
    ),
    ActionId.EXPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Export the selected records, the search results or the whole catalogue"
        ),
        "Ctrl+E",
        "document-export",
        QStyle.StandardPixmap.SP_DialogSaveButton,
        needs_records=True,
    ),
    ActionId.EXPORT_SELECTION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export &selected records…"),
        QT_TRANSLATE_NOOP("Actions", "Export the selected records to a file"),
        needs_records=True,
    ),
    ActionId.CONNECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Connect to a &team catalogue…"),
        QT_TRANSLATE_NOOP("Actions", "Open a catalogue shared on a PostgreSQL server"),
    ),
    ActionId.LOAD_SAMPLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Load &sample records"),
        QT_TRANSLATE_NOOP("Actions", "Add the 15 sample records that ship with Catalog"),
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close Catalog"),
        "Ctrl+Q",
        "application-exit",
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search"),
        QT_TRANSLATE_NOOP("Actions", "Type a query in the search box"),
        "Ctrl+F",
        "edit-find",
    ),
    ActionId.CLEAR_SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Clear search"),
        QT_TRANSLATE_NOOP("Actions", "Show every record again"),
        "Esc",
    ),
    ActionId.SHOW_SIDEBAR: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Filter sidebar"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the search box and facets"),
        "Ctrl+Shift+F",
        checkable=True,
    ),
    ActionId.SHOW_DETAILS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Detail pane"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the selected record's details"),
        "Ctrl+Shift+D",
        checkable=True,
    ),
    ActionId.SHOW_TIMELINE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Timeline"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the histogram of the results by year"),
        "Ctrl+Shift+T",
        checkable=True,
    ),
    ActionId.NEXT_PANE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Ne&xt pane"),
        QT_TRANSLATE_NOOP("Actions", "Move to the next pane: sidebar, timeline, list, details"),
        "F6",
    ),
    ActionId.PREVIOUS_PANE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Previous pane"),
        QT_TRANSLATE_NOOP("Actions", "Move to the previous pane"),
        "Shift+F6",
    ),
    ActionId.SAVE_SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Sa&ve search…"),
        QT_TRANSLATE_NOOP("Actions", "Save the current search under a name"),
        "Ctrl+Shift+S",
    ),
    ActionId.NEXT_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Next record"),
        QT_TRANSLATE_NOOP("Actions", "Select the next record of the list"),
        "Alt+Down",
        needs_records=True,
    ),
    ActionId.PREVIOUS_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Previous record"),
        QT_TRANSLATE_NOOP("Actions", "Select the previous record of the list"),
        "Alt+Up",
        needs_records=True,
    ),
    ActionId.BACK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Back"),
        QT_TRANSLATE_NOOP("Actions", "Show the record seen before"),
        "Alt+Left",
        "go-previous",
        QStyle.StandardPixmap.SP_ArrowBack,
    ),
    ActionId.FORWARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Forward"),
        QT_TRANSLATE_NOOP("Actions", "Show the record seen after"),
        "Alt+Right",
        "go-next",
        QStyle.StandardPixmap.SP_ArrowForward,
    ),
    ActionId.GO_TO_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Go to record…"),
        QT_TRANSLATE_NOOP("Actions", "Open a record by its id"),
        "Ctrl+G",
        needs_records=True,
    ),
    ActionId.COPY_CITATION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Copy &citation"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Copy citations of the selected records (or the shown one) in the archive's style",
        ),
        "Ctrl+Shift+C",
        needs_records=True,
    ),
    ActionId.CHEAT_SHEET: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Query language cheat sheet"),
        QT_TRANSLATE_NOOP("Actions", "Examples of what the search box understands"),
        "F1",
    ),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "Every shortcut of the window"),
        "Ctrl+/",
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About Catalog"),
        QT_TRANSLATE_NOOP("Actions", "Versions, this catalogue and its schema"),
        theme_icon="help-about",
    ),
    ActionId.USER_GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&User guide"),
        QT_TRANSLATE_NOOP("Actions", "How to use Catalog, with pictures"),
        theme_icon="help-contents",
    ),
    ActionId.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Your name, export defaults, dates, language, backups and theme"
        ),
        "Ctrl+,",
        "preferences-system",
    ),
    ActionId.UNDO: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        QT_TRANSLATE_NOOP("Actions", "Undo the last change"),
        "Ctrl+Z",
        "edit-undo",
        writes=True,
    ),
    ActionId.REDO: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        QT_TRANSLATE_NOOP("Actions", "Apply the undone change again"),
        "Ctrl+Shift+Z",
        "edit-redo",
        writes=True,
    ),
    ActionId.NEW_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New record…"),
        QT_TRANSLATE_NOOP("Actions", "Describe a new record"),
        "Ctrl+N",
        "document-new",
        writes=True,
    ),
    ActionId.EDIT_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Edit record…"),
        QT_TRANSLATE_NOOP("Actions", "Edit every field of the selected record"),
        "F2",
        "document-properties",
        needs_records=True,
        writes=True,
    ),
    ActionId.DELETE_RECORDS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        QT_TRANSLATE_NOOP("Actions", "Move the selected records to the trash"),
        "Del",
        "edit-delete",
        needs_records=True,
        writes=True,
    ),
    ActionId.SHOW_TRASH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Trash…"),
        QT_TRANSLATE_NOOP("Actions", "Restore deleted records or empty the trash"),
        writes=True,
    ),
    ActionId.AUTHORITIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Name &authorities…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Rename, merge and split people, places, subjects and archives"
        ),
        "Ctrl+Shift+A",
        writes=True,
    ),
    ActionId.BULK_EDIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Bulk edit selection…"),
        QT_TRANSLATE_NOOP("Actions", "Change a field of every selected record at once"),
        "Ctrl+Shift+B",
        needs_records=True,
        writes=True,
    ),
    ActionId.SUGGEST_NAMES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Suggest &names…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Link the known names found in the selected records' titles and summaries"
        ),
        needs_records=True,
        writes=True,
    ),
    ActionId.COPY_CITATION_NOTE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Copy citation (Chicago &note)"),
        QT_TRANSLATE_NOOP("Actions", "Copy Chicago-style notes of the selected records"),
        needs_records=True,
    ),
    ActionId.COPY_CITATION_BIBLIOGRAPHY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Copy citation (Chicago &bibliography)"),
        QT_TRANSLATE_NOOP(
            "Actions", "Copy Chicago-style bibliography entries of the selected records"
        ),
        needs_records=True,
    ),
    ActionId.ARCHIVIST_NAME: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Your na&me…"),
        QT_TRANSLATE_NOOP(
            "Actions", "The name that signs your notes and your changes in the change log"
        ),
        writes=True,
    ),
    ActionId.CHECK_CATALOGUE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Check catalogue…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Look for damage (file, links, attached files, search index) and repair it"
        ),
    ),
    ActionId.SORT_LANGUAGE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Sort order…"),
        QT_TRANSLATE_NOOP("Actions", "The language whose order titles and names sort in"),
        writes=True,
    ),
}


def translated(spec: ActionSpec) -> tuple[str, str]:
    """The spec's menu text and tip in the user's language."""
    return (
        QCoreApplication.translate("Actions", spec.text),
        QCoreApplication.translate("Actions", spec.tip),
    )


def shortcut_specs() -> list[tuple[str, str, str]]:
    """(menu text, tip, shortcut) of every action, translated: the Keyboard shortcuts list."""
    return [(*translated(spec), spec.shortcut) for spec in SPECS.values()]


def _icon(spec: ActionSpec) -> QIcon | None:
    if spec.theme_icon and QIcon.hasThemeIcon(spec.theme_icon):
        return QIcon.fromTheme(spec.theme_icon)
    style = QApplication.style()
    if spec.fallback_icon is not None and style is not None:
        return style.standardIcon(spec.fallback_icon)
    return None


class Actions:
    """The window's QActions by id, built from :data:`SPECS`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            text, tip = translated(spec)
            action = QAction(text, parent)
            action.setObjectName(f"action_{action_id.value}")
            action.setStatusTip(tip)
            action.setToolTip(tip)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            icon = _icon(spec)
            if icon is not None:
                action.setIcon(icon)
            if spec.checkable:
                action.setCheckable(True)
                action.setChecked(True)
            if action_id is ActionId.QUIT:
                action.setMenuRole(QAction.MenuRole.QuitRole)
            elif action_id is ActionId.ABOUT:
                action.setMenuRole(QAction.MenuRole.AboutRole)
            elif action_id is ActionId.PREFERENCES:
                action.setMenuRole(QAction.MenuRole.PreferencesRole)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def update_enabled(self, has_records: bool, busy: bool = False, writable: bool = True) -> None:
        """Enable what makes sense: nothing that writes while a long job runs, or at all
        in a read-only catalogue (undo and redo follow their own steps, see editing.py)."""
        for action_id, spec in SPECS.items():
            action = self._actions[action_id]
            if action_id in (ActionId.UNDO, ActionId.REDO):
                continue
            if spec.writes and (busy or not writable):
                action.setEnabled(False)
            elif action_id in (ActionId.IMPORT, ActionId.LOAD_SAMPLE):
                action.setEnabled(not busy)
            elif spec.needs_records:
                action.setEnabled(has_records and not busy)
            elif spec.writes:
                action.setEnabled(True)
