"""What flows on a handling card's faces, and how tall it is (DESIGN.md §5).

The flowing part of a card — risks, the steps table (步骤 / 处置内容 / 负责岗位 / 执行情况
with a drawn check box), precautions, contacts — as flowables at one text size
(``card_body``), the styles of every size (``card_styles``), and an arithmetic estimate of the
height (``estimate_height``) so ``card_layout`` can pick a size without building Paragraphs.
``card_layout`` places these on faces and draws the faces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from planmgr.reports.cards import PrintCard, printable
from planmgr.reports.fonts import register_fonts
from planmgr.reports.styles import ACCENT, HEAD_FILL, RULE_GREY

BASE_SIZE = 9.0
FLOOR_SIZE = 6.5
"""Smallest body size a card shrinks to before it continues on another face."""
_SIZE_STEP = 0.5

# The printed words of a card (a Chinese document, DOMAIN.md card fields).
STEP_HEADERS = ("步骤", "处置内容", "负责岗位", "执行情况")  # zh-only: card text
CHECK_HEADER = STEP_HEADERS[3]
RISKS, STEPS, PRECAUTIONS, CONTACTS = "事故风险", "处置步骤", "注意事项", "应急联系电话"  # zh-only: card text
GOES_ON = "续"  # zh-only: card text (a step continued on the next face)
TITLE_GOES_ON = "（续）"  # zh-only: card text
POST_AND_PLACE = "岗位：{post}　场所：{place}"  # zh-only: card text


# --- flowables -------------------------------------------------------------------------


class CheckBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand (drawn, so it cannot go missing like a ☐ glyph)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


@dataclass
class CardStyles:
    size: float
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    sub: ParagraphStyle
    phone: ParagraphStyle


@cache
def card_styles(size: float) -> CardStyles:
    font = register_fonts()
    body = ParagraphStyle(
        f"card-body-{size}", fontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK"
    )
    cell = ParagraphStyle(f"card-cell-{size}", parent=body)
    head = ParagraphStyle(f"card-head-{size}", parent=body, alignment=TA_CENTER)
    heading = ParagraphStyle(
        f"card-heading-{size}",
        parent=body,
        fontSize=size + 0.5,
        leading=(size + 0.5) * 1.3,
        textColor=ACCENT,
        spaceBefore=size * 0.45,
        spaceAfter=size * 0.15,
    )
    title_size = max(size * 1.4, 9.5)
    title = ParagraphStyle(
        f"card-title-{size}",
        parent=body,
        fontSize=title_size,
        leading=title_size * 1.25,
        alignment=TA_CENTER,
        textColor=colors.white,
    )
    sub = ParagraphStyle(f"card-sub-{size}", parent=body, fontSize=size - 0.5, leading=(size - 0.5) * 1.3)
    phone = ParagraphStyle(
        f"card-phone-{size}", parent=body, fontSize=size + 0.5, leading=(size + 0.5) * 1.25
    )
    return CardStyles(size, body, cell, head, heading, title, sub, phone)


def _heading(text: str, styles: CardStyles) -> Paragraph:
    paragraph = Paragraph(text, styles.heading)
    paragraph.keep_room = styles.size * 3.5  # never the last thing on a face
    return paragraph


def _lines(text: str) -> list[str]:
    return [
        line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()
    ]


_CELL_STYLE = [
    ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]
_CELL_PAD_X = 4.0
_CELL_PAD_Y = 3.5

_StepRow = tuple[str, Paragraph, Paragraph | None, bool]
"""Number label (markup), action, responsible post, whether the row has the check box."""


class StepsTable(Flowable):  # type: ignore[misc]
    """The steps table; splits between rows and, for a step longer than a whole face,
    inside the step's text (the rest continues under "n 续"), so nothing is cut.

    ReportLab's own ``splitInRow`` mis-measures rows holding several flowables and can
    split forever on an emptied row, hence this."""

    def __init__(self, rows: list[_StepRow], widths: list[float], styles: CardStyles) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.styles = styles
        self._table: Table | None = None

    def _build(self) -> Table:
        styles = self.styles
        header = [Paragraph(h, styles.head) for h in STEP_HEADERS]
        data: list[list[Any]] = [header]
        for label, action, responsible, box in self.rows:
            data.append(
                [
                    Paragraph(label, styles.head),
                    action,
                    responsible or "",
                    CheckBox(styles.size * 1.15) if box else "",
                ]
            )
        table = Table(data, colWidths=self.widths)
        table.setStyle(
            TableStyle(
                [
                    *_CELL_STYLE,
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                    ("VALIGN", (0, 1), (2, -1), "TOP"),
                    ("ALIGN", (3, 1), (3, -1), "CENTER"),
                ]
            )
        )
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._table is None:
            self._table = self._build()
        width, height = self._table.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self._table is not None
        heights = self._table._rowHeights
        used, fitting = heights[0], 0
        for row_h in heights[1:]:
            if used + row_h > avail_height:
                break
            used += row_h
            fitting += 1
        if fitting >= len(self.rows):
            return [self]
        if fitting:
            return [self._part(self.rows[:fitting]), self._part(self.rows[fitting:])]
        room = avail_height - heights[0] - _CELL_PAD_Y - 1
        number, action, responsible, box = self.rows[0]
        if room < self.styles.cell.leading * 2:
            return []
        if responsible is not None and responsible.wrap(self.widths[2] - _CELL_PAD_X, room)[1] > room:
            return []
        action.wrap(self.widths[1] - _CELL_PAD_X, room)
        pieces = action.split(self.widths[1] - _CELL_PAD_X, room)
        if len(pieces) < 2:
            return []
        label = number if number.endswith(GOES_ON) else f"{number}<br/>{GOES_ON}"
        first: _StepRow = (number, pieces[0], responsible, box)
        rest: list[_StepRow] = [(label, piece, None, False) for piece in pieces[1:]]
        return [self._part([first]), self._part(rest + self.rows[1:])]

    def _part(self, rows: list[_StepRow]) -> StepsTable:
        return StepsTable(rows, self.widths, self.styles)


def _steps_table(card: PrintCard, styles: CardStyles, width: float, missing: frozenset[str]) -> StepsTable:
    size = styles.size
    number_w = max(size * 2.4, 15.0)
    check_w = max(size * 2.9, 22.0)
    responsible_w = width * 0.2
    action_w = width - number_w - check_w - responsible_w
    rows: list[_StepRow] = [
        (
            str(index),
            Paragraph(printable(step.action, missing), styles.cell),
            Paragraph(printable(step.responsible, missing), styles.cell)
            if step.responsible.strip()
            else None,
            True,
        )
        for index, step in enumerate(card.steps, start=1)
    ]
    return StepsTable(rows, [number_w, action_w, responsible_w, check_w], styles)


def _contact_columns(card: PrintCard, phone_size: float, width: float) -> tuple[bool, float, float]:
    """(two contacts a row?, name column width, phone column width): phones never wrap
    unless absurdly long; two to a row when a name column still holds six characters."""
    widest = max(_ems(c.phone) for c in card.contacts) * phone_size * 1.05 + _CELL_PAD_X + 2
    phone_w = min(widest, width * 0.45)
    pairs = 2 * (phone_w + 6 * phone_size + 4) <= width and len(card.contacts) > 1
    return pairs, (width / 2 if pairs else width) - phone_w, phone_w


def _contacts_table(card: PrintCard, styles: CardStyles, width: float, missing: frozenset[str]) -> Table:
    pairs, name_w, phone_w = _contact_columns(card, styles.phone.fontSize, width)
    cells = [
        [
            Paragraph(printable(c.name, missing), styles.cell),
            Paragraph(printable(c.phone, missing), styles.phone),
        ]
        for c in card.contacts
    ]
    if pairs:
        rows = [
            cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)
        ]
        widths = [name_w, phone_w, name_w, phone_w]
    else:
        rows = cells
        widths = [width - phone_w, phone_w]
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle(_CELL_STYLE))
    return table


def card_body(card: PrintCard, styles: CardStyles, width: float, missing: frozenset[str]) -> list[Flowable]:
    story: list[Flowable] = []
    if card.risks.strip():
        story += [
            _heading(RISKS, styles),
            Paragraph(printable(card.risks.strip(), missing), styles.body),
        ]
    if card.steps:
        story += [_heading(STEPS, styles), _steps_table(card, styles, width, missing)]
    precautions = _lines(card.precautions)
    if precautions:
        story.append(_heading(PRECAUTIONS, styles))
        numbered = len(precautions) > 1
        for index, line in enumerate(precautions, start=1):
            text = f"{index}. {line}" if numbered else line
            story.append(Paragraph(printable(text, missing), styles.body))
    if card.contacts:
        story += [_heading(CONTACTS, styles), _contacts_table(card, styles, width, missing)]
    return story


def text_sizes() -> list[float]:
    count = round((BASE_SIZE - FLOOR_SIZE) / _SIZE_STEP) + 1
    return [BASE_SIZE - i * _SIZE_STEP for i in range(count)]


@lru_cache(maxsize=50_000)
def _ems(line: str) -> float:
    """Width of ``line`` at 1 pt in the bundled font (cached: every size reuses it)."""
    return float(stringWidth(line, register_fonts(), 1.0))


_HANGING = frozenset("，。、；：！？）》」』”’")
"""Closing punctuation ReportLab's CJK wrapping lets hang past the right margin."""


