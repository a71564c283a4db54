"""The audit log dialog: filters by table, user and date, a search box, details of a row,
and no way to change an audit entry."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton
from sqlalchemy import func, insert, select

from planmgr.services.audit import query_audit
from planmgr.store.database import Database
from planmgr.store.models import AuditEntry
from planmgr.ui.backup.audit_viewer import AuditFilterProxy, AuditLogDialog, AuditTableModel
from tests.factories import make_plan, make_unit

pytestmark = pytest.mark.gui


def add_entries(database: Database) -> None:
    rows = []
    base = datetime(2025, 4, 1, 2, 0, tzinfo=UTC)
    for day in range(6):
        rows.append({"table_name": "unit", "row_uid": f"u-{day}", "row_id": day, "action": "update",
                     "changes": {"phone": [None, f"0750-{day:07d}"]}, "os_user": "zhangsan",
                     "at": base + timedelta(days=day)})  # fmt: skip
        rows.append({"table_name": "plan", "row_uid": f"p-{day}", "row_id": day, "action": "delete",
                     "changes": {"title": f"第{day}号预案"}, "os_user": "lisi",
                     "at": base + timedelta(days=day, hours=1)})  # fmt: skip
    with database.engine.begin() as conn:
        conn.execute(insert(AuditEntry), rows)


def shown(dialog: AuditLogDialog, column: int) -> list[str]:
    proxy = dialog.view.model()
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


@pytest.fixture
def dialog(qtbot, database: Database) -> AuditLogDialog:
    add_entries(database)
    window = AuditLogDialog(database.engine)
    qtbot.addWidget(window)
    window.show()
    return window


def test_everything_is_listed_newest_first_with_chinese_labels(dialog: AuditLogDialog) -> None:
    proxy = dialog.view.model()
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "时间", "用户", "数据表", "操作", "记录", "变更内容"
    ]  # fmt: skip
    assert proxy.rowCount() == 12
    assert shown(dialog, 2)[:2] == ["预案", "单位"] and shown(dialog, 3)[:2] == ["删除", "修改"]
    assert shown(dialog, 5)[:2] == ["标题：第5号预案", "联系电话：（空） → 0750-0000005"]
    assert dialog.count_label.text() == "共 12 条"
    assert [dialog.table_combo.itemText(i) for i in range(dialog.table_combo.count())] == [
        "全部",
        "单位",
        "预案",
    ]
    assert [dialog.user_combo.itemText(i) for i in range(dialog.user_combo.count())] == [
        "全部",
        "lisi",
        "zhangsan",
    ]


def test_filters_by_table_user_and_date(dialog: AuditLogDialog) -> None:
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findText("单位"))
    assert set(shown(dialog, 2)) == {"单位"} and len(shown(dialog, 2)) == 6
    dialog.table_combo.setCurrentIndex(0)
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findText("lisi"))
    assert set(shown(dialog, 1)) == {"lisi"} and len(shown(dialog, 1)) == 6
    dialog.user_combo.setCurrentIndex(0)
    assert not dialog.start_edit.isEnabled()
    dialog.date_check.setChecked(True)
    dialog.start_edit.setDate(QDate(2025, 4, 2))
    dialog.end_edit.setDate(QDate(2025, 4, 3))
    days = {text[:10] for text in shown(dialog, 0)}
    assert days == {"2025-04-02", "2025-04-03"} and len(shown(dialog, 0)) == 4
    dialog.date_check.setChecked(False)
    assert len(shown(dialog, 0)) == 12


def test_search_box_and_details(qtbot, dialog: AuditLogDialog) -> None:
    dialog.search_edit.setText("第3号")
    assert shown(dialog, 5) == ["标题：第3号预案"]
    assert dialog.count_label.text() == "共 12 条，其中 1 条符合搜索"
    dialog.view.selectRow(0)
    assert "p-3" in dialog.detail.toPlainText() and "第3号预案" in dialog.detail.toPlainText()
    dialog.search_edit.clear()
    assert len(shown(dialog, 5)) == 12


def test_a_long_trail_lists_the_newest_and_says_so(qtbot, database: Database) -> None:
    add_entries(database)
    dialog = AuditLogDialog(database.engine, limit=5)
    qtbot.addWidget(dialog)
    assert dialog.view.model().rowCount() == 5
    assert dialog.count_label.text() == "共 12 条符合条件，列出最近的 5 条"


def test_audit_rows_cannot_be_edited_or_deleted(qtbot, dialog: AuditLogDialog, database: Database) -> None:
    model = dialog.model
    assert dialog.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
            assert model.setData(index, "改掉", Qt.ItemDataRole.EditRole) is False
    before = model.index(0, 5).data()
    dialog.view.selectRow(0)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.view, Qt.Key.Key_F2)
    assert model.index(0, 5).data() == before
    assert dialog.view.indexWidget(dialog.view.currentIndex()) is None  # no editor opened
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert buttons == {"刷新(&R)", "关闭"}  # nothing that edits or deletes
    with database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == 12


def test_refresh_shows_new_entries_and_users(qtbot, dialog: AuditLogDialog, database: Database) -> None:
    unit = make_unit(database, "赤坎镇人民政府", "town")
    make_plan(database, unit, "赤坎镇总体应急预案", "town")
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    assert dialog.view.model().rowCount() == 14
    assert dialog.user_combo.count() >= 3


def test_the_models_pass_the_model_tester(qtmodeltester, database: Database) -> None:
    add_entries(database)
    model = AuditTableModel()
    model.set_records(query_audit(database.engine).records)
    qtmodeltester.check(model)
    qtmodeltester.check(AuditTableModel())
    proxy = AuditFilterProxy()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("预案")
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 6
    assert model.rowCount(model.index(0, 0)) == 0 and model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_viewing_the_log_does_not_change_the_file(qtbot, db_path: Path, database: Database) -> None:
    add_entries(database)
    database.dispose()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    dialog = AuditLogDialog(database.engine)
    qtbot.addWidget(dialog)
    dialog.date_check.setChecked(True)
    dialog.search_edit.setText("预案")
    dialog.refresh()
    dialog.close()
    database.dispose()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
