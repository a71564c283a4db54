"""Start-up of the desktop application (STYLE.md, start-up order).

paths → logging → Qt message handler and excepthook → translations and fonts → the main
window's frame, painted (title, menus, navigation, "opening the database" in the status
bar) → open the database → the window completed on it (icons, first page). The frame is
on screen while the slow part runs: sqlmodel/SQLAlchemy and the data model are imported
only when the database is opened, the page modules when their page is first shown,
pandas not at all on this path (DESIGN.md §9). A database that cannot be opened is
explained in a dialog over the frame, which then goes away.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from planmgr import APP_NAME, __version__, logs, paths
from planmgr.domain import i18n
from planmgr.ui import bench_hooks, crash, dialogs, prefs, theme

if TYPE_CHECKING:
    from planmgr.store.database import Database
    from planmgr.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_FAILURE = 1
EXIT_DATABASE = 3
LANGUAGES = ("zh_CN", "en")
TRANSLATION_NAME = "planmgr_zh_CN.qm"
PACKAGE_SUFFIX = ".planpkg"
EXPOSE_WAIT_S = 0.5  # at most this long for the window system to show the frame


@dataclass
class Options:
    db: str | None = None
    demo: bool = False
    lang: str | None = None  # None: the language chosen on the settings page (zh_CN by default)
    package: Path | None = None  # a filing package to import (the .planpkg file type opens it)
    qt_args: list[str] = field(default_factory=list)


def parse_args(argv: Sequence[str]) -> Options:
    # English only: planmgr-gui is a windowed program without a console to print help in;
    # ``planmgr gui --help`` (the CLI, planmgr.cli.gui_cmd) is the one people read, translated.
    parser = argparse.ArgumentParser(prog="planmgr gui", description="Emergency plan and drill management")
    parser.add_argument("--db", help="database file path or URL (default: the database opened last)")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created on first use)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="interface language (default: the one chosen on the settings page, initially zh_CN)",
    )
    known, rest = parser.parse_known_args(list(argv))
    # A .planpkg named on the command line (a double click on a filing package in Explorer):
    # the GUI opens on 备案 and imports it. Anything else left over is Qt's (-style fusion …).
    packages = [arg for arg in rest if arg.lower().endswith(PACKAGE_SUFFIX) and not arg.startswith("-")]
    package = Path(packages[0]) if packages else None
    if package is not None:
        rest = [arg for arg in rest if arg != packages[0]]
    return Options(db=known.db, demo=known.demo, lang=known.lang, package=package, qt_args=rest)


def translation_file() -> Path:
    return paths.resource("i18n", TRANSLATION_NAME)


def translation_files() -> list[Path]:
    """Every area's compiled catalogue (resources/i18n/catalogs.json), the shell's first."""
    try:
        folder = paths.resources_dir() / "i18n"
    except FileNotFoundError:
        return []
    others = sorted(p for p in folder.glob("*_zh_CN.qm") if p.name != TRANSLATION_NAME)
    main = folder / TRANSLATION_NAME
    return ([main] if main.exists() else []) + others


class UiSetup:
    """Translations, fonts and the look, done once when the first of (a dialog, the main
    window) needs them."""

    def __init__(self, app: QApplication, lang: str) -> None:
        self.app = app
        self.lang = lang
        self.done = False
        self.translators: list[QTranslator] = []
        # The language is decided: the services' messages and the enum labels
        # (planmgr.domain.i18n) speak it from now on, as the widgets will.
        i18n.set_language(lang)

    def __call__(self) -> None:
        if self.done:
            return
        self.done = True
        self._install_translations()
        family = theme.apply_look(self.app)
        log.info("look: Fusion, font %s, language %s", family, self.lang)

    def _install_translations(self) -> None:
        # A second start in the same process (tests) replaces the first one's translators.
        for old in getattr(self.app, "_planmgr_translators", []):
            self.app.removeTranslator(old)
        if self.lang == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            self.app._planmgr_translators = []  # type: ignore[attr-defined]
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for path in translation_files():
            ours = QTranslator(self.app)
            if ours.load(str(path)):
                self.translators.append(ours)
            else:
                log.warning("translation not loaded: %s", path)
        qt_own = QTranslator(self.app)  # Qt's own buttons: 确定, 取消 …
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.translators.append(qt_own)
        for translator in self.translators:
            self.app.installTranslator(translator)
        self.app._planmgr_translators = list(self.translators)  # type: ignore[attr-defined]


def _application(qt_args: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(prefs.ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    try:  # the same mark as the executable and the installer (resources/icons)
        app.setWindowIcon(QIcon(str(paths.resource("icons", "planmgr.png"))))
    except FileNotFoundError:
        log.warning("application icon missing")
    return app


class StartupFailed(Exception):
    """Start-up stopped after telling the user why; ``code`` is the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _open_startup_database(options: Options, ui: UiSetup, parent: QWidget | None = None) -> Database:
    from planmgr.store.errors import DatabaseProblem
    from planmgr.ui.backup.lock_prompt import OpenCancelled

    def open_database(db: str | Path, *, create: bool = False) -> Database:
        from planmgr.ui.backup.lock_prompt import open_with_lock

        ui()  # the one-writer question, if asked, is in Chinese
        return open_with_lock(parent, db, create=create)

    try:
        if options.demo:
            path = Path(options.db) if options.db else paths.demo_database()
            if not path.exists():
                _create_demo(path, ui, parent)
            return open_database(path)
        if options.db:
            return open_database(options.db)
        last = _open_last_database(ui, parent)
        if last is not None:
            return last
        return open_database(paths.default_database(), create=True)
    except OpenCancelled:
        raise StartupFailed(EXIT_FAILURE) from None
    except DatabaseProblem as problem:
        message = problem.message
    except OSError as error:  # e.g. the data folder cannot be created
        ui()  # before translating the message
        message = QCoreApplication.translate("app", "A file operation failed: {reason} ({file}).").format(
            reason=error.strerror or str(error), file=error.filename or ""
        )
    log.error("cannot open the database: %s", message)
    ui()
    dialogs.error(parent, QCoreApplication.translate("app", "Cannot open the database"), message)
    raise StartupFailed(EXIT_DATABASE)


