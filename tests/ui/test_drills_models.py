"""Every item model of the drills area passes pytest-qt's model tester, with real rows, and
shows what a user reads: Chinese labels, status colours, overdue red, live scores."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from planmgr.domain.enums import ActionStatus, DrillForm, DrillPurpose, DrillScope, DrillStatus, FindingSource
from planmgr.domain.enums import PlanCategory as Cat
from planmgr.services.actions import ActionRecord, ClosingVersion, FindingRecord
from planmgr.services.drill_evaluation import DEFAULT_TEMPLATES
from planmgr.services.drill_lists import DrillSummary, PlanRef
from planmgr.services.drills import AttachmentInfo, LogEntry
from planmgr.ui import theme
from planmgr.ui.drills.action_models import ActionModel, FindingModel, VersionModel
from planmgr.ui.drills.evaluation_models import ScoreDelegate, ScoreModel, TemplateItemsModel
from planmgr.ui.drills.models import ITEM_ROLE, DrillFilterProxy, DrillTableModel
from planmgr.ui.drills.record_models import AttachmentModel, LogModel, PlanPickModel

pytestmark = pytest.mark.gui

TODAY = date(2026, 6, 15)
COMP = PlanRef("p1", "青山化工综合应急预案", Cat.ENT_COMPREHENSIVE)
ONSITE = PlanRef("p2", "储罐区泄漏现场处置方案", Cat.ENT_ONSITE)


def drill(uid: str, title: str, start: date, *, status: DrillStatus = DrillStatus.DONE, unit: str = "u1",
          form: DrillForm = DrillForm.FIELD, tags: tuple[str, ...] = (), end: date | None = None,
          score: float | None = None, report: bool = False, reported: bool = False) -> DrillSummary:  # fmt: skip
    return DrillSummary(
        uid, title, unit, "青山化工有限公司" if unit == "u1" else "河口镇人民政府", start, end, "储罐区", form,
        DrillScope.COMPREHENSIVE, DrillPurpose.TEST, tags, status, (COMP,), 30, reported, report, score, 1,
    )  # fmt: skip


DRILLS = [
    drill("d1", "储罐区泄漏实战演练", date(2026, 3, 12), tags=("双盲",), score=87.5, report=True),
    drill("d2", "装卸区桌面推演", date(2026, 5, 20), form=DrillForm.TABLETOP, report=True, reported=True),
    drill("d3", "下半年现场处置演练", date(2026, 6, 8), status=DrillStatus.PLANNED),
    drill("d4", "河口镇防汛转移演练", date(2025, 12, 30), unit="u2", end=date(2026, 1, 2), tags=("联合",)),
    drill("d5", "取消的演练", date(2026, 8, 1), status=DrillStatus.CANCELLED),
]


def action(uid: str, status: ActionStatus, due: date | None, *, section: str | None = "procedure") -> ActionRecord:
    return ActionRecord(
        uid, "f1", "疏散集合点清点人数用时过长", FindingSource.DRILL, "修订应急处置程序", "安全主任 王五", due, status,
        "p1", COMP.title, section, "u1", "青山化工有限公司", None, None, None, 1,
    )  # fmt: skip


def test_drill_table_and_proxy_pass_the_model_tester(qtmodeltester) -> None:
    model = DrillTableModel(today=TODAY)
    qtmodeltester.check(model)  # empty
    model.set_drills(DRILLS)
    qtmodeltester.check(model)
    proxy = DrillFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(year=2026, form=DrillForm.FIELD)
    qtmodeltester.check(proxy)
    proxy.sort(DrillTableModel.SCORE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_the_list_shows_status_colours_and_what_is_overdue_or_unreported() -> None:
    model = DrillTableModel(today=TODAY)
    model.set_drills(DRILLS)

    def at(uid: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(model.row_of(uid), column).data(role)

    fg = Qt.ItemDataRole.ForegroundRole
    assert at("d1", DrillTableModel.STATUS) == "已完成" and at("d1", DrillTableModel.STATUS, fg) == QColor(theme.OK)
    assert at("d3", DrillTableModel.STATUS) == "计划中（已过计划日期）"
    assert at("d3", DrillTableModel.STATUS, fg) == QColor(theme.OVERDUE)
    assert at("d5", DrillTableModel.STATUS, fg) == QColor(theme.NEUTRAL)
    assert at("d1", DrillTableModel.FORM) == "实战·综合"
    assert at("d1", DrillTableModel.SCORE) == "87.5%"
    assert at("d1", DrillTableModel.REPORTED) == "未报送" and at("d1", DrillTableModel.REPORTED, fg) == QColor(theme.OVERDUE)
    assert at("d2", DrillTableModel.REPORTED) == "已报送"
    assert at("d3", DrillTableModel.REPORTED) == ""  # the unit reports nothing
    assert at("d4", DrillTableModel.DATE) == "2025-12-30（4天）"
    assert at("d4", DrillTableModel.DATE, Qt.ItemDataRole.ToolTipRole) == "2025-12-30 至 2026-01-02"


def test_the_proxy_filters_by_each_field() -> None:
    model = DrillTableModel(today=TODAY)
    model.set_drills(DRILLS)
    proxy = DrillFilterProxy()
    proxy.setSourceModel(model)

    def shown(**filters: object) -> list[str]:
        proxy.set_filters(unit_uid=None, year=None, status=None, form=None, tag=None, text="", day=None)
        proxy.set_filters(**filters)
        return sorted(d.uid for d in proxy.visible_drills())

    assert shown() == ["d1", "d2", "d3", "d4", "d5"]
    assert shown(unit_uid="u2") == ["d4"]
    assert shown(year=2026) == ["d1", "d2", "d3", "d4", "d5"]  # d4 runs into 2026
    assert shown(year=2025) == ["d4"]
    assert shown(status=DrillStatus.PLANNED) == ["d3"]
    assert shown(form=DrillForm.TABLETOP) == ["d2"]
    assert shown(tag="双盲") == ["d1"]
    assert shown(text="防汛") == ["d4"]
    assert shown(text="储罐区") == ["d1", "d2", "d3", "d4", "d5"]  # the location matches too
    assert shown(day=date(2026, 1, 1)) == ["d4"]
    with pytest.raises(TypeError):
        proxy.set_filters(colour="red")


def test_record_models_pass_the_model_tester(qtmodeltester) -> None:
    log = LogModel()
    log.set_entries([LogEntry("a", datetime(2026, 6, 10, 9, 5), "指挥部下达疏散命令"),
                     LogEntry("b", datetime(2026, 6, 11, 10, 0), "恢复生产")], multi_day=True)  # fmt: skip
    qtmodeltester.check(log)
    assert log.index(0, 0).data() == "06-10 09:05"
    files = AttachmentModel()
    files.set_items([AttachmentInfo("x", "d1", "签到表.pdf", "sign_in", "签到表", 2048, "0" * 64)])
    qtmodeltester.check(files)
    assert [files.index(0, c).data() for c in range(3)] == ["签到表", "签到表.pdf", "2.0 KB"]
    picks = PlanPickModel()
    picks.set_plans([COMP, ONSITE], ["p2"])
    qtmodeltester.check(picks)
    assert picks.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert picks.setData(picks.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert picks.checked_uids() == ["p1", "p2"]
    picks.add_plans([PlanRef("p3", "已废止的旧预案", Cat.ENT_SPECIAL), COMP])
    assert picks.rowCount() == 3
    qtmodeltester.check(picks)


def test_score_model_and_its_editor(qtmodeltester, qtbot) -> None:
    model = ScoreModel()
    template = DEFAULT_TEMPLATES[1]  # tabletop
    model.set_template(template)
    qtmodeltester.check(model)
    assert model.index(0, ScoreModel.SCORE).data() == "不适用"
    changes: list[None] = []
    model.scores_changed.connect(lambda: changes.append(None))
    # The drop-down offers what the item allows and writes it back.
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = ScoreDelegate()
    yes_no_row = next(r for r in range(model.rowCount()) if model.index(r, ScoreModel.KIND).data() == "是/否")
    index = model.index(yes_no_row, ScoreModel.SCORE)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["不适用", "是", "否"]
    editor.setCurrentIndex(2)
    delegate.setModelData(editor, model, index)
    assert index.data() == "否" and changes
    scale_index = model.index(0, ScoreModel.SCORE)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), scale_index)
    assert [editor.itemText(i) for i in range(editor.count())] == ["不适用", "5 分", "4 分", "3 分", "2 分", "1 分"]
    # Values the item does not allow are refused.
    assert not model.setData(scale_index, True)
    assert not model.setData(scale_index, 6)
    assert not model.setData(index, 3)
    qtmodeltester.check(model)
    # Switching the template keeps the scores of the items both share.
    key = template.items[0].key
    model.set_score(key, 5)
    model.set_template(DEFAULT_TEMPLATES[0])
    shared = {i.key for i in DEFAULT_TEMPLATES[0].items} & {i.key for i in template.items}
    assert {k for k, v in model.scores().items() if v is not None} <= shared


def test_template_items_model_passes_the_model_tester(qtmodeltester) -> None:
    model = TemplateItemsModel()
    model.load(DEFAULT_TEMPLATES[0])
    qtmodeltester.check(model)
    row = model.add_item("新分组", "新评估项目")
    assert model.setData(model.index(row, TemplateItemsModel.WEIGHT), "2")
    assert not model.setData(model.index(row, TemplateItemsModel.KIND), "scale10")
    assert not model.setData(model.index(row, TemplateItemsModel.WEIGHT), "heavy")
    edited = model.sections_of("field", "实战", "", ((60.0, "合格"), (0.0, "不合格")))
    assert edited.sections[-1].title == "新分组" and edited.sections[-1].items[0].weight == 2.0
    model.remove_item(row)
    qtmodeltester.check(model)
    assert len(model.sections_of("field", "实战", "", ()).items) == len(DEFAULT_TEMPLATES[0].items)


def test_action_finding_and_version_models(qtmodeltester) -> None:
    actions = ActionModel(today=TODAY)
    actions.set_items([
        action("a1", ActionStatus.OPEN, date(2026, 6, 10)),
        action("a2", ActionStatus.IN_PROGRESS, date(2026, 7, 1)),
        action("a3", ActionStatus.DONE, date(2026, 5, 1)),
        action("a4", ActionStatus.OPEN, None, section=None),
    ])  # fmt: skip
    qtmodeltester.check(actions)
    fg = Qt.ItemDataRole.ForegroundRole
    assert actions.index(0, ActionModel.DUE).data() == "2026-06-10（已逾期）"
    assert actions.index(0, ActionModel.TEXT).data(fg) == QColor(theme.OVERDUE)
    assert actions.index(1, ActionModel.TEXT).data(fg) is None
    assert actions.index(2, ActionModel.DUE).data() == "2026-05-01"  # done: not overdue
    assert actions.index(3, ActionModel.DUE).data() == "未定期限"
    assert actions.index(0, ActionModel.SECTION).data() == "应急处置程序"
    assert (actions.open_count(), actions.overdue_count()) == (3, 1)
    assert actions.index(0, ActionModel.TEXT).data(Qt.ItemDataRole.ToolTipRole) == (
        "问题：疏散集合点清点人数用时过长\n整改：修订应急处置程序"
    )

    findings = FindingModel()
    findings.set_items([FindingRecord("f1", FindingSource.DRILL, "清点人数用时过长", "d1", "演练", None, "p1",
                                      COMP.title, date(2026, 6, 10))])  # fmt: skip
    qtmodeltester.check(findings)
    assert [findings.index(0, c).data() for c in range(4)] == ["清点人数用时过长", "演练", COMP.title, "2026-06-10"]

    versions = VersionModel()
    versions.set_items([
        ClosingVersion("v2", "2.0", TODAY, "明确集合点清点", True, True),
        ClosingVersion("v11", "1.1", date(2026, 6, 12), None, True, False),
        ClosingVersion("v1", "1.0", date(2025, 3, 1), None, False, False),
    ])  # fmt: skip
    qtmodeltester.check(versions)
    assert [versions.index(r, 3).data() for r in range(3)] == ["能", "否：该章节未修改", "否：早于问题登记"]
    assert versions.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) == QColor(theme.NEUTRAL)
    assert versions.index(0, 0).data(ITEM_ROLE).uid == "v2"
    assert actions.index(0, 0).parent() == QModelIndex()


def test_the_model_sorts_itself_and_the_selection_follows(qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    model = DrillTableModel(today=TODAY)
    model.set_drills(DRILLS)
    proxy = DrillFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(DrillTableModel.DATE, Qt.SortOrder.AscendingOrder)
    assert [d.uid for d in proxy.visible_drills()] == ["d4", "d1", "d2", "d3", "d5"]
    view.selectRow(2)  # d2
    view.sortByColumn(DrillTableModel.SCORE, Qt.SortOrder.DescendingOrder)
    assert proxy.drill_at(0).uid == "d1"  # the only score first
    assert proxy.sortColumn() == -1  # the proxy itself never sorts (30,000 rows through data() are slow)
    selected = view.selectionModel().selectedRows()
    assert [proxy.drill_at(i.row()).uid for i in selected] == ["d2"]
    # A new read keeps the order the user chose.
    model.set_drills(list(reversed(DRILLS)))
    assert proxy.drill_at(0).uid == "d1"
