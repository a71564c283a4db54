"""The ledger import wizard: the preview marks the recognised columns (unknown ones red), a file
with bad cells shows every one of them and writes nothing, a good file commits, and a cancel
during validation or during the write leaves the database as it was."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget, QWizard
from sqlalchemy import func
from sqlmodel import select

from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.services import ledger as ledger_service
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Unit
from planmgr.ui import theme
from planmgr.ui.ledger import ledger_actions
from planmgr.ui.ledger.models import ErrorsModel, PreviewModel
from planmgr.ui.ledger.preview_data import read_preview
from planmgr.ui.ledger.wizard import LedgerWizard
from planmgr.ui.ops import OpRunner
from tests.services.filing_builders import valid_uscc
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

HEADER = ["单位名称*", "单位类型*", "统一社会信用代码", "上级单位", "是否重点企业"]


def workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER, sheet: str = "单位台账") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


GOOD = [
    ["开平市人民政府", "县级以上政府", None, None, "否"],
    ["赤坎镇人民政府", "乡镇（街道）", None, "开平市人民政府", "否"],
    ["开平市恒达化工有限公司", "企业", valid_uscc(), "赤坎镇人民政府", "是"],
]


def unit_count(database: Database) -> int:
    with session_scope(database.engine) as session:
        return int(session.exec(select(func.count()).select_from(Unit)).one())


@pytest.fixture
def ops(qtbot) -> Iterator[OpRunner]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = OpRunner(host, show_progress_after_ms=0)
    yield runner
    runner.shutdown(10_000)


def wait_idle(qtbot, ops: OpRunner) -> None:
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


def open_wizard(qtbot, ops: OpRunner, database: Database, kind: LedgerKind | None = None) -> LedgerWizard:
    wizard = LedgerWizard(ops, lambda: database.engine, kind=kind)
    ops.widget = wizard
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose(qtbot, ops: OpRunner, wizard: LedgerWizard, path: Path, fake_dialogs: FakeDialogs) -> None:
    """Browse… to the file, then on to the preview (read in the background)."""
    fake_dialogs.files.append(path)
    wizard.file_page.browse.click()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    wait_idle(qtbot, ops)


def test_preview_marks_recognised_and_unknown_columns(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "units.xlsx", [row + ["备注 1"] for row in GOOD], header=[*HEADER, "单位名"])
    wizard = open_wizard(qtbot, ops, database)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    assert wizard.file_page.kind.currentText() == "单位台账"  # guessed from the sheet
    page = wizard.preview_page
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [*HEADER, "单位名"]
    colours = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole).color()
        for c in range(6)
    ]
    assert colours == [QColor(theme.OK)] * 5 + [QColor(theme.OVERDUE)]
    assert model.column_tip(0) == "已识别：单位名称（必填）"
    assert model.column_tip(5) == "不是单位台账的列：导入时会报错。"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # rows as Excel numbers them
    assert model.index(2, 0).data() == "开平市恒达化工有限公司"
    assert page.summary.text().startswith("工作表“单位台账”：共 3 行数据（预览前 3 行）；已识别 5 列。")
    assert "不认识的列（红色）：单位名" in page.problem.text()
    wizard.next()  # validation reports the unknown column; nothing is written
    wait_idle(qtbot, ops)
    errors = wizard.validate_page.model
    assert errors.index(0, ErrorsModel.COLUMN).data() == "单位名"
    assert errors.index(0, ErrorsModel.ROW).data() == "1"
    assert unit_count(database) == 0


def test_a_gbk_csv_previews_with_its_encoding(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "备案.csv"
    path.write_bytes(
        "预案名称,编制单位,报送日期,受理部门,备案状态\n综合应急预案,某公司,2025-03-10,赤坎镇,已报送\n".encode(
            "gbk"
        )
    )
    wizard = open_wizard(qtbot, ops, database, LedgerKind.FILINGS)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    page = wizard.preview_page
    assert "文件编码：GBK" in page.summary.text()
    assert page.model.index(0, 1).data() == "某公司"


def test_bad_cells_are_all_reported_and_nothing_is_written(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    rows = [list(r) for r in GOOD]
    rows[1][1] = "镇政府"  # unknown label
    rows[2][2] = valid_uscc()[:-1] + ("A" if valid_uscc()[-1] != "A" else "B")  # bad check character
    path = workbook(tmp_path / "units.xlsx", rows)
    wizard = open_wizard(qtbot, ops, database, LedgerKind.UNITS)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    wizard.next()
    wait_idle(qtbot, ops)
    page = wizard.validate_page
    assert page.state == "errors"
    assert page.summary.text() == "发现 2 处错误，未导入任何数据。请改正后重新导入。"
    model = page.model
    found = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert found == [["单位台账", "3", "单位类型"], ["单位台账", "4", "统一社会信用代码"]]
    assert "校验位" in model.index(1, ErrorsModel.REASON).data()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert page.save_errors.isVisible()
    target = tmp_path / "错误.xlsx"
    fake_dialogs.files.append(target)
    page.save_errors.click()
    wait_idle(qtbot, ops)
    sheet = openpyxl.load_workbook(target).active
    assert "错误说明" in [c.value for c in sheet[1]]
    assert unit_count(database) == 0


def test_a_good_file_commits(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "units.xlsx", GOOD)
    wizard = open_wizard(qtbot, ops, database, LedgerKind.UNITS)
    reports: list[Any] = []
    wizard.imported.connect(reports.append)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    wizard.next()
    wait_idle(qtbot, ops)
    page = wizard.validate_page
    assert page.summary.text().startswith("全部单元格校验通过：共 3 行——将新增 3，更新 0，未变 0。")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "导入"
    assert unit_count(database) == 0  # validation writes nothing
    commit.click()
    wait_idle(qtbot, ops)
    assert wizard.commit_page.summary.text() == "已导入单位台账：共 3 行——新增 3，更新 0，未变 0。"
    assert [r.inserted for r in reports] == [3]
    assert unit_count(database) == 3
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds ``LedgerImport.validate`` and ``write`` after their second step until set."""
    proceed = threading.Event()
    held = threading.Event()

    def gated(original: Any) -> Any:
        def step(self: Any, cancel: Any = None) -> Iterator[Any]:
            steps = original(self, cancel)
            try:
                for i, progress in enumerate(steps):
                    yield progress
                    if i == 1:
                        held.set()
                        proceed.wait(10)
            finally:
                steps.close()

        return step

    monkeypatch.setattr(ledger_service.LedgerImport, "validate", gated(ledger_service.LedgerImport.validate))
    monkeypatch.setattr(ledger_service.LedgerImport, "write", gated(ledger_service.LedgerImport.write))
    proceed.held = held  # type: ignore[attr-defined]
    yield proceed
    proceed.set()