def _open_last_database(ui: UiSetup, parent: QWidget | None = None) -> Database | None:
    """The database opened last time, if its file is still there and opens; else ``None``
    (after telling the user why it did not open), and the default database is used."""
    from planmgr.store.errors import DatabaseProblem
    from planmgr.ui.backup.lock_prompt import open_with_lock

    last = prefs.last_database(prefs.app_settings())
    if last is None:
        return None
    try:
        ui()
        database = open_with_lock(parent, last)
    except DatabaseProblem as problem:
        log.warning("the last database did not open: %s", problem.message)
        ui()
        dialogs.error(
            parent,
            QCoreApplication.translate("app", "Cannot open the last database"),
            QCoreApplication.translate(
                "app",
                "{reason}\n\nThe default database is opened instead; use File > Open to choose another.",
            ).format(reason=problem.message),
        )
        return None
    log.info("reopening the last database %s", last)
    return database


def _create_demo(path: Path, ui: UiSetup, parent: QWidget | None = None) -> None:
    from planmgr.domain.errors import PlanmgrError
    from planmgr.ui.ops import OpRunner

    def job(report: Callable[[int, int, str], None]) -> object:
        # Imported here, on the worker thread: the demo builder is heavy to import.
        from planmgr.services.demo import create_demo

        return create_demo(path, size="small", progress=lambda stage, done, total: report(done, total, stage))

    ui()
    log.info("creating the demo database %s", path)
    title = QCoreApplication.translate("app", "Cannot create the demo database")
    try:
        OpRunner(parent).run_and_wait(
            QCoreApplication.translate("app", "Creating the demo database"),
            job,
            pass_progress=True,
            cancellable=False,  # the small set takes a second or two; a half-made demo helps nobody
        )
    except ImportError as error:
        log.error("demo builder unavailable: %s", error)
        dialogs.error(
            parent,
            title,
            QCoreApplication.translate(
                "app",
                "This installation cannot create the demo database (the demo data module is missing: "
                "{error}). Open your own database instead, or install a complete version of planmgr.",
            ).format(error=error),
        )
        raise StartupFailed(EXIT_FAILURE) from None
    except PlanmgrError as error:
        if error.exit_code == EXIT_DATABASE:
            raise
        dialogs.error(parent, title, error.message)
        raise StartupFailed(error.exit_code) from None


