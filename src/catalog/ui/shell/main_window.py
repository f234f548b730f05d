"""The main window: three panes, menus, toolbar and status bar, and the wiring between them.

Filter sidebar | record list (or the welcome page) | detail pane. The window owns no
logic of its own: the search controller runs searches, the operations run long jobs,
the signal hub announces what changed, and each pane decides what to refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QWidget

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError, QueryError
from catalog.domain.records import Facet
from catalog.domain.views import FacetName
from catalog.services.catalog import SearchResult
from catalog.ui import recent_catalogues
from catalog.ui.detail_pane.widget import DetailPane
from catalog.ui.dialogs.cheat_sheet import CheatSheet
from catalog.ui.dialogs.export_choice import ExportScope
from catalog.ui.dialogs.go_to_record import GoToRecordDialog
from catalog.ui.dialogs.import_dialog.drops import dropped_paths
from catalog.ui.dialogs.shortcuts import ShortcutsDialog, shortcut_rows
from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from catalog.ui.filter_sidebar.widget import FilterSidebar
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.pending_selection import PendingSelection
from catalog.ui.record_list.widget import RecordList
from catalog.ui.shell import list_menu, pane_focus, window_state
from catalog.ui.shell.actions import ActionId, Actions, shortcut_specs
from catalog.ui.shell.bugs import BugReporter
from catalog.ui.shell.citing import CitationCommands
from catalog.ui.shell.editing import EditingCommands
from catalog.ui.shell.help_commands import HelpCommands
from catalog.ui.shell.live_updates import LiveUpdates
from catalog.ui.shell.operations import Operations
from catalog.ui.shell.search_controller import FacetOutcome, SearchController, SearchOutcome
from catalog.ui.shell.signals import SignalHub
from catalog.ui.shell.status import read_only_label, status_text
from catalog.ui.shell.welcome import WelcomePage
from catalog.ui.timeline.widget import Timeline
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

APP_TITLE = "Catalog"
STATUS_MESSAGE_MS = 15000
NO_MATCH = QT_TRANSLATE_NOOP("MainWindow", "No records match this search. Press Esc to clear it.")


def catalogue_name(location: str) -> str:
    """The catalogue's name for the title bar: a file's name, or the server URL."""
    return location if "://" in location else Path(location).name


class MainWindow(QMainWindow):
    """The window of one open catalogue.

    Attributes:
        hub: the application-wide signals.
        window_actions: the menu and toolbar actions.
        sidebar: search box and facets.
        record_list: the table of results.
        welcome: the page shown while the catalogue is empty.
        detail: the selected record.
        search: the current search.
        operations: import, sample loading and export.
    """

    open_catalogue_requested = Signal(str, str)
    """File → Open recent chose a catalogue (target, password: "" when not known)."""
    connect_requested = Signal()
    """File → Connect to a team catalogue was chosen."""

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_TITLE} — {catalogue_name(service.location)}")
        self._runner = runner
        self.hub = SignalHub(self)
        self.bugs = BugReporter(self)
        self.window_actions = Actions(self)
        self.sidebar = FilterSidebar(SavedSearches(settings))
        self.record_list = RecordList(service)
        self.welcome = WelcomePage(service.location)
        self.detail = DetailPane(
            service,
            runner,
            lambda e: self.bugs(e, self.tr("showing the record")),
            attachment_folder=service.attachment_folder,
        )
        shown = self.detail
        for pane_action in (shown.back_action, shown.forward_action, shown.copy_citation_action):
            pane_action.setShortcut(QKeySequence())  # the window's own actions hold the keys
        self.timeline = Timeline()
        self.search = SearchController(service, runner, self.bugs, parent=self)
        self.operations = Operations(service, runner, self.hub, self, self.bugs, settings)
        self.editing = EditingCommands(
            service,
            runner,
            self.hub,
            self.window_actions,
            self,
            self.bugs,
            self.record_list.selected_ids,
            lambda: self.detail.shown_id,
            settings,
        )
        self.citing = CitationCommands(
            service,
            runner,
            self.hub,
            self.window_actions,
            self,
            self.bugs,
            self.record_list.selected_ids,
            lambda: self.detail.shown_id,
        )
        self.help = HelpCommands(
            self,
            self.window_actions,
            service,
            runner,
            settings,
            self.bugs,
            self.record_list,
            self._show_message,
        )  # Edit → Preferences, Help → User guide and About
        self._cheat_sheet: CheatSheet | None = None
        self._shortcuts: ShortcutsDialog | None = None
        self._catalogue_total = 0
        self._shown: SearchResult | None = None
        self._selected = 0
        self._build_panes()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        list_menu.install(self.record_list, self.window_actions)
        panes = [self.sidebar, self.timeline, self.record_list, self.detail]
        self.pane_focus = pane_focus.install(self.window_actions, panes)  # F6, Shift+F6
        self.live = LiveUpdates(service, self.hub, self)
        for lasting in (self.live.offline, read_only_label(service.read_only_reason)):
            self.statusBar().addPermanentWidget(lasting)
        # After an import: its records are selected once the refreshed list shows them.
        self.pending_selection = PendingSelection(self.record_list)
        self.operations.imported.connect(self.pending_selection.select_after_refresh)
        self.search.results_ready.connect(self.pending_selection.on_results)
        self.setAcceptDrops(True)
        self.window_actions.update_enabled(has_records=False, writable=service.editor is not None)
        self._on_history_changed(False, False)
        self.resize(1320, 820)
        last = window_state.restore(self, settings) if settings is not None else ""
        if last:
            self.sidebar.set_query(last)  # searches it
        else:
            self.search.refresh()
        self.sidebar.focus_search()

    # ------------------------------------------------------------------ layout

    def _build_panes(self) -> None:
        self.centre = QStackedWidget()
        self.centre.setObjectName("centre")
        # The timeline sits above the list it summarises; the welcome page has neither.
        self.list_pane = QSplitter(Qt.Orientation.Vertical)
        self.list_pane.setObjectName("listPane")
        self.list_pane.addWidget(self.timeline)
        self.list_pane.addWidget(self.record_list)
        self.list_pane.setStretchFactor(1, 1)
        self.list_pane.setCollapsible(1, False)
        self.list_pane.setSizes([150, 600])
        self.centre.addWidget(self.list_pane)
        self.centre.addWidget(self.welcome)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.sidebar, self.centre, self.detail):
            self.splitter.addWidget(pane)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 660, 380])
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        a = self.window_actions
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addActions([a[ActionId.IMPORT], a[ActionId.EXPORT], a[ActionId.EXPORT_SELECTION]])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.CONNECT])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        recent_catalogues.install(
            self.recent_menu, self._settings, lambda t: self.open_catalogue_requested.emit(t, "")
        )
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.LOAD_SAMPLE])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([a[ActionId.UNDO], a[ActionId.REDO]])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [a[ActionId.NEW_RECORD], a[ActionId.EDIT_RECORD], a[ActionId.DELETE_RECORDS]]
        )
        edit_menu.addSeparator()
        edit_menu.addActions(
            [a[ActionId.BULK_EDIT], a[ActionId.SUGGEST_NAMES], a[ActionId.AUTHORITIES]]
        )
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.SHOW_TRASH])
        edit_menu.addSeparator()
        edit_menu.addActions([a[ActionId.ARCHIVIST_NAME], a[ActionId.PREFERENCES]])
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addActions([a[ActionId.FIND], a[ActionId.CLEAR_SEARCH], a[ActionId.SAVE_SEARCH]])
        view_menu.addSeparator()
        view_menu.addActions(
            [a[ActionId.SHOW_SIDEBAR], a[ActionId.SHOW_TIMELINE], a[ActionId.SHOW_DETAILS]]
        )
        view_menu.addSeparator()
        view_menu.addActions([a[ActionId.NEXT_PANE], a[ActionId.PREVIOUS_PANE]])
        go_menu = menu_bar.addMenu(self.tr("&Go"))
        go_menu.addActions(
            [
                a[ActionId.NEXT_RECORD],
                a[ActionId.PREVIOUS_RECORD],
                a[ActionId.BACK],
                a[ActionId.FORWARD],
                a[ActionId.GO_TO_RECORD],
            ]
        )
        go_menu.addSeparator()
        go_menu.addActions(
            [
                a[ActionId.COPY_CITATION],
                a[ActionId.COPY_CITATION_NOTE],
                a[ActionId.COPY_CITATION_BIBLIOGRAPHY],
            ]
        )
        tools = [a[ActionId.CHECK_CATALOGUE], a[ActionId.SORT_LANGUAGE]]
        menu_bar.addMenu(self.tr("&Tools")).addActions(tools)
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addActions(
            [a[ActionId.USER_GUIDE], a[ActionId.CHEAT_SHEET], a[ActionId.SHORTCUTS]]
        )
        help_menu.addAction(a[ActionId.ABOUT])
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([a[ActionId.IMPORT], a[ActionId.EXPORT]])
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.status_counts = QLabel()
        self.status_counts.setObjectName("statusCounts")
        self.status_counts.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_counts, 1)

    def _connect(self) -> None:
        a = self.window_actions
        a[ActionId.IMPORT].triggered.connect(self.operations.ask_and_import)
        a[ActionId.EXPORT].triggered.connect(lambda: self._export())  # not `checked` as scope
        a[ActionId.EXPORT_SELECTION].triggered.connect(lambda: self._export(ExportScope.SELECTED))
        a[ActionId.LOAD_SAMPLE].triggered.connect(self.operations.load_sample)
        a[ActionId.CONNECT].triggered.connect(lambda: self.connect_requested.emit())
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.FIND].triggered.connect(self._focus_search)
        a[ActionId.CLEAR_SEARCH].triggered.connect(lambda: self.sidebar.set_query(""))
        a[ActionId.SHOW_SIDEBAR].toggled.connect(self.sidebar.setVisible)
        a[ActionId.SHOW_DETAILS].toggled.connect(self.detail.setVisible)
        a[ActionId.CHEAT_SHEET].triggered.connect(self._show_cheat_sheet)
        self.welcome.load_sample_requested.connect(self.operations.load_sample)
        self.welcome.import_requested.connect(self.operations.ask_and_import)
        self.operations.busy_changed.connect(self._on_busy_changed)
        self.sidebar.query_changed.connect(self.search.search)
        self.record_list.sort_changed.connect(self.search.set_sort)
        self.record_list.selection_changed.connect(self._on_selection_changed)
        self.record_list.selection_count_changed.connect(self._on_selection_count)
        self.record_list.activated.connect(self._open_record)  # Enter or a double click
        self.sidebar.all_values_requested.connect(self._show_all_values)
        a[ActionId.SAVE_SEARCH].triggered.connect(self.sidebar.save_current)
        a[ActionId.SHOW_TIMELINE].toggled.connect(self.timeline.setVisible)
        a[ActionId.NEXT_RECORD].triggered.connect(lambda: self._step_record(1))
        a[ActionId.PREVIOUS_RECORD].triggered.connect(lambda: self._step_record(-1))
        a[ActionId.SHORTCUTS].triggered.connect(self._show_shortcuts)
        a[ActionId.BACK].triggered.connect(self.detail.go_back)
        a[ActionId.FORWARD].triggered.connect(self.detail.go_forward)
        a[ActionId.GO_TO_RECORD].triggered.connect(self._go_to_record)
        a[ActionId.CHECK_CATALOGUE].triggered.connect(self.operations.check_catalogue)
        a[ActionId.SORT_LANGUAGE].triggered.connect(self.operations.ask_sort_language)
        self.sidebar.query_changed.connect(self.detail.set_query)
        self.detail.filter_requested.connect(self.sidebar.add_clause)
        self.detail.record_shown.connect(self._on_record_shown)
        self.detail.status_message.connect(self._show_message)
        self.detail.history_changed.connect(self._on_history_changed)
        self.detail.changed.connect(self.editing.announce)
        self.timeline.range_chosen.connect(self.sidebar.set_range)
        self.search.results_ready.connect(self._on_results)
        self.search.query_failed.connect(self._on_query_failed)
        self.search.search_failed.connect(self._show_message)
        self.search.facets_ready.connect(self._on_facets)
        self.hub.changes_applied.connect(self._on_changes_applied)
        self.hub.status_message.connect(self._show_message)
        self.editing.busy_changed.connect(lambda _busy: self._enable_actions())
        # The box keeps the keys it edits with: Esc clears it, Del deletes a character,
        # Ctrl+Z undoes typing (not the catalogue's last change).
        own_keys = (ActionId.CLEAR_SEARCH, ActionId.DELETE_RECORDS, ActionId.UNDO, ActionId.REDO)
        self.sidebar.search_box.yield_shortcuts(
            a[action_id].shortcut() for action_id in ActionId if action_id not in own_keys
        )

    # ------------------------------------------------------------------ public

    @property
    def status_line(self) -> str:
        """The counts shown in the status bar."""
        return self.status_counts.text()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Files dragged over the window can be dropped to import them."""
        writable = not self._service.read_only
        if dropped_paths(event.mimeData()) and writable and not self.operations.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Dropped files open the Import dialog."""
        paths = dropped_paths(event.mimeData())
        if paths and self.operations.import_paths(paths) is not None:
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Cancel long work and wait for the workers before the window goes."""
        self.live.stop()
        self._runner.shutdown()
        if self._settings is not None:
            window_state.save(self, self._settings)
        for dialog in (self._cheat_sheet, self._shortcuts):
            if dialog is not None:
                dialog.close()
        self.help.close_windows()
        super().closeEvent(event)

    # ------------------------------------------------------------------ slots

    def _on_results(self, outcome: SearchOutcome) -> None:
        result = outcome.result
        self._catalogue_total = outcome.catalogue_total
        self._shown = result
        self.sidebar.show_query_error(result.query, None)
        self.sidebar.record_query_run(result.query)
        self.record_list.show_sort(self.search.orders)
        placeholder = result.query.strip() and QCoreApplication.translate("MainWindow", NO_MATCH)
        self.record_list.show_result(result.ids, placeholder, outcome.rows)
        self.timeline.set_query(result.query)
        empty = outcome.catalogue_total == 0
        self.centre.setCurrentWidget(self.welcome if empty else self.list_pane)
        self._enable_actions()
        self._update_status()

    def _on_query_failed(self, query: str, error: QueryError) -> None:
        self.sidebar.show_query_error(query, error)

    def _on_facets(self, outcome: FacetOutcome) -> None:
        self.sidebar.set_facets(outcome.facets, outcome.pending)
        values = {facet.name: facet.values for facet in outcome.facets}
        total = self.search.last.result.total if self.search.last else 0
        self.timeline.set_data(
            values.get("year", ()), values.get("month", ()), total, outcome.pending
        )

    def _on_selection_changed(self, ids: Sequence[int]) -> None:
        self._selected = len(ids)
        self.detail.show_ids(ids)
        self._update_status()

    def _on_selection_count(self, count: int) -> None:
        self._selected = count
        self._update_status()

    def _on_record_shown(self, record_id: int) -> None:
        """Back, forward or a link showed a record: select it when the list holds it."""
        row = self.record_list.records.row_of(record_id)
        if row is not None:
            self.record_list.selectRow(row)
            self.record_list.scrollTo(self.record_list.records.index(row, 0))
        else:  # keep the shown record: an empty selection would clear the pane
            with QSignalBlocker(self.record_list.selectionModel()):
                self.record_list.clearSelection()

    def _open_record(self, index: QModelIndex) -> None:
        """Show the activated record and move the keyboard into the detail pane."""
        self.window_actions[ActionId.SHOW_DETAILS].setChecked(True)
        self.detail.show_record(self.record_list.records.record_id(index.row()))
        self.detail.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_history_changed(self, can_back: bool, can_forward: bool) -> None:
        self.window_actions[ActionId.BACK].setEnabled(can_back)
        self.window_actions[ActionId.FORWARD].setEnabled(can_forward)

    def _go_to_record(self) -> None:
        record_id = GoToRecordDialog.ask(self)
        if record_id is not None:
            self.window_actions[ActionId.SHOW_DETAILS].setChecked(True)
            self.detail.show_record(record_id)

    def _step_record(self, step: int) -> None:
        """Select the next (1) or previous (-1) record of the list."""
        view, model = self.record_list, self.record_list.records
        if model.rowCount() == 0:
            return
        row = view.currentIndex().row()
        target = 0 if row < 0 else min(max(row + step, 0), model.rowCount() - 1)
        view.selectRow(target)
        view.scrollTo(model.index(target, 0))

    def _show_all_values(self, name: str) -> None:
        """Every value of one facet for the current query, counted off the UI thread."""
        service, query = self._service, self.search.query

        def work() -> list[Facet]:
            return service.facets(query, [FacetName(name)], None)

        def done(facets: list[Facet]) -> None:
            if facets and self.search.query == query:
                self.sidebar.show_all_values(facets[0])

        def failed(error: BaseException) -> None:
            if isinstance(error, CatalogError):
                self._show_message(error_text(error))
            else:
                self.bugs(error, self.tr("listing the values"))

        self._runner.read(work, done, failed)

    def _show_shortcuts(self) -> None:
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(shortcut_rows(shortcut_specs()), self)
        self._shortcuts.show()
        self._shortcuts.raise_()

    def _on_changes_applied(self, changes: ChangeSet) -> None:
        self.record_list.refresh_rows(None if changes.bulk else sorted(changes.records))
        self.detail.on_changes(changes)
        self.search.refresh()
        self.search.warm_index()  # mends the search index (a large import rebuilds it)

    def _on_busy_changed(self, busy: bool) -> None:
        self.welcome.set_busy(busy)
        self._enable_actions()

    def _enable_actions(self) -> None:
        busy = self.operations.busy or self.editing.busy
        writable = self._service.editor is not None
        self.window_actions.update_enabled(self._catalogue_total > 0, busy, writable)
        if self._service.read_only:  # a researcher's role: nothing comes in either
            for action_id in (ActionId.IMPORT, ActionId.LOAD_SAMPLE):
                self.window_actions[action_id].setEnabled(False)
        self.editing.update_labels()

    def _export(self, scope: ExportScope | None = None) -> None:
        self.operations.ask_and_export(
            self.record_list.selected_ids(),
            self.record_list.records.ids,
            self._catalogue_total,
            scope,
        )

    def _focus_search(self) -> None:
        self.window_actions[ActionId.SHOW_SIDEBAR].setChecked(True)
        self.sidebar.focus_search()

    def _show_cheat_sheet(self) -> None:
        if self._cheat_sheet is None:
            self._cheat_sheet = CheatSheet(self)
        self._cheat_sheet.show()
        self._cheat_sheet.raise_()
        self._cheat_sheet.activateWindow()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _update_status(self) -> None:
        shown = self._shown.total if self._shown else 0
        query = self._shown.query if self._shown else ""
        self.status_counts.setText(status_text(shown, self._catalogue_total, self._selected, query))
