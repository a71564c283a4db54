"""演练记录表 and 演练评估报告 (DESIGN.md §5 forms; AQ/T 9009 evaluation report contents).

Input is plain data (the services build it); output is PDF bytes. Every page carries the
version stamp at the top right, the unit and the drill date at the foot, and
"第 x 页 共 y 页". All user text is escaped before it reaches a Paragraph; characters the
font cannot draw are reported by ``missing_in`` so the caller can warn.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planmgr.reports.fonts import escape_paragraph_text, missing_glyphs, register_fonts
from planmgr.reports.overflow import Cell, Overflow, cell_widths
from planmgr.reports.styles import FOOTER_SIZE, ReportStyles, numbered_canvas, report_styles

MARGIN_SIDE = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
GRID = colors.HexColor("#555555")
SHADE = colors.HexColor("#EEEEEE")
FOOTER_UNIT_CHARS = 18  # the page number sits in the middle of the foot


@dataclass(frozen=True)
class DrillRecordForm:
    """What the 演练记录表 prints (labels already in Chinese)."""

    title: str
    unit_name: str
    start: date
    end: date | None
    status_label: str
    form_label: str
    scope_label: str
    purpose_label: str
    record_version: int
    printed_on: date
    location: str = ""
    tags: Sequence[str] = ()
    plans: Sequence[str] = ()  # “《title》（version）”
    participant_units: Sequence[str] = ()
    head_count: int | None = None
    scenario: str = ""
    log: Sequence[tuple[str, str]] = ()  # (time, text)
    attachments: Sequence[tuple[str, str]] = ()  # (kind label, file name)
    reported_to_authority: bool | None = None  # None: reporting not required
    note: str = ""

    @property
    def date_text(self) -> str:
        if self.end and self.end != self.start:
            return f"{self.start.isoformat()} 至 {self.end.isoformat()}"
        return self.start.isoformat()


@dataclass(frozen=True)
class ScoreLine:
    section: str
    text: str
    kind_label: str  # 是/否 | 1–5 分
    result: str  # 是, 否, 4 分, 不适用
    weight: float = 1.0


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str
    due: str
    status_label: str
    plan_section: str = ""


@dataclass(frozen=True)
class DrillEvaluationForm:
    """What the 演练评估报告 prints."""

    record: DrillRecordForm
    template_name: str
    template_source: str
    eval_date: date
    evaluators: str = ""
    lines: Sequence[ScoreLine] = ()
    score_percent: float | None = None
    grade: str = ""
    comments: str = ""  # 现场点评
    self_assessment: str = ""  # 参演人员自评
    team_opinion: str = ""  # 评估组意见
    conclusion: str = ""
    overview: str = ""  # 概要
    problems: Sequence[str] = field(default_factory=tuple)  # 发现的问题
    lessons: str = ""  # 经验教训
    suggestions: str = ""  # 建议
    actions: Sequence[ActionLine] = ()  # 纠正行动

    @property
    def score_text(self) -> str:
        if self.score_percent is None:
            return "未评分"
        grade = f"（{self.grade}）" if self.grade else ""
        return f"{self.score_percent:.1f}%{grade}"


# --- text checks -----------------------------------------------------------------------


def _record_texts(r: DrillRecordForm) -> list[str]:
    return [r.title, r.unit_name, r.location, r.scenario, r.note, *r.tags, *r.plans, *r.participant_units,
            *(t for pair in r.log for t in pair), *(t for pair in r.attachments for t in pair)]  # fmt: skip


def missing_in(form: DrillRecordForm | DrillEvaluationForm) -> list[str]:
    """Characters of the user text the bundled font cannot draw (they would print as nothing)."""
    if isinstance(form, DrillRecordForm):
        texts = _record_texts(form)
    else:
        texts = _record_texts(form.record) + [
            form.template_name, form.evaluators, form.comments, form.self_assessment, form.team_opinion,
            form.conclusion, form.overview, form.lessons, form.suggestions, *form.problems,
            *(line.text for line in form.lines), *(f"{a.text}{a.owner}" for a in form.actions),
        ]  # fmt: skip
    return missing_glyphs("".join(texts))


# --- building blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class _Look:
    styles: ReportStyles
    cell: ParagraphStyle
    head: ParagraphStyle
    heading: ParagraphStyle
    subtitle: ParagraphStyle
    sub: ParagraphStyle
    overflow: Overflow
    """Cells too long for the table: printed in full in the appendix (reports/overflow.py)."""


def _look() -> _Look:
    styles = report_styles()
    cell = ParagraphStyle("drill-cell", parent=styles.body, spaceAfter=0, leading=styles.body.fontSize * 1.4)
    head = ParagraphStyle("drill-head", parent=cell, alignment=TA_CENTER)
    heading = ParagraphStyle("drill-heading", parent=styles.body, fontSize=12, leading=18, spaceBefore=8,
                             spaceAfter=4)  # fmt: skip
    subtitle = ParagraphStyle(
        "drill-subtitle", parent=styles.body, alignment=TA_CENTER, fontSize=12, leading=18
    )
    sub = ParagraphStyle("drill-sub", parent=styles.body, spaceBefore=2, spaceAfter=2)
    return _Look(styles, cell, head, heading, subtitle, sub, Overflow())


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape_paragraph_text(text), style)


def _c(text: str, style: ParagraphStyle) -> Cell:
    return Cell(text, style)


_CELL_PAD_X = 6  # ReportLab's default left and right cell padding


Span = tuple[int, int, int, int]
"""(first column, first row, last column, last row) of a SPAN command."""


def _grid(data: list[list[Any]], widths: Sequence[float], look: _Look, *, header: bool = False,
          label_columns: Iterable[int] = (), spans: Sequence[Span] = ()) -> Table:  # fmt: skip
    """A table of ``data``; ``Cell`` entries become Paragraphs cut to ``look.overflow``'s
    limit at their (spanned) width. ``spans``: (first column, row, last column, row)."""
    spanned = cell_widths(widths, len(data), spans)
    cells = [
        [
            look.overflow.paragraph(value, spanned.get((col, row), widths[col]) - 2 * _CELL_PAD_X)
            if isinstance(value, Cell)
            else value
            for col, value in enumerate(line)
        ]
        for row, line in enumerate(data)
    ]
    table = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    for column in label_columns:
        commands.append(("BACKGROUND", (column, 0), (column, -1), SHADE))
    commands += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    table.setStyle(TableStyle(commands))
    return table


def _text_block(title: str, text: str, look: _Look, empty: str = "（无）", *, sub: bool = False) -> list[Any]:
    return [_p(title, look.sub if sub else look.heading), _p(text.strip() or empty, look.styles.body)]


def _info_table(r: DrillRecordForm, look: _Look, width: float) -> Table:
    c = look.cell
    label_w = 24 * mm
    value_w = (width - 2 * label_w) / 2
    reported = {None: "不适用", True: "已报送", False: "未报送"}[r.reported_to_authority]
    rows: list[list[Any]] = [
        [_c("演练名称", c), _c(r.title, c), "", ""],
        [_c("组织单位", c), _c(r.unit_name, c), _c("演练状态", c), _c(r.status_label, c)],
        [_c("演练日期", c), _c(r.date_text, c), _c("演练地点", c), _c(r.location or "—", c)],
        [_c("演练形式", c), _c(r.form_label, c), _c("演练范围", c), _c(r.scope_label, c)],
        [_c("演练目的", c), _c(r.purpose_label, c), _c("演练方式", c), _c("、".join(r.tags) or "—", c)],
        [_c("检验预案", c), _c("\n".join(r.plans) or "—", c), "", ""],
        [_c("参演单位", c), _c("、".join(r.participant_units) or "—", c), "", ""],
        [_c("参演人数", c), _c(f"{r.head_count} 人" if r.head_count else "—", c),
         _c("报送情况", c), _c(reported, c)],
    ]  # fmt: skip
    table = _grid(rows, [label_w, value_w, label_w, value_w], look, spans=[(1, i, 3, i) for i in (0, 5, 6)])
    shade = [("BACKGROUND", (0, 0), (0, -1), SHADE)] + [
        ("BACKGROUND", (2, i), (2, i), SHADE) for i in (1, 2, 3, 4, 7)
    ]
    table.setStyle(TableStyle(shade))
    return table


def _log_table(r: DrillRecordForm, look: _Look, width: float) -> Table:
    rows: list[list[Any]] = [[_c("序号", look.head), _c("时间", look.head), _c("记录内容", look.head)]]
    for n, (at, text) in enumerate(r.log, 1):
        rows.append([_c(str(n), look.head), _c(at, look.cell), _c(text, look.cell)])
    if not r.log:
        rows.append([_c("—", look.head), _c("—", look.cell), _c("（未记录）", look.cell)])
    return _grid(rows, [12 * mm, 32 * mm, width - 44 * mm], look, header=True)


def _signatures(labels: Sequence[str], look: _Look) -> Paragraph:
    gap = "&nbsp;" * 4
    text = gap.join(f"{escape_paragraph_text(label)}：{'_' * 14}" for label in labels)
    return Paragraph(text, look.styles.body)


def _page_header(stamp: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(register_fonts(), FOOTER_SIZE)
        canvas.drawRightString(doc.pagesize[0] - MARGIN_SIDE, doc.pagesize[1] - 12 * mm, stamp)
        canvas.restoreState()

    return draw


def _footer_note(r: DrillRecordForm) -> str:
    unit = r.unit_name
    if len(unit) > FOOTER_UNIT_CHARS:
        unit = unit[: FOOTER_UNIT_CHARS - 1] + "…"
    return f"{unit}  {r.start.isoformat()}"


def _build(story: list[Any], *, title: str, r: DrillRecordForm, stamp: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{title} {r.title}",
        author=r.unit_name,
        subject=title,
        creator="planmgr",
    )
    header = _page_header(stamp)
    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=numbered_canvas(_footer_note(r)))
    return buffer.getvalue()


def _stamp(r: DrillRecordForm, extra: str = "") -> str:
    return f"{extra}记录第 {r.record_version} 版 · 打印于 {r.printed_on.isoformat()}"


# --- the two forms ---------------------------------------------------------------------


def drill_record_pdf(r: DrillRecordForm) -> bytes:
    """演练记录表: who, when, which plans, the scenario, the time-stamped log, attachments."""
    look = _look()
    width = A4[0] - 2 * MARGIN_SIDE
    story: list[Any] = [
        _p("演练记录表", look.styles.title),
        _p(r.title, look.subtitle),
        Spacer(1, 4 * mm),
        _info_table(r, look, width),
        *_text_block("演练情景", r.scenario, look, "（未填写）"),
        _p("演练过程记录", look.heading),
        _log_table(r, look, width),
    ]
    if r.attachments:
        story.append(_p("附件", look.heading))
        story.extend(
            _p(f"{n}. {kind}：{name}", look.styles.body) for n, (kind, name) in enumerate(r.attachments, 1)
        )
    if r.note.strip():
        story.extend(_text_block("备注", r.note, look))
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([_signatures(("记录人", "审核人", "日期"), look)]))
    story.extend(look.overflow.appendix(look.heading, look.sub, look.styles.body))
    return _build(story, title="演练记录表", r=r, stamp=_stamp(r))


def _score_table(e: DrillEvaluationForm, look: _Look, width: float) -> Table:
    c, h = look.cell, look.head
    rows: list[list[Any]] = [[_c("序号", h), _c("评估项目", h), _c("评分方式", h), _c("结果", h)]]
    section_rows: list[int] = []
    current = None
    for n, line in enumerate(e.lines, 1):
        if line.section != current:
            current = line.section
            section_rows.append(len(rows))
            rows.append([_c(line.section, c), "", "", ""])
        weight = "" if line.weight == 1 else f"（权重 {line.weight:g}）"
        rows.append([_c(str(n), h), _c(line.text + weight, c), _c(line.kind_label, h), _c(line.result, h)])
    total = ParagraphStyle("drill-total", parent=c, alignment=TA_RIGHT)
    rows.append([_c("得分率", total), "", _c(e.score_text, h), ""])
    spans = [(0, i, -1, i) for i in section_rows] + [(0, -1, 1, -1), (2, -1, 3, -1)]
    table = _grid(rows, [12 * mm, width - 62 * mm, 25 * mm, 25 * mm], look, header=True, spans=spans)
    commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, i), (-1, i), SHADE) for i in section_rows]
    commands += [("BACKGROUND", (0, -1), (-1, -1), SHADE)]
    table.setStyle(TableStyle(commands))
    return table


def _actions_table(e: DrillEvaluationForm, look: _Look, width: float) -> Table:
    c, h = look.cell, look.head
    headers = ("序号", "整改措施", "预案章节", "责任人", "完成期限", "状态")
    rows: list[list[Any]] = [[_c(t, h) for t in headers]]
    for n, a in enumerate(e.actions, 1):
        rows.append([_c(str(n), h), _c(a.text, c), _c(a.plan_section or "—", h), _c(a.owner or "—", h),
                     _c(a.due or "—", h), _c(a.status_label, h)])  # fmt: skip
    return _grid(rows, [12 * mm, width - 110 * mm, 28 * mm, 24 * mm, 24 * mm, 22 * mm], look, header=True)


def drill_evaluation_pdf(e: DrillEvaluationForm) -> bytes:
    """演练评估报告: scores and grade, 点评 / 自评 / 评估组意见, conclusion, summary, actions."""
    look = _look()
    r = e.record
    width = A4[0] - 2 * MARGIN_SIDE
    c = look.cell
    label_w = 24 * mm
    info = _grid(
        [
            [_c("演练名称", c), _c(r.title, c), "", ""],
            [_c("组织单位", c), _c(r.unit_name, c), _c("演练日期", c), _c(r.date_text, c)],
            [
                _c("演练形式", c),
                _c(f"{r.form_label}、{r.scope_label}", c),
                _c("评估日期", c),
                _c(e.eval_date.isoformat(), c),
            ],
            [_c("检验预案", c), _c("\n".join(r.plans) or "—", c), "", ""],
            [_c("评估人员", c), _c(e.evaluators or "—", c), "", ""],
            [
                _c("评估依据", c),
                _c(f"{e.template_name}（{e.template_source}）" if e.template_source else e.template_name, c),
                "",
                "",
            ],
        ],  # fmt: skip
        [label_w, (width - 2 * label_w) / 2, label_w, (width - 2 * label_w) / 2],
        look,
        spans=[(1, i, 3, i) for i in (0, 3, 4, 5)],
    )
    info.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 1), (2, 2), SHADE)]))
    problems = "\n".join(f"{n}. {p}" for n, p in enumerate(e.problems, 1))
    story: list[Any] = [
        _p("演练评估报告", look.styles.title),
        _p(r.title, look.subtitle),
        Spacer(1, 4 * mm),
        info,
        _p("一、评估评分", look.heading),
        _score_table(e, look, width),
        *_text_block("二、现场点评", e.comments, look),
        *_text_block("三、参演人员自评", e.self_assessment, look),
        *_text_block("四、评估组意见", e.team_opinion, look),
        _p("五、评估结论", look.heading),
        _p(f"得分率：{e.score_text}", look.styles.body),
        _p(e.conclusion.strip() or "（无）", look.styles.body),
        _p("六、演练总结", look.heading),
        *_text_block("（一）概要", e.overview, look, sub=True),
        *_text_block("（二）发现的问题", problems, look, sub=True),
        *_text_block("（三）经验教训", e.lessons, look, sub=True),
        *_text_block("（四）建议", e.suggestions, look, sub=True),
        _p("七、纠正行动", look.heading),
    ]
    if e.actions:
        story.append(_actions_table(e, look, width))
    else:
        story.append(_p("（尚未登记纠正行动）", look.styles.body))
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([_signatures(("评估组长", "日期"), look)]))
    story.extend(look.overflow.appendix(look.heading, look.sub, look.styles.body))
    return _build(story, title="演练评估报告", r=r, stamp=_stamp(r, f"评估 {e.eval_date.isoformat()} · "))