def _paint_frame(app: QApplication, window: QWidget) -> None:
    """Show ``window`` and paint it now, before the blocking database open: wait (briefly)
    for the window system to expose it, paint it, and deliver what the paint queued."""
    window.show()
    handle = window.windowHandle()
    deadline = time.monotonic() + EXPOSE_WAIT_S
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not handle.isExposed():
            time.sleep(0.005)
    window.repaint()
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def start(argv: Sequence[str]) -> tuple[QApplication, MainWindow] | int:
    """Everything up to a shown main window on the open database; an exit code if
    start-up stopped."""
    options = parse_args(argv)
    paths.user_config_dir()
    log_file = logs.setup_logging()
    log.info("planmgr %s starting (log %s)", __version__, log_file)
    app = _application(options.qt_args)
    bench_hooks.install_from_env(app)  # PLANMGR_BENCH_FIRST_PAINT: `make bench` start-up figure
    ui = UiSetup(app, options.lang or prefs.language(prefs.app_settings()))
    crash.install_qt_message_handler()
    crash.install_excepthook(before_dialog=ui)
    ui()
    from planmgr.ui.main_window import MainWindow

    window = MainWindow(None)  # the frame: "opening the database" in the status bar
    _paint_frame(app, window)
    log.info("main window frame shown")
    try:
        database = _open_startup_database(options, ui, window)
    except StartupFailed as stop:
        window.hide()  # not closed: nothing was opened, the remembered page and size stay
        window.deleteLater()
        return stop.code
    window.attach_database(database)
    from planmgr.ui.backup import install_daily_backup  # on open, then once a day while in use

    window.daily_backup = install_daily_backup(window)  # type: ignore[attr-defined]
    log.info("main window shown: %s", database.name)
    if options.package is not None:
        import_package_argument(window, options.package)
    return app, window


def import_package_argument(window: MainWindow, package: Path) -> None:
    """``planmgr X.planpkg``: show 备案 and start importing ``package`` there, as 导入备案包…
    does. Only an emergency office receives filings; another database is told so."""
    log.info("filing package named at start: %s", package)
    window.show_page("filings")
    page = window.pages["filings"]
    office = getattr(page, "office", None)
    if office is None or getattr(page, "current", None) is not office:
        dialogs.error(
            window,
            QCoreApplication.translate("app", "Filing package not imported"),
            QCoreApplication.translate(
                "app",
                "{file}\n\nFiling packages are imported by the emergency office that receives them. "
                "The open database ({db}) is not an office database; open the office's database "
                "and import the package on the Filings page.",
            ).format(file=package.name, db=window.database.name),
        )
        return
    if not package.is_file():
        dialogs.error(
            window,
            QCoreApplication.translate("app", "Filing package not imported"),
            QCoreApplication.translate("app", "The file does not exist: {path}").format(path=package),
        )
        return
    office.commands.import_package(package.resolve())


def run_gui(argv: list[str]) -> int:
    """``planmgr gui``: returns the process exit code (3: the database cannot be opened)."""
    started = start(argv)
    if isinstance(started, int):
        return started
    app, window = started
    code = app.exec()
    window.database.dispose()
    log.info("planmgr exits with %s", code)
    return int(code)
