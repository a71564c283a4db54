"""The concise manual: its chapters in order, page numbering, diagrams that continue across
pages, hostile and very long text, the plan's cards, and pages that render."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pypdf
import pytest
from PIL import Image

from planmgr.reports.cards import PLACEHOLDER, PrintCard, PrintContact, PrintStep
from planmgr.reports.manual import CHAPTERS, ManualData, render_manual, render_manual_job

CONTENT = {
    "scope": "适用于本镇行政区域内生产安全事故的先期处置。",
    "grading": [
        {"grade": "较大以上", "criteria": "由市人民政府统一指挥"},
        {"grade": "一般", "criteria": "3人以下死亡"},
    ],
    "response_levels": [
        {"level": "一级响应", "condition": "较大以上事故", "lead": "镇党委书记"},
        {"level": "二级响应", "condition": "一般事故", "lead": "镇长"},
    ],
    "work_groups": [
        {"name": "综合协调组", "lead": "镇应急办", "members": "党政办", "duties": "信息报告，协调调度。"},
        {"name": "抢险救援组", "lead": "专职消防队", "members": "民兵应急排", "duties": "先期抢险救援。"},
        {"name": "转移安置组", "lead": "社会事务办", "members": "各村", "duties": "组织群众转移安置。"},
        {"name": "医疗救护组", "lead": "镇卫生院", "members": "村卫生站", "duties": "现场救护。"},
        {"name": "治安交通组", "lead": "派出所", "members": "交警中队", "duties": "警戒和交通管制。"},
    ],
    "procedure": [
        {
            "step": "信息报告",
            "action": "接报后报告市应急管理局。",
            "responsible": "镇值班室",
            "time_limit": "30分钟内",
        },
        {
            "step": "先期处置",
            "action": "组织力量赶赴现场，疏散群众。",
            "responsible": "镇主要负责同志",
            "time_limit": "立即",
        },
        {
            "step": "移交指挥",
            "action": "市级指挥机构到场后移交指挥权。",
            "responsible": "镇主要负责同志",
            "time_limit": "",
        },
    ],
    "measures": ["开放应急避护场所。", "巡查地质灾害隐患点。"],
    "precautions": ["值班室24小时值守。"],
    "contacts": [{"name": "镇值班室", "role": "信息报告", "phone": "0750-2612345"}],
    "resources": [
        {"name": "应急物资仓库", "quantity": "编织袋5000条", "location": "镇政府后院", "keeper": "应急办"}
    ],
}

CARD = PrintCard(
    uid="00000000-0000-4000-8000-000000000001",
    title="镇值班室接警处置卡",
    unit_name="赤坎镇人民政府",
    post="值班员",
    steps=(
        PrintStep("接报后记录事件时间、地点、伤亡情况。", "值班员"),
        PrintStep("报告镇主要负责同志。", "值班员"),
    ),
    contacts=(PrintContact("火警", "119", True),),
    number="CK-01",
    version_label="1.0",
    issued_date=date(2025, 5, 1),
)


def manual(**changes: object) -> ManualData:
    values: dict[str, object] = {
        "title": "赤坎镇生产安全事故应急预案",
        "unit_name": "赤坎镇人民政府",
        "category_label": "乡镇（街道）应急预案",
        "version_label": "2.0",
        "issued_date": date(2025, 4, 1),
        "doc_number": "赤府〔2025〕3号",
        "content": CONTENT,
        "cards": (CARD,),
    }
    values.update(changes)
    return ManualData(**values)  # type: ignore[arg-type]


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_chapters_in_order_with_contents_and_page_numbers(tmp_path: Path) -> None:
    out = tmp_path / "manual.pdf"
    result = render_manual(manual(), out)
    texts = pages_text(out)
    assert result.pages == len(texts) >= 7
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {len(texts)} 页" in text
    cover = squash(texts[0])
    for expected in ("赤坎镇生产安全事故应急预案", "简明操作手册", "赤坎镇人民政府", "第2.0版", "赤府〔2025〕3号",
                     "发布日期：2025-04-01"):  # fmt: skip
        assert expected in cover, expected
    # Every page after the cover carries title, unit, version and date in its header.
    for text in texts[1:]:
        assert "《赤坎镇生产安全事故应急预案》简明操作手册" in text and "赤坎镇人民政府" in text
        assert "第 2.0 版" in text and "发布日期：2025-04-01" in text
    contents = squash(texts[1])
    assert "目录" in contents
    entries = [f"{'一二三四五六七八'[i]}、{name}" for i, name in enumerate(CHAPTERS)]
    found = [contents.index(entry) for entry in entries]
    assert found == sorted(found)
    # The page each contents entry names is where that chapter begins (the text layer has
    # the dot leader and page number before the entry).
    for entry in entries:
        page = int(re.search(r"(\d+)" + re.escape(entry), contents).group(1))  # type: ignore[union-attr]
        assert entry in squash(texts[page - 1])


def test_summary_diagrams_and_tables_carry_the_content(tmp_path: Path) -> None:
    out = tmp_path / "manual.pdf"
    render_manual(manual(), out)
    everything = squash("".join(pages_text(out)))
    for expected in ("适用于本镇行政区域内生产安全事故的先期处置。", "一级响应", "镇党委书记", "应急指挥部",
                     "总指挥：镇党委书记", "治安交通组", "牵头：派出所", "警戒和交通管制。", "0750-2612345",
                     "编织袋5000条", "开放应急避护场所。", "值班室24小时值守。", "镇值班室接警处置卡",
                     "负责：镇值班室", "时限：30分钟内"):  # fmt: skip
        assert expected in everything, expected
    flow = [everything.index(name) for name in ("1.信息报告", "2.先期处置", "3.移交指挥")]
    assert flow == sorted(flow)


def test_a_long_procedure_continues_across_pages_with_connectors(tmp_path: Path) -> None:
    steps = [{"step": f"处置环节{i}", "action": f"处置动作{i}，" + "按预案要求落实。" * 6, "responsible": "现场指挥部"}
             for i in range(1, 31)]  # fmt: skip
    out = tmp_path / "flow.pdf"
    render_manual(manual(content={**CONTENT, "procedure": steps}), out)
    texts = [squash(t) for t in pages_text(out)]
    flow_pages = [i for i, t in enumerate(texts) if "1.处置环节1" in t or "接上页" in t]
    assert len(flow_pages) >= 3
    for page in flow_pages[:-1]:
        assert "接下页" in texts[page]
    for page in flow_pages[1:]:
        assert "接上页" in texts[page]
    everything = "".join(texts)
    order = [everything.index(f"{i}.处置环节{i}") for i in range(1, 31)]
    assert order == sorted(order)


def test_many_work_groups_continue_the_command_chart(tmp_path: Path) -> None:
    groups = [
        {"name": f"工作组{i:02d}", "lead": "牵头单位" * 3, "members": "成员单位" * 6} for i in range(40)
    ]
    out = tmp_path / "groups.pdf"
    render_manual(manual(content={**CONTENT, "work_groups": groups}), out)
    texts = [squash(t) for t in pages_text(out)]
    chart = [t for t in texts if "工作组00" in t or ("接上页" in t and "工作组" in t)]
    assert len(chart) >= 2 and "接下页" in chart[0]
    everything = "".join(texts)
    assert all(f"工作组{i:02d}" in everything for i in range(40))


def test_hostile_and_huge_text_prints_whole_and_literally(tmp_path: Path) -> None:
    long_action = "".join(chr(0x4E00 + (i * 11) % 3000) for i in range(5000))
    content = {
        **CONTENT,
        "scope": '范围<b>&amp;</b> "引号"\n第二行\x07',
        "procedure": [{"step": "先期处置", "action": long_action, "responsible": "镇长𠀀"}],
        "work_groups": [{"name": "<组>&", "lead": "x", "members": "y", "duties": long_action}],
    }
    out = tmp_path / "hostile.pdf"
    result = render_manual(manual(title="预案<i>😀</i>", content=content), out)
    texts = pages_text(out)
    everything = squash("".join(texts))
    assert '范围<b>&amp;</b>"引号"' in everything and "第二行" in everything
    assert f"预案<i>{PLACEHOLDER}</i>" in everything
    assert "<组>&" in everything
    rest = iter(everything)
    assert all(char in rest for char in long_action)  # the flowchart box, split over pages
    rest = iter(everything[everything.index("五、工作组职责") :])
    assert all(char in rest for char in long_action)  # the duties table row, split over pages
    assert {m.char for m in result.missing} == {"😀", "𠀀"}
    assert any("预案内容" in m.where for m in result.missing)


def test_steps_named_by_number_are_not_numbered_twice(tmp_path: Path) -> None:
    steps = [{"step": f"第{i}步", "action": f"动作{i}"} for i in (1, 2)] + [{"step": "", "action": "动作3"}]
    out = tmp_path / "numbers.pdf"
    render_manual(manual(content={**CONTENT, "procedure": steps}), out)
    everything = squash("".join(pages_text(out)))
    assert "第1步动作1" in everything and "第2步动作2" in everything and "第3步动作3" in everything
    assert "1.第1步" not in everything


def test_empty_sections_say_so_and_no_cards(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = render_manual(manual(content={}, cards=(), version_label=None, issued_date=None), out)
    everything = squash("".join(pages_text(out)))
    assert "未发布稿（草稿）" in everything
    assert "（预案未填写组织指挥体系与职责）" in everything
    assert "本预案尚无应急处置卡。" in everything
    assert result.cards == 0 and result.card_faces == 0


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    job = render_manual_job(manual(), out)
    next(job)
    next(job)
    job.close()
    assert not out.exists() and list(tmp_path.glob(".*.part")) == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_every_page_renders_with_ink(tmp_path: Path) -> None:
    out = tmp_path / "manual.pdf"
    result = render_manual(manual(), out)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == result.pages
    for image_path in images:
        with Image.open(image_path) as image:
            pixels = np.asarray(image.convert("L"))
        # More than the footer: something is drawn in the upper two thirds of every page.
        assert (pixels[: pixels.shape[0] * 2 // 3] < 160).sum() > 100, image_path.name
