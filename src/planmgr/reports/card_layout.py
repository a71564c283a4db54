"""Laying out one handling card on its faces, and drawing a face (DESIGN.md §5).

A card face: title band, post / place, then the flowing part — risks, the steps table
(步骤 / 处置内容 / 负责岗位 / 执行情况 with a drawn check box), precautions, contacts —
and a stamp with number, version, issue date, plan, unit and an optional QR code.
Text that does not fit shrinks from ``BASE_SIZE`` down to ``FLOOR_SIZE``; below that the
card continues on further faces marked 续, so the flowing part is never cut (docs/printing.md).
The parts every face repeats — title band, post / place, stamp — hold a few lines at most;
beyond that a field is cut with "……（内容过长，已截断，全文见系统）" (``_fit_header``).

``layout_card`` gives a ``CardLayout`` for faces of one size; ``draw_face`` draws one of
its faces on a canvas, ``CardFace`` is a face as a flowable (the concise manual). What
flows on the faces, and the text sizes, are in ``card_flow``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph

from planmgr.reports.card_flow import (
    BASE_SIZE,
    FLOOR_SIZE,
    CardStyles,
    card_body,
    card_styles,
    estimate_height,
    text_sizes,
)
from planmgr.reports.cards import PrintCard, printable
from planmgr.reports.fonts import register_fonts
from planmgr.reports.overflow import cut_for_card
from planmgr.reports.styles import ACCENT, RULE_GREY

__all__ = ["BASE_SIZE", "FLOOR_SIZE", "STAMP_SIZE", "CardFace", "CardLayout", "draw_face", "layout_card"]

STAMP_SIZE = 6.5
QR_TITLE_CHARS = 12
"""The QR repeats at most this much of the title and version; the uid identifies the card."""
TITLE_LINES = 3
"""Lines the title band holds at most: it repeats on every face, so it cannot grow."""
HEADER_LINES = 2
"""Lines the post / place line and each stamp line hold at most, for the same reason."""


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
    card = _fit_header(card, inner_w, inner_w - (qr_size + _PAD if with_qr else 0.0))
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
        styles = card_styles(size)
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
        for index, item in enumerate(card_body(card, styles, inner_w, missing)):
            item_h = item.wrap(inner_w, 100_000)[1]
            needed += item_h + item.getSpaceAfter() + (item.getSpaceBefore() if index else 0.0)
            placed.append((item, item_h))
        layout.faces = [placed]
        return layout, needed / max(layout.flow_height, 1.0)

    sizes = text_sizes()
    # Paragraphs are costly to build and wrap: start from an arithmetic estimate, so most
    # cards are laid out once, step down while the real layout does not fit, and look one
    # size up when the first real layout leaves a lot of room.
    fixed = height - 2 * inset - stamp_h - 4 * _PAD
    fits = (i for i, s in enumerate(sizes) if estimate_height(card, s, inner_w) <= fixed)
    first = next(fits, len(sizes) - 1)
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


def _fit_header(card: PrintCard, width: float, stamp_w: float) -> PrintCard:
    """``card`` with the fields of the parts every face repeats (title band, post / place,
    stamp) cut, with a visible mark, where they would need more than a few lines: a face
    has a fixed height, and 10,000 characters there left no room for anything else
    (docs/reliability.md §9). The flowing part is never cut; it continues on more faces."""
    font = register_fonts()
    title_size = card_styles(BASE_SIZE).title.fontSize
    sub_size = card_styles(BASE_SIZE).sub.fontSize

    def cut(text: str, size: float, room: float, lines: int) -> str:
        return cut_for_card(text, font=font, size=size, width=room, lines=lines)

    return replace(
        card,
        title=cut(card.title, title_size, width, TITLE_LINES),
        post=cut(card.post, sub_size, width, HEADER_LINES),
        place=cut(card.place, sub_size, width, HEADER_LINES),
        plan_title=cut(card.plan_title, STAMP_SIZE, stamp_w, HEADER_LINES),
        unit_name=cut(card.unit_name, STAMP_SIZE, stamp_w, HEADER_LINES),
        number=cut(card.number, STAMP_SIZE, stamp_w / 2, 1),
        version_label=cut(card.version_label, STAMP_SIZE, stamp_w / 2, 1),
    )


def _short(text: str) -> str:
    return text if len(text) <= QR_TITLE_CHARS else text[: QR_TITLE_CHARS - 1] + "…"


def _qr_text(card: PrintCard) -> str:
    return f"{card.uid} v{_short(card.version_label)} {_short(card.title)}"


def _sub_paragraphs(card: PrintCard, styles: CardStyles, missing: frozenset[str]) -> list[Paragraph]:
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
    style = card_styles(STAMP_SIZE).body
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
