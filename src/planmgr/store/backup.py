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
from planmgr.store.engine import SQLITE_HEADER, sqlite_path
from planmgr.store.errors import DatabaseProblem, NotADatabase, translate

BACKUP_SUFFIX = ".sqlite"


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


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


def backup_file(engine: Engine, backup_dir: Path | None = None, *, reason: str = "manual") -> Path:
    """Back up the SQLite database behind ``engine``; returns the new file's path."""
    if engine.dialect.name != "sqlite":
        raise DatabaseProblem("共享数据库服务器（PostgreSQL）的备份由服务器管理员使用 pg_dump 完成。")
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        name = _database_name(conn)
        folder = backup_dir or paths.backups_dir()
        target = folder / f"{name}-{_stamp()}-{reason}{BACKUP_SUFFIX}"
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
        raise DatabaseProblem(f"备份文件不存在：{backup}")
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotADatabase(str(backup))
    try:
        src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            check = src.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise DatabaseProblem(f"备份文件已损坏，不能用于恢复：{backup}")
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
    return sqlite_path(str(engine.url)) if engine.dialect.name == "sqlite" else None
