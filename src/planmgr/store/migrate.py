"""Alembic, run from code: the scripts live in ``db/migrations`` (found by planmgr.paths).

Opening a database that is already at the newest schema must not pay for importing
Alembic (~0.3 s on the start-up path, DESIGN.md §9): the revision graph is read from the
scripts' ``revision`` / ``down_revision`` lines and the current revision with plain SQL.
Alembic itself is imported only to upgrade. A test checks the light reading agrees with
Alembic's own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from planmgr import paths

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration scripts without Alembic."""
    graph: dict[str, str | None] = {}
    for script in sorted((paths.migrations_dir() / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue
        graph[rev.group(1)] = down.group(2)
    return graph


def head_revision() -> str:
    graph = revision_graph()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"db/migrations must have exactly one head, found {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return set(revision_graph())


def clear_caches() -> None:
    script_directory.cache_clear()
    revision_graph.cache_clear()


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def has_user_tables(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"})


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` inside one transaction (SQLite DDL is transactional)."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            # Batch mode recreates tables: foreign keys off for the move, checked after.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.upgrade(alembic_config(conn), target)
        if conn.dialect.name == "sqlite":
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def analyze(engine: Engine) -> None:
    """Refresh the query planner's statistics after a bulk load (demo, ledger import)."""
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
