"""The 演练 page: the annual plan filtered by unit, year, status, form, tag and text; the month
calendar; cancelling; the export of exactly the drills shown; the printed forms; the warning
list of drills high-risk units have not reported (ENT Art.33)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt

from planmgr.domain.enums import DrillForm, DrillStatus
from planmgr.services import drill_evaluation, drill_lists, drills
from planmgr.store.database import Database
from planmgr.ui.drills.models import DrillTableModel
from planmgr.ui.drills.page import DrillsPage
from tests.ui import test_drills_support as support
from tests.ui.conftest import FakeDialogs
from tests.ui.test_drills_support import TODAY, PageMaker, World, wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def make_page(qtbot, database: Database, tmp_path: Path) -> Iterator[PageMaker]:
    yield from support.pages(qtbot, database, tmp_path)


@pytest.fixture
def world(database: Database) -> World:
    """Drills of two units over two years, of both forms, some tagged."""
    world = support.build_world(database)
    engine = database.engine
    field = DrillForm.FIELD
    support.plan_drill(engine, world.chem, world.comp, date(2026, 3, 12), "储罐区泄漏实战演练", done=True,
                       form=field, tags=["双盲"])  # fmt: skip
    support.plan_drill(engine, world.chem, world.onsite, date(2026, 5, 20), "装卸区桌面推演", done=True)
    support.plan_drill(engine, world.chem, world.onsite, date(2026, 9, 8), "下半年现场处置演练", form=field)
    support.plan_drill(engine, world.town, world.town_plan, date(2026, 6, 2), "河口镇防汛转移演练", done=True,
                       form=field, tags=["联合", "双盲"], end=date(2026, 6, 4))  # fmt: skip
    support.plan_drill(engine, world.chem, world.comp, date(2025, 10, 9), "去年的综合演练", done=True, form=field)
    return world


def titles(page) -> list[str]:  # noqa: ANN001
    return [d.title for d in page.proxy.visible_drills()]


def test_the_year_is_read_and_filtered_by_unit_status_form_tag_and_text(
    qtbot, world: World, make_page: PageMaker
) -> None:
    page = make_page()
    assert page.year_filter.currentText() == "2026年"
    assert page.unit_filter.currentText() == "全部单位"  # an office database sees every unit
    assert sorted(titles(page)) == sorted(["储罐区泄漏实战演练", "装卸区桌面推演", "下半年现场处置演练",
                                           "河口镇防汛转移演练"])  # fmt: skip
    assert page.counts.text() == "显示 4 次演练：计划中 1，已完成 3，已取消 0"
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers[:3] == ["日期", "演练名称", "组织单位"]
    row = titles(page).index("河口镇防汛转移演练")
    assert page.proxy.index(row, DrillTableModel.DATE).data() == "2026-06-02（3天）"

    page.set_filters(form=DrillForm.FIELD)
    assert sorted(titles(page)) == sorted(["储罐区泄漏实战演练", "下半年现场处置演练", "河口镇防汛转移演练"])
    page.set_filters(tag="双盲")
    assert sorted(titles(page)) == sorted(["储罐区泄漏实战演练", "河口镇防汛转移演练"])
    page.set_filters(tag=None, status=DrillStatus.PLANNED)
    assert titles(page) == ["下半年现场处置演练"]
    page.set_filters(status=None, form=None, text="防汛")
    assert titles(page) == ["河口镇防汛转移演练"]

    # A unit and a year: its annual plan is read, with the plans it leaves without a drill.
    page.set_filters(text="", unit_uid=world.town, year=2026)
    wait_idle(qtbot, page.ops)
    assert page.loaded is not None and (page.loaded.unit_uid, page.loaded.year) == (world.town, 2026)
    assert titles(page) == ["河口镇防汛转移演练"]
    assert not page.uncovered.isVisible()
    page.set_filters(unit_uid=world.chem, year=2025)
    wait_idle(qtbot, page.ops)
    assert titles(page) == ["去年的综合演练"]
    assert page.uncovered.text() == f"2025年尚未安排演练的在用预案：《{support.ONSITE}》"
    assert len(titles(page)) == 1
    page.set_filters(unit_uid=None, year=None)
    wait_idle(qtbot, page.ops)
    assert len(titles(page)) == 5
    assert page.loaded is not None and (page.loaded.unit_uid, page.loaded.year) == (None, None)


def test_the_month_calendar_shows_drills_on_each_of_their_days(qtbot, world: World, make_page: PageMaker) -> None:
    page = make_page()
    page.tabs.setCurrentWidget(page.month)
    month = page.month
    month.calendar.setCurrentPage(2026, 6)
    for day in (2, 3, 4):
        assert [d.title for d in month.calendar.drills_on(date(2026, 6, day))] == ["河口镇防汛转移演练"]
    assert month.calendar.drills_on(date(2026, 6, 5)) == []
    month.show_day(date(2026, 6, 3))
    assert month.day_label.text() == "2026-06-03：1 次演练"
    assert month.day_proxy.rowCount() == 1
    month.show_day(date(2026, 6, 5))
    assert month.day_label.text() == "2026-06-05：没有演练"
    # The filters apply to the calendar too.
    page.set_filters(form=DrillForm.TABLETOP)
    assert month.calendar.drills_on(date(2026, 6, 3)) == []
    assert [d.title for d in month.calendar.drills_on(date(2026, 5, 20))] == ["装卸区桌面推演"]
    # Turning to another year's month reads that year.
    page.set_filters(form=None)
    month.calendar.setCurrentPage(2025, 10)
    wait_idle(qtbot, page.ops)
    assert page.year_filter.currentData() == 2025
    assert [d.title for d in month.calendar.drills_on(date(2025, 10, 9))] == ["去年的综合演练"]
    # Opening a day's drill opens the editor on it.
    month.show_day(date(2025, 10, 9))
    month.day_view.selectRow(0)
    month.day_view.setCurrentIndex(month.day_proxy.index(0, DrillTableModel.TITLE))
    month._activated()
    assert page.editor is not None and page.editor.windowTitle() == "演练：去年的综合演练"
    # A new drill from the month view starts on the chosen day.
    page.new_action.trigger()
    assert page.editor.form.start_date() == date(2025, 10, 9)


def test_cancel_needs_a_reason_and_greys_the_drill(
    qtbot, database: Database, world: World, make_page: PageMaker
) -> None:
    page = make_page()
    page.set_filters(status=DrillStatus.PLANNED)
    page.table.selectRow(0)
    assert page.done_action.isEnabled() and page.cancel_action.isEnabled()
    page.cancel_action.trigger()
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "取消演练"
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("与园区检修冲突，改期")
    dialog.ok_button.click()
    wait_idle(qtbot, page.ops)
    page.set_filters(status=None)
    row = titles(page).index("下半年现场处置演练")
    assert page.proxy.index(row, DrillTableModel.STATUS).data() == "已取消"
    cancelled = drill_lists.list_drills(database.engine, status=DrillStatus.CANCELLED)
    assert cancelled[0].title == "下半年现场处置演练"
    assert "取消原因：与园区检修冲突，改期" in (drills.get_drill(database.engine, cancelled[0].uid).note or "")
    page.table.selectRow(row)
    assert not page.done_action.isEnabled() and not page.cancel_action.isEnabled()


def test_export_writes_exactly_the_filtered_rows(
    qtbot, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = make_page()
    page.set_filters(form=DrillForm.FIELD, tag="双盲")
    shown = titles(page)
    assert len(shown) == 2
    target = tmp_path / "双盲演练"
    fake_dialogs.files.append(target)
    page.export_action.trigger()
    wait_idle(qtbot, page.ops)
    written = target.with_name("双盲演练.xlsx")
    assert fake_dialogs.of_kind("inform")[-1].text == f"已导出 2 次演练到：\n{written}"
    sheet = openpyxl.load_workbook(written, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if any(v is not None for v in r)]
    assert "演练名称*" in header and len(body) == len(shown)
    assert sorted(r[header.index("演练名称*")] for r in body) == sorted(shown)


def test_print_the_drill_record_and_the_evaluation_report(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    opened = support.record_opened(monkeypatch)
    drill = drill_lists.list_drills(database.engine, year=2026, status=DrillStatus.DONE)[0]
    drill_evaluation.record_evaluation(database.engine, drill.uid, drill_evaluation.EvaluationInput(
        "field", {"exec_plan": True, "exec_goals": 5}, drill.start), today=TODAY)  # fmt: skip
    page = make_page()
    page.select_uid(drill.uid)
    assert page.print_evaluation_action.isEnabled()
    fake_dialogs.files.extend([tmp_path / "记录表.pdf", tmp_path / "评估报告"])
    page.print_record_action.trigger()
    wait_idle(qtbot, page.ops)
    page.print_evaluation_action.trigger()
    wait_idle(qtbot, page.ops)
    assert opened == [tmp_path / "记录表.pdf", tmp_path / "评估报告.pdf"]
    record, report = ("".join(p.extract_text() for p in pypdf.PdfReader(path).pages) for path in opened)
    assert "演练记录表" in record and drill.title in record
    assert "演练评估报告" in report and "实战演练评估表" in report
    assert [c.title for c in fake_dialogs.of_kind("pick_save_file")] == ["保存演练记录表", "保存演练评估报告"]
    assert fake_dialogs.of_kind("error") == []
    # A drill without an evaluation has no report to print.
    page.set_filters(status=DrillStatus.PLANNED)
    page.table.selectRow(0)
    assert page.print_record_action.isEnabled() and not page.print_evaluation_action.isEnabled()


def test_unreported_drills_of_high_risk_units_are_listed_until_reported(
    qtbot, database: Database, world: World, make_page: PageMaker
) -> None:
    page = make_page()
    # Three done drills of the high-risk enterprise (one last year), none reported.
    assert page.banner.isVisible()
    assert page.banner.text() == (
        "有 3 次高危单位的演练已完成但尚未向县级主管部门报送（《生产安全事故应急预案管理办法》第三十三条）。点击查看"
    )
    assert page.tabs.tabText(3) == "未报送（3）"
    page.banner.click()
    assert page.tabs.currentWidget() is page.unreported_table
    model = page.unreported_model
    assert sorted(model.drill_at(r).title for r in range(model.rowCount())) == sorted(
        ["储罐区泄漏实战演练", "装卸区桌面推演", "去年的综合演练"]
    )
    row = next(r for r in range(model.rowCount()) if model.drill_at(r).title == "储罐区泄漏实战演练")
    assert model.index(row, DrillTableModel.REPORTED).data() == "未报送"

    page.unreported_table.selectRow(row)
    page._open_unreported()
    record = page.editor.record
    page.editor.tabs.setCurrentWidget(record)
    assert record.reported.isVisible() and record.reported.isEnabled() and not record.reported.isChecked()
    record.reported.click()
    wait_idle(qtbot, page.ops)
    assert record.reported.isChecked()
    assert page.tabs.tabText(3) == "未报送（2）"
    assert sorted(model.drill_at(r).title for r in range(model.rowCount())) == sorted(["装卸区桌面推演", "去年的综合演练"])
    # The town is not a high-risk unit: nothing to report there.
    town_drill = drill_lists.list_drills(database.engine, unit_uid=world.town)[0]
    page.open_drill(town_drill.uid)
    assert not page.editor.record.reported.isVisibleTo(page.editor.record)


def test_the_main_window_shows_the_page_and_f5_reads_it_again(qtbot, sample_db: Database) -> None:
    from planmgr.ui.main_window import MainWindow
    from planmgr.ui.ops import OpRunner

    window = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    window.ops.widget = window
    qtbot.addWidget(window)
    window.show()
    window.show_page("drills")
    wait_idle(qtbot, window.ops)
    page = window.pages["drills"]
    assert isinstance(page, DrillsPage) and window.stack.currentWidget() is page
    assert page.empty.isVisible() and page.empty.title_label.text() == "尚无演练记录"
    # A drill is planned behind the page's back (another user, a ledger import) …
    engine = sample_db.engine
    owner = next(u for u in drill_lists.drill_units(engine) if u.name == "青山化工有限公司")
    plan = drill_lists.drillable_plans(engine, owner.uid)[0]
    support.plan_drill(engine, owner.uid, plan.uid, date.today(), "化工园区联合演练")
    # … and F5 shows it.
    window.refresh_action.trigger()
    wait_idle(qtbot, window.ops)
    assert page.table.isVisible()
    assert titles(page) == ["化工园区联合演练"]
    window.close()
