"""The bundled CJK font prints Chinese that wraps, escapes user text and extracts back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from planmgr.reports.fonts import FONT_NAME, escape_paragraph_text, missing_glyphs, register_fonts
from planmgr.reports.styles import FOOTER_NOTE_FLOOR, FOOTER_SIZE, numbered_canvas, report_styles

TITLE = "关于<危险&化学品>泄漏事故的应急处置卡"
# Distinct sentences (no repeated block), with the punctuation, digits and Latin letters
# plans really contain; cut to exactly 300 characters.
_SENTENCES = (
    "生产经营单位应当制定本单位生产安全事故应急救援预案，与所在地县级以上地方人民政府组织制定的"
    "生产安全事故应急救援预案相衔接，并定期组织演练。"
    "易燃易爆物品、危险化学品等危险物品的生产、经营、储存单位，应当每半年至少组织一次"
    "综合或者专项应急预案演练；每三年至少进行一次应急预案评估。"
    "发现储罐区液位计读数异常（超过85%）时，当班人员立即报告值班长，关闭进料阀ZV-101，"
    "启动喷淋冷却系统，并按《现场处置方案》第3.2条疏散下风向200米内人员。"
    "演练结束后，组织单位应当对演练效果进行评估，撰写“演练评估报告”，分析存在的问题，"
    "对应急预案提出修订意见——必要时召开专题会议，形成纪要并归档。"
    "联系电话：0759-1234567；应急值守：24小时；气温零下5℃时注意管道防冻！是否已完成？"
)
PARAGRAPH = _SENTENCES[:300]


def _build_pdf() -> bytes:
    styles = report_styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, bottomMargin=20 * mm, title="字体测试")
    story = [
        Paragraph(escape_paragraph_text(TITLE), styles.title),
        Paragraph(escape_paragraph_text(PARAGRAPH), styles.body),
        PageBreak(),
        Paragraph(escape_paragraph_text("第一行\n第二行 <b>不是粗体</b>"), styles.body),
    ]
    doc.build(story, canvasmaker=numbered_canvas("赤坎镇人民政府 第 1 版"))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return _build_pdf()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_paragraph_uses_only_characters_the_font_has() -> None:
    assert len(PARAGRAPH) == 300
    assert missing_glyphs(PARAGRAPH + TITLE) == []


def test_title_with_markup_characters_prints_literally(pdf_bytes: bytes) -> None:
    first_page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text()
    assert TITLE in first_page


def test_every_character_of_the_paragraph_comes_back(pdf_bytes: bytes) -> None:
    first_page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text()
    # Wrapping adds line breaks between characters; nothing else may change.
    assert _squash(PARAGRAPH) in _squash(first_page)


def test_newlines_and_tags_in_user_text(pdf_bytes: bytes) -> None:
    second_page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[1].extract_text()
    lines = [line.strip() for line in second_page.splitlines()]
    assert lines[:2] == ["第一行", "第二行 <b>不是粗体</b>"]


def test_footer_counts_pages(pdf_bytes: bytes) -> None:
    pages = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages
    assert len(pages) == 2
    assert "第 1 页 共 2 页" in pages[0].extract_text()
    assert "第 2 页 共 2 页" in pages[1].extract_text()
    assert "赤坎镇人民政府 第 1 版" in pages[1].extract_text()


def test_font_is_embedded_as_subset(pdf_bytes: bytes) -> None:
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("+" in name for name in fonts), fonts  # subset prefix AAAAAA+
    # The whole .ttc is 5 MB; a subset of a few hundred glyphs is small.
    assert len(pdf_bytes) < 200_000


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_rendered_page_shows_title_wrapped_body_and_footer(pdf_bytes: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    pdf.write_bytes(pdf_bytes)
    first_page_at_50_dpi = ["-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile"]
    subprocess.run(["pdftoppm", *first_page_at_50_dpi, str(pdf), str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page.png") as image:
        gray = image.convert("L")
        width, height = gray.size
        pixels = gray.load()
        ink_rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    assert ink_rows, "page renders blank"
    # Group inked rows into text lines (runs separated by blank rows).
    lines: list[list[int]] = []
    for y in ink_rows:
        if lines and y - lines[-1][-1] <= 1:
            lines[-1].append(y)
        else:
            lines.append([y])
    top = [line for line in lines if line[0] < height * 0.5]
    foot = [line for line in lines if line[0] > height * 0.9]
    # Title + the 300 characters wrapped into at least 7 lines at ~43 characters a line.
    assert len(top) >= 8, len(top)
    assert foot, "no footer line"
    title_height = top[0][-1] - top[0][0]
    body_height = top[1][-1] - top[1][0]
    assert title_height > body_height  # the title is larger than body text


def test_missing_glyphs_finds_rare_and_emoji_characters() -> None:
    name = "张𠀀三😀，张𠀀\n\t"
    assert missing_glyphs(name) == ["𠀀", "😀"]
    assert missing_glyphs("赤坎镇人民政府 ABC 123（第2版）") == []


def test_register_fonts_is_idempotent() -> None:
    assert register_fonts() == FONT_NAME
    font = pdfmetrics.getFont(FONT_NAME)
    assert register_fonts() == FONT_NAME
    assert pdfmetrics.getFont(FONT_NAME) is font


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("<危险&化学品>", "&lt;危险&amp;化学品&gt;"),
        ("甲\n乙\r\n丙\r丁", "甲<br/>乙<br/>丙<br/>丁"),
        ("制表\t保留\x00\x07\x1b\x7f", "制表\t保留"),
        ("引号\"和'保持", "引号\"和'保持"),
    ],
)
def test_escape_paragraph_text(text: str, markup: str) -> None:
    assert escape_paragraph_text(text) == markup


def test_escaped_text_never_breaks_the_paragraph_parser() -> None:
    styles = report_styles()
    hostile = "</para><font name='x'>&#0;<br>&nbsp;]]><![CDATA[\x0c"
    paragraph = Paragraph(escape_paragraph_text(hostile), styles.body)
    assert paragraph.wrap(300, 800)[1] > 0


def _footer_runs(note: str) -> list[tuple[float, float, str]]:
    """(x, font size, text) of each text run at the foot of a one-page document."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, bottomMargin=20 * mm)
    doc.build([Paragraph("正文", report_styles().body)], canvasmaker=numbered_canvas(note))
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and cm[5] + tm[5] < 40:  # the foot of the page (10 mm up)
            runs.append((cm[4] + tm[4], size * tm[0], text.strip()))

    pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize(
    ("note", "shrinks", "cut"),
    [
        ("赤坎镇人民政府 第 1 版", False, False),
        ("开平市赤坎镇人民政府应急管理办公室值班室 第 12 版", True, False),
        (
            "开平市赤坎镇人民政府应急管理办公室与安全生产监督管理所及某某某某某某联合受理窗口 第 12 版",
            True,
            True,
        ),
    ],
    ids=["fits", "shrinks", "shrinks-then-cut"],
)
def test_a_long_footer_note_shrinks_then_is_cut_short_of_the_page_number(
    note: str, shrinks: bool, cut: bool
) -> None:
    runs = _footer_runs(note)
    number_x = next(x for x, _, text in runs if text.startswith("第 1 页 共 1 页"))
    note_x, size, printed = next(run for run in runs if not run[2].startswith("第 1 页"))
    assert note_x + stringWidth(printed, FONT_NAME, size) < number_x  # never runs into the number
    assert (size < FOOTER_SIZE) is shrinks and size >= FOOTER_NOTE_FLOOR
    if cut:
        assert printed.endswith("…") and note.startswith(printed[:-1]) and len(printed) > 10
    else:
        assert printed == note
