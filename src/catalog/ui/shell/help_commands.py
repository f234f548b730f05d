"""Edit → Preferences, Help → User guide and Help → About: opening them and applying what
the preferences changed (a new language through :attr:`HelpCommands.language_chosen`: the
window is rebuilt in it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from catalog.ui import preferences
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.about import AboutDialog, show_about
from catalog.ui.dialogs.preferences import PreferencesDialog
from catalog.ui.help_viewer import UserGuide, docs_folder
from catalog.ui.jobs.runner import Runner
from catalog.ui.palette import apply_theme
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.columns import set_date_display
from catalog.ui.record_list.widget import RecordList
from catalog.ui.shell.actions import ActionId, Actions
from catalog.ui.shell.bugs import BugReporter
from catalog.ui.translation import QT_TRANSLATE_NOOP, format_label

NO_GUIDE = QT_TRANSLATE_NOOP(
    "HelpCommands",
    "The user guide is not installed with this copy of Catalog. "
    "It is docs/user-guide.md in Catalog's source.",
)


class HelpCommands(QObject):
    """The window's preferences, user guide and About dialog.

    Attributes:
        guide: the user guide window, once opened.
        about: the About dialog while it is open.
        language_chosen: the preferences changed the interface's language (its code).
    """

    language_chosen = Signal(str)

    def __init__(
        self,
        window: QWidget,
        actions: Actions,
        service: CatalogPort,
        runner: Runner,
        settings: QSettings | None,
        bugs: BugReporter,
        record_list: RecordList,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._runner = runner
        self._settings = settings
        self._bugs = bugs
        self._list = record_list
        self._status = status
        self.guide: UserGuide | None = None
        self.about: AboutDialog | None = None
        actions[ActionId.PREFERENCES].triggered.connect(self.edit_preferences)
        actions[ActionId.USER_GUIDE].triggered.connect(self.show_user_guide)
        actions[ActionId.ABOUT].triggered.connect(self.show_about)

    def edit_preferences(self) -> None:
        """Ask for the preferences; save and apply what changed."""
        settings = self._settings if self._settings is not None else QSettings()
        before = preferences.load(settings)
        formats = [
            (name, f"{format_label(exporter.label)} ({exporter.suffix})")
            for name, exporter in self._service.registry.exporters.items()
        ]
        chosen = PreferencesDialog.ask(self._window, before, formats, preferences.languages())
        if chosen is None:
            return
        preferences.save(settings, chosen)
        self.apply(before, chosen)

    def apply(self, before: preferences.Preferences, after: preferences.Preferences) -> None:
        """Make the window show the preferences ``after`` (``before`` were in force)."""
        if after.theme != before.theme:
            apply_theme(after.theme)
        if after.date_display != before.date_display:
            set_date_display(after.date_display)
            self._repaint_dates()
        editor = self._service.editor
        if editor is not None and after.signing_name != editor.user:
            editor.user = after.signing_name
            self._status(
                self.tr("Your notes and changes are now signed “{0}”.").format(after.signing_name)
            )
        if after.language != before.language:
            self.language_chosen.emit(after.language)

    def show_user_guide(self) -> None:
        """Open the user guide (or bring it to the front)."""
        if self.guide is None:
            folder = docs_folder()
            if folder is None:
                messages.show_error(
                    self._window,
                    self.tr("User guide"),
                    QCoreApplication.translate("HelpCommands", NO_GUIDE),
                )
                return
            self.guide = UserGuide(folder, self._window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_about(self) -> None:
        """Open the About dialog."""
        if self.about is not None:
            self.about.raise_()
            return
        self.about = show_about(self._window, self._service, self._runner, self._bugs)
        self.about.destroyed.connect(self._about_closed)

    def close_windows(self) -> None:
        """Close the guide and the About dialog (the window is closing)."""
        for window in (self.guide, self.about):
            if window is not None:
                window.close()

    def _about_closed(self) -> None:
        self.about = None

    def _repaint_dates(self) -> None:
        model = self._list.records
        column = next((n for n, c in enumerate(model.columns) if c.key == "date"), -1)
        if column >= 0 and model.rowCount():
            model.dataChanged.emit(
                model.index(0, column), model.index(model.rowCount() - 1, column)
            )
