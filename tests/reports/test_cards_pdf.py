"""Handling card PDFs: the three layouts, text that comes back out, shrinking and
continuing, hostile text, crop marks, check boxes, QR codes and the all-or-nothing file."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pypdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4, A5, A6, landscape
from reportlab.pdfgen.canvas import Canvas

from planmgr.reports import qr
from planmgr.reports.card_layout import _PAD, BASE_SIZE, layout_card
from planmgr.reports.cards import PLACEHOLDER, CardOptions, Layout, PrintCard, PrintContact, PrintStep
from planmgr.reports.imposition import render_cards, render_cards_job, sheet_for

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)

STEPS = (
    PrintStep("发现泄漏立即通过对讲机报告当班班长，说明位置和现象。", "当班操作工"),
    PrintStep("关闭进料阀ZV-101和出料阀ZV-102，停止装卸作业。", "当班操作工"),
    PrintStep("启动喷淋冷却系统，设置警戒区。", "当班班长"),
    PrintStep("组织下风向人员疏散到集合点并清点人数。", "安全员"),
)
CONTACTS = (
    PrintContact("公司应急值班室", "0750-2212345"),
    PrintContact("火警", "119", True),
    PrintContact("急救", "120", True),
    PrintContact("开平市应急管理局", "0750-2288110", True),
)


def make_card(number: int = 1, **changes: object) -> PrintCard:
    card = PrintCard(
        uid=f"00000000-0000-4000-8000-{number:012d}",
        title=f"储罐区泄漏应急处置卡{number}",
        unit_name="开平市某化工有限公司",
        post="储罐区操作岗",
        place="罐区A区",
        plan_title="储罐区泄漏现场处置方案",
        risks="甲醇、液氨泄漏遇明火可能引发火灾爆炸或人员中毒。",
        steps=STEPS,
        precautions="佩戴好个人防护用品后方可进入泄漏区域。\n严禁使用铁质工具。",
        contacts=CONTACTS,
        number=f"KP-{number:03d}",
        version_label="2.0",
        issued_date=date(2025, 3, 1),
    )
    return replace(card, **changes)  # type: ignore[arg-type]


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(char in rest for char in needle)


def render_png(pdf: Path, page: int, dpi: int = 60) -> np.ndarray:
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(pdf), str(stem)], check=True)  # fmt: skip
    with Image.open(stem.with_suffix(".png")) as image:
        return np.asarray(image.convert("L"))


@pytest.mark.parametrize(
    ("layout", "per_page", "size"),
    [(Layout.A6, 1, A6), (Layout.A4_4UP, 4, A4), (Layout.A5_2UP, 2, landscape(A5))],
)
def test_each_layout_puts_its_number_of_cards_on_a_page(
    layout: Layout, per_page: int, size: tuple[float, float], tmp_path: Path
) -> None:
    out = tmp_path / f"{layout.value}.pdf"
    result = render_cards([make_card(i) for i in range(5)], out, CardOptions(layout=layout))
    reader = pypdf.PdfReader(out)
    expected_pages = -(-5 // per_page)
    assert result.pages == len(reader.pages) == expected_pages
    assert result.faces == 5 and result.continued == ()
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(size[0]), round(size[1]))
    texts = pages_text(out)
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {expected_pages} 页" in text
    everything = squash("".join(texts))
    # Cards in order, each with its steps in order, version stamp, unit and contacts.
    assert [everything.index(f"储罐区泄漏应急处置卡{i}") for i in range(5)] == sorted(
        everything.index(f"储罐区泄漏应急处置卡{i}") for i in range(5)
    )
    first = squash(texts[0])
    positions = [first.index(squash(step.action)) for step in STEPS]
    assert positions == sorted(positions)
    for expected in ("编号：KP-000", "版本：2.0", "发布日期：2025-03-01", "开平市某化工有限公司", "0750-2288110",
                     "执行情况", "岗位：储罐区操作岗", "依据：《储罐区泄漏现场处置方案》"):  # fmt: skip
        assert squash(expected) in first, expected


def test_markup_characters_and_newlines_print_literally(tmp_path: Path) -> None:
    card = make_card(
        title='关于<危险&化学品>的"处置"卡',
        precautions="第一条 <b>&amp;</b>\n第二条 'x' & y",
    )
    out = tmp_path / "markup.pdf"
    render_cards([card], out, CardOptions(layout=Layout.A6))
    lines = [line.strip() for line in pages_text(out)[0].splitlines()]
    assert '关于<危险&化学品>的"处置"卡' in lines
    assert any(line.endswith("第一条 <b>&amp;</b>") for line in lines)
    assert any(line.endswith("第二条 'x' & y") for line in lines)


def test_check_box_is_drawn_not_typed(tmp_path: Path) -> None:
    out = tmp_path / "box.pdf"
    result = render_cards([make_card()], out, CardOptions(layout=Layout.A6))
    assert result.missing == ()
    text = pages_text(out)[0]
    assert "☐" not in text and "□" not in text
    content = pypdf.PdfReader(out).pages[0].get_contents().get_data()
    # One stroked square per step (besides the card border and the title band).
    squares = re.findall(rb"([\d.]+) ([\d.]+) re S", content)
    assert sum(1 for w, h in squares if w == h and 9 < float(w) < 12) == len(STEPS)


def test_a_longer_card_shrinks_to_stay_on_one_face(tmp_path: Path) -> None:
    longer = make_card(steps=STEPS * 3, title="内容较多的处置卡")
    out = tmp_path / "shrunk.pdf"
    result = render_cards([longer, make_card(2)], out, CardOptions(layout=Layout.A6))
    assert result.shrunk == ("内容较多的处置卡",) and result.continued == ()
    assert result.faces == 2
    assert squash(pages_text(out)[0]).count("当班操作工") == 6


def test_a_5000_character_step_continues_on_faces_marked_xu_and_loses_nothing(tmp_path: Path) -> None:
    long_action = "".join(chr(0x4E00 + (i * 7) % 2000) for i in range(5000))
    card = make_card(steps=(PrintStep(long_action, "当班班长"), *STEPS), title="超长步骤卡")
    out = tmp_path / "long.pdf"
    result = render_cards([card, make_card(2)], out, CardOptions(layout=Layout.A4_4UP, qr=True))
    assert result.continued == ("超长步骤卡",)
    assert result.faces > 5
    texts = pages_text(out)
    everything = squash("".join(texts))
    # Between faces come the stamp and the next face's header; the step's text runs on in order.
    assert is_subsequence(long_action, everything)
    # The steps after the long one, the precautions and contacts are all there, in order.
    tail = [everything.rindex(squash(step.action)) for step in STEPS]
    assert tail == sorted(tail)
    assert everything.count("超长步骤卡（续）") == result.faces - 2
    assert f"本卡第{result.faces - 1}/{result.faces - 1}面" in everything


def test_characters_the_font_lacks_are_reported_and_marked(tmp_path: Path) -> None:
    card = make_card(
        title="张𠀀三的处置卡😀",
        unit_name="测试\x07单位",
        steps=(PrintStep("控制字符\x00\x1b之后的文字照常打印", "岗位𠀀"),),
    )
    out = tmp_path / "rare.pdf"
    result = render_cards([card], out, CardOptions(layout=Layout.A6))
    assert [(m.char, m.where) for m in result.missing] == [
        ("𠀀", ("张𠀀三的处置卡😀",)),
        ("😀", ("张𠀀三的处置卡😀",)),
    ]
    assert result.missing[0].codepoint == "U+20000"
    text = pages_text(out)[0]
    assert f"张{PLACEHOLDER}三的处置卡{PLACEHOLDER}" in text
    assert "控制字符之后的文字照常打印" in squash(text)
    assert "测试单位" in text


@needs_poppler
def test_a4_sheet_has_crop_marks_outside_the_cards_and_is_not_blank(tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    render_cards([make_card(i) for i in range(4)], out, CardOptions(layout=Layout.A4_4UP))
    dpi = 150
    scale = dpi / 72
    pixels = render_png(out, 1, dpi)
    height = pixels.shape[0]
    sheet = sheet_for(Layout.A4_4UP)
    face_w, face_h = sheet.face
    assert (pixels < 128).mean() > 0.02  # text and lines, not an empty page
    offset = 3 * 72 / 25.4  # the horizontal tick runs 1.5-4.5 mm outside the corner, on the cut line
    for x, y in sheet.slots:
        for corner_x, corner_y, side in ((x, y, -1), (x + face_w, y + face_h, 1)):
            row = round(height - corner_y * scale)
            column = round((corner_x + side * offset) * scale)
            assert pixels[row - 2 : row + 3, column].min() < 128, (x, y)
        # Beside the card, away from the ticks, the paper stays white.
        assert pixels[round(height - (y + face_h / 2) * scale), round((x - 5) * scale)] > 200


@needs_poppler
def test_a6_card_is_drawn_with_chinese_text(tmp_path: Path) -> None:
    out = tmp_path / "a6.pdf"
    render_cards([make_card()], out, CardOptions(layout=Layout.A6))
    pixels = render_png(out, 1, 100)
    ink_rows = np.flatnonzero((pixels < 128).any(axis=1))
    assert len(ink_rows) > pixels.shape[0] * 0.4  # text all down the card
    # The title band is a filled dark strip across the card near the top.
    band = pixels[: pixels.shape[0] // 8]
    assert ((band < 140).mean(axis=1) > 0.8).any()


def test_qr_is_one_filled_path_with_every_dark_module() -> None:
    matrix = qr.qr_matrix("00000000-0000-4000-8000-000000000001 v2.0 储罐区泄漏应急处置卡")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    qr.draw_qr(canvas, matrix, 100, 100, 200)
    canvas.showPage()
    canvas.save()
    content = buffer.getvalue().split(b"stream")[1]
    assert content.count(b" re") > 50
    assert len(re.findall(rb"(?m)^f\*?$|\sf\*?\s", content)) == 1  # one fill operation


@needs_poppler
def test_printed_qr_matches_the_module_matrix(tmp_path: Path) -> None:
    card = make_card()
    out = tmp_path / "qr.pdf"
    render_cards([card], out, CardOptions(layout=Layout.A6, qr=True))
    matrix = qr.qr_matrix(f"{card.uid} v{card.version_label} {card.title}")
    dpi = 600
    pixels = render_png(out, 1, dpi)
    scale = dpi / 72
    # Lay out the card again to find where the QR is.
    sheet = sheet_for(Layout.A6)
    layout = layout_card(card, sheet.face, with_qr=True)
    left = sheet.slots[0][0] + sheet.face[0] - _PAD - layout.qr_size
    bottom = sheet.slots[0][1] + _PAD
    count = matrix.shape[0]
    module = layout.qr_size / (count + 2 * qr.QUIET_ZONE)
    wrong = 0
    for r in range(count):
        for c in range(count):
            x = (left + (qr.QUIET_ZONE + c + 0.5) * module) * scale
            y = pixels.shape[0] - (bottom + layout.qr_size - (qr.QUIET_ZONE + r + 0.5) * module) * scale
            wrong += bool(pixels[round(y), round(x)] < 128) != bool(matrix[r, c])
    assert wrong == 0


def test_qr_matrix_is_what_reportlabs_encoder_makes_with_the_chosen_mask() -> None:
    from reportlab.graphics.barcode import qrencoder

    for text in ("a", "处置卡 v1.0", "x" * 300, "中文" * 100):
        matrix = qr.qr_matrix(text)
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(qrencoder.QR8bitByte(text))
        code.version = code.calculate_version()
        candidates = []
        for mask in range(8):
            code.dataCache = None
            code.makeImpl(False, mask)
            candidates.append(np.array(code.modules, dtype=bool))
        assert any((candidate == matrix).all() for candidate in candidates)
        assert min(candidates, key=qr.penalty) is not None
        assert qr.penalty(matrix) == min(qr.penalty(c) for c in candidates)


def test_the_pdf_appears_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"previous run")
    job = render_cards_job([make_card(i) for i in range(3)], out)
    assert next(job) == (0, 3, "")
    assert next(job)[:2] == (1, 3)
    job.close()
    assert out.read_bytes() == b"previous run"  # the old file is untouched, no partial file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf", "home"]
    result = render_cards([make_card(i) for i in range(3)], out)
    assert result.path == out and out.read_bytes().startswith(b"%PDF")


def test_stale_cards_are_listed_in_the_result(tmp_path: Path) -> None:
    result = render_cards([make_card(1, stale=True), make_card(2)], tmp_path / "s.pdf")
    assert result.stale == ("储罐区泄漏应急处置卡1",)


def test_base_size_is_used_when_the_card_fits(tmp_path: Path) -> None:
    small = make_card(steps=STEPS[:2], contacts=CONTACTS[:2], risks="")
    layout = layout_card(small, sheet_for(Layout.A6).face)
    assert layout.size == BASE_SIZE and len(layout.faces) == 1
