"""Bad files: locked, read-only, corrupt, not a database, newer schema → the messages of
DESIGN.md §3, and the file byte-identical afterwards (no -wal, -shm, journal or backup made).

Cases already covered in tests/store/test_open.py (a text file, a foreign SQLite database, a
newer schema, scribbled pages under ``planmgr check``, a locked write, a write through a
``mode=ro`` connection) are not repeated; here: the same through ``open_database`` and the
CLI, more kinds of damage, a file another connection has locked while it is opened, an
immutable file (chattr +i) and a read-only folder (read-only bind mount) — root ignores
chmod, so those use the kernel's own means and are skipped where they are not available.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sqlmodel import select

import planmgr.store.engine as engine_module
from planmgr.cli import main as cli
from planmgr.store.database import check_database, open_database, session_scope
from planmgr.store.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DatabaseProblem,
    NotADatabase,
    ReadOnlyDatabase,
)
from planmgr.store.models import Unit
from tests.reliability.fs import immutable, read_only_folder


def state(path: Path) -> tuple[str, list[str]]:
    """The file's digest and what else is in its folder, apart from an empty WAL and its index.

    A read-only SQLite connection to a WAL-mode file creates an empty ``-wal`` and a
    ``-shm`` (the WAL index) when they are missing, and leaves them when it fails on a
    damaged file. They hold no data (SQLite removes them at the next clean close); the
    report to the lead proposes removing them after a refused open.
    """
    others = sorted(
        p.name
        for p in path.parent.iterdir()
        if p != path
        and not (p.name == path.name + "-shm" or (p.name == path.name + "-wal" and p.stat().st_size == 0))
    )
    return hashlib.sha256(path.read_bytes()).hexdigest(), others


def run_cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli(list(args))
    return code, out.getvalue() + err.getvalue()


def filled(db_path: Path) -> Path:
    database = open_database(db_path)
    with session_scope(database.engine) as s:
        s.add_all(Unit(name=f"单位{i}", kind="enterprise", address="开平市" * 40) for i in range(60))
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return db_path


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def scribbled_schema(path: Path) -> None:
    # Page 1 holds the schema table after the 100-byte header: damage it.
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    path.write_bytes(bytes(data))


def zip_renamed(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", '{"format": "planmgr-filing"}')


def header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)


def random_bytes(path: Path) -> None:
    path.write_bytes(bytes((i * 7919) % 251 for i in range(20000)))


DAMAGE: dict[str, tuple[Callable[[Path], None], tuple[type[DatabaseProblem], ...], str]] = {
    "truncated": (truncated, (CorruptDatabase, NotADatabase), "损坏|不是"),
    "scribbled schema": (scribbled_schema, (CorruptDatabase, NotADatabase), "损坏|不是"),
    "zip renamed .sqlite": (zip_renamed, (NotADatabase,), "不是 planmgr 数据库"),
    "header only": (header_only, (CorruptDatabase, NotADatabase), "损坏|不是"),
    "random bytes": (random_bytes, (NotADatabase,), "不是 planmgr 数据库"),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_file_is_refused_on_open_and_check_and_left_alone(
    db_path: Path, user_home: Path, kind: str
) -> None:
    damage, expected, words = DAMAGE[kind]
    filled(db_path)
    damage(db_path)
    before = state(db_path)
    with pytest.raises(expected, match=words) as opening:
        open_database(db_path)
    assert "恢复备份" in opening.value.message or "不是" in opening.value.message
    with pytest.raises(expected, match=words):
        check_database(db_path)
    code, output = run_cli("check", "--db", str(db_path))
    assert code == 3 and opening.value.message.split("：")[0] in output
    assert "Traceback" not in output
    assert state(db_path) == before
    assert not list(user_home.rglob("*.sqlite"))  # no backup of a file that was refused
    # Not even the empty -wal / -shm a read-only look at a WAL-mode file creates.
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [db_path.name]


def test_damage_found_after_opening_is_reported_and_nothing_written(db_path: Path) -> None:
    """Scribbled data pages: the schema reads fine, so the file opens; the damage shows at
    the first read of the table, as the corrupt-file message."""
    filled(db_path)
    conn = sqlite3.connect(db_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'unit'").fetchone()[0]
    conn.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * 4096
    data[start + 8 : start + 4096] = b"\xa5" * (4096 - 8)
    db_path.write_bytes(bytes(data))
    before = state(db_path)
    database = open_database(db_path)
    try:
        with pytest.raises(CorruptDatabase, match="损坏.*恢复备份"), session_scope(database.engine) as s:
            s.exec(select(Unit)).all()
        with pytest.raises(CorruptDatabase, match="损坏"), session_scope(database.engine) as s:
            s.add(Unit(name="新单位", kind="town"))
    finally:
        database.dispose()
    with pytest.raises(CorruptDatabase):
        check_database(db_path)
    assert state(db_path) == before


def test_a_directory_named_like_a_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "planmgr.sqlite"
    folder.mkdir()
    with pytest.raises(NotADatabase):
        open_database(folder)
    assert list(folder.iterdir()) == []


def test_opening_while_another_program_holds_a_write_lock(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (not planmgr) is in the middle of an exclusive transaction."""
    filled(db_path)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db_path, timeout=0.1)
    holder.execute("PRAGMA journal_mode=DELETE")  # a rollback journal: readers are locked out too
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE unit SET phone = '1' WHERE id = 1")
    try:
        before = state(db_path)
        with pytest.raises(DatabaseLocked, match="锁定"):
            open_database(db_path)
        with pytest.raises(DatabaseLocked, match="锁定"):
            check_database(db_path)
        assert state(db_path) == before
    finally:
        holder.rollback()
        holder.execute("PRAGMA journal_mode=WAL")
        holder.close()


def test_an_immutable_file_opens_and_refuses_writes_unchanged(db_path: Path) -> None:
    filled(db_path)
    digest = state(db_path)[0]
    with immutable(db_path):
        assert check_database(db_path).ok
        # Refused when opened for writing, before anything is typed into it ...
        with pytest.raises(ReadOnlyDatabase, match="只读") as info:
            open_database(db_path)
        assert "文件属性" in info.value.message
        # ... and a read-only open refuses a write the same way.
        database = open_database(db_path, read_only=True)
        try:
            with pytest.raises(ReadOnlyDatabase, match="只读"), session_scope(database.engine) as s:
                s.add(Unit(name="写不进去的单位", kind="town"))
        finally:
            database.dispose()
    assert state(db_path)[0] == digest


def test_a_read_only_folder_is_explained_and_left_alone(db_path: Path) -> None:
    """A database on a write-protected stick: writing is refused in Chinese, checking and
    reading work (a backup on read-only media must be checkable), the file is untouched."""
    filled(db_path)
    before = state(db_path)
    with read_only_folder(db_path.parent):
        with pytest.raises(DatabaseProblem) as info:
            open_database(db_path)
        assert "Traceback" not in info.value.message and str(db_path) in info.value.message
        code, output = run_cli("check", "--db", str(db_path))
        assert code == 0 and "检查通过" in output
        reader = open_database(db_path, read_only=True)
        with reader.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM unit").scalar()
        reader.dispose()
    assert state(db_path) == before


def test_a_read_only_folder_gives_the_read_only_message(db_path: Path) -> None:
    filled(db_path)
    with read_only_folder(db_path.parent), pytest.raises(ReadOnlyDatabase, match="只读"):
        open_database(db_path)
