"""Backups as the app runs them: the policy in settings, automatic backups on open and
daily with rotation and a second folder, the read-only preview, and restore."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from planmgr import paths
from planmgr.domain.enums import DatabaseMode
from planmgr.domain.errors import ValidationError
from planmgr.services.backups import (
    BackupPolicy,
    backups_of,
    load_policy,
    preview_backup,
    restore_backup,
    run_automatic,
    save_policy,
)
from planmgr.services.settings import set_identity, set_setting
from planmgr.store.backup import backup_file
from planmgr.store.database import Database, check_database, open_database
from planmgr.store.errors import CorruptDatabase, NewerSchema, NotADatabase
from tests.factories import make_plan, make_unit


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unit_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY id")]
    finally:
        conn.close()


def test_policy_is_stored_in_the_database_settings(database: Database, tmp_path: Path) -> None:
    assert load_policy(database.engine) == BackupPolicy(keep_daily=7, keep_weekly=4, second_folder=None)
    usb = tmp_path / "U盘" / "planmgr备份"
    save_policy(database.engine, BackupPolicy(keep_daily=3, keep_weekly=0, second_folder=usb))
    assert load_policy(database.engine) == BackupPolicy(3, 0, usb)
    # A damaged value falls back to the defaults rather than stopping the app.
    set_setting(database.engine, "backup_policy", {"keep_daily": "七", "keep_weekly": -4, "second_folder": 5})
    assert load_policy(database.engine) == BackupPolicy(keep_daily=7, keep_weekly=0, second_folder=None)


def test_bad_policy_is_refused_with_every_reason(database: Database) -> None:
    with pytest.raises(ValidationError) as info:
        save_policy(
            database.engine, BackupPolicy(keep_daily=0, keep_weekly=99, second_folder=Path("相对路径"))
        )
    message = info.value.message
    assert "每日备份数应在 1 到 60 之间" in message
    assert "每周备份数应在 0 到 52 之间" in message
    assert "完整的文件夹路径" in message
    with pytest.raises(ValidationError, match="不能与本机备份文件夹相同"):
        save_policy(database.engine, BackupPolicy(second_folder=paths.backups_dir()))
    assert load_policy(database.engine) == BackupPolicy()


def test_backup_on_open_always_daily_once_a_day_with_rotation(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    save_policy(database.engine, BackupPolicy(keep_daily=2, keep_weekly=1))
    start = datetime(2025, 6, 2, 8, 0)
    assert len(run_automatic(database.engine, "open", folder=folder, now=start).made) == 1
    assert (
        len(run_automatic(database.engine, "open", folder=folder, now=start + timedelta(hours=1)).made) == 1
    )
    assert run_automatic(database.engine, "daily", folder=folder, now=start + timedelta(hours=2)).made == ()
    for day in range(1, 5):
        run_automatic(database.engine, "daily", folder=folder, now=start + timedelta(days=day))
    kept = backups_of(database.path or Path(), folder=folder)
    assert [b.taken.date().isoformat() for b in kept] == ["2025-06-06", "2025-06-05"]
    assert [b.reason_label for b in kept] == ["每日自动备份", "每日自动备份"]


def test_second_folder_is_used_when_present_and_its_failure_keeps_the_main_backup(
    database: Database, tmp_path: Path
) -> None:
    drive = tmp_path / "usb"
    second = drive / "planmgr"
    policy = BackupPolicy(second_folder=second)
    run = run_automatic(database.engine, "open", folder=tmp_path / "bk", policy=policy)
    assert len(run.made) == 1 and run.problems == ()  # the drive is not plugged in
    drive.mkdir()
    run = run_automatic(database.engine, "open", folder=tmp_path / "bk", policy=policy)
    assert [p.parent for p in run.made] == [tmp_path / "bk", second]
    listed = backups_of(database.path or Path(), policy, folder=tmp_path / "bk")
    # one per day is kept in each folder (the newest): the earlier open-backup was rotated away
    assert [b.second_folder for b in listed] == [True, False]
    # The second location is a file, not a folder (a stick formatted oddly): reported, not raised.
    for p in second.iterdir():
        p.unlink()
    second.rmdir()
    second.write_text("not a folder")
    run = run_automatic(database.engine, "open", folder=tmp_path / "bk", policy=policy)
    assert len(run.made) == 1 and run.made[0].parent == tmp_path / "bk"
    assert len(run.problems) == 1 and "第二备份位置" in run.problems[0] and "未能备份" in run.problems[0]


def test_preview_reads_date_counts_and_unit_without_touching_the_file(
    database: Database, tmp_path: Path
) -> None:
    unit = make_unit(database, "赤坎镇人民政府", "town")
    make_plan(database, unit, "赤坎镇总体应急预案", "town", published=datetime(2025, 1, 2).date())
    set_identity(database.engine, unit.uid, DatabaseMode.OFFICE)
    backup = backup_file(database.engine, tmp_path / "bk", reason="daily", now=datetime(2025, 5, 6, 7, 8, 9))
    before = digest(backup)
    preview = preview_backup(backup)
    assert preview.restorable and preview.problem is None
    assert preview.taken == datetime(2025, 5, 6, 7, 8, 9)
    assert preview.unit_name == "赤坎镇人民政府"
    assert dict(preview.counts) == {"单位": 1, "预案": 1, "预案版本": 1, "演练": 0, "处置卡": 0, "备案": 0}
    assert digest(backup) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]  # no -wal, -shm, journal


def test_preview_of_a_live_wal_database_creates_no_side_files(db_path: Path) -> None:
    before = digest(db_path)
    preview = preview_backup(db_path)
    assert preview.restorable and dict(preview.counts)["单位"] == 0
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith("planmgr")) == [
        "planmgr.sqlite"
    ]


def test_preview_explains_what_cannot_be_restored(db_path: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes-20250101-000000-000000-manual.sqlite"
    text.write_text("这不是数据库")
    assert preview_backup(text).problem == "该文件不是 planmgr 数据库备份"
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    preview = preview_backup(newer)
    assert preview.newer and not preview.restorable and "更新版本" in (preview.problem or "")
    broken = tmp_path / "broken.sqlite"
    data = bytearray(db_path.read_bytes())
    data[100 : 4096 * 3] = b"\xa5" * (4096 * 3 - 100)
    broken.write_bytes(bytes(data))
    assert "损坏" in (preview_backup(broken).problem or "")


def test_restore_replaces_the_database_keeps_the_old_one_and_check_passes(
    db_path: Path, tmp_path: Path
) -> None:
    database = open_database(db_path)
    make_unit(database, "备份前的单位", "town")
    backup = backup_file(database.engine, tmp_path / "bk")
    make_unit(database, "备份后新增的单位", "town")
    result = restore_backup(backup, db_path, keep_dir=tmp_path / "kept")
    database.dispose()
    assert unit_names(db_path) == ["备份前的单位"]
    assert result.previous_kept_as is not None
    assert unit_names(result.previous_kept_as) == ["备份前的单位", "备份后新增的单位"]
    assert check_database(db_path).ok
    assert [b.reason for b in backups_of(db_path, folder=tmp_path / "kept")] == ["before-restore"]


@pytest.mark.parametrize("kind", ["text", "newer", "corrupt", "itself"])
def test_restore_refuses_before_touching_the_database(db_path: Path, tmp_path: Path, kind: str) -> None:
    database = open_database(db_path)
    make_unit(database, "现有单位", "town")
    database.dispose()
    bad = tmp_path / "bad.sqlite"
    if kind == "text":
        bad.write_text("PK 这是一个压缩包")
    elif kind in ("newer", "corrupt"):
        bad.write_bytes(db_path.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("PRAGMA journal_mode=DELETE")
        if kind == "newer":
            conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
        conn.commit()
        conn.close()
        if kind == "corrupt":
            data = bytearray(bad.read_bytes())
            data[4096 * 2 : 4096 * 4] = b"\xa5" * (4096 * 2)
            bad.write_bytes(bytes(data))
    else:
        bad = db_path
    before = digest(db_path)
    expected = {"text": NotADatabase, "newer": NewerSchema, "corrupt": (CorruptDatabase, NotADatabase),
                "itself": ValidationError}[kind]  # fmt: skip
    with pytest.raises(expected) as info:  # type: ignore[arg-type]
        restore_backup(bad, db_path, keep_dir=tmp_path / "kept")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)
    assert digest(db_path) == before
    assert not (tmp_path / "kept").exists()
    assert unit_names(db_path) == ["现有单位"]
