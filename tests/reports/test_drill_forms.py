"""演练记录表 and 演练评估报告: what a reader needs is on the page and extracts back as text."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from planmgr.reports.drill_forms import (
    ActionLine,
    DrillEvaluationForm,
    DrillRecordForm,
    ScoreLine,
    drill_evaluation_pdf,
    drill_record_pdf,
    missing_in,
)

RECORD = DrillRecordForm(
    title="2025年液氨泄漏<双盲>实战演练 & 疏散",
    unit_name="开平市甲化工有限公司",
    start=date(2025, 6, 12),
    end=None,
    status_label="已完成",
    form_label="实战演练",
    scope_label="综合演练",
    purpose_label="检验性",
    record_version=7,
    printed_on=date(2025, 12, 1),
    location="液氨罐区",
    tags=("双盲", "联合"),
    plans=("《甲公司综合应急预案》（1.0）", "《液氨泄漏现场处置方案》（2024版）"),
    participant_units=("开平市消防救援大队", "赤坎镇应急办"),
    head_count=86,
    scenario="2# 储罐法兰泄漏。\n风向东南，下风向有居民区。",
    log=(("09:00", "巡检员发现泄漏，立即报告中控室"), ("09:10", "指挥部成立，下达<b>疏散</b>命令")),
    attachments=(("现场照片", "现场1.jpg"), ("签到表", "签到表.pdf")),
    reported_to_authority=True,
)

EVALUATION = DrillEvaluationForm(
    record=RECORD,
    template_name="实战演练评估表",
    template_source="AQ/T 9009-2015；GB/T 46792-2025",
    eval_date=date(2025, 6, 13),
    evaluators="张三、李四",
    lines=(
        ScoreLine("执行情况", "演练按方案规定的时间、地点和流程组织实施", "是/否", "是"),
        ScoreLine("执行情况", "演练目标全部实现", "1–5 分", "4 分"),
        ScoreLine("装备适用性", "通信设备运行正常", "是/否", "否", weight=2),
    ),
    score_percent=53.3,
    grade="不合格",
    comments="各组响应迅速。",
    self_assessment="对讲机频道切换不熟练。",
    team_opinion="通讯保障需加强。",
    conclusion="需修订应急处置程序中的通讯联络要求。",
    overview="按方案完成液氨泄漏处置演练。",
    problems=("对讲机频道不统一，指令传达延迟约 3 分钟", "下风向疏散路线标识不清"),
    lessons="先期处置及时。",
    suggestions="统一通讯频道。",
    actions=(ActionLine("修订应急处置程序，明确通讯频道", "安全主任 王五", "2025-08-01", "整改中", "应急处置程序"),),
)


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def record_text() -> str:
    return squash("".join(pages(drill_record_pdf(RECORD))))


@pytest.fixture(scope="module")
def evaluation_text() -> str:
    return squash("".join(pages(drill_evaluation_pdf(EVALUATION))))


def test_record_form_carries_title_unit_date_and_the_log(record_text: str) -> None:
    for expected in ("演练记录表", RECORD.title, "开平市甲化工有限公司", "2025-06-12", "液氨罐区", "双盲、联合",
                     "《液氨泄漏现场处置方案》（2024版）", "开平市消防救援大队", "86人", "已报送",
                     "风向东南，下风向有居民区。", "09:10", "指挥部成立，下达<b>疏散</b>命令",
                     "签到表：签到表.pdf", "记录人", "第1页共1页", "记录第7版", "打印于2025-12-01"):  # fmt: skip
        assert squash(expected) in record_text, expected


def test_evaluation_report_carries_scores_findings_and_actions(evaluation_text: str) -> None:
    for expected in ("演练评估报告", RECORD.title, "开平市甲化工有限公司", "评估2025-06-13",
                     "演练目标全部实现", "4分", "（权重2）", "得分率", "53.3%（不合格）",
                     "现场点评", "各组响应迅速。", "参演人员自评", "评估组意见", "通讯保障需加强。",
                     "需修订应急处置程序中的通讯联络要求。", "1.对讲机频道不统一，指令传达延迟约3分钟",
                     "2.下风向疏散路线标识不清", "经验教训", "修订应急处置程序，明确通讯频道", "安全主任王五",
                     "2025-08-01", "整改中", "评估组长"):  # fmt: skip
        assert squash(expected) in evaluation_text, expected
    assert re.search(r"第1页共(\d)页", evaluation_text)


def test_long_log_runs_over_pages_with_page_x_of_y() -> None:
    long = DrillRecordForm(**{**RECORD.__dict__, "log": tuple(
        (f"{9 + i // 60:02d}:{i % 60:02d}", f"第 {i} 条过程记录：各小组按处置程序报告进展情况") for i in range(90))})  # fmt: skip
    texts = pages(drill_record_pdf(long))
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, 1):
        assert squash(f"第 {number} 页 共 {total} 页") in squash(text)
        assert "开平市甲化工有限公司" in text  # unit at the foot of every page
        assert squash("记录第 7 版") in squash(text)  # version stamp on every page
    assert "第 89 条过程记录" in "".join(texts)


def test_nothing_required_prints_placeholders() -> None:
    bare = DrillRecordForm("桌面推演", "赤坎镇人民政府", date(2025, 3, 1), date(2025, 3, 2), "计划中", "桌面演练",
                           "单项演练", "检验性", 1, date(2025, 12, 1))  # fmt: skip
    text = squash("".join(pages(drill_record_pdf(bare))))
    assert "2025-03-01至2025-03-02" in text and "（未填写）" in text and "（未记录）" in text
    assert "报送情况不适用" in text


def test_missing_glyphs_are_reported() -> None:
    assert missing_in(RECORD) == []
    odd = DrillRecordForm(**{**RECORD.__dict__, "participant_units": ("𠀾家村民小组",)})
    assert missing_in(odd) == ["𠀾"]
    assert missing_in(EVALUATION) == []
