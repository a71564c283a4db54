"""首页看板 on the small plan system: counts, the due list in status colours with its filters,
double-click to open the overdue plan, charts, and a refresh that never blanks the page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor
from sqlmodel import select

from planmgr.domain.due import DueItem, DueReport
from planmgr.domain.rules import DueKind, DueStatus
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Plan
from planmgr.ui.dashboard import page as page_module
from planmgr.ui.dashboard.due_model import DUE, KIND, PLAN, STATUS, UNIT, DueFilterProxy, DueTableModel
from planmgr.ui.dashboard.page import DashboardPage
from planmgr.ui.main_window import MainWindow
from planmgr.ui.ops import OpRunner
from tests.ui import sample_data as s

pytestmark = pytest.mark.gui

# Everything in the sample was published on 2024-03-01: at this date its government plans'
# filings (20 working days) and the enterprise's drills are overdue; evaluations are not.
AS_OF = date(2025, 6, 30)
RED, AMBER, GREEN = "#D93025", "#F29900", "#188038"


@pytest.fixture
def page(qtbot, sample_db: Database) -> Iterator[DashboardPage]:
    widget = DashboardPage(OpRunner(show_progress_after_ms=0))
    widget.as_of = AS_OF
    qtbot.addWidget(widget)
    show(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.set_engine(sample_db.engine)
    yield widget


def show(widget: DashboardPage) -> None:
    # A top-level page of its own: a fixed minimum, as the main window has, so that content
    # arriving later does not resize the window (the offscreen platform warns about that).
    widget.setMinimumSize(1200, 700)
    widget.show()


def rows(page: DashboardPage, column: int) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def colour(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.ForegroundRole)
    return QColor(value).name().upper()


def row_of(page: DashboardPage, *, plan: str | None = None, unit: str | None = None, kind: str = "") -> int:
    for r in range(page.proxy.rowCount()):
        item = page.proxy.item(page.proxy.index(r, 0))
        wanted = (plan is None or item.plan_title == plan) and (unit is None or item.unit_name == unit)
        if wanted and (not kind or item.kind.value == kind):
            return r
    raise AssertionError(f"no row for {plan or unit} among {rows(page, PLAN)}")


def double_click(qtbot, page: DashboardPage, row: int) -> None:
    index = page.proxy.index(row, PLAN)
    page.table.scrollTo(index)
    where = page.table.visualRect(index).center()
    # as a mouse does it: the first click, then the second one that makes it a double-click
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_counts_by_status_and_what_is_overdue(page: DashboardPage) -> None:
    assert page.stack.currentWidget() is page.content
    assert page.units.number.text() == "7"
    assert page.plans.number.text() == "10"
    assert page.by_status["published"].number.text() == "6"
    assert page.by_status["published"].caption.text() == "已发布"
    assert (page.overdue.caption.text(), page.overdue.number.text()) == ("逾期", "7")
    assert (page.due_soon.caption.text(), page.due_soon.number.text()) == ("即将到期", "0")
    assert page.as_of_label.text() == "截至 2025-06-30"


def test_due_list_needs_attention_first_in_status_colours(page: DashboardPage) -> None:
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers == ["状态", "到期日", "事项", "单位", "预案", "规则", "依据"]
    assert page.status_filter.currentText() == "需关注（逾期和即将到期）"
    assert page.proxy.rowCount() == 7  # the 6 ok evaluations and drills are filtered out
    assert rows(page, DUE) == sorted(rows(page, DUE))  # by due date
    assert rows(page, STATUS)[0] == "逾期 458 天"  # 2024-03-29 filings
    assert set(rows(page, KIND)) == {"备案", "演练"}
    assert all(colour(page.proxy.index(r, STATUS)) == RED for r in range(7))
    assert page.count_label.text() == "显示 7 / 13 项"

    page.set_filter(status="")  # 全部状态
    assert page.proxy.rowCount() == 13
    ok_row = row_of(page, plan=s.TOWN_PLAN, kind="evaluation")
    assert page.proxy.index(ok_row, STATUS).data() == "正常"
    assert colour(page.proxy.index(ok_row, STATUS)) == GREEN
    assert colour(page.proxy.index(ok_row, DUE)) == GREEN


def test_filters_by_kind_status_and_text(page: DashboardPage) -> None:
    page.set_filter(kind="evaluation", status="")
    assert page.kind_filter.currentText() == "评估"
    assert rows(page, KIND) == ["评估"] * 4
    page.set_filter(kind="", status="overdue")
    assert page.status_filter.currentText() == "逾期"
    page.search.setText("青山化工")
    assert rows(page, UNIT) == ["青山化工有限公司"] * 3
    assert rows(page, PLAN).count("（全单位）") == 1  # the unit-level yearly drill
    page.search.setText("没有这个单位")
    assert page.proxy.rowCount() == 0
    assert page.nothing_label.isVisible() and page.nothing_label.text() == "没有符合条件的事项。"


def test_clicking_a_header_sorts_the_due_list(qtbot, page: DashboardPage) -> None:
    page.set_filter(status="")
    header = page.table.horizontalHeader()
    on_unit = QPoint(header.sectionViewportPosition(UNIT) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=on_unit)
    units = rows(page, UNIT)
    assert units == sorted(units) and header.sortIndicatorSection() == UNIT
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=on_unit)
    assert rows(page, UNIT) == sorted(units, reverse=True)
    expected = {DueStatus.OVERDUE: RED, DueStatus.DUE_SOON: AMBER, DueStatus.OK: GREEN}
    for row in range(page.proxy.rowCount()):  # the colours follow their rows
        item = page.proxy.item(page.proxy.index(row, 0))
        assert colour(page.proxy.index(row, STATUS)) == expected[item.status]


def test_nothing_due_says_so(qtbot, database: Database) -> None:
    from tests.factories import make_plan, make_unit

    city = make_unit(database, "青山市人民政府", "city")
    make_plan(database, city, "青山市突发事件总体应急预案", "overall", status="drafting")
    widget = DashboardPage(OpRunner())
    qtbot.addWidget(widget)
    show(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.set_engine(database.engine)
    assert widget.proxy.rowCount() == 0
    assert widget.nothing_label.text().startswith("目前没有逾期或即将到期的事项")


def test_double_click_on_an_overdue_item_opens_its_plan(
    qtbot, page: DashboardPage, sample_db: Database
) -> None:
    row = row_of(page, plan=s.ONSITE_PLANS[0])
    assert page.proxy.index(row, STATUS).data().startswith("逾期")
    with qtbot.waitSignal(page.open_plan, timeout=2_000) as opened:
        double_click(qtbot, page, row)
    with session_scope(sample_db.engine) as session:
        uid = session.exec(select(Plan.uid).where(Plan.title == s.ONSITE_PLANS[0])).one()
    assert opened.args == [uid]


def test_double_click_on_a_unit_level_item_opens_the_unit(qtbot, page: DashboardPage) -> None:
    row = rows(page, PLAN).index("（全单位）")  # the enterprise's yearly drill (ENT Art.33)
    item = page.proxy.item(page.proxy.index(row, 0))
    assert (item.unit_name, item.plan_uid) == ("青山化工有限公司", None)
    with qtbot.waitSignal(page.open_unit, timeout=2_000) as opened:
        double_click(qtbot, page, row)
    assert opened.args == [item.unit_uid]


def test_main_window_routes_a_double_click_to_the_plans_page(qtbot, sample_db: Database) -> None:
    window = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    qtbot.addWidget(window)
    dashboard = window.pages["dashboard"]
    dashboard.as_of = AS_OF
    window.show()
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.refresh()
    shown: list[str] = []
    window.pages["plans"].show_plan = shown.append  # whatever the plans page does with it
    row = row_of(dashboard, plan=s.ONSITE_PLANS[1])
    double_click(qtbot, dashboard, row)
    assert window.current_page_key() == "plans"
    assert shown == [dashboard.proxy.item(dashboard.proxy.index(row, 0)).plan_uid]


def test_charts_show_categories_drills_and_the_key_enterprise_rate(page: DashboardPage) -> None:
    assert [page.charts.tabText(i) for i in range(3)] == ["预案", "演练", "重点企业"]
    assert page.category_chart.chart().title() == "各类别预案数"
    assert page.category_chart.labels[::-1] == [
        "总体应急预案",
        "专项应急预案",
        "部门应急预案",
        "乡镇（街道）应急预案",
        "村（社区）应急预案",
        "综合应急预案",
        "现场处置方案",
    ]
    assert page.drills_chart.labels == [str(m) for m in (7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)]
    assert page.drills_chart.chart().title() == "每月演练次数（2024-07 至 2025-06）"
    # no key enterprise in the sample
    assert page.filing_chart.chart().title() == "重点企业应急预案备案率：尚未登记重点企业"


def test_refresh_keeps_the_previous_result_while_reading(
    qtbot, page: DashboardPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_read = page_module._read
    reads: list[date] = []

    def slow_read(engine, as_of):  # a county database takes about a second
        reads.append(as_of)
        release.wait(10)
        return real_read(engine, as_of)

    monkeypatch.setattr(page_module, "_read", slow_read)
    page.refresh()
    assert page.busy_label.isVisibleTo(page) and page.busy_label.text() == "正在更新…"
    assert page.proxy.rowCount() == 7 and page.plans.number.text() == "10"  # still shown
    page.refresh()  # asked again meanwhile: read once more afterwards, never two at once
    page.refresh()
    release.set()
    qtbot.waitUntil(lambda: not page.busy_label.isVisibleTo(page), timeout=10_000)
    assert len(reads) == 2
    assert page.proxy.rowCount() == 7


def test_an_empty_database_says_what_to_do(qtbot, database: Database) -> None:
    widget = DashboardPage(OpRunner())
    qtbot.addWidget(widget)
    show(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.set_engine(database.engine)
    assert widget.empty.isVisible()
    assert widget.empty.title_label.text() == "数据库中还没有数据"
    assert "新建数据库" in widget.empty.hint_label.text()


def report() -> DueReport:
    def item(unit: str, plan: str | None, kind: DueKind, due: date, status: DueStatus) -> DueItem:
        return DueItem(
            f"u-{unit}",
            unit,
            f"p-{plan}" if plan else None,
            plan,
            kind,
            due,
            status,
            "r",
            "依据",
            False,
            "规则",
        )

    return DueReport(
        AS_OF,
        30,
        (
            item("甲", "甲预案", DueKind.DRILL, date(2025, 1, 1), DueStatus.OVERDUE),
            item("乙", None, DueKind.DRILL, date(2025, 7, 10), DueStatus.DUE_SOON),
            item("丙", "丙预案", DueKind.FILING, date(2026, 1, 1), DueStatus.OK),
        ),
    )


def test_due_models_pass_the_model_tester(qtmodeltester) -> None:
    model = DueTableModel()
    qtmodeltester.check(model)
    model.set_report(report())
    qtmodeltester.check(model)
    proxy = DueFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert [proxy.index(r, UNIT).data() for r in range(3)] == ["丙", "乙", "甲"]
    proxy.set_statuses({"overdue", "due_soon"})
    proxy.set_text("甲")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    assert model.index(1, STATUS).data() == "10 天后到期"
    assert model.index(1, PLAN).data() == "（全单位）"
