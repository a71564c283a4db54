"""Benchmark: 1,000 handling cards, A4 four to a page, planmgr against bare ReportLab.

The baseline draws the same content with the same ReportLab objects (Paragraphs, a Table
with a drawn check box, crop marks, footer) at fixed positions: no escaping, no glyph
check, no fitting or continuation, no deferred page numbers, no atomic file. With ``--qr``
the baseline uses ReportLab's stock ``QrCodeWidget`` and planmgr its one-path QR.

    .venv/bin/python bench/bench_cards.py [--cards 1000] [--qr] [--repeat 3]

Targets (issue): planmgr ≤ 1.5 × the baseline and ≤ 15 s for 1,000 cards. Both run in
this process, alternating; the best of ``--repeat`` rounds counts.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from planmgr.reports.card_layout import layout_card  # noqa: E402
from planmgr.reports.cards import (  # noqa: E402
    CardOptions,
    CardsResult,
    Layout,
    PrintCard,
    PrintContact,
    PrintStep,
)
from planmgr.reports.imposition import render_cards, sheet_for  # noqa: E402

_PHRASES = (
    "发现 泄漏 立即 报告 班长 关闭 进料阀 出料阀 停止 装卸 作业 启动 喷淋 冷却 系统 设置 警戒区 疏散 "
    "下风向 人员 集合点 清点 人数 佩戴 空气呼吸器 防化服 堵漏 吸附棉 围堵 拨打 119 120 报告 应急办 "
    "切断 电源 气源 通风 检测 有限空间 严禁 盲目 施救 ZV-101 200米"
)
WORDS = _PHRASES.split(" ")


def sentence(rng: random.Random, low: int, high: int) -> str:
    text = ""
    target = rng.randint(low, high)
    while len(text) < target:
        text += rng.choice(WORDS) + rng.choice(("", "", "，"))
    return text.rstrip("，") + "。"


def make_cards(count: int) -> list[PrintCard]:
    rng = random.Random(20261129)
    cards = []
    for i in range(count):
        cards.append(
            PrintCard(
                uid=f"{i:08d}-0000-4000-8000-{i:012d}",
                title=f"{rng.choice(('储罐区', '装卸站', '配电室', '锅炉房', '仓库'))}泄漏应急处置卡{i}",
                unit_name="开平市某某化工有限公司",
                post=rng.choice(("操作岗", "班长岗", "巡检岗")),
                place=rng.choice(("罐区A区", "装卸站", "一号仓库")),
                plan_title="储罐区泄漏现场处置方案",
                risks=sentence(rng, 25, 50),
                steps=tuple(
                    PrintStep(sentence(rng, 12, 28), rng.choice(("操作工", "班长", "安全员")))
                    for _ in range(rng.randint(4, 5))
                ),
                precautions="\n".join(sentence(rng, 8, 16) for _ in range(2)),
                contacts=(
                    PrintContact("公司应急值班室", "0750-2212345"),
                    PrintContact("火警", "119", True),
                    PrintContact("急救", "120", True),
                    PrintContact("应急管理局", "0750-2288110", True),
                ),
                number=f"KP-{i:04d}",
                version_label="2.0",
                issued_date=date(2025, 3, 1),
            )
        )
    return cards


# --- the bare ReportLab baseline --------------------------------------------------------


class Box(Flowable):  # type: ignore[misc]
    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, w: float, h: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.rect(0, 0, self.size, self.size)


def _styles(font: str, size: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle(f"b{size}", fontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK")
    head = ParagraphStyle(f"h{size}", parent=body, alignment=TA_CENTER)
    title_size = max(size * 1.4, 9.5)
    title = ParagraphStyle(
        f"t{size}",
        parent=body,
        fontSize=title_size,
        leading=title_size * 1.25,
        alignment=TA_CENTER,
        textColor=colors.white,
    )
    return body, head, title


def baseline(cards: list[PrintCard], sizes: list[float], out: Path, with_qr: bool) -> None:
    """Draw every card at the text size planmgr chose for it (worked out beforehand)."""
    font = "BenchFont"
    if font not in pdfmetrics.getRegisteredFontNames():
        path = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
        pdfmetrics.registerFont(TTFont(font, str(path), subfontIndex=0))
    styles = {size: _styles(font, size) for size in set(sizes)}
    stamp = ParagraphStyle("s", fontName=font, fontSize=6.5, leading=8.45, wordWrap="CJK")
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1)
    face_w, face_h = 90 * mm, 130.5 * mm
    slots = [(10 * mm, 156.5 * mm), (110 * mm, 156.5 * mm), (10 * mm, 16 * mm), (110 * mm, 16 * mm)]
    inner = face_w - 2 * 1.5 * mm - 2 * 1.6 * mm
    for index, card in enumerate(cards):
        body, head, title = styles[sizes[index]]
        if index and index % 4 == 0:
            canvas.showPage()
        if index % 4 == 0:
            canvas.setFont(font, 7.5)
            canvas.drawString(10 * mm, 6.5 * mm, "应急处置卡　打印日期　沿裁切线裁开")
            canvas.drawRightString(200 * mm, 6.5 * mm, f"第 {index // 4 + 1} 页")
        x, y = slots[index % 4]
        for cx, cy in ((x, y), (x + face_w, y), (x, y + face_h), (x + face_w, y + face_h)):
            canvas.line(cx - 4.5 * mm, cy, cx - 1.5 * mm, cy)
            canvas.line(cx, cy - 4.5 * mm, cx, cy - 1.5 * mm)
        left, top = x + 1.5 * mm + 1.6 * mm, y + face_h - 1.5 * mm
        canvas.rect(x + 1.5 * mm, y + 1.5 * mm, face_w - 3 * mm, face_h - 3 * mm)
        canvas.setFillColor(colors.darkred)
        canvas.rect(x + 1.5 * mm, top - 22, face_w - 3 * mm, 22, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        cursor = top - 2
        story = [
            Paragraph(card.title, title),
            Paragraph(f"岗位：{card.post}　场所：{card.place}", body),
            Paragraph("事故风险", body),
            Paragraph(card.risks, body),
            Paragraph("处置步骤", body),
        ]
        rows = [[Paragraph(h, head) for h in ("步骤", "处置内容", "负责岗位", "执行情况")]]
        rows += [
            [Paragraph(str(i), head), Paragraph(s.action, body), Paragraph(s.responsible, body), Box(10)]
            for i, s in enumerate(card.steps, 1)
        ]
        steps = Table(rows, colWidths=[21.6, inner - 21.6 - 26.1 - inner * 0.2, inner * 0.2, 26.1])
        steps.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        story += [steps, Paragraph("注意事项", body)]
        story += [Paragraph(line, body) for line in card.precautions.split("\n")]
        story.append(Paragraph("应急联系电话", body))
        contacts = [[Paragraph(c.name, body), Paragraph(c.phone, body)] for c in card.contacts]
        pairs = [contacts[i] + contacts[i + 1] for i in range(0, len(contacts) - 1, 2)]
        table = Table(pairs, colWidths=[inner * 0.3, inner * 0.2] * 2)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        story.append(table)
        for flowable in story:
            _, h = flowable.wrap(inner, 1000)
            flowable.drawOn(canvas, left, cursor - h)
            cursor -= h + 2
        stamp_y = y + 1.5 * mm + 1.6 * mm + 30
        for line in (
            f"编号：{card.number}　版本：{card.version_label}　发布日期：2025-03-01",
            card.unit_name,
        ):
            paragraph = Paragraph(line, stamp)
            _, h = paragraph.wrap(inner - 45, 100)
            paragraph.drawOn(canvas, left, stamp_y - h)
            stamp_y -= h
        if with_qr:
            widget = QrCodeWidget(
                f"{card.uid} v{card.version_label} {card.title[:12]}", barWidth=40, barHeight=40
            )
            drawing = Drawing(40, 40)
            drawing.add(widget)
            renderPDF.draw(drawing, canvas, x + face_w - 1.5 * mm - 1.6 * mm - 40, y + 1.5 * mm + 1.6 * mm)
    canvas.showPage()
    canvas.save()


def interleaved(repeat: int, *runs: Callable[[], object]) -> list[tuple[float, object]]:
    """Best wall time of each run over ``repeat`` rounds, the runs alternating within a round
    (a machine shared with other work slows both alike), and each run's last result."""
    best = [float("inf")] * len(runs)
    results: list[object] = [None] * len(runs)
    for _ in range(max(1, repeat)):
        for i, run in enumerate(runs):
            started = time.perf_counter()
            results[i] = run()
            best[i] = min(best[i], time.perf_counter() - started)
    return list(zip(best, results, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--qr", action="store_true", help="also time both with QR codes")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cards = make_cards(args.cards)
    sheet = sheet_for(Layout.A4_4UP)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        base_pdf, ours_pdf = Path(folder) / "baseline.pdf", Path(folder) / "planmgr.pdf"
        variants = [False, True] if args.qr else [False]
        for with_qr in variants:
            # Not timed: the size planmgr picks for each card, so the baseline draws the same text.
            sizes = [
                layout_card(c, sheet.face, inset=sheet.border_inset, with_qr=with_qr).size for c in cards
            ]
            suffix = "，带二维码" if with_qr else ""
            print(f"{args.cards} 张处置卡，A4 每页 4 张{suffix}")
            options = CardOptions(layout=Layout.A4_4UP, qr=with_qr)
            (bare, _), (ours, result) = interleaved(
                args.repeat,
                lambda q=with_qr, z=sizes: baseline(cards, z, base_pdf, q),
                lambda o=options: render_cards(cards, ours_pdf, o),
            )
            print(f"{'ReportLab 基线（同样内容）':<28} {bare:7.2f} s")
            print(f"{'planmgr render_cards':<34} {ours:7.2f} s")
            assert isinstance(result, CardsResult)
            ratio = ours / bare
            print(f"{'比值 planmgr / 基线':<30} {ratio:7.2f}（目标 ≤ 1.5）")
            print(f"  页数 {result.pages}，缩小字号 {len(result.shrunk)} 张，接续 {len(result.continued)} 张")
            sizes_kb = base_pdf.stat().st_size // 1024, ours_pdf.stat().st_size // 1024
            print(f"  PDF 大小：基线 {sizes_kb[0]} KB，planmgr {sizes_kb[1]} KB")
            if ratio > 1.5 or (args.cards >= 1000 and ours > 15):
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
