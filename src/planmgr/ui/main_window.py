"""The main window: navigation on the left, one page at a time, menus, status bar (DESIGN.md §8).

Start-up shows the window before the database is open (``MainWindow(None)``: title, menus,
navigation and "opening the database" in the status bar), then ``attach_database`` fills
it in. Nothing on the way to that first frame imports SQLAlchemy, the data model, a page
module or qtawesome: the icons, the File-menu entries of the ledger and backup areas and
the first page come with the database.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from planmgr import logs, paths
from planmgr.ui import dialogs, prefs, theme
from planmgr.ui.ops import Operation, OpRunner

if TYPE_CHECKING:
    from planmgr.store.database import Database
    from planmgr.ui.new_database import NewDatabaseDialog

log = logging.getLogger(__name__)

PAGE_KEYS = ("dashboard", "plans", "drills", "filings", "cards", "units", "settings")


class Page(Protocol):
    def set_engine(self, engine: object) -> None: ...

    def refresh(self) -> None: ...


class MainWindow(QMainWindow):
    """Owns the open ``Database`` (disposes it when replaced or closed).

    ``MainWindow(None)`` is the frame start-up paints while it opens the database: the
    actions that need one are disabled and no page is built until ``attach_database``.
    """

    database_changed = Signal(object)

    def __init__(
        self,
        database: Database | None,
        *,
        settings: QSettings | None = None,
        ops: OpRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # ``None`` only in the start-up frame, until ``attach_database``.
        self.database: Database = None  # type: ignore[assignment]
        self._icons: list[tuple[QAction | QListWidgetItem, str]] = []  # set once qtawesome is loaded
        self.settings = settings if settings is not None else prefs.app_settings(self)
        self.ops = ops if ops is not None else OpRunner(self, parent=self)
        # An explicit minimum (fits 1366×768) also keeps the layout from changing it after
        # the window is shown, which platforms without size hints warn about.
        self.setMinimumSize(760, 520)
        self._stale: set[str] = set(PAGE_KEYS)

        # Every page: ``Page(ops, parent)``, then ``set_engine`` when first shown and
        # ``refresh`` on F5. Writes go through ``ops`` (DESIGN.md §4). Pages are imported and
        # built when first used: all seven up front cost ~0.6 s before the first paint.
        self.pages = _Pages(self._install_page)
        self.pages.ops = self.ops
        labels = {
            "dashboard": (self.tr("Dashboard"), "view-dashboard-outline"),
            "plans": (self.tr("Plan system"), "file-tree-outline"),
            "drills": (self.tr("Drills"), "run-fast"),
            "filings": (self.tr("Filings"), "clipboard-check-outline"),
            "cards": (self.tr("Handling cards"), "card-account-details-outline"),
            "units": (self.tr("Units"), "domain"),
            "settings": (self.tr("Settings"), "cog-outline"),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(168)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        blank = QPixmap(self.nav.iconSize())
        blank.fill(Qt.GlobalColor.transparent)  # keeps the text where it stays once the icons come
        for key in PAGE_KEYS:
            text, icon_name = labels[key]
            item = QListWidgetItem(QIcon(blank), text)
            self._icons.append((item, icon_name))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(150, 40))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in for the page until it is built
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.db_label = QLabel()
        self.unit_label = QLabel()
        self.statusBar().addPermanentWidget(self.unit_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self.nav.currentRowChanged.connect(self._show_row)
        self._restore_state()  # the page is built when the database is attached
        if database is None:
            self.setWindowTitle(self.tr("Emergency plan and drill management"))
            self.statusBar().showMessage(self.tr("Opening the database…"))
            for action in self._needs_database():
                action.setEnabled(False)
        else:
            self.attach_database(database)

    def attach_database(self, database: Database) -> None:
        """Complete the window on ``database``: icons, the File-menu entries of the ledger
        and backup areas, title and status bar, then the page shown last time."""
        self.database = database
        self._build_database_menus()
        self._load_icons()
        for action in self._needs_database():
            action.setEnabled(True)
        self.statusBar().clearMessage()
        self._remember(database)
        self._show_database()
        self._show_row(max(self.nav.currentRow(), 0))

    # ------------------------------------------------------------------ building

    def _action(
        self, icon_name: str, text: str, slot: object, shortcut: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        self._icons.append((action, icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(
            "database-plus-outline", self.tr("&New database…"), self.new_database, "Ctrl+Shift+N"
        )
        self.open_action = self._action(
            "folder-open-outline", self.tr("&Open database…"), self.choose_database, "Ctrl+O"
        )
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.backup_action = self._action("content-save-outline", self.tr("&Back up database"), self.back_up)
        self.quit_action = self._action("exit-to-app", self.tr("E&xit"), self.close, "Ctrl+Q")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        # The ledger entries go before this separator, the backup area's after 备份数据库
        # (_build_database_menus): those modules import SQLAlchemy, not wanted before the first frame.
        self._ledger_place = file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        self._backup_place = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        self.ledger_actions: list[QAction] = []
        self.backup_menu_actions: list[QAction] = []

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.find_action = self._action("magnify", self.tr("&Find"), self.find, "Ctrl+F")
        self.save_action = self._action("content-save-outline", self.tr("&Save"), self.save, "Ctrl+S")
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.save_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = self._action("refresh", self.tr("&Refresh"), self.refresh, "F5")
        view_menu.addAction(self.refresh_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            "book-open-page-variant-outline", self.tr("Open the &user guide"), self.open_user_guide, "F1"
        )
        self.about_action = self._action("information-outline", self.tr("&About planmgr"), self.about)
        self.logs_action = self._action(
            "folder-text-outline", self.tr("Open &log folder"), self.open_log_folder
        )
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.logs_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_database_menus(self) -> None:
        if self.ledger_actions:
            return
        from planmgr.ui.backup import backup_actions  # 恢复备份…, 备份设置…, 审计日志…
        from planmgr.ui.ledger import ledger_actions  # import/export of Excel ledgers (台账)

        self.ledger_actions = ledger_actions(
            self, self.ops, lambda: self.database.engine, on_imported=self.refresh
        )
        self.file_menu.insertActions(self._ledger_place, self.ledger_actions)
        self.backup_menu_actions = backup_actions(self)
        self.file_menu.insertActions(self._backup_place, self.backup_menu_actions)

    def _load_icons(self) -> None:
        """The navigation and menu icons (qtawesome, ~0.1 s to import: after the first frame)."""
        icons, self._icons = self._icons, []
        for target, name in icons:
            target.setIcon(theme.icon(name))

    def _needs_database(self) -> list[QAction | QMenu]:
        """What the start-up frame disables until the database is open."""
        return [
            self.new_action,
            self.open_action,
            self.recent_menu.menuAction(),
            self.backup_action,
            self.find_action,
            self.save_action,
            self.refresh_action,
            self.about_action,
        ]

    def _install_page(self, key: str, page: QWidget) -> None:
        """Put a freshly built page in its slot and wire it: pages talk to each other
        through the window (opening a plan or unit shown on another page, and a write that
        makes the other pages read again)."""
        index = PAGE_KEYS.index(key)
        current = self.stack.currentIndex()
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        for name, slot in (
            ("open_plan", self.open_plan),
            ("open_unit", self.open_unit),
            ("data_changed", partial(self._data_changed, key)),
        ):
            signal = getattr(page, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(slot)
        use_settings = getattr(page, "use_settings", None)
        if callable(use_settings):
            use_settings(self.settings)

    # ------------------------------------------------------------------ pages

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))

    def current_page_key(self) -> str:
        return PAGE_KEYS[max(self.stack.currentIndex(), 0)]

    def _show_row(self, row: int) -> None:
        if row < 0 or self.database is None:
            return  # the start-up frame: the page is built once the database is open
        key = PAGE_KEYS[row]
        page = self.pages[key]  # built now if this is its first showing
        if key in self._stale:  # pages read the database when first shown, not all at start
            self._stale.discard(key)
            self._page(key).set_engine(self.database.engine)
        self.stack.setCurrentIndex(row)
        page = self.pages[key]
        self.find_action.setEnabled(callable(getattr(page, "focus_search", None)))
        self.save_action.setEnabled(callable(getattr(page, "save", None)))

    def _page(self, key: str) -> Page:
        page = self.pages[key]
        assert hasattr(page, "set_engine")
        return page  # type: ignore[return-value]

    def refresh(self) -> None:
        """Read the current page again from the database (F5); the others on their next showing."""
        key = self.current_page_key()
        self._stale = set(PAGE_KEYS) - {key}
        self._page(key).refresh()
        self._show_identity()

    def find(self) -> None:
        """Ctrl+F: the current page's search box, where it has one."""
        focus_search = getattr(self.pages[self.current_page_key()], "focus_search", None)
        if callable(focus_search):
            focus_search()

    def save(self) -> None:
        """Ctrl+S: the current page saves what it is editing, where it edits anything."""
        save = getattr(self.pages[self.current_page_key()], "save", None)
        if callable(save):
            save()

    def open_plan(self, uid: str) -> None:
        """Show plan ``uid`` on the plan page (asked by the dashboard or the units page)."""
        self.show_page("plans")
        show_plan = getattr(self.pages["plans"], "show_plan", None)
        if callable(show_plan):
            show_plan(uid)
        else:
            log.info("the plans page cannot show a plan yet: %s", uid)

    def open_unit(self, uid: str) -> None:
        self.show_page("units")
        show_unit = getattr(self.pages["units"], "show_unit", None)
        if callable(show_unit):
            show_unit(uid)

    def _data_changed(self, source: str) -> None:
        """A page wrote to the database: the others read again when next shown."""
        self._stale |= set(PAGE_KEYS) - {source, self.current_page_key()}
        self._show_identity()

    # ------------------------------------------------------------------ database

    def _show_database(self) -> None:
        name = self.database.name
        self.setWindowTitle(
            self.tr("{name} — Emergency plan and drill management").format(name=Path(name).name)
        )
        self.db_label.setText(self.tr("Database: {name}").format(name=name))
        self.db_label.setToolTip(name)
        self._show_identity()

    def _show_identity(self) -> None:
        from planmgr.domain.errors import PlanmgrError
        from planmgr.services.settings import get_identity

        try:
            identity = get_identity(self.database.engine)
        except PlanmgrError as error:
            log.warning("could not read the identity: %s", error.message)
            identity = None
        if identity is None:
            self.unit_label.setText(self.tr("Own unit: not registered"))
            self.unit_label.setToolTip(self.tr("Register it with: planmgr init"))
        else:
            self.unit_label.setText(self.tr("Own unit: {name}").format(name=identity.unit_name))
            self.unit_label.setToolTip(identity.mode.text)

    def set_database(self, database: Database) -> None:
        """Show ``database`` instead of the current one (which is closed)."""
        old, self.database = self.database, database
        if old is not database:
            old.dispose()
        self._remember(database)
        self._show_database()
        self._stale = set(PAGE_KEYS)
        self._show_row(self.nav.currentRow())
        self.database_changed.emit(database)
        if database.upgraded_from and database.backup_path:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; a backup was kept first: {path}").format(
                    path=database.backup_path
                ),
                15_000,
            )

    def _remember(self, database: Database) -> None:
        if database.path is not None:
            prefs.remember_database(self.settings, str(database.path))

    def new_database(self) -> NewDatabaseDialog | None:
        """文件 › 新建数据库: the dialog (shown, not blocking); the new database replaces this one."""
        if self._visible_operations():
            dialogs.inform(self, self.tr("Please wait"), self.tr("Another operation is still running."))
            return None
        from planmgr.ui.new_database import NewDatabaseDialog

        dialog = NewDatabaseDialog(self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.set_database)
        self.new_database_dialog = dialog
        dialog.open()
        return dialog

    def choose_database(self) -> None:
        start = self.database.path.parent if self.database.path else paths.user_data_dir()
        chosen = dialogs.pick_open_file(
            self,
            self.tr("Open database"),
            self.tr("planmgr databases (*.sqlite *.db);;All files (*)"),
            start,
        )
        if chosen is not None:
            self.open_database(str(chosen))

    def open_database(self, db: str) -> None:
        """Open ``db`` in the background (it may need an upgrade), then show it. A file another
        app is using is offered read-only or not at all (one writer per file)."""
        if self._visible_operations():
            dialogs.inform(self, self.tr("Please wait"), self.tr("Another operation is still running."))
            return
        from planmgr.store.database import open_database
        from planmgr.store.engine import database_url, sqlite_path
        from planmgr.ui.backup.lock_prompt import READ_ONLY, acquire_or_ask

        path = sqlite_path(database_url(db))
        if path is not None and self.database.path is not None and path == self.database.path.resolve():
            return  # already the open database
        if not self.pages_may_close():
            return
        lock = None
        read_only = False
        if path is not None and path.exists():
            outcome = acquire_or_ask(self, path)  # on the GUI thread: it may ask
            if outcome is None:
                return
            if outcome == READ_ONLY:
                read_only = True
            else:
                lock = outcome

        def job() -> Database:
            database = open_database(db, read_only=read_only)
            database.writer_lock = lock
            return database

        def failed(_error: BaseException) -> None:
            if lock is not None:
                lock.release()

        self.ops.run(
            self.tr("Opening the database"),
            job,
            on_success=self.set_database,
            on_failure=failed,
            cancellable=False,
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = prefs.recent_databases(self.settings)
        current = str(self.database.path) if self.database.path else None
        for db in recent:
            action = self.recent_menu.addAction(db)
            action.setEnabled(db != current)
            action.triggered.connect(partial(self.open_database, db))
        if not recent:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def back_up(self) -> None:
        from planmgr.store.backup import backup_file

        self.ops.run(
            self.tr("Backing up the database"),
            partial(backup_file, self.database.engine),
            on_success=self._backed_up,
            cancellable=False,
        )

    def _backed_up(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=path), 10_000)
        dialogs.inform(
            self,
            self.tr("Backup finished"),
            self.tr("The database was backed up to:\n{path}").format(path=path),
        )

    # ------------------------------------------------------------------ help

    def about(self) -> QWidget:
        """帮助 › 关于: the dialog (shown, not blocking)."""
        from planmgr.ui.about import AboutDialog

        dialog = AboutDialog(self.database.name, logs.current_log_file(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    def open_user_guide(self) -> None:
        """帮助 › 打开用户手册: docs/用户手册.md in the program the system opens Markdown with."""
        try:
            guide = paths.user_guide()
        except FileNotFoundError as missing:
            dialogs.error(self, self.tr("User guide"), str(missing))
            return
        if not dialogs.open_file(guide):
            dialogs.inform(
                self,
                self.tr("User guide"),
                self.tr("No program to open it was found. The user guide is:\n{path}").format(path=guide),
            )

    def open_log_folder(self) -> None:
        folder = paths.user_log_dir()
        if not dialogs.open_folder(folder):
            dialogs.inform(
                self, self.tr("Log folder"), self.tr("The log files are in:\n{path}").format(path=folder)
            )

    # ------------------------------------------------------------------ window state

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 700)  # fits a 1366×768 office screen with its task bar
        key = str(self.settings.value("window/page", "dashboard"))
        self.show_page(key if key in PAGE_KEYS else "dashboard")

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.current_page_key())
        self.settings.sync()

    def _visible_operations(self) -> list[Operation]:
        """Running operations the user started and sees (a background read does not count)."""
        return [op for op in self.ops.findChildren(Operation) if not op.is_done and op.dialog is not None]

    def pages_may_close(self) -> bool:
        """Ask every built page with unsaved work (a page's ``may_close()``) before the window
        quits or leaves the database; any "no" keeps everything as it is."""
        for page in self.pages.built().values():
            may_close = getattr(page, "may_close", None)
            if may_close is not None and not may_close():
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._visible_operations() and not dialogs.ask(
            self,
            self.tr("An operation is running"),
            self.tr("An operation is still running. Cancel it and quit?"),
        ):
            event.ignore()
            return
        if not self.pages_may_close():
            event.ignore()
            return
        if self.database is None:  # the start-up frame: nothing opened, nothing to remember
            event.accept()
            return
        self.save_state()
        self.ops.shutdown()
        self.database.dispose()
        event.accept()


