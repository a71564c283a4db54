"""Putting card faces on sheets and writing the batch PDF (DESIGN.md §5).

Layouts: A6 single (the page is the card), A5 landscape with 2 cards and A4 with 4. A4
and A5 sheets carry cards slightly smaller than A6 with corner crop marks, not exact A6
tiles: office printers cannot print to the paper edge (docs/printing.md). Every sheet
says "第 x 页 共 y 页" (in the stamp on A6, in the sheet footer otherwise).

``render_cards_job`` is the batch job: a generator yielding progress per card, writing
to a temporary file that replaces the output only when complete.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from planmgr.reports.card_layout import BASE_SIZE, STAMP_SIZE, draw_face, layout_card
from planmgr.reports.cards import (
    PLACEHOLDER,
    CardOptions,
    CardsResult,
    Layout,
    MissingGlyphCollector,
    PrintCancelled,
    PrintCard,
    Progress,
    atomic_output,
    run_to_end,
)
from planmgr.reports.fonts import missing_glyphs, register_fonts
from planmgr.reports.styles import NumberedCanvas, cut_to_fit, page_number_text, shrink_to_fit

# --- sheet geometry --------------------------------------------------------------------

_MARGIN = 10 * mm
_FOOT_BAND = 16 * mm
_FOOT_BASELINE = 6.5 * mm
_MARK_GAP = 1.5 * mm
_MARK_LEN = 3 * mm


@dataclass(frozen=True)
class Sheet:
    page: tuple[float, float]
    face: tuple[float, float]
    slots: tuple[tuple[float, float], ...]
    """Lower-left corner of each card on the sheet, in reading order."""
    crop_marks: bool
    border_inset: float
    """Distance from the face edge (the cut line) to the printed border."""


def sheet_for(layout: Layout) -> Sheet:
    if layout is Layout.A6:
        inset = 4 * mm  # the page is the card: keep the border inside the printable area
        width, height = A6
        return Sheet(A6, (width - 2 * inset, height - 2 * inset), ((inset, inset),), False, 0.0)
    page = A4 if layout is Layout.A4_4UP else landscape(A5)
    rows = 2 if layout is Layout.A4_4UP else 1
    width, height = page
    face_w = (width - 3 * _MARGIN) / 2
    face_h = (height - _FOOT_BAND - _MARGIN * rows) / rows
    slots = []
    for row in range(rows):
        y = height - _MARGIN - (row + 1) * face_h - row * _MARGIN
        for col in range(2):
            slots.append((_MARGIN + col * (face_w + _MARGIN), y))
    return Sheet(page, (face_w, face_h), tuple(slots), True, 1.5 * mm)


def draw_crop_marks(canvas: Any, x: float, y: float, width: float, height: float) -> None:
    """Short ticks outside each corner, on the lines the cut follows."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(colors.black)
    for cx, dx in ((x, -1), (x + width, 1)):
        for cy, dy in ((y, -1), (y + height, 1)):
            canvas.line(cx + dx * _MARK_GAP, cy, cx + dx * (_MARK_GAP + _MARK_LEN), cy)
            canvas.line(cx, cy + dy * _MARK_GAP, cx, cy + dy * (_MARK_GAP + _MARK_LEN))
    canvas.restoreState()


# --- the PDF ---------------------------------------------------------------------------


