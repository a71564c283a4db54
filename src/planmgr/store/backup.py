"""Backups with SQLite's online backup API: consistent while the app runs.

A backup is written to a temporary name in the target folder and renamed only when
complete, so a failure (disk full, USB stick pulled) never leaves a partial backup
that looks real.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from planmgr import paths
from planmgr.domain.i18n import tr
from planmgr.store.engine import SQLITE_HEADER
from planmgr.store.errors import DatabaseProblem, NotADatabase, translate

BACKUP_SUFFIX = ".sqlite"


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")


def copy_sqlite(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``source`` into a new file ``target`` atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest, pages=1024)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def backup_file(
    engine: Engine, backup_dir: Path | None = None, *, reason: str = "manual", now: datetime | None = None
) -> Path:
    """Back up the SQLite database behind ``engine``; returns the new file's path."""
    if engine.dialect.name != "sqlite":
        raise DatabaseProblem(tr("共享数据库服务器（PostgreSQL）的备份由服务器管理员使用 pg_dump 完成。"))
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        name = _database_name(conn)
        folder = backup_dir or paths.backups_dir()
        target = folder / f"{name}-{_stamp(now)}-{reason}{BACKUP_SUFFIX}"
        try:
            return copy_sqlite(conn, target)
        except (sqlite3.Error, OSError) as error:
            raise translate(error, str(target)) from error
    finally:
        raw.close()


def _database_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]).stem if row and row[2] else "planmgr"


@dataclass
class RestoreResult:
    restored_from: Path
    database: Path
    previous_kept_as: Path | None


def restore_file(backup: Path, database: Path, keep_dir: Path | None = None) -> RestoreResult:
    """Replace ``database`` with the contents of ``backup``; the replaced file is kept.

    The backup is validated first (SQLite header, integrity check). The content is copied
    with the backup API into the target connection, so the target's WAL stays coherent.
    """
    if not backup.is_file():
        raise DatabaseProblem(tr("备份文件不存在：{path}", path=backup))
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotADatabase(str(backup))
    try:
        src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            check = src.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise DatabaseProblem(tr("备份文件已损坏，不能用于恢复：{path}", path=backup))
            kept: Path | None = None
            if database.exists():
                dst = sqlite3.connect(database, timeout=5)
                try:
                    folder = keep_dir or paths.backups_dir()
                    keep_as = folder / f"{database.stem}-{_stamp()}-before-restore{BACKUP_SUFFIX}"
                    kept = copy_sqlite(dst, keep_as)
                    src.backup(dst)
                finally:
                    dst.close()
            else:
                database.parent.mkdir(parents=True, exist_ok=True)
                copy_sqlite(src, database)
        finally:
            src.close()
    except sqlite3.Error as error:
        raise translate(error, str(database)) from error
    return RestoreResult(backup, database, kept)


def database_path(engine: Engine) -> Path | None:
    """The main file of a SQLite engine (engines built with a ``creator`` have no URL path)."""
    if engine.dialect.name != "sqlite":
        return None
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        row = conn.execute("PRAGMA database_list").fetchone()
    finally:
        raw.close()
    return Path(row[2]) if row and row[2] else None


# --- automatic backups --------------------------------------------------------------------

AUTO_REASONS = ("open", "daily")


@dataclass(frozen=True)
class BackupPolicy:
    """Automatic backups: on open and once a day while in use; N daily + N weekly kept."""

    keep_daily: int = 7
    keep_weekly: int = 4
    second_folder: Path | None = None  # e.g. a USB drive; skipped when it is not there


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str


def _parse(path: Path, stem: str) -> BackupInfo | None:
    name = path.name
    if not (name.startswith(stem + "-") and name.endswith(BACKUP_SUFFIX)):
        return None
    rest = name[len(stem) + 1 : -len(BACKUP_SUFFIX)]
    parts = rest.split("-", 3)
    if len(parts) != 4:
        return None
    try:
        taken = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None
    return BackupInfo(path, taken, parts[3])


def list_backups(folder: Path, stem: str) -> list[BackupInfo]:
    """Backups of the database called ``stem`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := _parse(p, stem)) is not None]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def rotate(folder: Path, stem: str, policy: BackupPolicy) -> list[Path]:
    """Delete automatic backups beyond the policy; manual and pre-upgrade ones stay."""
    keep: set[Path] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    auto = [b for b in list_backups(folder, stem) if b.reason in AUTO_REASONS]
    for backup in auto:  # newest first: the newest of each day and week is kept
        day = backup.taken.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < policy.keep_daily:
            days.add(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < policy.keep_weekly:
            weeks.add(week)
            keep.add(backup.path)
    removed = []
    for backup in auto:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def automatic_backup(
    engine: Engine, folder: Path, policy: BackupPolicy, *, reason: str = "daily", now: datetime | None = None
) -> list[Path]:
    """Back up unless today's automatic backup exists; then rotate. Returns new files.

    ``reason="open"`` always backs up (on open, before any migration).
    """
    path = database_path(engine)
    if path is None:
        return []
    now = now or datetime.now()
    made: list[Path] = []
    for target in [folder, policy.second_folder]:
        if target is None or (target is policy.second_folder and not target.parent.exists()):
            continue
        existing = [b for b in list_backups(target, path.stem) if b.reason in AUTO_REASONS]
        if reason == "daily" and existing and existing[0].taken.date() == now.date():
            continue
        made.append(backup_file(engine, target, reason=reason, now=now))
        rotate(target, path.stem, policy)
    return made