# key -> (module, class) of each page; imported on first use.
_PAGE_CLASSES = {
    "dashboard": ("planmgr.ui.dashboard.page", "DashboardPage"),
    "plans": ("planmgr.ui.plans.page", "PlansPage"),
    "drills": ("planmgr.ui.drills.page", "DrillsPage"),
    "filings": ("planmgr.ui.filings.page", "FilingsPage"),
    "cards": ("planmgr.ui.cards.page", "CardsPage"),
    "units": ("planmgr.ui.units.page", "UnitsPage"),
    "settings": ("planmgr.ui.settings.page", "SettingsPage"),
}


class _Pages(Mapping[str, QWidget]):
    """The window's pages by key, each imported and built on first access."""

    def __init__(self, install: Callable[[str, QWidget], None]) -> None:
        self._install = install
        self._built: dict[str, QWidget] = {}
        self.ops: OpRunner | None = None

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            module, name = _PAGE_CLASSES[key]
            page = getattr(importlib.import_module(module), name)(self.ops)
            self._built[key] = page
            self._install(key, page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(_PAGE_CLASSES)

    def __len__(self) -> int:
        return len(_PAGE_CLASSES)

    def built(self) -> dict[str, QWidget]:
        """The pages built so far (closing the window need not build the others)."""
        return dict(self._built)
