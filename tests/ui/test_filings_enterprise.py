"""备案, enterprise side: the wizard writes a package and prints the 申报表 with its
fingerprint; the office imports it and sees it submitted; the office's answer file brings
the filing number back to the enterprise."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from planmgr.services.filing_reply import export_reply, register_filing
from planmgr.store.database import Database, open_database
from planmgr.ui.filings.models import FilingTableModel
from planmgr.ui.filings.page import FilingsPage
from planmgr.ui.ops import OpRunner
from tests.services.filing_builders import ENTERPRISE_NAME, TOWN_NAME, enterprise_site, office_site
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "".join(page.extract_text() for page in reader.pages).replace(" ", "")


def wait_idle(qtbot, ops: OpRunner) -> None:
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


@pytest.fixture
def ops(qtbot) -> Iterator[OpRunner]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = OpRunner(host)
    yield runner
    runner.shutdown(10_000)


def open_page(qtbot, ops: OpRunner, database: Database) -> FilingsPage:
    page = FilingsPage(ops)
    ops.widget = page
    qtbot.addWidget(page)
    page.setMinimumSize(760, 520)  # as inside the main window: no size hints to propagate
    page.resize(1100, 680)
    page.show()
    page.set_engine(database.engine)
    wait_idle(qtbot, ops)  # the list is read in the background
    return page


def cells(model: FilingTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def enterprise(tmp_path: Path) -> Iterator[Database]:
    site, _ = enterprise_site(tmp_path / "ent.sqlite")
    database = open_database(site.path)
    yield database
    database.dispose()


def write_package_with_wizard(
    qtbot, ops: OpRunner, page: FilingsPage, fake_dialogs: FakeDialogs, tmp_path: Path
) -> Path:
    """Click through the wizard as a user does; returns the package written."""
    view = page.enterprise
    view.new_button.click()
    wizard = view.wizard
    assert wizard is not None and wizard.isVisible()
    plans = wizard.plans_page
    assert plans.model.rowCount() == 1
    assert plans.model.index(0, 0).data() == "生产安全事故综合应急预案"
    assert plans.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert plans.authority.text() == TOWN_NAME  # the parent unit, until a package remembers one
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()

    materials = wizard.materials_page
    items = [materials.model.index(r, 0).data() for r in range(materials.model.rowCount())]
    # A hazardous-chemicals unit is on the ENT Art.21 list: it must file the 评审意见.
    assert items == ["应急预案备案申报表", "评审意见", "预案电子文档", "风险评估结果和应急资源调查清单"]
    states = {materials.model.index(r, 0).data(): materials.model.index(r, 2).data() for r in range(4)}
    assert states["应急预案备案申报表"] == "由本向导生成"
    assert states["评审意见"] == "未附文件"
    for row, name, content in (
        (1, "评审意见.pdf", b"%PDF review"),
        (3, "风险评估.pdf", b"%PDF risk"),
        (2, "预案.pdf", b"%PDF plan"),
    ):
        (tmp_path / name).write_bytes(content)
        materials.view.selectRow(row)
        fake_dialogs.files.append(tmp_path / name)
        materials.add_button.click()
    assert materials.model.index(3, 2).data() == "已附 1 个文件"
    assert materials.model.missing() == []
    wizard.next()

    declaration = wizard.declaration_page
    assert (declaration.contact.text(), declaration.phone.text()) == ("王芳", "13900139000")
    declaration.fax.setText("0750-2200000")
    declaration.employees.setText("85")
    wizard.next()

    write = wizard.write_page
    assert "赤坎镇人民政府" in write.summary.text() and "生产安全事故综合应急预案" in write.summary.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    package = tmp_path / "恒达备案"
    fake_dialogs.files.append(package)  # the suffix is added
    write.write_button.click()
    wait_idle(qtbot, ops)
    assert write.result is not None
    written = tmp_path / "恒达备案.planpkg"
    assert written.exists()
    fingerprint = write.result.fingerprint
    assert write.fingerprint.text() == f"指纹：{fingerprint}"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    form = tmp_path / "申报表.pdf"
    fake_dialogs.files.append(form)
    write.print_button.click()
    wait_idle(qtbot, ops)
    text = pdf_text(form)
    assert ENTERPRISE_NAME in text and fingerprint.replace(" ", "") in text
    assert fake_dialogs.of_kind("inform")[-1].title == "备案申报表"
    wizard.accept()
    return written


def test_wizard_writes_a_package_the_office_sees_submitted(
    qtbot, ops: OpRunner, enterprise: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, ops, enterprise)
    assert page.stack.currentWidget() is page.enterprise
    assert page.empty.isVisible() and page.empty.title_label.text() == "尚未报送备案"
    package = write_package_with_wizard(qtbot, ops, page, fake_dialogs, tmp_path)

    view = page.enterprise
    assert not view.empty.isVisible()
    assert cells(view.model, FilingTableModel.STATUS) == ["已报送"]
    assert cells(view.model, FilingTableModel.AUTHORITY) == [TOWN_NAME]
    assert fake_dialogs.of_kind("error") == []

    office = open_database(office_site(tmp_path / "office.sqlite").path)
    try:
        office_page = open_page(qtbot, ops, office)
        assert office_page.stack.currentWidget() is office_page.tabs
        assert office_page.empty.title_label.text() == "尚无备案记录"
        office_page.office.commands.import_package(package)
        wait_idle(qtbot, ops)
        (message,) = fake_dialogs.of_kind("inform")[-1:]
        assert message.title == "备案包已导入" and ENTERPRISE_NAME in message.text
        model = office_page.office.model
        assert cells(model, FilingTableModel.UNIT) == [ENTERPRISE_NAME]
        assert cells(model, FilingTableModel.STATUS) == ["已报送"]
        assert office_page.office.current_uid() == model.row_at(0).uid  # the imported filing is selected
        detail = office_page.office.detail
        assert detail.check_button.isVisible()
        assert "风险评估.pdf" in detail.materials.text()
    finally:
        office.dispose()


def test_the_answer_file_updates_the_enterprise(
    qtbot, ops: OpRunner, enterprise: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, ops, enterprise)
    package = write_package_with_wizard(qtbot, ops, page, fake_dialogs, tmp_path)
    uid = page.enterprise.model.row_at(0).uid
    office = open_database(office_site(tmp_path / "office.sqlite").path)
    try:
        from planmgr.services.filing_import import import_package

        import_package(office.engine, package)
        (row,) = register_filing(office.engine, uid)
        export_reply(office.engine, uid, tmp_path / "答复.planreply")
    finally:
        office.dispose()

    fake_dialogs.files.append(tmp_path / "答复.planreply")
    page.enterprise.reply_button.click()
    wait_idle(qtbot, ops)
    message = fake_dialogs.of_kind("inform")[-1]
    assert message.title == "答复文件已导入" and row.filing_number in message.text
    model = page.enterprise.model
    assert cells(model, FilingTableModel.STATUS) == ["已备案"]
    assert cells(model, FilingTableModel.NUMBER) == [row.filing_number]

    # The same answer again changes nothing and says so.
    fake_dialogs.files.append(tmp_path / "答复.planreply")
    page.enterprise.reply_button.click()
    wait_idle(qtbot, ops)
    assert "此前已导入" in fake_dialogs.of_kind("inform")[-1].text


def test_a_damaged_answer_file_is_refused_in_chinese(
    qtbot, ops: OpRunner, enterprise: Database, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, ops, enterprise)
    bad = tmp_path / "答复.planreply"
    bad.write_bytes(b"not a zip at all")
    fake_dialogs.files.append(bad)
    page.enterprise.reply_button.click()
    wait_idle(qtbot, ops)
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "答复文件未导入"
    assert "答复文件.planreply" not in error.text and "答复.planreply" in error.text
    assert "数据库没有任何改动" in error.text


def test_nothing_to_file_says_so(qtbot, ops: OpRunner, tmp_path: Path) -> None:
    site, _ = enterprise_site(tmp_path / "ent.sqlite", plans_=())
    database = open_database(site.path)
    try:
        page = open_page(qtbot, ops, database)
        page.enterprise.new_button.click()
        wizard = page.enterprise.wizard
        assert wizard.plans_page.none_label.isVisible()
        assert "没有需要报送的预案" in wizard.plans_page.none_label.text()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.reject()
    finally:
        database.dispose()


def test_the_region_adds_its_own_materials(qtbot, ops: OpRunner, tmp_path: Path) -> None:
    from planmgr.domain.enums import Industry
    from planmgr.services.settings import set_setting

    # An enterprise off the ENT Art.21 list (工贸, size unknown) files no 评审意见.
    site, _ = enterprise_site(tmp_path / "ent.sqlite", industry=Industry.INDUSTRY_TRADE)
    database = open_database(site.path)
    try:
        set_setting(database.engine, "filing_materials_extra", ["应急预案评审（论证）签到表", "自评表"])
        page = open_page(qtbot, ops, database)
        page.enterprise.new_button.click()
        wizard = page.enterprise.wizard
        wizard.next()
        model = wizard.materials_page.model
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
            "应急预案备案申报表",
            "预案电子文档",
            "风险评估结果和应急资源调查清单",
            "应急预案评审（论证）签到表",
            "自评表",
        ]
        assert "自评表" in wizard.materials_page.missing_label.text()
        wizard.reject()
    finally:
        database.dispose()
