"""The four filing forms print their fields (text extracts back), escape user text and
number their pages."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
from reportlab.pdfbase.pdfmetrics import stringWidth

from planmgr.reports.filing_forms import (
    CheckForm,
    CheckItem,
    DeclarationForm,
    FormMaterial,
    FormPlan,
    RegistrationForm,
    ReturnNotice,
    check_pdf,
    declaration_pdf,
    registration_pdf,
    return_notice_pdf,
)
from planmgr.reports.fonts import FONT_NAME
from planmgr.reports.styles import FOOTER_SIZE

PLANS = [
    FormPlan("生产安全事故综合应急预案", "综合应急预案", "2.0", date(2025, 3, 3), "恒达安〔2025〕3号"),
    FormPlan("储罐区泄漏现场处置方案", "现场处置方案", "1.0", date(2025, 3, 3)),
]
TRICKY = "恒达<b>化工</b> & 储运 <有限> 公司"


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts(data: bytes) -> set[str]:
    found: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            found.add(str(font.get_object()["/BaseFont"]))
    return found


def test_declaration_carries_every_field_and_the_fingerprint() -> None:
    form = DeclarationForm(
        unit_name=TRICKY,
        authority_name="赤坎镇人民政府",
        fingerprint="3F2A 91C0 77BE 0D14",
        declared_date=date(2025, 3, 10),
        plans=PLANS,
        materials=[FormMaterial("应急预案备案申报表", True), FormMaterial("评审意见", False)],
        contact="王芳",
        phone="13900139000",
        fax="0750-2210000",
        email="safety@hengda.cn",
        legal_rep="李强",
        total_assets="3200",
        industry="危险化学品",
        employees=120,
        address="赤坎镇工业园 8 号",
        postcode="529300",
        uscc="91440783MA4UHD0011",
    )
    (text,) = pages(declaration_pdf(form))
    for expected in (
        "生产经营单位生产安全事故应急预案备案申报表",
        TRICKY,
        "王芳",
        "13900139000",
        "0750-2210000",
        "safety@hengda.cn",
        "李强",
        "3200",
        "危险化学品",
        "120",
        "赤坎镇工业园 8 号",
        "529300",
        "生产安全事故综合应急预案",
        "储罐区泄漏现场处置方案",
        "恒达安〔2025〕3号",
        "单位公章",
        "2025 年 3 月 10 日",
        "3F2A 91C0 77BE 0D14",
        "■ 应急预案备案申报表",
        "□ 评审意见",
        "第 1 页 共 1 页",
    ):
        assert flat(expected) in flat(text), expected
    assert all("WenQuanYi" in name for name in fonts(declaration_pdf(form)))


def test_check_form_shows_each_item_and_the_conclusion() -> None:
    items = [
        CheckItem("封面", "版本号、预案名称、编制单位、发布日期", True),
        CheckItem("批准页", "主要负责人签发", False, "缺少签发"),
        CheckItem("目录", "章节目录齐全", None),
    ]
    form = CheckForm(
        unit_name=TRICKY,
        authority_name="赤坎镇人民政府",
        submitted_date=date(2025, 3, 10),
        fingerprint="3F2A 91C0 77BE 0D14",
        plans=PLANS,
        items=items,
        materials=[FormMaterial("预案电子文档", True, "预案.pdf"), FormMaterial("评审意见", False)],
        checker="陈主任",
        checked_date=date(2025, 3, 12),
    )
    text = flat("".join(pages(check_pdf(form))))
    for expected in (
        "应急预案备案形式审查表",
        TRICKY,
        "符合",
        "不符合",
        "未审查",
        "缺少签发",
        "预案.pdf",
        "审查结论：材料不齐全或不符合要求，需补正：批准页、评审意见",
        "陈主任",
        "2025年3月12日",
    ):
        assert flat(expected) in text, expected


def test_registration_form() -> None:
    form = RegistrationForm(
        filing_number="440783-2025-0001",
        unit_name="开平市恒达化工有限公司",
        authority_name="赤坎镇人民政府",
        registered_date=date(2025, 3, 12),
        plans=PLANS,
        address="赤坎镇工业园 8 号",
        postcode="529300",
        legal_rep="李强",
        handler="王芳",
        phone="13900139000",
        submitted_date=date(2025, 3, 10),
    )
    (text,) = pages(registration_pdf(form))
    for expected in (
        "应急预案备案登记表",
        "备案编号",
        "440783-2025-0001",
        "开平市恒达化工有限公司",
        "赤坎镇工业园 8 号",
        "529300",
        "法定代表人",
        "李强",
        "经办人",
        "王芳",
        "13900139000",
        "生产安全事故综合应急预案（第 2.0 版）",
        "经形式审查，符合要求，予以备案。",
        "备案部门（盖章）",
        "2025 年 3 月 12 日",
        "第 1 页 共 1 页",
    ):
        assert flat(expected) in flat(text), expected


def test_return_notice_lists_everything_missing_and_numbers_its_pages() -> None:
    missing = [f"第 {i} 项补正材料：风险评估报告附表 {i}" for i in range(1, 61)]
    form = ReturnNotice(
        unit_name=TRICKY,
        authority_name="赤坎镇人民政府",
        submitted_date=date(2025, 3, 10),
        returned_date=date(2025, 3, 13),
        plans=PLANS,
        missing_items=missing,
        fingerprint="3F2A 91C0 77BE 0D14",
        note="请补正后重新报送\n并附情况说明",
    )
    texts = pages(return_notice_pdf(form))
    assert len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert f"第 {n} 页 共 {len(texts)} 页" in text
    whole = flat("".join(texts))
    assert flat("应急预案备案材料补正一次性告知书") in whole and flat(TRICKY) in whole
    assert all(flat(item) in whole for item in missing)
    assert flat("请补正后重新报送") in whole and flat("并附情况说明") in whole
    assert flat("2025 年 3 月 13 日") in whole and "3F2A91C077BE0D14" in whole


def test_a_long_footer_note_stops_short_of_the_page_number() -> None:
    authority = "开平市赤坎镇人民政府应急管理办公室安全生产监督管理所与某某某某某某联合受理窗口"
    form = RegistrationForm("440783-2025-0001", "开平市恒达化工有限公司", authority, date(2025, 3, 12), PLANS)
    page = pypdf.PdfReader(io.BytesIO(registration_pdf(form))).pages[0]
    footer: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() and cm[5] + tm[5] < 40:  # the foot of the page (10 mm up)
            footer.append((cm[4] + tm[4], text.strip()))

    page.extract_text(visitor_text=visit)
    note_x, note = next((x, t) for x, t in footer if t.startswith("开平市"))
    number_x = next(x for x, t in footer if t.startswith("第 1 页"))
    assert note.endswith("…")
    assert note_x + stringWidth(note, FONT_NAME, FOOTER_SIZE) < number_x
    assert flat(authority) in flat(page.extract_text())  # printed in full in the form itself
