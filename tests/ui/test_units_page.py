"""单位 page: the hierarchy, a unit's details and plans, the unit editor with its live USCC
check and the flags that industry and scale set, refusals shown without losing the text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from planmgr.domain.enums import UnitKind
from planmgr.domain.validators import uscc_check_char
from planmgr.services import units
from planmgr.services.units import UnitData
from planmgr.store.database import Database
from planmgr.ui.ops import OpRunner
from planmgr.ui.units.editor import UnitEditor
from planmgr.ui.units.page import UnitsPage
from planmgr.ui.units.plans_model import UnitPlansModel
from tests.ui import sample_data as s

pytestmark = pytest.mark.gui

TOWN = "河口镇人民政府"
CHEM = "青山化工有限公司"
VALID_USCC = "91440783MA5X7K2Q0" + uscc_check_char("91440783MA5X7K2Q0")
WRONG_CHECK = VALID_USCC[:17] + ("1" if VALID_USCC[17] != "1" else "2")


@pytest.fixture
def page(qtbot, sample_db: Database) -> Iterator[UnitsPage]:
    widget = UnitsPage(OpRunner(show_progress_after_ms=0))
    qtbot.addWidget(widget)
    widget.setMinimumSize(1200, 700)  # fixed, as inside the main window
    widget.show()
    widget.set_engine(sample_db.engine)
    yield widget


def names(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def uid_of(database: Database, name: str) -> str:
    (unit,) = units.find_units(database.engine, name_contains=name)
    return unit.uid


def click_save(qtbot, editor: UnitEditor) -> None:
    with qtbot.waitSignal(editor.ops.finished, timeout=10_000):
        qtbot.mouseClick(
            editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )


def test_the_hierarchy_and_a_units_details_and_plans(qtbot, page: UnitsPage, sample_db: Database) -> None:
    assert names(page.model) == [s.CITY]
    assert page.tabs.isEnabled() is False
    assert page.show_unit(uid_of(sample_db, CHEM))
    assert page.view.currentIndex().data() == CHEM
    assert names(page.model, page.model.index(0, 0)) == ["青山市应急管理局", "青山市水利局", TOWN]
    assert page.fields["name"].text() == CHEM
    assert page.fields["kind"].text() == "企业"
    assert page.fields["parent"].text() == TOWN
    assert page.fields["uscc"].text() == "91440783MA4UJ2XQ8K"
    assert page.tabs.tabText(1) == "预案（3）"
    titles = [page.plans_model.index(r, 0).data() for r in range(page.plans_model.rowCount())]
    assert titles == [s.ENTERPRISE_PLAN, *s.ONSITE_PLANS]
    assert page.no_plans.text() == "共 3 个预案，双击打开。"
    # its due items: the yearly drill of the enterprise and each onsite plan's drill
    assert page.due_model.rowCount() == 3

    page.tabs.setCurrentIndex(1)
    index = page.plans_model.index(1, 0)
    where = page.plans_view.visualRect(index).center()
    qtbot.mouseClick(page.plans_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(page.open_plan, timeout=2_000) as opened:
        qtbot.mouseDClick(page.plans_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [page.plans_model.plans[1].uid]


def test_an_invalid_uscc_is_refused_in_chinese_and_nothing_is_saved(
    qtbot, page: UnitsPage, sample_db: Database
) -> None:
    page.show_unit(uid_of(sample_db, TOWN))
    page.new_child_action.trigger()  # 新建下级单位 under the town
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor.windowTitle() == "新建单位"
    assert editor.parent_unit.currentText() == f"{TOWN}（乡镇（街道））"
    assert editor.kind.currentText() == "企业"
    before = len(units.find_units(sample_db.engine))

    editor.name.setText("河口镇宏达烟花爆竹批发部")
    editor.uscc.setText(WRONG_CHECK.lower())  # typed in lower case: normalised, then checked
    assert editor.uscc_hint.text() == f"统一社会信用代码校验位错误：{WRONG_CHECK}"
    click_save(qtbot, editor)
    assert editor.isVisible()
    assert editor.message.isVisibleTo(editor)
    assert editor.message.text() == f"统一社会信用代码校验位错误：{WRONG_CHECK}"
    assert editor.name.text() == "河口镇宏达烟花爆竹批发部"  # kept
    assert len(units.find_units(sample_db.engine)) == before

    editor.uscc.setText("9144078")
    assert editor.uscc_hint.text() == "统一社会信用代码应为 18 位，实际为 7 位：9144078"


def test_a_valid_unit_is_created_with_the_flags_its_industry_sets(
    qtbot, page: UnitsPage, sample_db: Database
) -> None:
    page.show_unit(uid_of(sample_db, TOWN))
    page.new_child_action.trigger()
    editor = page.editor
    editor.name.setText("河口镇宏达烟花爆竹批发部")
    editor.uscc.setText(VALID_USCC)
    assert editor.uscc_hint.text() == "✓ 校验位正确。"
    assert not editor.must_file.isChecked()
    editor.industry.setCurrentIndex(editor.industry.findText("烟花爆竹"))
    assert (
        editor.must_file.isChecked(),
        editor.high_risk.isChecked(),
        editor.listed_for_review.isChecked(),
    ) == (
        True,
        True,
        True,
    )
    assert editor.must_file.text() == "应备案单位"
    assert "第二十六条" in editor.flag_notes[editor.must_file].text()
    editor.industry.setCurrentIndex(editor.industry.findText("工贸"))
    assert not editor.must_file.isChecked() and not editor.listed_for_review.isChecked()
    editor.scale.setCurrentIndex(editor.scale.findText("中型"))  # 中型 and above: reviewed (Art.21)
    assert editor.listed_for_review.isChecked() and not editor.high_risk.isChecked()
    editor.industry.setCurrentIndex(editor.industry.findText("烟花爆竹"))
    editor.key_enterprise.setChecked(True)
    editor.phone.setText("0750-2345678")

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(
            editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(lambda: not editor.isVisible())
    (saved,) = units.find_units(sample_db.engine, name_contains="宏达")
    assert (saved.must_file, saved.high_risk, saved.listed_for_review, saved.data.key_enterprise) == (
        True,
        True,
        True,
        True,
    )
    assert saved.data.uscc == VALID_USCC and saved.parent_name == TOWN
    # the tree shows it, selected, with its details
    assert page.view.currentIndex().data() == "河口镇宏达烟花爆竹批发部"
    assert page.fields["flags"].text().split("\n") == ["应备案单位", "高危单位", "应评审单位", "重点企业"]
    assert page.fields["industry"].text() == "烟花爆竹"
    assert page.no_plans.text() == "河口镇宏达烟花爆竹批发部尚无预案。"


def test_industry_is_only_for_enterprises(page: UnitsPage) -> None:
    editor = page.new_unit()
    editor.industry.setCurrentIndex(editor.industry.findText("危险化学品"))
    assert editor.must_file.isChecked()
    editor.kind.setCurrentIndex(editor.kind.findText("村（社区）"))
    assert not editor.industry.isEnabled() and editor.industry.currentText() == "（未选择）"
    assert not editor.must_file.isChecked()


def test_editing_a_unit_changed_meanwhile_keeps_the_users_text(
    qtbot, page: UnitsPage, sample_db: Database
) -> None:
    uid = uid_of(sample_db, TOWN)
    page.show_unit(uid)
    page.edit_action.trigger()
    editor = page.editor
    assert editor.windowTitle() == "编辑单位"
    assert editor.name.text() == TOWN and editor.kind.currentText() == "乡镇（街道）"
    assert not editor.industry.isEnabled()
    # someone else saves the unit first
    other = units.get_unit(sample_db.engine, uid)
    units.update_unit(
        sample_db.engine, uid, UnitData(**{**other.data.__dict__, "contact": "张三"}), other.row_version
    )
    editor.contact.setText("李四")
    click_save(qtbot, editor)
    assert editor.isVisible()
    assert editor.message.text() == f"单位“{TOWN}”已被其他人修改，您的修改没有保存；请重新打开后再改。"
    assert editor.contact.text() == "李四"
    assert units.get_unit(sample_db.engine, uid).data.contact == "张三"


def test_find_selects_matching_units_one_after_another(qtbot, page: UnitsPage) -> None:
    page.focus_search()
    page.search.setText("村民委员会")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.view.currentIndex().data() == "东湖村民委员会"
    assert page.search_note.text() == "第 1 个，共 2 个"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.view.currentIndex().data() == "西岭村民委员会"
    page.search.setText("没有这个单位")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.search_note.text() == "未找到单位"


def test_an_empty_database_offers_new_unit(qtbot, database: Database) -> None:
    widget = UnitsPage(OpRunner())
    qtbot.addWidget(widget)
    widget.set_engine(database.engine)
    assert widget.stack.currentWidget() is widget.empty
    assert widget.empty.title_label.text() == "尚无单位"
    assert widget.new_action.isEnabled() and not widget.edit_action.isEnabled()
    editor = widget.new_unit()
    editor.name.setText("青山市人民政府")
    editor.kind.setCurrentIndex(editor.kind.findData(UnitKind.CITY.value))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    assert widget.stack.currentWidget() is not widget.empty
    assert names(widget.model) == ["青山市人民政府"]


def test_unit_plans_model_passes_the_model_tester(
    qtmodeltester, page: UnitsPage, sample_db: Database
) -> None:
    page.show_unit(uid_of(sample_db, CHEM))
    qtmodeltester.check(page.plans_model)
    qtmodeltester.check(UnitPlansModel())
    qtmodeltester.check(page.due_proxy)


def test_a_wrong_code_already_stored_is_flagged_when_the_editor_opens(
    page: UnitsPage, sample_db: Database
) -> None:
    page.show_unit(uid_of(sample_db, CHEM))  # its code, from an old ledger, fails the check
    editor = page.edit_unit()
    assert editor.uscc.text() == "91440783MA4UJ2XQ8K"
    assert editor.uscc_hint.text() == "统一社会信用代码校验位错误：91440783MA4UJ2XQ8K"


def test_the_flag_notes_are_shown_whole_at_the_smallest_size(qtbot, sample_db: Database) -> None:
    chem = units.get_unit(sample_db.engine, uid_of(sample_db, CHEM))
    editor = UnitEditor(OpRunner(show_progress_after_ms=0), sample_db.engine, chem)
    qtbot.addWidget(editor)
    editor.industry.setCurrentIndex(editor.industry.findText("烟花爆竹"))  # all three flags, three notes
    editor.resize(editor.minimumSize())
    editor.show()
    qtbot.waitExposed(editor)
    for box, note in editor.flag_notes.items():
        assert note.isVisible(), box.text()
        # a wrapped note is given the height its text needs at its width: no line cut off
        assert note.height() >= note.heightForWidth(note.width()), (box.text(), note.text())
