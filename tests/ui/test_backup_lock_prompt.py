"""One writer per file: a second app opening the same database is told who has it and may
open it read-only or cancel (``acquire_or_ask``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planmgr.store.database import open_database, session_scope
from planmgr.store.errors import ReadOnlyDatabase
from planmgr.store.lock import WriterLock
from planmgr.store.models import Unit
from planmgr.ui.backup import READ_ONLY, acquire_or_ask
from tests.reliability.fs import read_only_folder
from tests.store.test_lock import hold_lock
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


def test_a_free_file_is_locked_without_a_question(db_path: Path, fake_dialogs: FakeDialogs) -> None:
    outcome = acquire_or_ask(None, db_path)
    assert isinstance(outcome, WriterLock) and outcome.held
    outcome.release()
    assert fake_dialogs.calls == []


def test_a_file_another_app_has_open_offers_read_only(db_path: Path, fake_dialogs: FakeDialogs) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with hold_lock(db_path) as other:
        fake_dialogs.answers.append(True)
        assert acquire_or_ask(None, db_path) == READ_ONLY
        [question] = fake_dialogs.of_kind("ask")
        assert question.title == "数据库正在被使用"
        assert f"进程 {other.pid}" in question.text and str(db_path) in question.text
        assert "只读方式打开" in question.text and "取消" in question.text
        # What the app then does: open read-only; a write is refused in Chinese.
        database = open_database(db_path, read_only=True)
        try:
            with pytest.raises(ReadOnlyDatabase, match="只读"), session_scope(database.engine) as s:
                s.add(Unit(name="第二个程序写入", kind="town"))
        finally:
            database.dispose()
        fake_dialogs.answers.append(False)
        assert acquire_or_ask(None, db_path) is None  # cancel
        other.communicate("", timeout=30)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    # The other app has quit: the file is free again.
    outcome = acquire_or_ask(None, db_path)
    assert isinstance(outcome, WriterLock)
    outcome.release()


def test_the_same_file_opened_twice_in_one_process_is_refused(
    db_path: Path, fake_dialogs: FakeDialogs
) -> None:
    first = acquire_or_ask(None, db_path)
    assert isinstance(first, WriterLock)
    try:
        fake_dialogs.answers.append(False)
        assert acquire_or_ask(None, db_path) is None
    finally:
        first.release()


def test_a_read_only_folder_offers_read_only(db_path: Path, fake_dialogs: FakeDialogs) -> None:
    with read_only_folder(db_path.parent):
        fake_dialogs.answers.append(True)
        assert acquire_or_ask(None, db_path) == READ_ONLY
    [question] = fake_dialogs.of_kind("ask")
    assert question.title == "数据库所在文件夹是只读的"
    assert "无法在数据库旁创建锁文件" in question.text and "只读方式打开" in question.text
