"""Backups are complete, consistent copies; restore keeps the replaced file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from planmgr.store.backup import backup_file, restore_file
from planmgr.store.database import Database, check_database, open_database, session_scope
from planmgr.store.errors import DatabaseProblem, DiskFull, NotADatabase
from planmgr.store.models import Unit


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY id")]
    finally:
        conn.close()


def test_backup_holds_committed_rows_while_a_session_is_open(database: Database, tmp_path: Path) -> None:
    with session_scope(database.engine) as s:
        s.add(Unit(name="开平市人民政府", kind="city"))
    # A write in progress (uncommitted) must not leak into the backup.
    with database.session() as pending:
        pending.add(Unit(name="未提交的单位", kind="town"))
        pending.flush()
        target = backup_file(database.engine, tmp_path / "bk")
        pending.rollback()
    assert target.parent == tmp_path / "bk"
    assert names(target) == ["开平市人民政府"]
    assert not list((tmp_path / "bk").glob("*.partial"))
    assert check_database(target).ok


def test_failed_backup_leaves_no_partial_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target runs out of space half-way (SQLite's own SQLITE_FULL, via max_page_count)."""
    with session_scope(database.engine) as s:
        s.add_all(Unit(name=f"单位{i}", kind="town", address="地址" * 200) for i in range(300))
    real_connect = sqlite3.connect

    def tiny_disk(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[call-overload]
        if str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count=3")
        return conn  # type: ignore[no-any-return]

    folder = tmp_path / "usb"
    monkeypatch.setattr(sqlite3, "connect", tiny_disk)
    with pytest.raises(DiskFull):
        backup_file(database.engine, folder)
    assert list(folder.iterdir()) == []


def test_restore_replaces_content_and_keeps_the_old_file(db_path: Path, tmp_path: Path) -> None:
    database = open_database(db_path)
    with session_scope(database.engine) as s:
        s.add(Unit(name="备份前的单位", kind="town"))
    backup = backup_file(database.engine, tmp_path / "bk")
    with session_scope(database.engine) as s:
        s.add(Unit(name="备份后新增的单位", kind="town"))
    database.dispose()

    result = restore_file(backup, db_path, keep_dir=tmp_path / "kept")
    assert names(db_path) == ["备份前的单位"]
    assert result.previous_kept_as is not None
    assert names(result.previous_kept_as) == ["备份前的单位", "备份后新增的单位"]
    assert check_database(db_path).ok
    reopened = open_database(db_path)
    with session_scope(reopened.engine) as s:
        assert [u.name for u in s.exec(select(Unit))] == ["备份前的单位"]
    reopened.dispose()


def test_restore_refuses_a_non_database(db_path: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    before = db_path.read_bytes()
    with pytest.raises(NotADatabase):
        restore_file(bogus, db_path)
    assert db_path.read_bytes() == before


def test_backup_of_server_database_is_explained() -> None:
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://u@127.0.0.1:1/none")
    with pytest.raises(DatabaseProblem, match="pg_dump"):
        backup_file(engine)


def test_daily_backups_rotate_to_policy(database: Database, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from planmgr.store.backup import BackupPolicy, automatic_backup, backup_file, list_backups

    folder = tmp_path / "auto"
    policy = BackupPolicy(keep_daily=3, keep_weekly=2)
    manual = backup_file(database.engine, folder, reason="manual", now=datetime(2025, 1, 1, 9))
    start = datetime(2025, 3, 3, 9, 0)  # a Monday
    for day in range(21):
        now = start + timedelta(days=day)
        assert len(automatic_backup(database.engine, folder, policy, now=now)) == 1
        # A second call the same day does nothing: one daily backup a day.
        assert automatic_backup(database.engine, folder, policy, now=now + timedelta(hours=3)) == []
    kept = [b for b in list_backups(folder, "planmgr") if b.reason == "daily"]
    days = sorted(b.taken.date().isoformat() for b in kept)
    # The last three days, plus the newest of the week before (2 weeks in all).
    assert days == ["2025-03-16", "2025-03-21", "2025-03-22", "2025-03-23"]
    assert manual.exists()  # manual backups are never rotated away


def test_backup_on_open_always_runs_and_second_folder_is_optional(database: Database, tmp_path: Path) -> None:
    from planmgr.store.backup import BackupPolicy, automatic_backup

    usb = tmp_path / "usb-drive" / "planmgr"  # the drive is not plugged in
    policy = BackupPolicy(second_folder=usb)
    made = automatic_backup(database.engine, tmp_path / "bk", policy, reason="open")
    assert len(made) == 1 and not usb.exists()
    usb.parent.mkdir()
    made = automatic_backup(database.engine, tmp_path / "bk", policy, reason="open")
    assert len(made) == 2 and made[1].parent == usb
