"""Opening databases: creation, refusal of foreign and newer files, error messages."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from planmgr.store import migrate
from planmgr.store.database import check_database, open_database, session_scope
from planmgr.store.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DatabaseMissing,
    DiskFull,
    NewerSchema,
    NotADatabase,
    ReadOnlyDatabase,
    translate,
)
from planmgr.store.models import Unit


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_migrated_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    database = open_database(path, create=True)
    try:
        assert database.created
        with database.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        database.dispose()


def test_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite"
    with pytest.raises(DatabaseMissing, match="不存在"):
        open_database(path)
    assert not path.exists()


def test_text_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "notes.txt"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabase, match="不是 planmgr 数据库"):
        open_database(path)
    with pytest.raises(NotADatabase):
        check_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]  # no -wal, -shm, journal


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotADatabase):
        open_database(path)
    assert digest(path) == before


def test_newer_schema_is_refused_and_byte_identical(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(NewerSchema, match="更新版本") as info:
        open_database(db_path)
    assert "f00dfeed9999" in info.value.message
    with pytest.raises(NewerSchema):
        check_database(db_path)
    assert digest(db_path) == before


def test_corrupt_file_is_reported_as_corrupt(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    # Keep the header, scribble over the b-tree pages.
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises((CorruptDatabase, NotADatabase)) as info:
        check_database(db_path)
    assert "损坏" in info.value.message or "不是" in info.value.message
    assert digest(db_path) == before


def test_upgrade_backs_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older schema is copied to the backups folder, then migrated; rows survive."""
    import shutil

    from planmgr import paths

    path = tmp_path / "old.sqlite"
    database = open_database(path, create=True)
    with session_scope(database.engine) as s:
        s.add(Unit(name="开平市人民政府", kind="city"))
    database.dispose()
    old_head = migrate.head_revision()

    # A newer program: the same scripts plus one revision that adds a column.
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts)
    (scripts / "versions" / "9999_add_test_column.py").write_text(
        f"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = {old_head!r}
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("test_note", sa.String(20), nullable=True))


def downgrade():
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("test_note")
""",
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: scripts)
    migrate.clear_caches()
    try:
        backups = tmp_path / "backups"
        upgraded = open_database(path, backup_dir=backups)
        try:
            assert upgraded.upgraded_from == old_head
            assert upgraded.backup_path is not None and upgraded.backup_path.parent == backups
            with upgraded.engine.connect() as conn:
                assert migrate.current_revision(conn) == "9999"
                names = conn.exec_driver_sql("SELECT name, test_note FROM unit").fetchall()
            assert names == [("开平市人民政府", None)]
        finally:
            upgraded.dispose()
        old = sqlite3.connect(upgraded.backup_path)
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert old.execute("SELECT name FROM unit").fetchall() == [("开平市人民政府",)]
        old.close()
    finally:
        migrate.clear_caches()


def test_audit_entry_written_in_same_transaction(database) -> None:  # type: ignore[no-untyped-def]
    from planmgr.store.models import AuditEntry

    with session_scope(database.engine) as s:
        s.add(Unit(name="赤坎镇人民政府", kind="town"))
    with session_scope(database.engine) as s:
        unit = s.exec(select(Unit)).one()
        unit.phone = "0750-2612345"
        s.add(unit)
    with pytest.raises(RuntimeError), session_scope(database.engine) as s:
        unit = s.exec(select(Unit)).one()
        unit.name = "改名但回滚"
        s.add(unit)
        s.flush()
        raise RuntimeError("user cancelled")
    with session_scope(database.engine) as s:
        entries = s.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
        unit = s.exec(select(Unit)).one()
    assert [(e.table_name, e.action) for e in entries] == [("unit", "insert"), ("unit", "update")]
    assert entries[0].row_uid == unit.uid
    assert entries[0].changes["name"] == "赤坎镇人民政府"
    assert entries[1].changes == {"phone": [None, "0750-2612345"]}
    assert entries[1].os_user
    assert unit.name == "赤坎镇人民政府"
    assert unit.row_version == 2


@pytest.mark.parametrize(
    ("message", "cls", "words"),
    [
        ("database is locked", DatabaseLocked, "锁定"),
        ("database or disk is full", DiskFull, "磁盘空间已满"),
        ("attempt to write a readonly database", ReadOnlyDatabase, "只读"),
        ("database disk image is malformed", CorruptDatabase, "损坏"),
        ("file is not a database", NotADatabase, "不是"),
    ],
)
def test_sqlite_errors_map_to_chinese_messages(message: str, cls: type, words: str) -> None:
    problem = translate(sqlite3.OperationalError(message), "x.sqlite")
    assert isinstance(problem, cls)
    assert words in problem.message
    assert problem.exit_code == 3


def test_locked_database_gives_locked_error(db_path: Path) -> None:
    database = open_database(db_path)
    holder = sqlite3.connect(db_path, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        import planmgr.store.engine as engine_mod

        original = engine_mod.BUSY_TIMEOUT_MS
        engine_mod.BUSY_TIMEOUT_MS = 100
        fast = open_database(db_path)
        try:
            with pytest.raises(DatabaseLocked), session_scope(fast.engine) as s:
                s.add(Unit(name="锁定测试", kind="town"))
        finally:
            engine_mod.BUSY_TIMEOUT_MS = original
            fast.dispose()
    finally:
        holder.rollback()
        holder.close()
        database.dispose()


def test_writing_to_read_only_database_gives_read_only_error(db_path: Path) -> None:
    # Opened read-only (as a second instance would be offered): a write is refused in Chinese.
    database = open_database(db_path, read_only=True)
    try:
        with pytest.raises(ReadOnlyDatabase, match="只读"), session_scope(database.engine) as s:
            s.add(Unit(name="只读测试", kind="town"))
    finally:
        database.dispose()


def test_disk_full_maps_to_disk_full(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Cap the file at its current size on a dedicated connection, then write.
    from sqlalchemy import event

    def cap(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(database.engine, "connect", cap)
    with pytest.raises(DiskFull, match="磁盘空间已满"), session_scope(database.engine) as s:
        for i in range(2000):
            s.add(Unit(name=f"单位{i}" * 20, kind="enterprise", address="地址" * 100))
    event.remove(database.engine, "connect", cap)
    with session_scope(database.engine) as s:
        assert s.exec(select(Unit)).all() == []
