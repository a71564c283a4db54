"""Automatic backups while the app runs: one when a database is opened, then once a day.

A timer checks every hour (``CHECK_INTERVAL_MS``) whether today's backup exists; the backup
itself (SQLite online backup API, consistent while the app works) and the rotation run as
an operation through ``ops``, never on the GUI thread. The policy (how many daily and
weekly backups to keep, the optional second folder) is read from the database's settings
by the job (``services.backups.run_automatic``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QStatusBar, QWidget

from planmgr.services.backups import BackupRun, run_automatic
from planmgr.ui import dialogs

if TYPE_CHECKING:
    from planmgr.store.database import Database
    from planmgr.ui.ops import OpRunner

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000


class BackupHost(Protocol):
    """What the backup actions need of the main window."""

    database: Database
    ops: OpRunner
    database_changed: SignalInstance

    def set_database(self, database: Database) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class DailyBackup(QObject):
    """Owns the timer; ``finished`` is emitted with each ``BackupRun`` (tests wait on it)."""

    finished = Signal(object)

    def __init__(
        self,
        host: BackupHost,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        folder: Path | None = None,
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.folder = folder
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.back_up_daily)
        host.database_changed.connect(self.back_up_on_open)

    def start(self) -> None:
        self.back_up_on_open()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def back_up_on_open(self, *_: object) -> None:
        self._run("open")

    def back_up_daily(self) -> None:
        if self.host.ops.busy:
            return  # another operation is running: try again at the next check
        self._run("daily")

    def _run(self, reason: str) -> None:
        database = self.host.database
        if database.read_only or not database.is_sqlite:
            return  # a read-only second instance leaves backups to the writer; servers have their own
        title = self.tr("Automatic backup")
        self.host.ops.run(
            title,
            partial(run_automatic, database.engine, reason, folder=self.folder, now=self.clock()),
            on_success=self._done,
            progress=False,
            cancellable=False,
        )

    def _done(self, run: BackupRun) -> None:
        if run.made:
            log.info("automatic backup: %s", ", ".join(map(str, run.made)))
            self.host.statusBar().showMessage(
                self.tr("Backed up automatically: {path}").format(path=run.made[0]), 10_000
            )
        if run.problems:
            parent = self.host if isinstance(self.host, QWidget) else None
            dialogs.error(parent, self.tr("Second backup folder"), "\n".join(run.problems))
        self.finished.emit(run)


def install_daily_backup(
    window: BackupHost,
    *,
    interval_ms: int = CHECK_INTERVAL_MS,
    folder: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> DailyBackup:
    """Back up the open database now and once a day while the app runs (also after the
    window switches to another database). Keep the returned object (it is the window's child).

    ``folder``: the main backup folder (default: ``backups`` in the user data folder).
    """
    parent = window if isinstance(window, QObject) else None
    controller = DailyBackup(window, interval_ms=interval_ms, folder=folder, clock=clock, parent=parent)
    controller.start()
    return controller
