"""The concise manual (简明操作手册) of a plan, as PDF (DESIGN.md §5; DOMAIN.md §8).

Cover; contents; one-page summary (scope, grading, response levels); command structure
diagram drawn from the work groups; response flowchart drawn from the procedure steps;
measures and precautions; the work groups' duties; contacts; resources; the plan's
handling cards as faces four to an A4 page. Every page has "第 x 页 共 y 页"; every
page but the cover has a header with title, unit, version and issue date.

Input is plain data (``ManualData``). User text is escaped and characters the font lacks
print as 〓 and are listed in the result (DESIGN.md §9).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from planmgr.domain.content import SECTION_COLUMNS, SECTIONS
from planmgr.reports.card_layout import CardFace, layout_card
from planmgr.reports.cards import (
    MissingGlyph,
    MissingGlyphCollector,
    PrintCancelled,
    PrintCard,
    _atomic_target,
    printable,
)
from planmgr.reports.diagrams import CommandChart, Flowchart, FlowStep, diagram_styles
from planmgr.reports.fonts import register_fonts
from planmgr.reports.overflow import Cell, Overflow, cut_for_card
from planmgr.reports.styles import cut_to_fit, numbered_canvas, report_styles, shrink_to_fit

Progress = tuple[int, int, str]

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_SIZE = 8.0
SUMMARY_MIN_SCALE = 0.72
"""The summary shrinks to stay on one page, but never below this; beyond, it flows on."""
FLOW_TEXT_WIDTH = 360.0
"""A little less than the text width of a flowchart box on A4 (diagrams.Flowchart)."""
FLOW_HEAD_LINES = 4
"""Most lines of a flowchart box's heading and of its footer: they do not split over pages."""
HEAD_FILL = colors.HexColor("#E8E8E8")
GRID = colors.HexColor("#777777")
ACCENT = colors.HexColor("#B3261E")

CHAPTERS = (
    "概要",
    "组织指挥体系",
    "应急响应流程",
    "处置措施与注意事项",
    "工作组职责",
    "应急联系方式",
    "应急资源",
    "应急处置卡",
)
_NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^\s*(第\s*[0-9一二三四五六七八九十]+\s*步|[0-9]+\s*[.、．]|[0-9]+\s*$)")


@dataclass(frozen=True)
class ManualData:
    title: str
    unit_name: str
    category_label: str = ""
    version_label: str | None = None
    """None: the plan has no published version; the manual prints its draft."""
    issued_date: date | None = None
    doc_number: str | None = None
    content: dict[str, Any] = field(default_factory=dict)
    cards: tuple[PrintCard, ...] = ()
    stale_cards: tuple[str, ...] = ()
    print_date: date = field(default_factory=date.today)


@dataclass(frozen=True)
class ManualResult:
    path: Path
    pages: int
    missing: tuple[MissingGlyph, ...] = ()
    cards: int = 0
    card_faces: int = 0
    stale_cards: tuple[str, ...] = ()


# --- styles and small helpers ----------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    chapter: ParagraphStyle
    section: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle


def _styles() -> _Styles:
    base = report_styles()
    cell = ParagraphStyle("manual-cell", parent=base.body, fontSize=9.5, leading=13.5, spaceAfter=0)
    return _Styles(
        body=base.body,
        small=base.small,
        cell=cell,
        head=ParagraphStyle("manual-head", parent=cell, alignment=TA_CENTER),
        chapter=ParagraphStyle(
            "manual-chapter",
            parent=base.body,
            fontSize=15,
            leading=21,
            spaceBefore=4,
            spaceAfter=8,
            textColor=ACCENT,
        ),
        section=ParagraphStyle(
            "manual-section", parent=base.body, fontSize=12, leading=17, spaceBefore=6, spaceAfter=4
        ),
        cover_title=ParagraphStyle("manual-cover-title", parent=base.title, fontSize=24, leading=34),
        cover_sub=ParagraphStyle(
            "manual-cover-sub", parent=base.title, fontSize=20, leading=28, textColor=ACCENT
        ),
        cover_line=ParagraphStyle(
            "manual-cover-line", parent=base.body, fontSize=13, leading=22, alignment=TA_CENTER
        ),
        toc_title=ParagraphStyle("manual-toc-title", parent=base.title, fontSize=18, leading=26),
    )


def version_text(label: str | None) -> str:
    """ "第 2.0 版"; a label that already says 版 ("2024版") as it is; no label: a draft."""
    if not label:
        return "未发布稿（草稿）"
    return label if label.endswith("版") else f"第 {label} 版"


