"""Automatic backups in the running app: one on open, then daily from a timer, through ops;
the policy dialog; problems of the second folder shown in Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox

from planmgr.services.backups import BackupPolicy, backups_of, load_policy, save_policy
from planmgr.store.database import Database, open_database
from planmgr.ui.backup import DailyBackup, install_daily_backup
from planmgr.ui.backup.settings_dialog import BackupSettingsDialog
from tests.ui.conftest import FakeDialogs
from tests.ui.test_backup_restore import Host

pytestmark = pytest.mark.gui


@pytest.fixture
def host(qtbot, database: Database):  # type: ignore[no-untyped-def]
    window = Host(database)
    qtbot.addWidget(window)
    yield window
    for daily in window.findChildren(DailyBackup):
        daily.stop()
    window.ops.shutdown()
    QCoreApplication.processEvents()  # deliver the last results while their receivers exist
    window.database.dispose()


def test_backup_on_open_then_once_a_day(qtbot, host: Host, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    path = host.database.path
    assert path is not None
    today = [datetime(2025, 6, 2, 8, 0)]
    with qtbot.waitSignal(host.ops.finished, timeout=10_000):
        daily = install_daily_backup(host, interval_ms=20, folder=folder, clock=lambda: today[0])
    assert daily.parent() is host and daily.timer.isActive()
    assert [(b.reason, b.taken) for b in backups_of(path, folder=folder)] == [("open", today[0])]
    assert "已自动备份" in host.statusBar().currentMessage()
    # Later checks the same day add nothing: the backup on open is today's.
    today[0] += timedelta(hours=5)
    with qtbot.waitSignal(daily.finished, timeout=10_000) as same_day:
        pass  # the timer fires
    assert same_day.args[0].made == ()
    # The app is still running the next day: the next check makes the daily backup.
    today[0] += timedelta(days=1)
    with qtbot.waitSignal(daily.finished, timeout=10_000) as next_day:
        pass
    daily.stop()
    assert len(next_day.args[0].made) == 1
    assert [b.reason for b in backups_of(path, folder=folder)] == ["daily", "open"]


def test_opening_another_database_backs_it_up(qtbot, host: Host, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    with qtbot.waitSignal(host.ops.finished, timeout=10_000):
        daily = install_daily_backup(host, folder=folder)
    other_path = tmp_path / "other.sqlite"
    other = open_database(other_path, create=True)
    with qtbot.waitSignal(daily.finished, timeout=10_000):
        host.set_database(other)
    assert [b.reason for b in backups_of(other_path, folder=folder)] == ["open"]
    daily.stop()


def test_no_automatic_backup_of_a_read_only_database(qtbot, db_path: Path, tmp_path: Path) -> None:
    read_only = open_database(db_path, read_only=True)
    window = Host(read_only)
    qtbot.addWidget(window)
    try:
        daily = install_daily_backup(window, interval_ms=10, folder=tmp_path / "bk")
        assert not window.ops.busy  # nothing was submitted
        daily.back_up_daily()
        assert not window.ops.busy and not (tmp_path / "bk").exists()
        daily.stop()
    finally:
        read_only.dispose()


def test_a_failing_second_folder_is_reported_and_the_main_backup_kept(
    qtbot, host: Host, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    blocker = tmp_path / "usb" / "planmgr"
    save_policy(host.database.engine, BackupPolicy(second_folder=blocker))
    blocker.parent.mkdir()
    blocker.write_text("a file where the folder should be")  # the drive holds a file of that name
    with qtbot.waitSignal(host.ops.finished, timeout=10_000):
        daily = install_daily_backup(host, folder=tmp_path / "bk")
    daily.stop()
    assert len(backups_of(host.database.path or Path(), folder=tmp_path / "bk")) == 1
    [shown] = fake_dialogs.of_kind("error")
    assert shown.title == "第二备份位置" and "未能备份" in shown.text and str(blocker) in shown.text


def test_settings_dialog_saves_the_policy_through_ops(
    qtbot, host: Host, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    dialog = BackupSettingsDialog(host, folder=tmp_path / "bk")
    qtbot.addWidget(dialog)
    assert (dialog.daily_spin.value(), dialog.weekly_spin.value(), dialog.second_edit.text()) == (7, 4, "")
    assert dialog.daily_spin.suffix() == " 天"
    dialog.daily_spin.setValue(10)
    dialog.weekly_spin.setValue(8)
    usb = tmp_path / "U盘备份"
    fake_dialogs.files.append(usb)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.second_edit.text() == str(usb)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "保存"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert load_policy(host.database.engine) == BackupPolicy(10, 8, usb)


def test_a_refused_policy_keeps_the_dialog_and_what_was_typed(
    qtbot, host: Host, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    dialog = BackupSettingsDialog(host, folder=tmp_path / "bk")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.second_edit.setText("备份文件夹")  # not a full path
    with qtbot.waitSignal(host.ops.finished, timeout=10_000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    [shown] = fake_dialogs.of_kind("error")
    assert "完整的文件夹路径" in shown.text
    assert dialog.isVisible() and dialog.second_edit.text() == "备份文件夹"
    assert load_policy(host.database.engine) == BackupPolicy()
