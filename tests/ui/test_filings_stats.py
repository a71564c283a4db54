"""备案率统计 on the office side: key and must-file enterprises per town and in total, who is
missing and why, exported as xlsx."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from sqlmodel import select

from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import Unit
from planmgr.ui import theme
from planmgr.ui.filings.models import TownRateModel
from planmgr.ui.ops import OpRunner
from tests.factories import make_filing, make_plan, make_unit
from tests.services.filing_builders import TOWN_NAME, office_site
from tests.ui.conftest import FakeDialogs
from tests.ui.test_filings_enterprise import open_page, wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def ops(qtbot) -> Iterator[OpRunner]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = OpRunner(host)
    yield runner
    runner.shutdown(10_000)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Database]:
    """Two towns and five counted enterprises in every situation (one outside any town)."""
    site = office_site(tmp_path / "office.sqlite")
    database = open_database(site.path)
    with session_scope(database.engine) as session:
        chikan = session.exec(select(Unit).where(Unit.uid == site.unit_uid)).one()
    baihe = make_unit(database, "百合镇人民政府", "town")

    def enterprise(name: str, town: Unit | None, **flags: bool) -> Unit:
        return make_unit(database, name, parent=town, **flags)

    def plan(unit: Unit, status: str | None, submitted: date = date(2026, 1, 5)) -> None:
        p = make_plan(
            database, unit, f"{unit.name}综合应急预案", "ent_comprehensive", published=date(2026, 1, 2)
        )
        if status is not None:
            make_filing(database, p, status=status, submitted=submitted)

    plan(enterprise("甲化工", chikan, key_enterprise=True, must_file=True), "filed")
    plan(enterprise("乙加油站", chikan, must_file=True), "submitted", date.today())
    enterprise("丙商场", baihe, key_enterprise=True)  # no plan in force
    plan(enterprise("丁石场", baihe, key_enterprise=True, must_file=True), "submitted", date(2026, 1, 5))
    plan(enterprise("戊烟花", None, must_file=True), "returned")
    enterprise("己饭店", chikan)  # neither key nor must-file: not counted
    yield database
    database.dispose()


def table(model: TownRateModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_statistics_count_per_town_and_in_total(
    qtbot, ops: OpRunner, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, ops, office)
    page.tabs.setCurrentWidget(page.statistics)  # counted when first shown
    wait_idle(qtbot, ops)
    stats = page.statistics
    assert [stats.rates.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "乡镇（街道）",
        "重点企业数",
        "已备案",
        "备案率",
        "应备案企业数",
        "已备案",
        "备案率",
    ]
    assert table(stats.rates) == [
        ["百合镇人民政府", "2", "1", "50.0%", "1", "1", "100.0%"],  # 丁石场: unanswered, deemed filed
        [TOWN_NAME, "1", "1", "100.0%", "2", "1", "50.0%"],
        ["未划分乡镇（街道）", "0", "0", "—", "1", "0", "0.0%"],
        ["合计", "3", "2", "66.7%", "4", "2", "50.0%"],
    ]
    total = stats.rates.index(3, 0)
    assert total.data(Qt.ItemDataRole.FontRole).bold()
    rate = stats.rates.index(1, TownRateModel.KEY_RATE)
    assert rate.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.OK)
    missing = stats.missing
    rows = {missing.index(r, 1).data(): missing.index(r, 4).data() for r in range(missing.rowCount())}
    assert rows == {"乙加油站": "已报送，审查中", "丙商场": "无已发布的预案", "戊烟花": "退回补正"}
    assert stats.missing_label.text() == "未备案企业：3 家"
    assert "重点企业已备案 2/3（66.7%）" in stats.summary.text()

    target = tmp_path / "统计.xlsx"
    fake_dialogs.files.append(target)
    stats.export_button.click()
    wait_idle(qtbot, ops)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["备案率统计", "未备案企业"]
    assert [c.value for c in book["备案率统计"]["A"]][1:] == [
        "百合镇人民政府",
        TOWN_NAME,
        "未划分乡镇（街道）",
        "合计",
    ]
    assert book["未备案企业"].max_row == 4


def test_statistics_as_of_an_earlier_day(qtbot, ops: OpRunner, office: Database) -> None:
    page = open_page(qtbot, ops, office)
    page.tabs.setCurrentWidget(page.statistics)
    wait_idle(qtbot, ops)
    stats = page.statistics
    stats.as_of.setDate(QDate(2026, 1, 6))  # 丁石场 still within its 5 working days
    stats.refresh_button.click()
    wait_idle(qtbot, ops)
    assert table(stats.rates)[0] == ["百合镇人民政府", "2", "0", "0.0%", "1", "0", "0.0%"]
    assert stats.rates.index(0, TownRateModel.KEY_RATE).data(
        Qt.ItemDataRole.ForegroundRole
    ).color() == QColor(theme.OVERDUE)
