"""Every item model of the filings area passes pytest-qt's model tester, empty and filled,
and says what a user sees (Chinese headers, status labels, rates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planmgr.domain.content import diff_content
from planmgr.domain.enums import FilingStatus, PlanCategory
from planmgr.services.filing_queries import VersionDocument
from planmgr.services.filing_stats import FilingRow, MaterialRow, MissingEnterprise, TownRate
from planmgr.services.filings import FilingCandidate
from planmgr.ui.filings.models import (
    DiffModel,
    FilingFilterProxy,
    FilingTableModel,
    MissingModel,
    TownRateModel,
)
from planmgr.ui.filings.wizard_models import CandidateModel, MaterialsModel
from tests.services.filing_builders import CONTENT_V1

pytestmark = pytest.mark.gui


def filing(uid: str, unit: str, status: FilingStatus, effective: FilingStatus | None = None) -> FilingRow:
    return FilingRow(
        uid=uid,
        unit_uid=f"u-{uid}",
        unit_name=unit,
        unit_uscc=None,
        plan_uid=f"p-{uid}",
        plan_title=f"{unit}综合应急预案",
        plan_category=PlanCategory.ENT_COMPREHENSIVE,
        version_uid=f"v-{uid}",
        version_label="1.0",
        published_date=date(2025, 3, 1),
        authority_name="赤坎镇人民政府",
        submitted_date=date(2025, 3, 10),
        status=status,
        effective_status=effective or status,
        check_due=date(2025, 3, 17),
        check_due_estimated=False,
        filing_number="440783-2025-0001" if status is FilingStatus.FILED else None,
        registered_date=None,
        returned_date=None,
        return_notice=(),
        fingerprint=None,
        package_uid=None,
        materials=(MaterialRow("预案电子文档", True, "预案.pdf", None),),
    )


ROWS = [
    filing("a", "甲化工", FilingStatus.SUBMITTED),
    filing("b", "乙五金", FilingStatus.SUBMITTED, FilingStatus.DEEMED_FILED),
    filing("c", "丙化工", FilingStatus.FILED),
    filing("d", "丁商场", FilingStatus.RETURNED),
]


def test_filings_model_and_proxy(qtmodeltester) -> None:
    model = FilingTableModel()
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.headerData(FilingTableModel.STATUS, Qt.Orientation.Horizontal) == "状态"
    assert [model.index(r, FilingTableModel.STATUS).data() for r in range(4)] == [
        "已报送",
        "视为备案",
        "已备案",
        "退回补正",
    ]
    proxy = FilingFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("化工")
    assert proxy.uids() == ["a", "c"]
    proxy.set_status(FilingStatus.FILED)
    assert proxy.uids() == ["c"]
    proxy.set_text("")
    proxy.set_status(None)
    proxy.sort(FilingTableModel.STATUS)
    assert proxy.uids() == ["a", "d", "c", "b"]  # 已报送, 退回补正, 已备案, 视为备案
    qtmodeltester.check(proxy)


def test_statistics_models(qtmodeltester) -> None:
    rates = TownRateModel()
    qtmodeltester.check(rates)
    towns = [TownRate("t1", "赤坎镇", 2, 1, 3, 3), TownRate("t2", "百合镇", 0, 0, 1, 0)]
    rates.set_rates(towns, TownRate(None, "合计", 2, 1, 4, 3))
    qtmodeltester.check(rates)
    assert [rates.index(r, TownRateModel.MUST_RATE).data() for r in range(3)] == ["100.0%", "0.0%", "75.0%"]
    assert rates.index(1, TownRateModel.KEY_RATE).data() == "—"
    missing = MissingModel()
    qtmodeltester.check(missing)
    missing.set_missing([MissingEnterprise("u1", "乙五金", "百合镇", False, True, "未报送")])
    qtmodeltester.check(missing)
    assert [missing.index(0, c).data() for c in range(5)] == ["百合镇", "乙五金", "否", "是", "未报送"]


def test_diff_model(qtmodeltester) -> None:
    model = DiffModel()
    qtmodeltester.check(model)
    new = {**CONTENT_V1, "contacts": [{"name": "张伟", "role": "值班长", "phone": "13911112222"}]}
    model.set_sections(diff_content(CONTENT_V1, new))
    qtmodeltester.check(model)
    assert model.rowCount() >= 1
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"联系方式"}
    assert any("电话" in model.index(r, 4).data() for r in model.flagged_rows())


def test_wizard_models(qtmodeltester) -> None:
    candidates = CandidateModel()
    qtmodeltester.check(candidates)
    candidates.set_candidates(
        [
            FilingCandidate(
                "p1", "综合应急预案", PlanCategory.ENT_COMPREHENSIVE, "v1", "1.0", date(2025, 3, 1), False
            ),
            FilingCandidate("p2", "现场处置方案", PlanCategory.ENT_ONSITE, "v2", "2.0", None, True),
        ]
    )
    qtmodeltester.check(candidates)
    assert candidates.index(1, CandidateModel.NOTE).data() == "退回补正后重新报送"
    candidates.set_checked("p1", False)
    assert [c.plan_uid for c in candidates.checked()] == ["p2"]
    materials = MaterialsModel()
    qtmodeltester.check(materials)
    materials.set_checklist(
        ["应急预案备案申报表", "预案电子文档", "风险评估结果和应急资源调查清单"],
        [VersionDocument("v1", "预案.pdf", 10)],
    )
    materials.add_file("风险评估结果和应急资源调查清单", Path("/tmp/风险评估.pdf"))
    qtmodeltester.check(materials)
    assert [materials.index(r, MaterialsModel.STATE).data() for r in range(3)] == [
        "由本向导生成",
        "随预案版本附带",
        "已附 1 个文件",
    ]
    materials.remove_files("风险评估结果和应急资源调查清单")
    assert materials.missing() == ["风险评估结果和应急资源调查清单"]
