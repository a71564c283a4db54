"""One writer per database file: take the write lock, or ask the user what to do.

The app calls ``acquire_or_ask`` before opening a SQLite file for writing. When another
planmgr has the file open (``store.lock.AlreadyOpen``), or the lock cannot be made at all
(a read-only folder, a write-protected USB stick), the user is told and offered to open
it read-only or cancel.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planmgr.store.database import Database
from planmgr.store.lock import AlreadyOpen, WriterLock
from planmgr.ui import dialogs

log = logging.getLogger(__name__)

READ_ONLY: Literal["read_only"] = "read_only"

type LockOutcome = WriterLock | Literal["read_only"] | None


def acquire_or_ask(parent: QWidget | None, path: Path) -> LockOutcome:
    """The held ``WriterLock``; ``"read_only"`` if the user chose to open read-only;
    ``None`` if the user cancelled. Release the lock when the database is closed."""
    lock = WriterLock(Path(path))
    try:
        return lock.acquire()
    except AlreadyOpen as busy:
        log.info("database already open elsewhere: %s", busy)
        title = QCoreApplication.translate("lock_prompt", "Database already in use")
        reason = busy.message
    except OSError as error:
        log.info("cannot create the lock file of %s: %s", path, error)
        title = QCoreApplication.translate("lock_prompt", "Database folder is read-only")
        reason = QCoreApplication.translate(
            "lock_prompt",
            "The lock file next to the database cannot be created ({reason}); the folder may be "
            "read-only: {path}",
        ).format(reason=error.strerror or str(error), path=path)
    question = QCoreApplication.translate(
        "lock_prompt",
        "{reason}\n\nChoose Yes to open it read-only (you can view and print, not change). "
        "Choose No to cancel.",
    ).format(reason=reason)
    if dialogs.ask(parent, title, question, default_yes=True):
        return READ_ONLY
    return None


class OpenCancelled(Exception):
    """The user chose not to open a database another app is using."""


def open_with_lock(parent: QWidget | None, db: str | Path, *, create: bool = False) -> Database:
    """Open ``db`` holding the one-writer lock of its file, or read-only if the user chose
    that because another app holds it; ``OpenCancelled`` if the user cancelled. Server
    databases (PostgreSQL) need no lock: the server arbitrates, optimistic locking does the rest."""
    from planmgr.store.database import open_database
    from planmgr.store.engine import database_url, sqlite_path

    path = sqlite_path(database_url(db))
    if path is None or not path.exists():
        database = open_database(db, create=create)
        if path is not None:
            try:
                database.writer_lock = WriterLock(path).acquire()
            except (AlreadyOpen, OSError) as error:  # created by us a moment ago: unlikely
                log.warning("no writer lock on the new database %s: %s", path, error)
        return database
    outcome = acquire_or_ask(parent, path)
    if outcome is None:
        raise OpenCancelled(str(path))
    if outcome == READ_ONLY:
        return open_database(db, read_only=True)
    try:
        database = open_database(db, create=create)
    except BaseException:
        outcome.release()
        raise
    database.writer_lock = outcome
    return database