def cancel_running(qtbot, ops: OpRunner, gate: threading.Event) -> None:
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)  # type: ignore[attr-defined]
    (op,) = ops._running
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=10_000)
    (button,) = op.dialog.findChildren(QPushButton)
    assert button.text() == "取消"
    button.click()
    gate.set()
    wait_idle(qtbot, ops)


def test_cancel_during_validation(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path, gate: threading.Event
) -> None:
    path = workbook(tmp_path / "units.xlsx", GOOD)
    wizard = open_wizard(qtbot, ops, database, LedgerKind.UNITS)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    wizard.next()
    cancel_running(qtbot, ops, gate)
    page = wizard.validate_page
    assert page.state == "cancelled"
    assert page.summary.text() == "校验已取消，没有写入任何数据。"
    assert page.again.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    gate.held.clear()  # type: ignore[attr-defined]
    page.again.click()  # the gate is open now: this validation runs through
    wait_idle(qtbot, ops)
    assert page.state == "ok"
    assert unit_count(database) == 0


def test_cancel_during_the_write_leaves_nothing(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path, gate: threading.Event
) -> None:
    path = workbook(tmp_path / "units.xlsx", GOOD)
    wizard = open_wizard(qtbot, ops, database, LedgerKind.UNITS)
    choose(qtbot, ops, wizard, path, fake_dialogs)
    gate.set()  # validation runs through
    wizard.next()
    wait_idle(qtbot, ops)
    assert wizard.validate_page.state == "ok"
    gate.clear()
    gate.held.clear()  # type: ignore[attr-defined]
    wizard.button(QWizard.WizardButton.CommitButton).click()
    cancel_running(qtbot, ops, gate)  # held inside the transaction, after the first rows
    assert wizard.commit_page.summary.text() == "导入已取消，没有写入任何数据。"
    assert unit_count(database) == 0


def test_models_pass_the_model_tester(qtmodeltester, tmp_path: Path) -> None:
    preview = PreviewModel()
    qtmodeltester.check(preview)
    preview.set_preview(
        read_preview(workbook(tmp_path / "u.xlsx", GOOD, header=[*HEADER, "单位名"]), LedgerKind.UNITS)
    )
    qtmodeltester.check(preview)
    from planmgr.exchange.ledger_records import LedgerError

    errors = ErrorsModel()
    qtmodeltester.check(errors)
    errors.set_errors(
        [
            LedgerError("单位台账", 3, "单位类型", "未知的单位类型“镇政府”", 2),
            LedgerError("", None, None, "文件是空的"),
        ]
    )
    qtmodeltester.check(errors)
    assert [errors.index(1, c).data() for c in range(4)] == ["—", "—", "—", "文件是空的"]


def test_file_menu_actions(
    qtbot, ops: OpRunner, database: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    ops.widget = host
    imported: list[bool] = []
    actions = ledger_actions(host, ops, lambda: database.engine, on_imported=lambda: imported.append(True))
    assert [a.text() for a in actions] == ["导入台账(&I)…", "导出台账(&E)"]
    actions[0].trigger()
    wizard = host._ledger_wizard
    assert isinstance(wizard, LedgerWizard) and wizard.isVisible()
    wizard.reject()
    exports = actions[1].menu().actions()
    assert [a.text() for a in exports] == ["单位台账…", "预案台账…", "演练台账…", "备案台账…"]
    target = tmp_path / "单位.xlsx"
    fake_dialogs.files.append(target)
    exports[0].trigger()
    wait_idle(qtbot, ops)
    assert target.exists() and "已导出 0 行" in fake_dialogs.of_kind("inform")[-1].text


def test_the_filings_page_opens_the_wizard_for_filings_ledgers(
    qtbot, ops: OpRunner, sample_db: Database, fake_dialogs: FakeDialogs
) -> None:
    from planmgr.ui.filings.page import FilingsPage

    page = FilingsPage(ops)
    qtbot.addWidget(page)
    page.setMinimumSize(760, 520)
    page.show()
    page.set_engine(sample_db.engine)
    page.office.ledger_button.click()
    wizard = page.office.commands.ledger_wizard
    assert wizard.isVisible() and wizard.file_page.kind.currentText() == "备案台账"
    wizard.reject()
