"""Every item model of the plan page passes pytest-qt's model tester; the small rules the
dialogs rely on (next version label, audit wording) say what a user reads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from planmgr.domain.content import diff_content
from planmgr.domain.enums import EvaluationConclusion, EvaluationMethod, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.triggers import REVISION_TRIGGERS
from planmgr.services.plan_queries import PlanRow, SearchResult
from planmgr.services.plans import AuditRow, EvaluationSummary, VersionSummary
from planmgr.ui.plans.audit import AuditModel, change_lines
from planmgr.ui.plans.history import DiffModel
from planmgr.ui.plans.lifecycle_dialogs import next_label
from planmgr.ui.plans.models import (
    EvaluationsModel,
    PlanListModel,
    TriggerModel,
    UnitChoice,
    UnitChoiceModel,
    VersionChoice,
    VersionsModel,
)

pytestmark = pytest.mark.gui


def plan_row(title: str, status: PlanStatus = PlanStatus.PUBLISHED, version: str | None = "1.0") -> PlanRow:
    return PlanRow(
        uid=f"uid-{title}",
        title=title,
        category=PlanCategory.TOWN.value,
        category_label=PlanCategory.TOWN.label,
        status=status.value,
        status_label=status.label,
        owner_unit_uid="unit",
        owner_unit_name="赤坎镇人民政府",
        version_label=version,
        event_types=("earthquake",),
        pending_trigger=None,
        parent_uid="parent",
        parent_title="开平市突发公共事件总体应急预案",
    )


def test_plan_list_model_shows_rows_and_search_hits(qtmodeltester: Any) -> None:
    model = PlanListModel()
    qtmodeltester.check(model)
    model.set_results(
        [
            SearchResult(plan_row("赤坎镇突发事件总体应急预案"), "…镇[地震]…", None),
            SearchResult(plan_row("甲公司预案", PlanStatus.DRAFTING, None), "…明[火]…", "储罐区处置卡"),
        ]
    )
    qtmodeltester.check(model)
    assert [model.index(1, c).data() for c in range(6)] == [
        "甲公司预案",
        "乡镇（街道）应急预案",
        "编制中",
        "赤坎镇人民政府",
        "未发布",
        "处置卡“储罐区处置卡”：…明[火]…",
    ]
    assert (
        model.index(0, 0)
        .data(Qt.ItemDataRole.ToolTipRole)
        .endswith("上级预案：开平市突发公共事件总体应急预案")
    )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    model.set_plans([plan_row("塘口镇突发事件总体应急预案")])
    assert model.index(0, 5).data() == ""
    qtmodeltester.check(model)


def test_trigger_version_and_evaluation_models(qtmodeltester: Any) -> None:
    triggers = TriggerModel()
    triggers.set_rows(REVISION_TRIGGERS)
    qtmodeltester.check(triggers)
    assert triggers.index(0, 1).data() == "ENT 第三十六条（一）"

    versions = VersionsModel()
    published = VersionSummary(
        "v1",
        "1.0",
        date(2024, 1, 10),
        date(2024, 1, 10),
        "开府〔2024〕1号",
        "市人民政府",
        "gov25-2",
        True,
        "调整指挥部",
    )
    versions.set_rows([VersionChoice("v1", "1.0", published), VersionChoice("", "编辑稿（未发布）", None)])
    qtmodeltester.check(versions)
    assert [versions.index(0, c).data() for c in range(7)] == [
        "1.0",
        "2024-01-10",
        "开府〔2024〕1号",
        "市人民政府",
        "应急指挥机构及其职责发生重大调整",
        "是",
        "调整指挥部",
    ]
    assert versions.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == (
        "应急指挥机构及其职责发生重大调整（GOV2013 第二十五条（二））"
    )
    assert versions.index(1, 0).data() == "编辑稿（未发布）" and versions.index(1, 3).data() == ""

    evaluations = EvaluationsModel()
    evaluations.set_rows(
        [
            EvaluationSummary(
                "e1",
                "p",
                date(2025, 3, 1),
                EvaluationMethod.EXPERT,
                EvaluationConclusion.REVISE,
                "专家组",
                "需修订",
            )
        ]
    )
    qtmodeltester.check(evaluations)
    assert evaluations.index(0, 2).data() == "需要修订"


def test_diff_model_flags_what_must_not_be_missed(qtmodeltester: Any) -> None:
    old = {"contacts": [{"name": "值班室", "phone": "0750-2212345"}], "scope": "全市"}
    new = {"contacts": [{"name": "值班室", "phone": "0750-2219999"}], "scope": "全市"}
    model = DiffModel()
    qtmodeltester.check(model)
    model.set_diff(diff_content(old, new), "1.0", "2.0")
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["1.0", "2.0", "注意"]
    assert model.rowCount() == 2  # only the changed section and its line
    assert model.index(1, 2).data() == "⚑ 电话"
    model.set_only_changed(False)
    qtmodeltester.check(model)
    assert model.section_rows() == [0, 2]  # 适用范围 and 联系方式 (sections with text)
    assert model.index(0, 0).data() == "适用范围 — 无变化"


def test_audit_model_says_what_changed_in_words(qtmodeltester: Any) -> None:
    rows = [
        AuditRow("2025-01-02 03:04:05", "张三", "plan", "update", {"status": ["published", "revising"]}),
        AuditRow(
            "2025-01-01 00:00:00",
            "张三",
            "plan",
            "update",
            {
                "content": [{"contacts": [{"phone": "1"}]}, {"contacts": [{"phone": "2"}], "scope": "全市"}],
                "pending_trigger": [None, "ent36-3"],
                "parent_id": [1, 2],
            },
        ),
        AuditRow("2024-12-31 00:00:00", "李四", "evaluation", "insert", {"conclusion": "revise", "uid": "x"}),
    ]
    model = AuditModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, 4).data() == "状态：已发布 → 修订中"
    assert model.lines(1) == [
        "内容：修改了适用范围、联系方式",
        "修订情形：（空） → 安全生产面临的风险发生重大变化（ENT 第三十六条（三））",
        "上级预案：已更改",
    ]
    assert [model.index(2, c).data() for c in (2, 3, 4)] == ["评估", "新增", "评估结论：需要修订"]
    assert change_lines("update", {"major": [False, True]}) == ["重大修订：否 → 是"]


@pytest.mark.parametrize(
    ("labels", "major", "expected"),
    [
        ([], True, "1.0"),
        (["1.0"], True, "2.0"),
        (["1.0", "2.0"], False, "2.1"),
        (["V3.2"], False, "3.3"),
        (["2021版"], True, "2025版"),
        (["2024版", "2025版"], True, "2025版（2）"),
        (["第一版"], True, "第一版-修订"),
    ],
)
def test_next_version_label(labels: list[str], major: bool, expected: str) -> None:
    assert next_label(labels, date(2025, 6, 30), major) == expected


def test_unit_choice_model(qtmodeltester: Any) -> None:
    model = UnitChoiceModel()
    model.set_units(
        [UnitChoice(None, "全部单位"), UnitChoice("t", "赤坎镇人民政府", UnitKind.TOWN, "开平市人民政府")]
    )
    qtmodeltester.check(model)
    assert model.add(UnitChoice("v", "三家村", UnitKind.VILLAGE)) == 2
    qtmodeltester.check(model)
    assert model.row_of("t") == 1 and model.row_of(None) == 0
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "乡镇（街道） · 开平市人民政府"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) is None