def _rows(content: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = content.get(key) or []
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _strings(content: dict[str, Any], key: str) -> list[str]:
    value = content.get(key) or []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return [str(v) for v in value if str(v).strip()] if isinstance(value, list) else []


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def _all_text(data: ManualData) -> list[str]:
    texts = [data.title, data.unit_name, data.category_label, data.version_label or "", data.doc_number or ""]
    stack: list[Any] = [data.content]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif value is not None:
            texts.append(str(value))
    return texts


class _ChapterHeading(Paragraph):  # type: ignore[misc]
    """A chapter title that also goes into the contents."""

    def __init__(self, text: str, style: ParagraphStyle, toc_text: str) -> None:
        super().__init__(text, style)
        self.toc_text = toc_text


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _ChapterHeading):
            self.notify("TOCEntry", (0, flowable.toc_text, self.page))


# --- the story -------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: ManualData, missing: frozenset[str], frame_w: float, frame_h: float) -> None:
        self.data = data
        self.missing = missing
        self.frame_w = frame_w
        self.frame_h = frame_h
        self.styles = _styles()
        self.chapter_no = 0
        self.card_faces = 0
        self.overflow = Overflow(markup=self.text)
        """Table cells too long to print whole: their full text goes to the appendix."""

    def text(self, value: str) -> str:
        return printable(value, self.missing)

    def chapter(self, name: str) -> Paragraph:
        label = f"{_NUMERALS[self.chapter_no]}、{name}"
        self.chapter_no += 1
        return _ChapterHeading(label, self.styles.chapter, label)

    def table(self, key: str, rows: list[dict[str, Any]], widths: Sequence[float]) -> Table:
        columns = SECTION_COLUMNS[key]
        data: list[list[Any]] = [[Paragraph(h, self.styles.head) for h in columns.values()]]
        total = sum(widths)
        column_w = [self.frame_w * w / total for w in widths]
        for row in rows:
            data.append(
                [
                    self.overflow.paragraph(Cell(_cell(row, k), self.styles.cell), w - 8)  # padding 4 + 4
                    for k, w in zip(columns, column_w, strict=True)
                ]
            )
        table = Table(data, colWidths=column_w, repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def empty(self, what: str) -> Paragraph:
        return Paragraph(f"（预案未填写{what}）", self.styles.small)

    def cover(self) -> list[Flowable]:
        data, s = self.data, self.styles
        lines = [data.unit_name, data.category_label, version_text(data.version_label)]
        if data.doc_number:
            lines.append(f"文号：{data.doc_number}")
        lines.append(f"发布日期：{data.issued_date.isoformat()}" if data.issued_date else "发布日期：未发布")
        story: list[Flowable] = [
            Spacer(1, 45 * mm),
            Paragraph(self.text(data.title), s.cover_title),
            Paragraph("简明操作手册", s.cover_sub),
            Spacer(1, 35 * mm),
        ]
        story += [Paragraph(self.text(line), s.cover_line) for line in lines if line]
        story += [
            Spacer(1, 20 * mm),
            Paragraph(f"印制日期：{data.print_date.isoformat()}", s.cover_line),
            PageBreak(),
        ]
        return story

    def contents(self) -> list[Flowable]:
        toc = TableOfContents()
        toc.levelStyles = [
            ParagraphStyle("manual-toc", parent=self.styles.body, fontSize=12, leading=22, leftIndent=10)
        ]
        toc.dotsMinLevel = 0
        return [Paragraph("目　录", self.styles.toc_title), toc, PageBreak()]

    def summary(self) -> list[Flowable]:
        content, s = self.data.content, self.styles
        inner: list[Flowable] = [Paragraph(SECTIONS["scope"], s.section)]
        scope = content.get("scope")
        inner.append(Paragraph(self.text(str(scope)), s.body) if scope else self.empty(SECTIONS["scope"]))
        for key, widths in (("grading", (1, 4)), ("response_levels", (1.2, 3.5, 2))):
            inner.append(Paragraph(SECTIONS[key], s.section))
            rows = _rows(content, key)
            inner.append(self.table(key, rows, widths) if rows else self.empty(SECTIONS[key]))
        heading = self.chapter(CHAPTERS[0])
        room = self.frame_h - heading.wrap(self.frame_w, self.frame_h)[1] - 12
        needed = sum(f.wrap(self.frame_w, 100_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in inner)
        if room < needed <= room / SUMMARY_MIN_SCALE:
            return [heading, KeepInFrame(self.frame_w, room, inner, mode="shrink"), PageBreak()]
        return [heading, *inner, PageBreak()]

    def command(self) -> list[Flowable]:
        content = self.data.content
        dstyles = diagram_styles()
        levels = _rows(content, "response_levels")
        lead = _cell(levels[0], "lead") if levels else ""
        head = [Paragraph("应急指挥部", dstyles.name)]
        if lead:
            head.append(Paragraph(self.text(f"总指挥：{_box_label(lead)}"), dstyles.small))
        groups = []
        for group in _rows(content, "work_groups"):
            box = [Paragraph(self.text(_box_label(_cell(group, "name"))), dstyles.name)]
            for key, label in (("lead", "牵头"), ("members", "成员")):
                if _cell(group, key):
                    box.append(
                        Paragraph(self.text(f"{label}：{_box_label(_cell(group, key))}"), dstyles.small)
                    )
            groups.append(box)
        story: list[Flowable] = [self.chapter(CHAPTERS[1])]
        if groups:
            story.append(CommandChart(head, groups))
        else:
            story.append(self.empty(SECTIONS["work_groups"]))
        return [*story, PageBreak()]

    def flowchart(self) -> list[Flowable]:
        dstyles = diagram_styles()
        steps = []
        for number, row in enumerate(_rows(self.data.content, "procedure"), start=1):
            name = _cell(row, "step")
            # "1. 信息报告"; a step already named by its number ("第1步", "1") stays as it is.
            name = name if _NUMBERED.match(name) else f"{number}. {name}" if name else f"第{number}步"
            footer = "　".join(
                part
                for part in (
                    f"负责：{_cell(row, 'responsible')}" if _cell(row, "responsible") else "",
                    f"时限：{_cell(row, 'time_limit')}" if _cell(row, "time_limit") else "",
                )
                if part
            )
            # The box's heading and footer do not split across pages (its text does): a few
            # lines at most, cut with a mark beyond that.
            name = cut_for_card(name, font=dstyles.name.fontName, size=dstyles.name.fontSize,
                                width=FLOW_TEXT_WIDTH, lines=FLOW_HEAD_LINES)  # fmt: skip
            footer = cut_for_card(footer, font=dstyles.small.fontName, size=dstyles.small.fontSize,
                                  width=FLOW_TEXT_WIDTH, lines=FLOW_HEAD_LINES)  # fmt: skip
            steps.append(FlowStep(self.text(name), self.text(_cell(row, "action")), self.text(footer)))
        story: list[Flowable] = [self.chapter(CHAPTERS[2])]
        story.append(
            Flowchart(steps, dstyles, page_height=self.frame_h)
            if steps
            else self.empty(SECTIONS["procedure"])
        )
        return [*story, PageBreak()]

    def measures(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [self.chapter(CHAPTERS[3])]
        for key in ("measures", "precautions"):
            story.append(Paragraph(SECTIONS[key], s.section))
            lines = _strings(self.data.content, key)
            story += [Paragraph(self.text(f"{i}. {line}"), s.body) for i, line in enumerate(lines, start=1)]
            if not lines:
                story.append(self.empty(SECTIONS[key]))
        return story

    def rows_chapter(self, chapter: str, key: str, widths: Sequence[float]) -> list[Flowable]:
        rows = _rows(self.data.content, key)
        return [self.chapter(chapter), self.table(key, rows, widths) if rows else self.empty(SECTIONS[key])]

    def cards(self) -> list[Flowable]:
        heading = self.chapter(CHAPTERS[7])
        if not self.data.cards:
            return [heading, Paragraph("本预案尚无应急处置卡。", self.styles.body)]
        story: list[Flowable] = [PageBreak(), heading]
        gap = 4 * mm
        heading_h = (
            heading.wrap(self.frame_w, self.frame_h)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
        )
        face = ((self.frame_w - gap) / 2, (self.frame_h - heading_h - gap - 2) / 2)
        faces: list[Flowable] = []
        for card in self.data.cards:
            layout = layout_card(card, face, missing=self.missing)
            faces += [CardFace(layout, i) for i in range(len(layout.faces))]
        self.card_faces = len(faces)
        for start in range(0, len(faces), 4):
            chunk: list[Any] = faces[start : start + 4] + [""] * (-len(faces[start : start + 4]) % 2)
            grid = Table(
                [chunk[i : i + 2] for i in range(0, len(chunk), 2)],
                colWidths=[face[0] + gap / 2] * 2,
                rowHeights=[face[1] + gap / 2] * (len(chunk) // 2),
            )
            grid.setStyle(
                TableStyle(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(grid)
            if start + 4 < len(faces):
                story.append(PageBreak())
        return story

    def story(self) -> list[Flowable]:
        return [
            *self.cover(),
            *self.contents(),
            *self.summary(),
            *self.command(),
            *self.flowchart(),
            *self.measures(),
            *self.rows_chapter(CHAPTERS[4], "work_groups", (1.2, 1.5, 2, 3)),
            *self.rows_chapter(CHAPTERS[5], "contacts", (2.5, 1.5, 1.5)),
            *self.rows_chapter(CHAPTERS[6], "resources", (2.2, 1.8, 2, 1.2)),
            *self.cards(),
            *self.appendix(),
        ]

    def appendix(self) -> list[Flowable]:
        """The whole text of table cells that were cut (reports/overflow.py); call last."""
        story = self.overflow.appendix(self.styles.section, self.styles.cell, self.styles.body)
        return [PageBreak(), *story] if story else []


# --- pages -----------------------------------------------------------------------------


def _header(data: ManualData, missing: frozenset[str]) -> Callable[[Any, Any], None]:
    font = register_fonts()
    source = f"《{data.title}》简明操作手册　{data.unit_name}"
    left = "".join("〓" if ch in missing else ch for ch in " ".join(source.split()))
    version = version_text(data.version_label)
    issued = data.issued_date.isoformat() if data.issued_date else "未发布"
    right = f"{version}　发布日期：{issued}"

    width, height = A4
    # The version and date get at most a third of the line (a very long version label is
    # cut with "…"; the cover prints it whole), the title the rest. Measured once, not on
    # every page (a 10,000-character title made that slow).
    right_text = cut_to_fit(right, font, HEADER_SIZE, (width - 2 * MARGIN_X) / 3)
    room = width - 2 * MARGIN_X - stringWidth(right_text, font, HEADER_SIZE) - 6 * mm
    size = shrink_to_fit(left, font, HEADER_SIZE, room, floor=5)
    paragraph, paragraph_h = None, 0.0
    if stringWidth(left, font, size) > room:  # a very long title wraps over the header's lines
        style = ParagraphStyle(
            "manual-header", fontName=font, fontSize=size, leading=size * 1.15, wordWrap="CJK"
        )
        # At most two lines: the header sits in the top margin (the cover has it all).
        short = cut_for_card(source, font=font, size=size, width=room, lines=2)
        paragraph = Paragraph(printable(short, missing), style)
        _, paragraph_h = paragraph.wrap(room, 30 * mm)

    def draw(canvas: Any, doc: Any) -> None:
        if doc.page == 1:
            return  # the cover says it all, large
        y = height - MARGIN_TOP + 8 * mm
        canvas.saveState()
        canvas.setFont(font, size)
        if paragraph is None:
            canvas.drawString(MARGIN_X, y, left)
        else:
            paragraph.drawOn(canvas, MARGIN_X, y - paragraph_h + size * 1.15)
        canvas.setFont(font, HEADER_SIZE)
        canvas.drawRightString(width - MARGIN_X, y, right_text)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 2.5 * mm, width - MARGIN_X, y - 2.5 * mm)
        canvas.restoreState()

    return draw


def render_manual_job(
    data: ManualData, out: Path | str, *, cancelled: Callable[[], bool] | None = None
) -> Generator[Progress, None, ManualResult]:
    """Write the manual to ``out`` (temporary file, renamed when complete), yielding progress."""
    out = Path(out)
    register_fonts()
    total = 3
    yield 0, total, "检查字符"
    collector = MissingGlyphCollector()
    missing = collector.check(_all_text(data), "预案内容")
    for card in data.cards:
        missing |= collector.check(card.texts(), f"处置卡：{card.title}")
    if cancelled is not None and cancelled():
        raise PrintCancelled
    frame_w = A4[0] - 2 * MARGIN_X
    frame_h = A4[1] - MARGIN_TOP - MARGIN_BOTTOM
    builder = _Builder(data, missing, frame_w, frame_h)
    story = builder.story()
    yield 1, total, "排版"
    if cancelled is not None and cancelled():
        raise PrintCancelled
    temp = _atomic_target(out)
    try:
        doc = _Doc(
            str(temp),
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{data.title} 简明操作手册",
            author=data.unit_name,
            creator="planmgr 应急预案与演练管理",
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            frame_w,
            frame_h,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_header(data, missing))])
        doc.multiBuild(story, canvasmaker=numbered_canvas())
        pages = doc.page
        yield 2, total, "保存"
        if cancelled is not None and cancelled():
            raise PrintCancelled
        os.replace(temp, out)
    finally:
        if temp.exists():
            temp.unlink()
    return ManualResult(out, pages, collector.result(), len(data.cards), builder.card_faces, data.stale_cards)


def render_manual(data: ManualData, out: Path | str) -> ManualResult:
    """``render_manual_job`` run to the end."""
    job = render_manual_job(data, out)
    while True:
        try:
            next(job)
        except StopIteration as stop:
            result: ManualResult = stop.value
            return result


BOX_LABEL_CHARS = 60
"""A chart box holds a short label; the full text is in the duties table (a box taller than
the page cannot be drawn at all)."""


def _box_label(text: str) -> str:
    return text if len(text) <= BOX_LABEL_CHARS else text[: BOX_LABEL_CHARS - 1] + "…"
