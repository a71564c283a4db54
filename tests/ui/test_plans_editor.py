"""The plan editor: creating a town plan under the overall plan, the hierarchy rule with
its reason, required fields, content sections as tables, documents, a stale save."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from planmgr.domain.enums import PlanCategory
from planmgr.services import plan_attachments, plans
from planmgr.store.database import Database
from planmgr.ui.plans import attachments as attachments_module
from planmgr.ui.plans.attachments import AttachmentsModel, DocumentItem
from planmgr.ui.plans.editor import PlanEditorDialog
from planmgr.ui.plans.models import EventTypesModel
from planmgr.ui.plans.section_models import SectionTableModel
from tests.ui.conftest import FakeDialogs
from tests.ui.test_plans_data import (
    FIRM_PLAN,
    OVERALL,
    OVERALL_CONTENT,
    build_system,
    open_page,
    run_op,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def system(database: Database) -> dict[str, str]:
    return build_system(database)


@pytest.fixture
def page(qtbot: Any, database: Database, system: dict[str, str]) -> Iterator[Any]:
    yield from open_page(qtbot, database)


NEW_TOWN_PLAN = "塘口镇突发事件总体应急预案"


def editor_for_new_child(page: Any, parent_uid: str) -> PlanEditorDialog:
    page.reveal(parent_uid)
    page.act_new_child.trigger()
    editor = page.actions.dialog
    assert isinstance(editor, PlanEditorDialog) and editor.isVisible()
    return editor


def type_cell(editor: PlanEditorDialog, section: str, row: int, column: str, text: str) -> None:
    """What the table's cell editor commits when the user types ``text`` and presses Enter."""
    model = editor.content.sections[section].model
    assert model.setData(model.index(row, model.keys.index(column)), text)


