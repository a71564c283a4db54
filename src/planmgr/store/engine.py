"""Database URLs, engines and SQLite pragmas (DESIGN.md §3)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL is kept, a file path becomes ``sqlite:///``."""
    text = str(db)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``None`` for in-memory or non-SQLite URLs)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def display_name(url: str) -> str:
    """What to show the user: the file path, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _json_dumps(value: Any) -> str:
    # Keep Chinese readable in the file (and searchable with ILIKE on PostgreSQL).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine with our pragmas; for SQLite, ``read_only`` opens the file with ``mode=ro``.

    SQLite engines use ``NullPool``: connections are cheap and a pool would keep the file
    open (and locked on Windows) after the user closes the database.
    """
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, json_serializer=_json_dumps)
    path = sqlite_path(url)
    if path is None:
        engine = create_engine(url, poolclass=NullPool, json_serializer=_json_dumps)
    else:
        mode = "ro" if read_only else "rwc"
        uri = path.resolve().as_uri() + f"?mode={mode}"
        if read_only and not os.access(path.resolve().parent, os.W_OK):
            # A read-only folder (CD, write-protected USB stick): SQLite cannot make the
            # -shm file a WAL database needs, so read the file as it is, unchanging.
            uri += "&immutable=1"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect, poolclass=NullPool, json_serializer=_json_dumps)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite file to WAL (persistent; written once, when we open it for writing)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one that starts with the SQLite header."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head == b"" or head == SQLITE_HEADER
