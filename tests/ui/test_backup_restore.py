"""文件 → 恢复备份: the list of backups with a preview, restore with the old file kept, and the
database reopened with the restored data; the menu entries."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QDialog, QMainWindow

from planmgr.services.backups import BackupPolicy, save_policy
from planmgr.store.backup import backup_file
from planmgr.store.database import Database, check_database, open_database
from planmgr.ui.backup import backup_actions
from planmgr.ui.backup.restore_dialog import ENTRY_ROLE, BackupListModel, RestoreDialog
from planmgr.ui.ops import OpRunner
from tests.factories import make_unit
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


class Host(QMainWindow):
    """The part of the main window the backup actions use."""

    database_changed = Signal(object)

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.ops = OpRunner(self, show_progress_after_ms=0, parent=self)
        self.replaced: list[Database] = []

    def set_database(self, database: Database) -> None:
        old, self.database = self.database, database
        if old is not database:
            self.replaced.append(old)
            old.dispose()
        self.database_changed.emit(database)


@pytest.fixture
def host(qtbot, database: Database) -> Iterator[Host]:
    window = Host(database)
    qtbot.addWidget(window)
    yield window
    window.ops.shutdown()
    window.database.dispose()


def unit_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY id")]
    finally:
        conn.close()


def make_backups(database: Database, folder: Path) -> list[Path]:
    make_unit(database, "第一次备份前的单位", "town")
    first = backup_file(database.engine, folder, reason="daily", now=datetime(2025, 3, 1, 8, 0))
    make_unit(database, "第二次备份前的单位", "town")
    second = backup_file(database.engine, folder, reason="open", now=datetime(2025, 3, 2, 9, 30))
    make_unit(database, "备份之后的单位", "town")
    return [first, second]


def test_backups_are_listed_newest_first_with_a_preview(
    qtbot, host: Host, database: Database, tmp_path: Path
) -> None:
    make_backups(database, tmp_path / "bk")
    dialog = RestoreDialog(host, folder=tmp_path / "bk")
    qtbot.addWidget(dialog)
    proxy = dialog.view.model()
    rows = [[proxy.index(r, c).data() for c in range(4)] for r in range(proxy.rowCount())]
    assert [r[:3] for r in rows] == [
        ["2025-03-02 09:30:00", "打开时自动备份", "本机"],
        ["2025-03-01 08:00:00", "每日自动备份", "本机"],
    ]
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "备份时间",
        "类型",
        "位置",
        "大小",
    ]
    # The newest is chosen and previewed: its date and what it holds.
    assert dialog.preview.taken_label.text() == "2025-03-02 09:30:00"
    assert "单位 2" in dialog.preview.counts_label.text() and "预案 0" in dialog.preview.counts_label.text()
    assert dialog.preview.problem_label.text() == "此备份可以恢复。"
    assert dialog.restore_button.isEnabled()
    dialog.view.selectionModel().setCurrentIndex(
        proxy.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.preview.taken_label.text() == "2025-03-01 08:00:00"
    assert "单位 1" in dialog.preview.counts_label.text()


def test_restore_asks_keeps_the_old_file_and_reopens(
    qtbot, host: Host, database: Database, db_path: Path, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    make_backups(database, tmp_path / "bk")
    dialog = RestoreDialog(host, folder=tmp_path / "bk")
    qtbot.addWidget(dialog)
    proxy = dialog.view.model()
    dialog.view.selectRow(1)  # 2025-03-01: one unit
    fake_dialogs.answers.append(False)  # "no": nothing happens
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert unit_names(db_path) == ["第一次备份前的单位", "第二次备份前的单位", "备份之后的单位"]
    assert "2025-03-01 08:00" in fake_dialogs.of_kind("ask")[0].text
    fake_dialogs.answers.append(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert unit_names(db_path) == ["第一次备份前的单位"]
    assert check_database(db_path).ok
    # The window now works on the reopened database; the old engine was closed.
    assert host.database is not database and host.replaced == [database]
    assert host.database.path == db_path
    done = fake_dialogs.of_kind("inform")[-1]
    assert done.title == "已恢复备份"
    kept = Path(done.text.split("原文件已保留为：\n")[1])
    assert kept.parent == tmp_path / "bk" and "before-restore" in kept.name
    assert unit_names(kept) == ["第一次备份前的单位", "第二次备份前的单位", "备份之后的单位"]
    assert proxy.rowCount() == 2  # the dialog closed; the list it had is unchanged


def test_a_backup_from_a_newer_program_cannot_be_restored(
    qtbot, host: Host, database: Database, db_path: Path, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    newer = tmp_path / "elsewhere" / "newer.sqlite"
    newer.parent.mkdir()
    newer.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    before = hashlib.sha256(newer.read_bytes()).hexdigest()
    dialog = RestoreDialog(host, folder=tmp_path / "bk")
    qtbot.addWidget(dialog)
    assert dialog.empty_label.isVisibleTo(dialog) and not dialog.restore_button.isEnabled()
    assert "尚无此数据库的备份" in dialog.empty_label.text()
    fake_dialogs.files.append(newer)
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert "更新版本" in dialog.preview.problem_label.text()
    assert not dialog.restore_button.isEnabled()
    assert hashlib.sha256(newer.read_bytes()).hexdigest() == before


def test_a_read_only_database_is_not_restored(qtbot, db_path: Path, tmp_path: Path) -> None:
    writer = open_database(db_path)
    backup_file(writer.engine, tmp_path / "bk", reason="daily")
    writer.dispose()
    read_only = open_database(db_path, read_only=True)
    host = Host(read_only)
    qtbot.addWidget(host)
    try:
        dialog = RestoreDialog(host, folder=tmp_path / "bk")
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == 1
        assert not dialog.restore_button.isEnabled()
        assert "只读" in dialog.note_label.text()
    finally:
        read_only.dispose()


def test_the_backup_list_model_passes_the_model_tester(
    qtmodeltester, database: Database, tmp_path: Path
) -> None:
    from planmgr.services.backups import backups_of

    make_backups(database, tmp_path / "bk")
    save_policy(database.engine, BackupPolicy(second_folder=tmp_path / "usb"))
    model = BackupListModel()
    model.set_entries(backups_of(database.path or Path(), folder=tmp_path / "bk"))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ENTRY_ROLE).reason == "open"  # newest first
    qtmodeltester.check(BackupListModel())


def test_menu_entries_open_their_dialogs(qtbot, host: Host) -> None:
    actions = backup_actions(host)
    assert [a.text() for a in actions] == ["恢复备份(&R)…", "备份设置(&S)…", "审计日志(&A)…"]
    assert all(not a.icon().isNull() for a in actions)
    for action, title in zip(actions, ("恢复备份", "备份设置", "审计日志"), strict=True):
        action.trigger()
        opened = [w for w in host.findChildren(QDialog) if w.windowTitle() == title]
        assert opened and opened[-1].isVisible(), title
        opened[-1].close()


def test_the_main_window_can_host_the_backup_actions(
    qtbot, sample_db: Database, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    """The real main window offers what the actions need (database, ops, set_database …)."""
    from planmgr.services.backups import backups_of
    from planmgr.ui.backup import DailyBackup
    from planmgr.ui.main_window import MainWindow

    window = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    window.ops.widget = window
    qtbot.addWidget(window)
    folder = tmp_path / "bk"
    backup_file(sample_db.engine, folder, reason="daily", now=datetime(2025, 3, 1, 8, 0))
    daily = DailyBackup(window, folder=folder, parent=window)
    with qtbot.waitSignal(daily.finished, timeout=10_000):
        daily.start()
    daily.stop()
    assert [b.reason for b in backups_of(sample_db.path or Path(), folder=folder)] == ["open", "daily"]
    dialog = RestoreDialog(window, folder=folder)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(1)  # the older one
    fake_dialogs.answers.append(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.database is not sample_db
    assert check_database(window.database.path or Path()).ok
    window.ops.shutdown()
