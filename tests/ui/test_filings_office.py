"""备案, office side: import a package (file dialog and drag-and-drop), bad packages refused
with every reason in Chinese and nothing written, the formal check with register (number from
the pattern, editable) or return (notice PDF), the answer file, deemed filing, the diff
against the last filing, and exporting what the list shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from planmgr.domain.enums import PlanCategory
from planmgr.exchange.package import read_reply
from planmgr.services import plans
from planmgr.services.filing_import import import_package
from planmgr.services.filing_reply import register_filing
from planmgr.services.filings import MaterialInput, export_filing_package
from planmgr.store.database import Database, open_database
from planmgr.ui import theme
from planmgr.ui.filings.models import FilingTableModel
from planmgr.ui.ops import OpRunner
from tests.factories import make_filing, make_plan, make_unit
from tests.services.filing_builders import (
    CONTENT_V1,
    ENTERPRISE_NAME,
    TOWN_NAME,
    enterprise_site,
    file_digest,
    office_site,
    publish,
)
from tests.ui.conftest import FakeDialogs
from tests.ui.test_filings_enterprise import cells, open_page, pdf_text, wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def ops(qtbot) -> Iterator[OpRunner]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = OpRunner(host)
    yield runner
    runner.shutdown(10_000)


@dataclass
class Sites:
    enterprise: Path
    enterprise_unit: str
    plan_uid: str
    office: Path


@pytest.fixture
def sites(tmp_path: Path) -> Sites:
    ent, (plan_uid,) = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    return Sites(ent.path, ent.unit_uid, plan_uid, office.path)


def make_package(sites: Sites, target: Path, *, risk: bool = True, today: date | None = None) -> Path:
    """The enterprise files its plan (with the 风险评估 file unless ``risk`` is false)."""
    materials = (
        [MaterialInput("风险评估结果和应急资源调查清单", "风险评估.pdf", b"%PDF risk")] if risk else []
    )
    materials.append(MaterialInput("评审意见", "评审意见.pdf", b"%PDF review"))
    materials.append(MaterialInput("预案电子文档", "预案.pdf", b"%PDF plan"))
    database = open_database(sites.enterprise)
    try:
        export_filing_package(
            database.engine,
            target,
            materials=materials,
            authority_name=TOWN_NAME,
            today=today or date.today(),
        )
    finally:
        database.dispose()
    return target


@pytest.fixture
def office(sites: Sites) -> Iterator[Database]:
    database = open_database(sites.office)
    yield database
    database.dispose()


def test_a_bad_package_shows_its_reason_and_nothing_is_written(
    qtbot, ops: OpRunner, sites: Sites, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    good = make_package(sites, tmp_path / "good.planpkg")
    bad = tmp_path / "被截断.planpkg"
    bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    before = file_digest(sites.office)
    database = open_database(sites.office)
    try:
        page = open_page(qtbot, ops, database)
        fake_dialogs.files.append(bad)
        page.office.import_button.click()
        wait_idle(qtbot, ops)
        (error,) = fake_dialogs.of_kind("error")
        assert error.title == "备案包未导入"
        assert "被截断.planpkg" in error.text
        assert "备案包不完整（文件被截断），请重新拷贝" in error.text
        assert "数据库没有任何改动" in error.text
        assert page.office.model.rowCount() == 0 and page.office.empty.isVisible()
    finally:
        database.dispose()
    assert file_digest(sites.office) == before


def test_every_problem_of_a_package_is_listed_at_once(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    import zipfile

    good = make_package(sites, tmp_path / "good.planpkg")
    tampered = tmp_path / "改动过.planpkg"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("files/"):
                data = data + b" changed"  # every document's hash is now wrong
            target.writestr(info, data)
    page = open_page(qtbot, ops, office)
    page.office.commands.import_package(tampered)
    wait_idle(qtbot, ops)
    (error,) = fake_dialogs.of_kind("error")
    assert "文件大小与清单不符" in error.text
    assert error.text.count("清单记录为") == 3  # all three documents, in one message
    assert page.office.model.rowCount() == 0


def test_drag_and_drop_of_a_package_imports_it(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    package = make_package(sites, tmp_path / "恒达.planpkg")
    page = open_page(qtbot, ops, office)
    view = page.office
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "note.txt"))])
    refused = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, refused)
    assert not refused.isAccepted()  # only .planpkg files are taken
    enter = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, drop)
    wait_idle(qtbot, ops)
    assert fake_dialogs.of_kind("inform")[-1].title == "备案包已导入"
    assert cells(view.model, FilingTableModel.UNIT) == [ENTERPRISE_NAME]


def test_register_gives_the_number_and_prints_the_registration_form(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    import_package(office.engine, make_package(sites, tmp_path / "a.planpkg"))
    page = open_page(qtbot, ops, office)
    view = page.office
    view.select(view.model.row_at(0).uid)
    assert view.detail.check_button.isVisible() and not view.detail.reply_button.isVisible()
    view.detail.check_button.click()
    dialog = view.check_dialog
    assert dialog.isVisible()
    assert [c.text() for c in dialog.checks.values()] == [
        "封面",
        "批准页",
        "目录",
        "正文",
        "附件",
        "编制过程记录",
    ]
    assert not dialog.register_button.isEnabled()  # every item must pass first
    year = date.today().year
    assert dialog.number_edit.text() == f"440783-{year}-0001"  # {region}-{year}-{seq:04d}
    dialog.all_ok_button.click()
    assert dialog.register_button.isEnabled()
    assert dialog.register_hint.text() == "经形式审查，符合要求，予以备案。"
    dialog.number_edit.setText(f"赤坎备〔{year}〕7号")  # the office may write its own
    form = tmp_path / "登记表.pdf"
    fake_dialogs.files.append(form)
    dialog.register_button.click()
    wait_idle(qtbot, ops)
    assert not dialog.isVisible()
    row = view.model.row_at(0)
    assert cells(view.model, FilingTableModel.STATUS) == ["已备案"]
    assert cells(view.model, FilingTableModel.NUMBER) == [f"赤坎备〔{year}〕7号"]
    assert row.check_results["formal"][0] == {"item": "封面", "ok": True, "note": ""}
    text = pdf_text(form)
    assert "备案登记表" in text and f"赤坎备〔{year}〕7号" in text and ENTERPRISE_NAME in text
    assert view.current_uid() == row.uid
    assert view.detail.registration_button.isVisible() and view.detail.reply_button.isVisible()
    assert not view.detail.check_button.isVisible()

    reply = tmp_path / "答复"
    fake_dialogs.files.append(reply)
    view.detail.reply_button.click()
    wait_idle(qtbot, ops)
    answer = read_reply(tmp_path / "答复.planreply")
    assert (answer.status, answer.filing_number) == ("filed", f"赤坎备〔{year}〕7号")
    assert fake_dialogs.of_kind("error") == []


def test_return_lists_everything_missing_and_prints_the_notice(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    import_package(office.engine, make_package(sites, tmp_path / "a.planpkg", risk=False))
    page = open_page(qtbot, ops, office)
    view = page.office
    view.select(view.model.row_at(0).uid)
    view.detail.check_button.click()
    dialog = view.check_dialog
    dialog.all_ok_button.click()
    dialog.checks["封面"].setChecked(False)
    dialog.notes["封面"].setText("缺少版本号")
    # Everything at once: the material not provided and the item that failed.
    assert dialog.missing_items() == ["风险评估结果和应急资源调查清单", "封面：缺少版本号"]
    dialog.return_note.setText("请于 10 个工作日内补正")
    notice = tmp_path / "告知书.pdf"
    fake_dialogs.files.append(notice)
    dialog.return_button.click()
    wait_idle(qtbot, ops)
    assert cells(view.model, FilingTableModel.STATUS) == ["退回补正"]
    status = view.model.index(0, FilingTableModel.STATUS)
    assert status.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.OVERDUE)
    text = pdf_text(notice)
    assert "一次性告知" in text and "封面：缺少版本号" in text and "风险评估结果和应急资源调查清单" in text
    assert view.detail.notice.isVisible() and "缺少版本号" in view.detail.notice.text()


def test_an_edited_return_list_is_kept_as_written(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    import_package(office.engine, make_package(sites, tmp_path / "a.planpkg"))
    page = open_page(qtbot, ops, office)
    view = page.office
    view.open_check(view.model.row_at(0).uid)
    dialog = view.check_dialog
    dialog.missing_edit.setPlainText("应急预案签发页扫描件\n\n评审专家签字表")
    dialog.checks["目录"].setChecked(True)  # no longer rewrites what the user typed
    assert dialog.missing_items() == ["应急预案签发页扫描件", "评审专家签字表"]
    fake_dialogs.files.append(None)  # no notice printed now
    dialog.return_button.click()
    wait_idle(qtbot, ops)
    assert view.model.row_at(0).return_notice == ("应急预案签发页扫描件", "评审专家签字表")


def test_unanswered_past_five_working_days_shows_deemed_filed(
    qtbot, ops: OpRunner, office: Database, fake_dialogs: FakeDialogs
) -> None:
    unit = make_unit(office, "开平市某五金厂", must_file=True)
    old = make_plan(office, unit, "综合应急预案", "ent_comprehensive", published=date(2024, 3, 1))
    recent = make_plan(office, unit, "现场处置方案", "ent_onsite", published=date(2024, 3, 1))
    make_filing(office, old, status="submitted", submitted=date(2024, 3, 4))
    make_filing(office, recent, status="submitted", submitted=date.today())
    page = open_page(qtbot, ops, office)
    model = page.office.model
    by_plan = {model.row_at(r).plan_title: r for r in range(model.rowCount())}
    deemed = model.index(by_plan["综合应急预案"], FilingTableModel.STATUS)
    waiting = model.index(by_plan["现场处置方案"], FilingTableModel.STATUS)
    assert deemed.data() == "视为备案"
    assert deemed.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.OK)
    assert "视为已经备案" in deemed.data(Qt.ItemDataRole.ToolTipRole)
    assert waiting.data() == "已报送"
    assert waiting.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.DUE_SOON)
    page.office.status_filter.setCurrentIndex(page.office.status_filter.findText("视为备案"))
    assert page.office.proxy.rowCount() == 1
    assert page.office.count_label.text() == "共 2 项备案，显示 1 项"


def test_diff_against_the_last_filing_highlights_contacts_and_levels(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    first = make_package(sites, tmp_path / "v1.planpkg", today=date(2025, 3, 10))
    uid1 = import_package(office.engine, first).filing_uids[0]
    register_filing(office.engine, uid1, today=date(2025, 3, 12))
    database = open_database(sites.enterprise)
    try:
        engine = database.engine
        plans.start_revision(engine, sites.plan_uid)
        content = json.loads(json.dumps(CONTENT_V1))
        content["contacts"][0]["phone"] = "13911112222"
        content["response_levels"][1]["condition"] = "少量泄漏，可在 15分钟 内控制"
        plans.update_plan(engine, sites.plan_uid, expected_row_version=None, content=content)
        plans.publish(engine, sites.plan_uid, plans.PublishInfo("2.0", date(2025, 6, 1)))
        export_filing_package(
            engine, tmp_path / "v2.planpkg", authority_name=TOWN_NAME, today=date(2025, 6, 5)
        )
    finally:
        database.dispose()
    uid2 = import_package(office.engine, tmp_path / "v2.planpkg").filing_uids[0]
    page = open_page(qtbot, ops, office)
    view = page.office
    view.select(uid2)
    view.detail.diff_button.click()
    dialog = view.diff_dialog
    assert dialog.isVisible()
    assert "联系方式" in dialog.summary.text() and "响应分级" in dialog.summary.text()
    assert "请重点核对" in dialog.summary.text()
    model = dialog.model
    sections = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert sections == {"联系方式", "响应分级"}
    flagged = {model.index(r, 0).data(): model.index(r, 4).data() for r in model.flagged_rows()}
    assert "电话" in flagged["联系方式"] and "响应级别" in flagged["响应分级"]
    row = model.flagged_rows()[0]
    assert model.index(row, 4).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.OVERDUE)
    dialog.reject()
    view.select(uid1)
    view.detail.diff_button.click()
    assert "首次备案" in view.diff_dialog.summary.text() and not view.diff_dialog.view.isVisible()


def test_export_writes_what_the_list_shows(
    qtbot, ops: OpRunner, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    for name in ("开平市甲化工有限公司", "开平市乙五金厂", "开平市丙化工有限公司"):
        unit = make_unit(office, name, must_file=True)
        plan = make_plan(office, unit, f"{name}综合应急预案", "ent_comprehensive", published=date(2025, 1, 6))
        make_filing(office, plan, status="filed", submitted=date(2025, 1, 10), filing_number=f"备-{name[3]}")
    page = open_page(qtbot, ops, office)
    view = page.office
    view.search.setText("化工")
    assert view.proxy.rowCount() == 2
    target = tmp_path / "备案台账.xlsx"
    fake_dialogs.files.append(target)
    view.export_button.click()
    wait_idle(qtbot, ops)
    assert "已导出 2 条备案" in fake_dialogs.of_kind("inform")[-1].text
    sheet = openpyxl.load_workbook(target).active
    plans_out = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert plans_out == ["开平市丙化工有限公司综合应急预案", "开平市甲化工有限公司综合应急预案"]


def test_a_new_enterprise_in_an_unknown_town_asks_for_the_town(
    qtbot, ops: OpRunner, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from planmgr.domain.enums import DatabaseMode, UnitKind
    from planmgr.services.setup import init_database

    ent, _ = enterprise_site(tmp_path / "ent.sqlite", town="某某镇")
    sites = Sites(ent.path, ent.unit_uid, "", tmp_path / "county.sqlite")
    package = make_package(sites, tmp_path / "a.planpkg")
    init_database(
        sites.office, unit_name="开平市应急管理局", unit_kind=UnitKind.DEPARTMENT, mode=DatabaseMode.OFFICE
    )
    database = open_database(sites.office)
    try:
        make_unit(database, "赤坎镇人民政府", "town")
        make_unit(database, "百合镇人民政府", "town")
        page = open_page(qtbot, ops, database)
        page.office.commands.import_package(package)
        wait_idle(qtbot, ops)
        dialog = page.office.commands.town_dialog
        assert dialog.isVisible() and "某某镇" in dialog.explanation.text()
        dialog.combo.setCurrentIndex(dialog.combo.findText("赤坎镇人民政府"))
        dialog.accept()
        wait_idle(qtbot, ops)
        assert fake_dialogs.of_kind("error") == []
        assert "所属：赤坎镇人民政府" in fake_dialogs.of_kind("inform")[-1].text
        assert cells(page.office.model, FilingTableModel.UNIT) == [ENTERPRISE_NAME]
    finally:
        database.dispose()


def test_an_enterprise_plan_published_twice_keeps_one_row_per_filing(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    database = open_database(sites.enterprise)
    try:
        publish(database.engine, sites.enterprise_unit, "储罐区泄漏现场处置方案", PlanCategory.ENT_ONSITE)
    finally:
        database.dispose()
    import_package(
        office.engine, make_package(sites, tmp_path / "two.planpkg", today=date.today() - timedelta(days=1))
    )
    page = open_page(qtbot, ops, office)
    view = page.office
    assert sorted(cells(view.model, FilingTableModel.PLAN)) == [
        "储罐区泄漏现场处置方案",
        "生产安全事故综合应急预案",
    ]
    view.open_check(view.model.row_at(0).uid)
    assert view.check_dialog.info.text().count("<li>") == 2  # a package is checked and answered as a whole


def test_someone_else_answering_first_is_a_conflict_and_the_entries_stay(
    qtbot, ops: OpRunner, sites: Sites, office: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    import_package(office.engine, make_package(sites, tmp_path / "a.planpkg"))
    page = open_page(qtbot, ops, office)
    view = page.office
    uid = view.model.row_at(0).uid
    view.open_check(uid)
    dialog = view.check_dialog
    dialog.all_ok_button.click()
    dialog.number_edit.setText("赤坎备-0099")
    register_filing(office.engine, uid, number="另一处-0001")  # a colleague, meanwhile
    dialog.register_button.click()
    wait_idle(qtbot, ops)
    (error,) = fake_dialogs.of_kind("error")
    assert "已被其他人处理或修改" in error.text
    assert dialog.isVisible() and dialog.number_edit.text() == "赤坎备-0099"
    assert dialog.register_button.isEnabled()
    view.reload()
    wait_idle(qtbot, ops)
    assert cells(view.model, FilingTableModel.NUMBER) == ["另一处-0001"]
