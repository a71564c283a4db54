"""Opening a database: refuse what we cannot open, back up, migrate (DESIGN.md §3).

Order of an open (STYLE.md, start-up order):
1. a SQLite file is looked at without writing: header, then a read-only connection to
   read the schema revision; a foreign file, a corrupt file or a newer schema is refused
   and left byte-identical;
2. an older schema is backed up (SQLite online backup API), then upgraded;
3. the read-write engine gets WAL, foreign keys, synchronous=FULL and a busy timeout.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy import exc as sa_exc

from planmgr.domain.i18n import tr
from planmgr.store import migrate
from planmgr.store.audit import AuditedSession
from planmgr.store.engine import (
    database_url,
    display_name,
    enable_wal,
    looks_like_sqlite,
    make_engine,
    sqlite_path,
)
from planmgr.store.errors import (
    CorruptDatabase,
    DatabaseMissing,
    DatabaseProblem,
    NewerSchema,
    NotADatabase,
    ReadOnlyDatabase,
    translate,
    translated,
)
from planmgr.store.lock import WriterLock

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: its URL, engine, and what happened on opening it."""

    url: str
    engine: Engine
    read_only: bool = False
    created: bool = False
    upgraded_from: str | None = None
    backup_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    # The one-writer lock of a SQLite file (store.lock.WriterLock), released on dispose.
    writer_lock: WriterLock | None = None

    @property
    def name(self) -> str:
        return display_name(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> AuditedSession:
        return AuditedSession(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.writer_lock is not None:
            self.writer_lock.release()
            self.writer_lock = None


@contextmanager
def session_scope(engine: Engine) -> Iterator[AuditedSession]:
    """A short session that commits on success and rolls back on error."""
    with AuditedSession(engine, expire_on_commit=False) as session, translated():
        yield session
        session.commit()


def inspect_revision(url: str) -> tuple[str | None, bool]:
    """(schema revision, has tables) read without writing anything."""
    path = sqlite_path(url)
    where = display_name(url)
    if path is not None:
        if not path.exists():
            raise DatabaseMissing(where)
        if path.is_dir():
            raise NotADatabase(where)
        try:
            if not looks_like_sqlite(path):
                raise NotADatabase(where)
        except PermissionError as error:
            raise translate(error, where) from error
        if path.stat().st_size == 0:
            return None, False
    side_files = _side_files(path) if path is not None else []
    existed = {p for p in side_files if p.exists()}
    engine = make_engine(url, read_only=True)
    try:
        with translated(where), engine.connect() as conn:
            revision = migrate.current_revision(conn)
            has_tables = migrate.has_user_tables(conn)
    except DatabaseProblem:
        engine.dispose()
        _remove_new_side_files(side_files, existed)  # a refused file's folder stays as it was
        raise
    finally:
        engine.dispose()
    return revision, has_tables


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _remove_new_side_files(side_files: list[Path], existed: set[Path]) -> None:
    """A read-only connection to a WAL-mode file makes an empty -wal and a -shm when they are
    missing, and leaves them behind when it fails; remove those it made, if they hold nothing."""
    wal, shm = side_files
    if wal in existed or (wal.exists() and wal.stat().st_size > 0):
        return
    for made in (wal, shm):
        if made not in existed:
            with contextlib.suppress(OSError):
                made.unlink()


def _refuse_foreign(url: str, revision: str | None, has_tables: bool) -> None:
    where = display_name(url)
    if revision is None and has_tables:
        raise NotADatabase(where)
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerSchema(where, revision)


def open_database(
    db: str | Path,
    *,
    create: bool = False,
    read_only: bool = False,
    backup_dir: Path | None = None,
) -> Database:
    """Open (and, if needed, create or upgrade) the database at ``db`` (path or URL)."""
    url = database_url(db)
    where = display_name(url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not create:
            raise DatabaseMissing(where)
        path.parent.mkdir(parents=True, exist_ok=True)
        revision, has_tables = None, False
    elif path is not None:
        revision, has_tables = inspect_revision(url)
    else:
        engine = make_engine(url)
        try:
            with translated(where), engine.connect() as conn:
                revision = migrate.current_revision(conn)
                has_tables = migrate.has_user_tables(conn)
        finally:
            engine.dispose()
    _refuse_foreign(url, revision, has_tables)
    if revision is None and not create and path is not None and path.stat().st_size > 0:
        raise NotADatabase(where)

    head = migrate.head_revision()
    if read_only:
        engine = make_engine(url, read_only=True)
        db_ = Database(url, engine, read_only=True)
        if revision != head:
            db_.notes.append(tr("数据库结构版本较旧，只读打开时不升级。"))
        return db_

    if path is not None and path.exists() and not (
        os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
    ):
        raise ReadOnlyDatabase(where)  # can be opened read-only, never for writing
    engine = make_engine(url)
    result = Database(url, engine, created=revision is None)
    try:
        with translated(where):
            enable_wal(engine)
            if revision is not None and revision != head:
                if path is not None:
                    from planmgr.store.backup import backup_file

                    result.backup_path = backup_file(engine, backup_dir, reason=f"pre-upgrade-{revision}")
                    log.info("backed up %s to %s before upgrade", where, result.backup_path)
                result.upgraded_from = revision
            if revision != head:
                migrate.upgrade(engine)
    except sa_exc.SQLAlchemyError as error:
        engine.dispose()
        raise translate(error, where) from error
    except DatabaseProblem:
        engine.dispose()
        raise
    return result


@dataclass
class CheckReport:
    ok: bool
    revision: str | None
    head: str
    problems: list[str]
    counts: dict[str, int]


def check_database(db: str | Path) -> CheckReport:
    """Integrity, foreign keys and schema revision, read-only (``planmgr check``)."""
    url = database_url(db)
    where = display_name(url)
    revision, has_tables = inspect_revision(url) if sqlite_path(url) else (None, True)
    if sqlite_path(url) is None:
        engine = make_engine(url)
        with translated(where), engine.connect() as conn:
            revision = migrate.current_revision(conn)
        engine.dispose()
    if revision is None:
        raise NotADatabase(where)
    _refuse_foreign(url, revision, has_tables)
    head = migrate.head_revision()
    problems: list[str] = []
    counts: dict[str, int] = {}
    engine = make_engine(url, read_only=True)
    try:
        with translated(where), engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
                if rows != ["ok"]:
                    raise CorruptDatabase(where, "；".join(rows[:3]))
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    problems.append(
                        tr(
                            "外键不一致 {count} 处（表 {tables}）",
                            count=len(fk),
                            tables=sorted({r[0] for r in fk}),
                        )
                    )
            for table in ("unit", "plan", "plan_version", "drill", "handling_card", "filing"):
                if revision == head or table in ("unit", "plan"):
                    counts[table] = int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()
    return CheckReport(ok=not problems, revision=revision, head=head, problems=problems, counts=counts)
