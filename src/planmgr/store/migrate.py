"""Alembic, run from code: the scripts live in ``db/migrations`` (found by planmgr.paths)."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from planmgr import paths


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "db/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def has_user_tables(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"})


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` inside one transaction (SQLite DDL is transactional)."""
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