def test_create_a_town_plan_under_the_overall_plan(
    page: Any, system: dict[str, str], database: Database, qtbot: Any
) -> None:
    editor = editor_for_new_child(page, system["overall"])
    assert editor.parent_label.text() == f"{OVERALL}（总体应急预案）"
    assert editor.category() is PlanCategory.SPECIAL  # the first kind of plan under an overall plan
    editor.set_category(PlanCategory.TOWN)
    owners = [editor.owner_combo.itemText(i) for i in range(editor.owner_combo.count())]
    assert owners == ["塘口镇人民政府", "赤坎镇人民政府"]  # only towns may own a town plan
    assert editor.hierarchy_hint.text() == "乡镇（街道）应急预案的上级预案可以是：总体应急预案、专项应急预案"
    editor.title_edit.setText(NEW_TOWN_PLAN)
    editor.select_owner(system["other_town"])
    editor.events_model.setData(
        editor.events_model.index(3, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    editor.content.scope.setPlainText("适用于塘口镇行政区域内发生的突发事件。")

    levels = editor.content.sections["response_levels"]
    levels.add_button.click()
    type_cell(editor, "response_levels", 0, "level", "四级响应")
    type_cell(editor, "response_levels", 0, "condition", "发生一般突发事件")
    procedure = editor.content.sections["procedure"]
    procedure.add_button.click()
    type_cell(editor, "procedure", 0, "step", "先期处置")
    procedure.add_button.click()
    type_cell(editor, "procedure", 1, "step", "信息报告")
    type_cell(editor, "procedure", 1, "time_limit", "30分钟内")
    procedure.up_button.click()  # the report comes first
    assert procedure.model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert procedure.model.index(0, 0).data() == "信息报告"
    procedure.add_button.click()  # a blank row is not saved
    assert not editor.problems_label.isVisible()

    run_op(qtbot, page, editor.save_button.click)
    assert not editor.isVisible()
    assert page.selected_uid() is not None
    created = plans.get_plan(database.engine, page.selected_uid())
    assert created.summary.title == NEW_TOWN_PLAN
    assert created.summary.parent_uid == system["overall"]
    assert created.summary.status.label == "编制中"
    assert created.summary.event_types == ("earthquake",)
    assert created.content["scope"] == "适用于塘口镇行政区域内发生的突发事件。"
    assert created.content["response_levels"] == [
        {"level": "四级响应", "condition": "发生一般突发事件", "lead": ""}
    ]
    assert [s["step"] for s in created.content["procedure"]] == ["信息报告", "先期处置"]
    assert created.content["procedure"][0]["time_limit"] == "30分钟内"
    overall = page.model.index_of_uid(system["overall"])
    assert NEW_TOWN_PLAN in [
        page.model.index(r, 0, overall).data() for r in range(page.model.rowCount(overall))
    ]


def test_a_village_plan_under_an_enterprise_plan_is_refused_with_the_reason(
    page: Any, system: dict[str, str], database: Database
) -> None:
    editor = editor_for_new_child(page, system["firm_plan"])
    editor.title_edit.setText("三家村突发事件应急预案")
    editor.set_category(PlanCategory.VILLAGE)
    editor.select_owner(system["village"])
    reason = f"村（社区）应急预案不能挂在综合应急预案“{FIRM_PLAN}”下；上级预案应为：乡镇（街道）应急预案"
    assert editor.problems_label.isVisible() and editor.problems_label.text() == reason
    editor.save_button.click()
    assert not page.ops.busy and editor.isVisible()  # nothing was sent
    assert editor.problems_label.text() == reason
    assert plans.search_plans(database.engine, "三家村") == []

    editor.set_parent_uid(system["town_plan"])  # under the town's plan it is fine
    assert not editor.problems_label.isVisible()
    editor._dirty = False
    editor.reject()


def test_required_fields_and_who_may_own_a_plan(page: Any, system: dict[str, str]) -> None:
    page.view.setCurrentIndex(QModelIndex())  # nothing selected: a top-level plan
    page.act_new.trigger()
    editor = page.actions.dialog
    assert editor.category() is PlanCategory.OVERALL
    assert not editor.problems_label.isVisible()  # nothing nags before the first save
    editor.set_category(PlanCategory.SPECIAL)
    editor.save_button.click()
    assert editor.problems_label.text().splitlines() == [
        "请填写预案名称。",
        "请选择编制单位（编制预案的单位）。",
        "专项应急预案必须挂在上级预案下（可选：总体应急预案、专项应急预案）",
    ]
    assert not page.ops.busy
    editor._dirty = False
    editor.reject()


def test_published_content_is_read_only_until_a_revision(page: Any, system: dict[str, str]) -> None:
    page.reveal(system["overall"])
    page.act_edit.trigger()
    editor = page.actions.dialog
    assert editor.read_only_note.isVisible()
    assert editor.read_only_note.text().startswith("本预案为“已发布”，不能在此直接修改内容。")
    contacts = editor.content.sections["contacts"]
    assert contacts.model.rowCount() == 2 and not contacts.add_button.isEnabled()
    assert not contacts.model.flags(contacts.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.category_combo.isEnabled() and not editor.owner_combo.isEnabled()
    editor.reject()


def test_a_stale_save_shows_the_conflict_and_keeps_the_text(
    page: Any, system: dict[str, str], database: Database, qtbot: Any, fake_dialogs: FakeDialogs
) -> None:
    page.reveal(system["forest"])
    page.act_edit.trigger()
    editor = page.actions.dialog
    plans.update_plan(database.engine, system["forest"], expected_row_version=None, note="别人刚刚保存的备注")
    typed = "适用于本市行政区域内的森林火灾扑救工作。"
    editor.content.scope.setPlainText(typed)
    editor.title_edit.setText("开平市森林火灾应急预案（修改稿）")

    run_op(qtbot, page, editor.save_button.click)
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "已被他人修改"
    assert "已被其他人修改" in error.text and "您的内容没有保存，也没有丢失" in error.text
    assert editor.isVisible()
    assert editor.content.scope.toPlainText() == typed
    assert editor.title_edit.text() == "开平市森林火灾应急预案（修改稿）"
    assert editor.problems_label.text() == error.text
    assert plans.get_plan(database.engine, system["forest"]).content.get("scope") is None

    fake_dialogs.answers.append(False)  # closing asks first: the text is not thrown away by accident
    editor.reject()
    assert editor.isVisible()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_documents_are_checked_stored_and_opened(
    page: Any,
    system: dict[str, str],
    database: Database,
    qtbot: Any,
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.reveal(system["forest"])
    page.act_edit.trigger()
    editor = page.actions.dialog
    docs = editor.attachments
    text = write(tmp_path / "森林火灾预案.pdf", b"%PDF-1.4 forest fire plan")
    video = write(tmp_path / "演练.mp4", b"video")
    huge = tmp_path / "扫描件.pdf"
    with huge.open("wb") as handle:  # 25 MB without writing it: only its size is looked at
        handle.truncate(25 * 1024 * 1024)
    fake_dialogs.files.extend([text, video, huge])
    for _ in range(3):
        docs.add_button.click()
    errors = fake_dialogs.of_kind("error")
    assert [e.title for e in errors] == ["不能添加该文件", "不能添加该文件"]
    assert "不是可以附加的文件类型" in errors[0].text
    assert (
        errors[1].text
        == "附件“扫描件.pdf”太大（25.0 MB），每个文件最大 20.0 MB。请压缩图片或分成几个文件后再添加。"
    )
    assert docs.model.rowCount() == 1
    assert [docs.model.index(0, c).data() for c in range(4)] == [
        "森林火灾预案.pdf",
        "预案文本",
        "25 字节",
        "保存预案时存入",
    ]

    run_op(qtbot, page, editor.save_button.click)
    assert not editor.isVisible()
    (stored,) = plan_attachments.list_attachments(database.engine, system["forest"])
    assert stored.filename == "森林火灾预案.pdf"

    opened: list[Path] = []
    monkeypatch.setattr(attachments_module, "open_file", lambda path: opened.append(path) or True)
    page.act_edit.trigger()
    docs = page.actions.dialog.attachments
    assert docs.model.index(0, 3).data() == "已保存"
    docs.view.selectRow(0)
    run_op(qtbot, page, docs.open_button.click)
    assert opened[0].name == "森林火灾预案.pdf" and opened[0].read_bytes() == b"%PDF-1.4 forest fire plan"
    assert os.path.dirname(opened[0]) != str(tmp_path)  # a temporary copy, not the user's file
    page.actions.dialog.reject()


def test_item_models_pass_the_model_tester(qtmodeltester: Any, tmp_path: Path) -> None:
    section = SectionTableModel("procedure")
    section.load(OVERALL_CONTENT["procedure"])
    qtmodeltester.check(section)
    section.move_row(0, 1)
    section.insert_row(1)
    section.remove_rows([0])
    qtmodeltester.check(section)
    measures = SectionTableModel("measures")
    measures.load("第一条\n\n第二条")
    assert measures.content() == ["第一条", "第二条"]
    qtmodeltester.check(measures)
    events = EventTypesModel()
    events.set_checked(["fire", "from_a_newer_version"])
    qtmodeltester.check(events)
    assert events.checked() == ["fire", "from_a_newer_version"]
    docs = AttachmentsModel()
    docs.add(DocumentItem("a.pdf", "text", 10, path=tmp_path / "a.pdf"))
    docs.add(DocumentItem("b.png", "image", 2048, uid="u1"))
    qtmodeltester.check(docs)
    docs.remove(1)
    assert docs.removed == ["u1"] and docs.changed


def test_ctrl_s_saves_and_cancel_asks_only_when_something_changed(
    page: Any, system: dict[str, str], database: Database, qtbot: Any, fake_dialogs: FakeDialogs
) -> None:
    page.reveal(system["forest"])
    page.act_edit.trigger()
    editor = page.actions.dialog
    editor.reject()  # nothing typed: closes without asking
    assert not editor.isVisible() and not fake_dialogs.of_kind("ask")

    page.act_edit.trigger()
    editor = page.actions.dialog
    editor.note_edit.setPlainText("由市林业局牵头修订")
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    run_op(qtbot, page, lambda: qtbot.keySequence(editor.note_edit, QKeySequence.StandardKey.Save))
    assert not editor.isVisible()
    assert plans.get_plan(database.engine, system["forest"]).note == "由市林业局牵头修订"