def _text_lines(text: str, size: float, width: float) -> int:
    """Lines ``text`` needs at ``size`` in ``width``."""
    total = 0
    for line in text.split("\n") or [""]:
        ems = _ems(line) - (1.0 if line and line[-1] in _HANGING else 0.0)
        total += max(1, -int(-(ems * size) // max(width, 1.0)))
    return total


def estimate_height(card: PrintCard, size: float, width: float) -> float:
    """Estimated height of title, sub-header and flowing part at ``size`` (no Paragraphs)."""
    leading = size * 1.3
    title_size = max(size * 1.4, 9.5)
    height = _text_lines(card.title + TITLE_GOES_ON, title_size, width) * title_size * 1.25 + 3 * mm
    if card.post or card.place:
        height += (
            _text_lines(POST_AND_PLACE.format(post=card.post, place=card.place), size - 0.5, width)
            * (size - 0.5)
            * 1.3
        )
    heading = (size + 0.5) * 1.3 + size * 0.6
    height -= size * 0.45  # the first heading on a face has no space above it
    if card.risks.strip():
        height += heading + _text_lines(card.risks.strip(), size, width) * leading
    if card.steps:
        number_w, check_w = max(size * 2.4, 15.0), max(size * 2.9, 22.0)
        responsible_w = width * 0.2
        action_w = width - number_w - check_w - responsible_w
        height += heading + _text_lines(CHECK_HEADER, size, check_w - _CELL_PAD_X) * leading + _CELL_PAD_Y
        for step in card.steps:
            lines = max(
                _text_lines(step.action, size, action_w - _CELL_PAD_X),
                _text_lines(step.responsible, size, responsible_w - _CELL_PAD_X),
            )
            height += max(lines * leading, size * 1.15) + _CELL_PAD_Y
    precautions = _lines(card.precautions)
    if precautions:
        height += (
            heading + sum(_text_lines(f"{i}. {p}", size, width) for i, p in enumerate(precautions)) * leading
        )
    if card.contacts:
        phone_size = size + 0.5
        pairs, name_w, phone_w = _contact_columns(card, phone_size, width)
        heights = [
            max(_text_lines(c.name, size, name_w - _CELL_PAD_X) * leading,
                _text_lines(c.phone, phone_size, phone_w - _CELL_PAD_X) * phone_size * 1.25) + _CELL_PAD_Y
            for c in card.contacts
        ]  # fmt: skip
        if pairs:
            heights = [max(heights[i : i + 2]) for i in range(0, len(heights), 2)]
        height += heading + sum(heights)
    return float(height)
