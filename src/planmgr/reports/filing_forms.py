"""Filing forms (DOMAIN.md §5; DESIGN.md §5): 备案申报表, 形式审查表, 备案登记表 and the
一次性告知 notice, as PDF bytes.

Input is plain data (the services build it); every user text is escaped before it reaches
a Paragraph; every page carries "第 x 页 共 y 页" and, at its foot, the unit and date.
- 申报表 fields: ENT Art.27 ① (单位名称, 联系人, 联系电话, 传真, 电子信箱, 法定代表人,
  资产总额, 行业类型, 从业人数, 单位地址, 邮政编码, plans, 单位公章, date), with the package
  fingerprint so the paper and the file can be matched;
- 形式审查表: the formal-check items (封面, 批准页, 目录, 正文, 附件, 编制过程记录) and materials;
- 备案登记表: 备案编号, unit, address, postcode, legal representative, 经办人, phone, the plans,
  "经形式审查，符合要求，予以备案", 备案部门（盖章）, date (ENT Art.28);
- 一次性告知书: everything missing, in one notice (ENT Art.28).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planmgr.reports.fonts import escape_paragraph_text, missing_glyphs, register_fonts
from planmgr.reports.overflow import Cell, Overflow, cell_widths
from planmgr.reports.styles import (
    FOOTER_SIDE,
    FOOTER_SIZE,
    ReportStyles,
    cut_to_fit,
    numbered_canvas,
    report_styles,
)

PAGE_WIDTH = A4[0] - 40 * mm
EMPTY = "—"
CELL_PAD_X = 6  # ReportLab's default left and right cell padding
TICK, BOX = "■", "□"


@dataclass(frozen=True)
class FormPlan:
    title: str
    category: str  # label, e.g. 综合应急预案
    version: str
    published: date | None = None
    doc_number: str | None = None


@dataclass(frozen=True)
class FormMaterial:
    item: str
    provided: bool
    filename: str | None = None


@dataclass(frozen=True)
class DeclarationForm:
    """备案申报表 (ENT Art.27 ①)."""

    unit_name: str
    authority_name: str
    fingerprint: str
    declared_date: date
    plans: Sequence[FormPlan]
    materials: Sequence[FormMaterial] = ()
    contact: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    legal_rep: str | None = None
    total_assets: str | None = None
    industry: str | None = None
    employees: int | None = None
    address: str | None = None
    postcode: str | None = None
    uscc: str | None = None
    enterprise: bool = True


@dataclass(frozen=True)
class CheckItem:
    item: str
    requirement: str
    ok: bool | None  # None: not checked yet
    note: str = ""


@dataclass(frozen=True)
class CheckForm:
    """形式审查表."""

    unit_name: str
    authority_name: str
    submitted_date: date | None
    fingerprint: str | None
    plans: Sequence[FormPlan]
    items: Sequence[CheckItem]
    materials: Sequence[FormMaterial] = ()
    checker: str | None = None
    checked_date: date | None = None


@dataclass(frozen=True)
class RegistrationForm:
    """备案登记表."""

    filing_number: str
    unit_name: str
    authority_name: str
    registered_date: date
    plans: Sequence[FormPlan]
    address: str | None = None
    postcode: str | None = None
    legal_rep: str | None = None
    handler: str | None = None  # 经办人
    phone: str | None = None
    submitted_date: date | None = None


@dataclass(frozen=True)
class ReturnNotice:
    """一次性告知书: every missing item at once."""

    unit_name: str
    authority_name: str
    submitted_date: date | None
    returned_date: date
    plans: Sequence[FormPlan]
    missing_items: Sequence[str]
    fingerprint: str | None = None
    note: str | None = None


# --------------------------------------------------------------------------- building blocks


def _day(value: date | None) -> str:
    return f"{value.year} 年 {value.month} 月 {value.day} 日" if value else EMPTY


def _text(value: object) -> str:
    if value is None or value == "":
        return EMPTY
    return str(value)


class _Kit:
    """Styles and the Paragraph/Table helpers of one document."""

    def __init__(self) -> None:
        self.styles: ReportStyles = report_styles()
        self.cell = ParagraphStyle("form-cell", parent=self.styles.body, spaceAfter=0, leading=15)
        self.label = ParagraphStyle("form-label", parent=self.cell)
        self.right = ParagraphStyle("form-right", parent=self.styles.body, alignment=TA_RIGHT)
        self.heading = ParagraphStyle("form-heading", parent=self.styles.body, fontSize=12, leading=18,
                                      spaceBefore=10, spaceAfter=4)  # fmt: skip
        self.overflow = Overflow()
        """Cells too long for their table, printed in full in the appendix (reports/overflow.py)."""

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape_paragraph_text(_text(text)), style or self.cell)

    def c(self, text: object, style: ParagraphStyle | None = None) -> Cell:
        """A table cell's text; the table makes the Paragraph when it knows the width."""
        return Cell(_text(text), style or self.cell)

    def appendix(self) -> list[Flowable]:
        """The whole text of every cell cut in this document's tables (empty if none)."""
        return self.overflow.appendix(self.heading, self.cell, self.styles.body)

    def title(self, text: str) -> Paragraph:
        return Paragraph(escape_paragraph_text(text), self.styles.title)

    def body(self, text: str) -> Paragraph:
        return Paragraph(escape_paragraph_text(text), self.styles.body)

    def grid(
        self,
        rows: list[list[object]],
        widths: Sequence[float],
        spans: Sequence[tuple[int, int, int, int]] = (),
        header: bool = False,
    ) -> Table:
        columns = [w * PAGE_WIDTH for w in widths]
        spanned = cell_widths(columns, len(rows), spans)
        cells = [
            [
                c
                if isinstance(c, Flowable)
                else self.overflow.paragraph(
                    c if isinstance(c, Cell) else self.c(c), spanned.get((x, y), columns[x]) - 2 * CELL_PAD_X
                )
                for x, c in enumerate(row)
            ]
            for y, row in enumerate(rows)
        ]
        # splitInRow: a cell taller than a page (a long address, many line breaks) continues on
        # the next page instead of failing the whole form; cells are cut at CELL_LINES lines
        # (the rest goes to the appendix) so that splitting stays quick.
        table = Table(cells, colWidths=columns, repeatRows=1 if header else 0, splitInRow=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            # Tables set the cell font even for Paragraph cells; not Helvetica (DESIGN.md §5).
            ("FONTNAME", (0, 0), (-1, -1), self.cell.fontName),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
        for c0, r0, c1, r1 in spans:
            style.append(("SPAN", (c0, r0), (c1, r1)))
        table.setStyle(TableStyle(style))
        return table

    def plans_table(self, plans: Sequence[FormPlan]) -> Table:
        rows: list[list[object]] = [["序号", "预案名称", "类别", "版本", "发布日期"]]
        for i, plan in enumerate(plans, start=1):
            rows.append(
                [
                    str(i),
                    plan.title,
                    plan.category,
                    plan.version,
                    plan.published.isoformat() if plan.published else EMPTY,
                ]
            )
        return self.grid(rows, (0.08, 0.44, 0.2, 0.1, 0.18), header=True)

    def materials_table(self, materials: Sequence[FormMaterial]) -> Table:
        rows: list[list[object]] = [["序号", "材料", "是否提供", "文件"]]
        for i, m in enumerate(materials, start=1):
            rows.append([str(i), m.item, f"{TICK} 已提供" if m.provided else f"{BOX} 未提供", m.filename])
        return self.grid(rows, (0.08, 0.42, 0.16, 0.34), header=True)


def _pdf(story: list[Flowable], title: str, note: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="planmgr",
    )
    doc.build(story, canvasmaker=numbered_canvas(_fit_footer(note)))
    return buffer.getvalue()


def _fit_footer(note: str) -> str:
    """The note sits left of the centred "第 x 页 共 y 页": cut it short of that."""
    return cut_to_fit(note, register_fonts(), FOOTER_SIZE, A4[0] / 2 - FOOTER_SIDE - 22 * mm)


# --------------------------------------------------------------------------- the forms


def declaration_pdf(form: DeclarationForm) -> bytes:
    """应急预案备案申报表, with the package fingerprint."""
    k = _Kit()
    title = "生产经营单位生产安全事故应急预案备案申报表" if form.enterprise else "应急预案备案申报表"
    rows: list[list[object]] = [
        ["单位名称", form.unit_name, "统一社会信用代码", form.uscc],
        ["联系人", form.contact, "联系电话", form.phone],
        ["传真", form.fax, "电子信箱", form.email],
        ["法定代表人", form.legal_rep, "资产总额（万元）", form.total_assets],
        ["行业类型", form.industry, "从业人数", form.employees],
        ["单位地址", form.address, "邮政编码", form.postcode],
    ]
    plans = "\n".join(
        f"{i}. {p.title}（{p.category}，第 {p.version} 版{('，' + p.doc_number) if p.doc_number else ''}）"
        for i, p in enumerate(form.plans, start=1)
    )
    statement = (
        f"根据《生产安全事故应急预案管理办法》，现将我单位签署发布的下列应急预案报送{form.authority_name}"
        f"备案，请予审查：\n{plans}\n\n报送材料：\n"
        + "\n".join(f"{TICK if m.provided else BOX} {m.item}" for m in form.materials)
    )
    rows.append([k.c(statement), "", "", ""])
    rows.append([k.c(f"\n\n（单位公章）\n{_day(form.declared_date)}", k.right), "", "", ""])
    rows.append([k.c(f"备案包指纹：{form.fingerprint}（与电子备案包核对）"), "", "", ""])
    last = len(rows) - 1
    table = k.grid(
        rows,
        (0.17, 0.33, 0.2, 0.3),
        spans=[(0, last - 2, 3, last - 2), (0, last - 1, 3, last - 1), (0, last, 3, last)],
    )
    story: list[Flowable] = [k.title(title), table, *k.appendix()]
    return _pdf(story, title, f"{form.unit_name}  {form.declared_date.isoformat()}")


def check_pdf(form: CheckForm) -> bytes:
    """应急预案备案形式审查表."""
    k = _Kit()
    title = "应急预案备案形式审查表"
    head = k.grid(
        [
            [
                "报送单位",
                form.unit_name,
                "报送日期",
                form.submitted_date.isoformat() if form.submitted_date else EMPTY,
            ],
            ["受理部门", form.authority_name, "备案包指纹", form.fingerprint],
        ],
        (0.15, 0.4, 0.15, 0.3),
    )
    rows: list[list[object]] = [["序号", "审查项目", "审查要求", "结论", "说明"]]
    for i, item in enumerate(form.items, start=1):
        verdict = "未审查" if item.ok is None else ("符合" if item.ok else "不符合")
        rows.append([str(i), item.item, item.requirement, verdict, item.note])
    checks = k.grid(rows, (0.08, 0.16, 0.38, 0.12, 0.26), header=True)
    failed = [i.item for i in form.items if i.ok is False] + [
        m.item for m in form.materials if not m.provided
    ]
    pending = any(i.ok is None for i in form.items)
    if failed:
        conclusion = "审查结论：材料不齐全或不符合要求，需补正：" + "、".join(failed)
    elif pending:
        conclusion = "审查结论：尚未审查完毕"
    else:
        conclusion = "审查结论：经形式审查，符合要求"
    story: list[Flowable] = [
        k.title(title),
        head,
        Spacer(1, 4 * mm),
        k.body("一、报送的预案"),
        k.plans_table(form.plans),
        Spacer(1, 4 * mm),
        k.body("二、形式审查"),
        checks,
        Spacer(1, 4 * mm),
        k.body("三、备案材料"),
        k.materials_table(form.materials),
        Spacer(1, 4 * mm),
        k.body(conclusion),
        k.p(f"审查人：{_text(form.checker)}    审查日期：{_day(form.checked_date)}", k.right),
        *k.appendix(),
    ]
    return _pdf(story, title, f"{form.authority_name}  {form.unit_name}")


def registration_pdf(form: RegistrationForm) -> bytes:
    """应急预案备案登记表 (ENT Art.28: issued when the filing is complete)."""
    k = _Kit()
    title = "应急预案备案登记表"
    rows: list[list[object]] = [
        ["备案编号", form.filing_number, "", ""],
        ["单位名称", form.unit_name, "", ""],
        ["单位地址", form.address, "邮政编码", form.postcode],
        ["法定代表人", form.legal_rep, "经办人", form.handler],
        [
            "联系电话",
            form.phone,
            "报送日期",
            form.submitted_date.isoformat() if form.submitted_date else EMPTY,
        ],
    ]
    names = "\n".join(f"{i}. {p.title}（第 {p.version} 版）" for i, p in enumerate(form.plans, start=1))
    rows.append([k.c(f"你单位上报的：\n{names}\n\n经形式审查，符合要求，予以备案。"), "", "", ""])
    rows.append(
        [
            k.c(f"\n\n备案部门（盖章）：{form.authority_name}\n{_day(form.registered_date)}", k.right),
            "",
            "",
            "",
        ]
    )
    table = k.grid(
        rows, (0.17, 0.38, 0.15, 0.3), spans=[(1, 0, 3, 0), (1, 1, 3, 1), (0, 5, 3, 5), (0, 6, 3, 6)]
    )
    story: list[Flowable] = [k.title(title), table, *k.appendix()]
    return _pdf(story, title, f"{form.authority_name}  {form.filing_number}")


def return_notice_pdf(form: ReturnNotice) -> bytes:
    """应急预案备案材料补正一次性告知书: everything missing, in one notice."""
    k = _Kit()
    title = "应急预案备案材料补正一次性告知书"
    story: list[Flowable] = [
        k.title(title),
        k.body(f"{form.unit_name}："),
        k.body(
            f"你单位于{_day(form.submitted_date)}报送的下列应急预案备案材料，经形式审查，"
            "材料不齐全或不符合要求，现一次性告知需补正的全部内容。请补正后重新报送备案。"
        ),
        k.plans_table(form.plans),
        Spacer(1, 4 * mm),
        k.body("需补正的材料和内容："),
    ]
    story.extend(k.body(f"{i}. {item}") for i, item in enumerate(form.missing_items, start=1))
    if form.note:
        story.append(k.body(f"说明：{form.note}"))
    if form.fingerprint:
        story.append(k.body(f"原备案包指纹：{form.fingerprint}"))
    story.extend(
        [
            Spacer(1, 10 * mm),
            k.p(f"{form.authority_name}（盖章）\n{_day(form.returned_date)}", k.right),
            *k.appendix(),
        ]
    )
    return _pdf(story, title, f"{form.authority_name}  {form.returned_date.isoformat()}")


def missing_in(form: object) -> list[str]:
    """Characters of a form's text the bundled font cannot draw (they would print as
    nothing), for the caller to report — as the card, manual and drill forms do."""
    return missing_glyphs("".join(_texts(form)))


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from _texts(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
