"""Alembic environment for planmgr.

Run from code (planmgr.store.migrate passes an open connection in
``config.attributes["connection"]``) or from the command line for development:
``alembic -c db/alembic.ini -x db=PATH revision --autogenerate -m "..."``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import planmgr.store.models  # noqa: F401  (registers every table on the metadata)
from planmgr.store.base import metadata
from planmgr.store.engine import database_url, make_engine
from planmgr.store.search import is_search_index, is_search_table

config = context.config


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The FTS5 search table and its shadow tables (0002) and the PostgreSQL trigram indexes
    # (0004) are created by raw SQL, not by the models.
    if type_ == "table":
        return not is_search_table(name)
    return not (type_ == "index" and is_search_index(name))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: recreate tables
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("pass the database with -x db=PATH_OR_URL")
    engine = make_engine(database_url(db))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) mode is not supported")
run_migrations_online()
