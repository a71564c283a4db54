"""Migration regression: a database made by each released schema revision
(tests/migrations/fixtures, made by tools/make_migration_fixtures.py) is upgraded, as the
program does it (backup first, then upgrade), and every row survives — count and content."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from planmgr.services.plans import get_plan, search_plans
from planmgr.services.settings import get_identity
from planmgr.store import migrate
from planmgr.store.database import check_database, open_database

REPO = Path(__file__).resolve().parents[2]


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_migration_fixtures", REPO / "tools" / "make_migration_fixtures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()
FIXTURES = tool.FIXTURES


def read_only(path: Path) -> sqlite3.Connection:
    # The committed fixtures are opened immutable: SQLite then creates no -wal/-shm in the
    # checkout. Copies in tmp_path are read normally (they may have a WAL to read).
    immutable = "&immutable=1" if path.parent == FIXTURES else ""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro" + immutable, uri=True)


def tables(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table's column names and rows (in rowid order), read without writing."""
    conn = read_only(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not r[0].startswith(("sqlite_", "search_index_")) and r[0] not in ("alembic_version",)
        ]
        found = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            found[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        return found
    finally:
        conn.close()


def test_a_fixture_exists_for_every_released_revision() -> None:
    assert set(tool.RELEASED) <= migrate.known_revisions()
    for revision in tool.RELEASED:
        path = tool.fixture_path(revision)
        assert path.exists(), f"run tools/make_migration_fixtures.py {revision}"
        conn = read_only(path)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        finally:
            conn.close()


@pytest.mark.parametrize("revision", tool.RELEASED)
def test_upgrading_a_released_database_keeps_every_row(revision: str, tmp_path: Path) -> None:
    path = tmp_path / f"planmgr-{revision}.sqlite"
    shutil.copyfile(tool.fixture_path(revision), path)
    before = tables(path)
    assert all(rows for _, rows in before.values()), "a fixture table is empty"
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        head = migrate.head_revision()
        if revision != head:
            assert database.upgraded_from == revision
            assert database.backup_path is not None and tables(database.backup_path) == before
        engine = database.engine
        # The program reads the old data as its own.
        identity = get_identity(engine)
        assert identity is not None and identity.unit_name == "开平市人民政府"
        flood = get_plan(engine, tool.FLOOD)
        assert flood.content == tool.FLOOD_CONTENT
        assert [v.label for v in flood.versions] == ["2023版"]
        assert [hit.uid for hit in search_plans(engine, "防汛")] == [tool.FLOOD]
        assert tool.ENT_PLAN in [hit.uid for hit in search_plans(engine, "综合应急")]
    finally:
        database.dispose()
    report = check_database(path)
    assert report.ok and report.revision == migrate.head_revision()
    after = tables(path)
    for table, (columns, rows) in before.items():
        assert table in after, f"table {table} is gone"
        new_columns, new_rows = after[table]
        keep = [new_columns.index(c) for c in columns]  # later revisions may add columns
        assert [tuple(r[i] for i in keep) for r in new_rows] == rows, f"rows of {table} changed"


def test_the_fixtures_are_what_the_tool_makes(tmp_path: Path) -> None:
    """The committed files match their recipe (a changed recipe needs a new revision)."""
    for revision in tool.RELEASED:
        made = tool.build(revision, tmp_path / f"{revision}.sqlite")
        assert tables(made) == tables(tool.fixture_path(revision)), revision
