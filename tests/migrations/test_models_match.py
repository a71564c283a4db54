"""New databases are created by migrating from empty; the models must agree with them."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from planmgr.store import migrate
from planmgr.store.base import metadata
from planmgr.store.database import Database
from planmgr.store.search import is_search_index, is_search_table


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (type_ == "table" and is_search_table(name)) and not (type_ == "index" and is_search_index(name))


def test_migrated_schema_matches_models(any_database: Database) -> None:
    with any_database.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        diff = compare_metadata(ctx, metadata)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_template_is_at_head(database: Database) -> None:
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


def test_every_revision_upgrades_from_empty(tmp_path: Path) -> None:
    """Walk the chain one revision at a time on a new file (catches batch-mode breakage)."""
    from planmgr.store.engine import database_url, make_engine

    engine = make_engine(database_url(tmp_path / "walk.sqlite"))
    revisions = list(reversed(list(migrate.script_directory().walk_revisions())))
    for rev in revisions:
        migrate.upgrade(engine, rev.revision)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == rev.revision
    engine.dispose()


def test_light_revision_reading_agrees_with_alembic() -> None:
    """Start-up reads the revision graph without Alembic; it must say what Alembic says."""
    script = migrate.script_directory()
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.revision_graph() == {r.revision: r.down_revision for r in script.walk_revisions()}


def test_opening_a_current_database_does_not_import_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from planmgr.store.database import open_database\n"
        f"db = open_database({str(db_path)!r})\n"
        "db.dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"
