"""Disk full during a ledger import, a backup and a restore: a Chinese message (DiskFull),
the database intact, no partial backup left behind.

Two ways to fill the disk: SQLite's own limit (``PRAGMA max_page_count``, portable, always
run) and a real tmpfs of a few hundred KB ("No space left on device"; needs root with
CAP_SYS_ADMIN, skipped elsewhere — CI runs as root).
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from planmgr.services.backups import BackupPolicy, run_automatic
from planmgr.services.ledger import LedgerImport
from planmgr.store.backup import backup_file, restore_file
from planmgr.store.database import Database, check_database, open_database
from planmgr.store.errors import DiskFull
from tests.reliability.fs import tiny_disk

UNITS = 300
TABLES = ("unit", "plan", "plan_version", "audit_entry", "search_index")


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


def intact(path: Path, before: dict[str, list[tuple[Any, ...]]]) -> None:
    """``planmgr check`` passes and every row is as it was."""
    report = check_database(path)
    assert report.ok, report.problems
    assert snapshot(path) == before


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> tuple[Path, Path]:
    """A database with ``UNITS`` enterprises, and a plans ledger for all of them."""
    folder = tmp_path_factory.mktemp("diskfull")
    path = folder / "base.sqlite"
    shutil.copyfile(template_db, path)
    units = write_csv(
        folder / "units.csv",
        ["单位名称*", "单位类型*", "上级单位", "地址"],
        [["开平市人民政府", "县级以上政府", "", ""]]
        + [[f"开平市第{i}化工有限公司", "企业", "开平市人民政府", "工业区" * 20] for i in range(UNITS)],
    )
    database = open_database(path)
    job = LedgerImport(database.engine, "units", units)
    for _ in job.run():
        pass
    assert job.written
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    plans = write_csv(
        folder / "plans.csv",
        ["预案名称*", "预案类别*", "编制单位*", "版本号", "发布日期", "状态", "备注"],
        [
            [
                f"第{i}化工综合应急预案",
                "综合应急预案",
                f"开平市第{i}化工有限公司",
                "1.0",
                "2024-03-01",
                "已发布",
                "应急处置" * 30,
            ]
            for i in range(UNITS)
        ],  # fmt: skip
    )
    return path, plans


@pytest.fixture
def db_copy(base: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "planmgr.sqlite"
    shutil.copyfile(base[0], path)
    return path


def run_import(database: Database, ledger: Path) -> LedgerImport:
    job = LedgerImport(database.engine, "plans", ledger)
    for _ in job.run():
        pass
    return job


def capped(database: Database, extra_pages: int) -> None:
    """Let the file grow by ``extra_pages`` pages at most (SQLite then reports SQLITE_FULL)."""
    with database.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    event.listen(database.engine, "connect", cap)


def test_import_on_a_full_database_file_changes_nothing(db_copy: Path, base: tuple[Path, Path]) -> None:
    before = snapshot(db_copy)
    database = open_database(db_copy)
    capped(database, 8)
    try:
        with pytest.raises(DiskFull) as info:
            run_import(database, base[1])
        assert "磁盘空间已满" in info.value.message and "已保存的数据没有受到影响" in info.value.message
    finally:
        database.dispose()
    intact(db_copy, before)


def test_import_on_a_full_disk_changes_nothing(base: tuple[Path, Path], tmp_path: Path) -> None:
    size_kb = (base[0].stat().st_size + 32 * 1024 + 64 * 1024) // 1024  # the file, -shm, a little WAL
    with tiny_disk(tmp_path / "disk", size_kb) as disk:
        path = disk / "planmgr.sqlite"
        shutil.copyfile(base[0], path)
        before = snapshot(path)
        database = open_database(path)
        try:
            with pytest.raises(DiskFull, match="磁盘空间已满"):
                run_import(database, base[1])
            with database.engine.connect() as conn:  # the app goes on working
                assert conn.execute(text("SELECT count(*) FROM unit")).scalar_one() == UNITS + 1
        finally:
            database.dispose()
        intact(path, before)


@pytest.fixture
def database(db_copy: Path) -> Iterator[Database]:
    database = open_database(db_copy)
    yield database
    database.dispose()


def test_backup_to_a_full_disk_leaves_no_partial_file(database: Database, tmp_path: Path) -> None:
    path = database.path
    assert path is not None
    before = snapshot(path)
    with tiny_disk(tmp_path / "usb", 128) as usb:
        with pytest.raises(DiskFull, match="磁盘空间已满"):
            backup_file(database.engine, usb)
        assert list(usb.iterdir()) == []
        with pytest.raises(DiskFull):
            run_automatic(database.engine, "open", folder=usb, policy=BackupPolicy())
        assert list(usb.iterdir()) == []
    intact(path, before)


def test_a_full_second_folder_keeps_the_main_backup_and_says_why(database: Database, tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "usb", 128) as usb:
        policy = BackupPolicy(second_folder=usb / "planmgr")
        run = run_automatic(database.engine, "open", folder=tmp_path / "bk", policy=policy)
        assert [p.parent for p in run.made] == [tmp_path / "bk"]
        assert len(run.problems) == 1 and "磁盘空间已满" in run.problems[0]
        assert list((usb / "planmgr").iterdir()) == []
    assert check_database(run.made[0]).ok


def test_a_second_folder_at_its_limit_keeps_the_main_backup(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same without a tmpfs: the partial file of the second folder may hold 3 pages."""
    real_connect = sqlite3.connect
    second = tmp_path / "usb" / "planmgr"
    second.parent.mkdir()

    def small_stick(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[call-overload]
        if str(target).startswith(str(second)) and str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count=3")
        return conn  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlite3, "connect", small_stick)
    run = run_automatic(
        database.engine, "open", folder=tmp_path / "bk", policy=BackupPolicy(second_folder=second)
    )
    assert [p.parent for p in run.made] == [tmp_path / "bk"]
    assert "磁盘空间已满" in run.problems[0]
    assert list(second.iterdir()) == []


def test_restore_when_the_kept_copy_does_not_fit_changes_nothing(database: Database, tmp_path: Path) -> None:
    path = database.path
    assert path is not None
    backup = backup_file(database.engine, tmp_path / "bk")
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE unit SET phone = '0750-1234567'"))
    database.dispose()
    before = snapshot(path)
    with tiny_disk(tmp_path / "keep", 128) as keep:
        with pytest.raises(DiskFull, match="磁盘空间已满"):
            restore_file(backup, path, keep_dir=keep)
        assert list(keep.iterdir()) == []
    intact(path, before)


def test_restore_onto_a_full_disk_leaves_the_database_as_it_was(
    base: tuple[Path, Path], tmp_path: Path
) -> None:
    # A backup with much more in it than the disk of the database has room for.
    big = tmp_path / "big.sqlite"
    shutil.copyfile(base[0], big)
    grown = open_database(big)
    run_import(grown, base[1])
    grown.dispose()
    small = base[0].stat().st_size
    assert big.stat().st_size > small + 200 * 1024
    with tiny_disk(tmp_path / "disk", (small + 32 * 1024 + 96 * 1024) // 1024) as disk:
        path = disk / "planmgr.sqlite"
        shutil.copyfile(base[0], path)
        before = snapshot(path)
        with pytest.raises(DiskFull, match="磁盘空间已满"):
            restore_file(big, path, keep_dir=tmp_path / "kept")
        intact(path, before)
