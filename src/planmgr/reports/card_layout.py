"""Laying out one handling card on its faces, and drawing a face (DESIGN.md §5).

A card face: title band, post / place, then the flowing part — risks, the steps table
(步骤 / 处置内容 / 负责岗位 / 执行情况 with a drawn check box), precautions, contacts —
and a stamp with number, version, issue date, plan, unit and an optional QR code.
Text that does not fit shrinks from ``BASE_SIZE`` down to ``FLOOR_SIZE``; below that the
card continues on further faces marked 续, so nothing is ever cut (docs/printing.md).

``layout_card`` gives a ``CardLayout`` for faces of one size; ``draw_face`` draws one of
its faces on a canvas, ``CardFace`` is a face as a flowable (the concise manual).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table, TableStyle

from planmgr.reports.cards import PrintCard, printable
from planmgr.reports.fonts import register_fonts
from planmgr.reports.styles import ACCENT, HEAD_FILL, RULE_GREY

BASE_SIZE = 9.0
FLOOR_SIZE = 6.5
"""Smallest body size a card shrinks to before it continues on another face."""
_SIZE_STEP = 0.5
STAMP_SIZE = 6.5
QR_TITLE_CHARS = 12
"""The QR repeats at most this much of the title; the uid identifies the card."""


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
class _Styles:
    size: float
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    sub: ParagraphStyle
    phone: ParagraphStyle


@cache
def _styles(size: float) -> _Styles:
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
    return _Styles(size, body, cell, head, heading, title, sub, phone)


def _heading(text: str, styles: _Styles) -> Paragraph:
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

    def __init__(self, rows: list[_StepRow], widths: list[float], styles: _Styles) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.styles = styles
        self._table: Table | None = None

    def _build(self) -> Table:
        styles = self.styles
        header = [Paragraph(h, styles.head) for h in ("步骤", "处置内容", "负责岗位", "执行情况")]
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
        label = number if number.endswith("续") else f"{number}<br/>续"
        first: _StepRow = (number, pieces[0], responsible, box)
        rest: list[_StepRow] = [(label, piece, None, False) for piece in pieces[1:]]
        return [self._part([first]), self._part(rest + self.rows[1:])]

    def _part(self, rows: list[_StepRow]) -> StepsTable:
        return StepsTable(rows, self.widths, self.styles)


def _steps_table(card: PrintCard, styles: _Styles, width: float, missing: frozenset[str]) -> StepsTable:
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


def _contacts_table(card: PrintCard, styles: _Styles, width: float, missing: frozenset[str]) -> Table:
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


def _body(card: PrintCard, styles: _Styles, width: float, missing: frozenset[str]) -> list[Flowable]:
    story: list[Flowable] = []
    if card.risks.strip():
        story += [
            _heading("事故风险", styles),
            Paragraph(printable(card.risks.strip(), missing), styles.body),
        ]
    if card.steps:
        story += [_heading("处置步骤", styles), _steps_table(card, styles, width, missing)]
    precautions = _lines(card.precautions)
    if precautions:
        story.append(_heading("注意事项", styles))
        numbered = len(precautions) > 1
        for index, line in enumerate(precautions, start=1):
            text = f"{index}. {line}" if numbered else line
            story.append(Paragraph(printable(text, missing), styles.body))
    if card.contacts:
        story += [_heading("应急联系电话", styles), _contacts_table(card, styles, width, missing)]
    return story


# --- laying a card out on faces --------------------------------------------------------

_PAD = 1.6 * mm


@dataclass
class CardLayout:
    """A card laid out for faces of one size; draw each face with ``draw_face``."""

    card: PrintCard
    size: float
    width: float
    height: float
    inset: float
    title: Paragraph
    title_continued: Paragraph
    title_h: float
    subs: list[tuple[Paragraph, float]]
    stamp: list[tuple[Paragraph, float]]
    stamp_h: float
    qr_matrix: Any
    qr_size: float
    faces: list[list[tuple[Flowable, float]]]
    spare_line: bool = False
    """The stamp ends in an empty line for the page number and the face counter."""

    @property
    def continued(self) -> bool:
        return len(self.faces) > 1

    @property
    def flow_height(self) -> float:
        """Height left for risks, steps, precautions and contacts on one face."""
        subs = sum(h for _, h in self.subs)
        return float(self.height - 2 * self.inset - self.title_h - subs - self.stamp_h - 4 * _PAD)


def _wrap_all(items: list[Paragraph], width: float) -> list[tuple[Paragraph, float]]:
    return [(p, p.wrap(width, 10_000)[1]) for p in items]


def _pack(story: list[Flowable], width: float, height: float) -> list[list[tuple[Flowable, float]]]:
    """Place flowables on faces of ``height``, splitting what runs over (never cutting)."""
    faces: list[list[tuple[Flowable, float]]] = [[]]
    remaining = height
    queue = list(reversed(story))
    while queue:
        item = queue.pop()
        face = faces[-1]
        before = item.getSpaceBefore() if face else 0.0
        _, item_h = item.wrap(width, remaining - before)
        room = getattr(item, "keep_room", 0.0)
        if room and queue:
            room = min(room, queue[-1].wrap(width, height)[1])
        if before + item_h + room <= remaining:
            face.append((item, item_h))
            remaining -= before + item_h + item.getSpaceAfter()
            continue
        parts = item.split(width, remaining - before) if not room and remaining - before > 0 else []
        if len(parts) >= 2:
            first = parts[0]
            _, first_h = first.wrap(width, remaining - before)
            if first_h <= remaining - before:
                face.append((first, first_h))
                queue.extend(reversed(parts[1:]))
                faces.append([])
                remaining = height
                continue
        if face:
            queue.append(item)
            faces.append([])
            remaining = height
            continue
        # Alone on an empty face, still too tall and unsplittable: scale it down to fit
        # rather than cut it (text always splits by lines, so this is a last resort).
        shrunk = KeepInFrame(width, height, [item], mode="shrink")
        # KeepInFrame measures through a canvas; layout runs before there is one.
        shrunk.canv = Canvas(io.BytesIO())
        _, shrunk_h = shrunk.wrap(width, height)
        face.append((shrunk, shrunk_h))
        remaining = height - shrunk_h
    if not faces[-1] and len(faces) > 1:
        faces.pop()
    return faces


def layout_card(
    card: PrintCard,
    face: tuple[float, float],
    *,
    inset: float = 0.0,
    with_qr: bool = False,
    missing: frozenset[str] = frozenset(),
    page_label: bool = False,
) -> CardLayout:
    """Lay ``card`` out on faces of ``face`` size.

    The largest text size from ``BASE_SIZE`` down to ``FLOOR_SIZE`` at which the card fits
    one face wins; if even the floor does not fit, the card continues on more faces.
    ``page_label`` reserves a stamp line for "第 x 页 共 y 页" (A6, where page = card).
    """
    width, height = face
    inner_w = width - 2 * inset - 2 * _PAD
    qr_size = (14 * mm if width < 95 * mm else 16 * mm) if with_qr else 0.0
    matrix = None
    if with_qr:
        from planmgr.reports import qr  # numpy: only when a QR is printed (GUI start-up path)

        matrix = qr.qr_matrix(_qr_text(card))
    stamp_w = inner_w - (qr_size + _PAD if with_qr else 0.0)

    def stamp_for(extra_line: bool) -> tuple[list[tuple[Paragraph, float]], float]:
        stamp = _wrap_all(_stamp_paragraphs(card, missing, extra_line), stamp_w)
        return stamp, max(sum(h for _, h in stamp) + 2, qr_size)

    stamp, stamp_h = stamp_for(page_label)
    spare_line = page_label

    def attempt(size: float) -> tuple[CardLayout, float]:
        styles = _styles(size)
        title = Paragraph(printable(card.title, missing), styles.title)
        title_continued = Paragraph(printable(card.title, missing) + "（续）", styles.title)
        title_h = max(title.wrap(inner_w, 10_000)[1], title_continued.wrap(inner_w, 10_000)[1]) + 3 * mm
        subs = _wrap_all(_sub_paragraphs(card, styles, missing), inner_w)
        layout = CardLayout(
            card,
            size,
            width,
            height,
            inset,
            title,
            title_continued,
            title_h,
            subs,
            stamp,
            stamp_h,
            matrix,
            qr_size,
            [],
            spare_line,
        )
        needed = 0.0
        placed: list[tuple[Flowable, float]] = []
        for index, item in enumerate(_body(card, styles, inner_w, missing)):
            item_h = item.wrap(inner_w, 100_000)[1]
            needed += item_h + item.getSpaceAfter() + (item.getSpaceBefore() if index else 0.0)
            placed.append((item, item_h))
        layout.faces = [placed]
        return layout, needed / max(layout.flow_height, 1.0)

    sizes = _sizes()
    # Paragraphs are costly to build and wrap: start from an arithmetic estimate, so most
    # cards are laid out once, step down while the real layout does not fit, and look one
    # size up when the first real layout leaves a lot of room.
    fixed = height - 2 * inset - stamp_h - 4 * _PAD
    first = next((i for i, s in enumerate(sizes) if _estimate(card, s, inner_w) <= fixed), len(sizes) - 1)
    index = first
    tried = {index: attempt(sizes[index])}
    while tried[index][1] > 1 and index + 1 < len(sizes):
        index += 1
        tried[index] = attempt(sizes[index])
    if tried[index][1] <= 1:
        while index == first and index > 0 and tried[index][1] < _ROOMY:
            above = attempt(sizes[index - 1])
            if above[1] > 1:
                break
            index -= 1
            first -= 1
            tried[index] = above
        return tried[index][0]
    layout = tried[index][0]
    layout.stamp, layout.stamp_h = stamp_for(True)  # a line for "第 k/n 面"
    layout.spare_line = True
    story = [item for item, _ in layout.faces[0]]
    layout.faces = _pack(story, inner_w, layout.flow_height)
    return layout


_ROOMY = 0.85
"""A first layout using less than this share of the face tries the next size up."""


def _sizes() -> list[float]:
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


def _estimate(card: PrintCard, size: float, width: float) -> float:
    """Estimated height of title, sub-header and flowing part at ``size`` (no Paragraphs)."""
    leading = size * 1.3
    title_size = max(size * 1.4, 9.5)
    height = _text_lines(card.title + "（续）", title_size, width) * title_size * 1.25 + 3 * mm
    if card.post or card.place:
        height += (
            _text_lines(f"岗位：{card.post}　场所：{card.place}", size - 0.5, width) * (size - 0.5) * 1.3
        )
    heading = (size + 0.5) * 1.3 + size * 0.6
    height -= size * 0.45  # the first heading on a face has no space above it
    if card.risks.strip():
        height += heading + _text_lines(card.risks.strip(), size, width) * leading
    if card.steps:
        number_w, check_w = max(size * 2.4, 15.0), max(size * 2.9, 22.0)
        responsible_w = width * 0.2
        action_w = width - number_w - check_w - responsible_w
        height += heading + _text_lines("执行情况", size, check_w - _CELL_PAD_X) * leading + _CELL_PAD_Y
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


def _qr_text(card: PrintCard) -> str:
    title = card.title if len(card.title) <= QR_TITLE_CHARS else card.title[: QR_TITLE_CHARS - 1] + "…"
    return f"{card.uid} v{card.version_label} {title}"


def _sub_paragraphs(card: PrintCard, styles: _Styles, missing: frozenset[str]) -> list[Paragraph]:
    parts = []
    post = "　".join(
        p
        for p in (f"岗位：{card.post}" if card.post else "", f"场所：{card.place}" if card.place else "")
        if p
    )
    if post:
        parts.append(Paragraph(printable(post, missing), styles.sub))
    return parts


def _stamp_paragraphs(card: PrintCard, missing: frozenset[str], extra_line: bool) -> list[Paragraph]:
    style = _styles(STAMP_SIZE).body
    issued = card.issued_date.isoformat() if card.issued_date else "未填写"
    first = f"编号：{card.number or card.uid[:8]}　版本：{card.version_label or '—'}　发布日期：{issued}"
    lines = [Paragraph(printable(first, missing), style)]
    if card.plan_title:
        lines.append(Paragraph(printable(f"依据：《{card.plan_title}》", missing), style))
    lines.append(Paragraph(printable(card.unit_name, missing), style))
    if extra_line:
        lines.append(Paragraph("&nbsp;", style))  # page number / face counter, drawn later
    return lines


def draw_face(canvas: Any, layout: CardLayout, index: int, x: float, y: float) -> tuple[float, float] | None:
    """Draw face ``index`` with its lower-left corner at (x, y).

    Returns the baseline start of the stamp's spare line, where the page number goes,
    when the layout reserved one; the face counter of a continued card goes at its end.
    """
    inset, width, height = layout.inset, layout.width, layout.height
    left, bottom = x + inset, y + inset
    inner_w = width - 2 * inset - 2 * _PAD
    box_w, box_h = width - 2 * inset, height - 2 * inset
    top = bottom + box_h
    canvas.saveState()
    canvas.setLineWidth(0.9)
    canvas.setStrokeColor(ACCENT)
    canvas.setFillColor(ACCENT)
    canvas.rect(left, bottom, box_w, box_h, stroke=1, fill=0)
    canvas.rect(left, top - layout.title_h, box_w, layout.title_h, stroke=0, fill=1)
    canvas.restoreState()
    title = layout.title_continued if index else layout.title
    _, title_h = title.wrap(inner_w, 10_000)
    title.drawOn(canvas, left + _PAD, top - layout.title_h + (layout.title_h - title_h) / 2)
    cursor = top - layout.title_h - _PAD
    for paragraph, h in layout.subs:
        paragraph.drawOn(canvas, left + _PAD, cursor - h)
        cursor -= h
    cursor -= _PAD
    for position, (item, item_h) in enumerate(layout.faces[index]):
        if position:
            cursor -= item.getSpaceBefore()
        item.drawOn(canvas, left + _PAD, cursor - item_h)
        cursor -= item_h + item.getSpaceAfter()
    stamp_top = bottom + _PAD + layout.stamp_h
    canvas.saveState()
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.4)
    canvas.line(left + _PAD, stamp_top + _PAD / 2, left + box_w - _PAD, stamp_top + _PAD / 2)
    canvas.restoreState()
    cursor = stamp_top
    for paragraph, h in layout.stamp:
        paragraph.drawOn(canvas, left + _PAD, cursor - h)
        cursor -= h
    spare = (left + _PAD, cursor + STAMP_SIZE * 0.3) if layout.spare_line else None
    if layout.qr_matrix is not None:
        from planmgr.reports import qr

        qr.draw_qr(
            canvas, layout.qr_matrix, left + box_w - _PAD - layout.qr_size, bottom + _PAD, layout.qr_size
        )
    if layout.continued and spare is not None:
        right = left + box_w - _PAD - (layout.qr_size + _PAD if layout.qr_matrix is not None else 0)
        canvas.saveState()
        canvas.setFont(register_fonts(), STAMP_SIZE)
        canvas.drawRightString(right, spare[1], f"本卡第 {index + 1}/{len(layout.faces)} 面")
        canvas.restoreState()
    return spare


class CardFace(Flowable):  # type: ignore[misc]
    """One face of a laid-out card as a flowable (the concise manual places these)."""

    def __init__(self, layout: CardLayout, index: int) -> None:
        super().__init__()
        self.layout = layout
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.layout.width, self.layout.height

    def draw(self) -> None:
        draw_face(self.canv, self.layout, self.index, 0, 0)