class _SheetCanvas(NumberedCanvas):
    """Puts "第 x 页 共 y 页" where the sheet asks for it: the sheet footer, or the stamp
    of an A6 card."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_spots: list[tuple[float, float, str, float]] = []
        """(x, y, "left" | "right", font size) of the page number on the current page."""

    def showPage(self) -> None:
        super().showPage()
        self.label_spots = []

    def draw_page_number(self, page: int, total: int) -> None:
        text = page_number_text(page, total)
        for spot_x, spot_y, align, size in self.label_spots:
            self.setFont(register_fonts(), size)
            if align == "right":
                self.drawRightString(spot_x, spot_y, text)
            else:
                self.drawString(spot_x, spot_y, text)


def render_cards_job(
    cards: Sequence[PrintCard],
    out: Path | str,
    options: CardOptions | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[Progress, None, CardsResult]:
    """Write ``cards`` to ``out``, yielding (done, total, title) after each card.

    Closing the generator (or ``cancelled()`` turning true) stops the run and removes the
    partial file; ``out`` appears only when the PDF is complete.
    """
    options = options or CardOptions()
    out = Path(out)
    register_fonts()
    sheet = sheet_for(options.layout)
    total = len(cards)
    collector = MissingGlyphCollector()
    continued: list[str] = []
    shrunk: list[str] = []
    faces = 0
    with atomic_output(out) as temp:
        canvas = _SheetCanvas(str(temp), pagesize=sheet.page, pageCompression=1)
        canvas.setTitle(options.batch_title)
        canvas.setAuthor("planmgr")
        canvas.setCreator("planmgr 应急预案与演练管理")
        yield 0, total, ""
        slot = len(sheet.slots)
        for done, card in enumerate(cards, start=1):
            if cancelled is not None and cancelled():
                raise PrintCancelled
            missing = collector.check(card.texts(), card.title)
            layout = layout_card(
                card,
                sheet.face,
                inset=sheet.border_inset,
                with_qr=options.qr,
                missing=missing,
                page_label=options.layout is Layout.A6,
            )
            if layout.continued:
                continued.append(card.title)
            elif layout.size < BASE_SIZE:
                shrunk.append(card.title)
            for index in range(len(layout.faces)):
                if slot == len(sheet.slots):
                    if faces:
                        canvas.showPage()
                    slot = 0
                    _sheet_decorations(canvas, sheet, options)
                x, y = sheet.slots[slot]
                if sheet.crop_marks:
                    draw_crop_marks(canvas, x, y, *sheet.face)
                spot = draw_face(canvas, layout, index, x, y)
                if spot is not None and options.layout is Layout.A6:
                    canvas.label_spots.append((spot[0], spot[1], "left", STAMP_SIZE))
                slot += 1
                faces += 1
            yield done, total, card.title
        if faces == 0:
            _sheet_decorations(canvas, sheet, options)
        canvas.showPage()
        pages = canvas.page_count
        canvas.save()
    stale = tuple(card.title for card in cards if card.stale)
    return CardsResult(out, total, faces, pages, collector.result(), tuple(continued), tuple(shrunk), stale)


def _sheet_decorations(canvas: _SheetCanvas, sheet: Sheet, options: CardOptions) -> None:
    if not sheet.crop_marks:
        return
    width = sheet.page[0]
    font = register_fonts()
    title = _plain_note(options.batch_title)
    rest = f"　打印日期：{options.print_date.isoformat()}　沿裁切线裁开"
    room = width - 2 * _MARGIN - stringWidth(page_number_text(999, 999), font, 7.5) - 5 * mm
    # A long batch title gets smaller; one too long even at the floor is cut with "…"
    # rather than run into the page number and off the sheet.
    size = shrink_to_fit(title + rest, font, 7.5, room, floor=4.0)
    note = cut_to_fit(title, font, size, room - stringWidth(rest, font, size)) + rest
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.drawString(_MARGIN, _FOOT_BASELINE, note)
    canvas.restoreState()
    canvas.label_spots.append((width - _MARGIN, _FOOT_BASELINE, "right", 7.5))


def _plain_note(text: str) -> str:
    # drawString takes text as is (no markup); only characters the font lacks need care.
    missing = set(missing_glyphs(text))
    return "".join(PLACEHOLDER if ch in missing else ch for ch in text) if missing else text


def render_cards(
    cards: Sequence[PrintCard], out: Path | str, options: CardOptions | None = None
) -> CardsResult:
    """``render_cards_job`` run to the end."""
    return run_to_end(render_cards_job(cards, out, options))
