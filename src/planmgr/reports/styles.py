"""Paragraph styles and the page footer shared by every printout (DESIGN.md §5, §10).

Chinese has no spaces between words, so every style wraps with ``wordWrap='CJK'``
(break between any two characters, keeping closing punctuation off the start of a line).
The footer "第 x 页 共 y 页" needs the page count before the first page is written: the
``NumberedCanvas`` keeps each page's drawing and adds the footers when the document is
saved. Use it as ``doc.build(story, canvasmaker=numbered_canvas("本单位名称 第 2 版"))``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from planmgr.reports.fonts import register_fonts

ACCENT = colors.HexColor("#B3261E")
"""Dark red of card borders, title bands and headings; prints grey in black and white."""
RULE_GREY = colors.HexColor("#777777")
"""Table grids and rules."""
HEAD_FILL = colors.HexColor("#E8E8E8")
"""Background of table header rows."""

FOOTER_SIZE = 9.0
FOOTER_Y = 10 * mm
"""Baseline of the footer above the bottom edge; keep the bottom margin larger than this."""
FOOTER_SIDE = 20 * mm
FOOTER_NOTE_FLOOR = 7.0
"""A footer note too long for its room shrinks down to this size, then is cut with …."""
FOOTER_GAP = 3 * mm
"""Least space between the end of the footer note and the page number."""


@dataclass(frozen=True)
class ReportStyles:
    title: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle


def report_styles(base_size: float = 10.5) -> ReportStyles:
    """Title (centred), body and small text in the bundled font; 10.5 pt is 五号."""
    font = register_fonts()
    body = ParagraphStyle(
        "planmgr-body",
        fontName=font,
        fontSize=base_size,
        leading=base_size * 1.6,
        alignment=TA_LEFT,
        wordWrap="CJK",
        spaceAfter=base_size * 0.5,
    )
    title = ParagraphStyle(
        "planmgr-title",
        parent=body,
        fontSize=base_size * 2,
        leading=base_size * 2.8,
        alignment=TA_CENTER,
        spaceBefore=0,
        spaceAfter=base_size * 1.2,
    )
    small = ParagraphStyle(
        "planmgr-small",
        parent=body,
        fontSize=base_size * 0.8,
        leading=base_size * 1.25,
        spaceAfter=base_size * 0.3,
    )
    return ReportStyles(title=title, body=body, small=small)


def page_number_text(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def shrink_to_fit(text: str, font: str, size: float, room: float, *, floor: float) -> float:
    """The largest size from ``size`` down to ``floor`` in 0.5 pt steps at which one line
    of ``text`` is at most ``room`` wide (``floor`` when none is)."""
    while size > floor and stringWidth(text, font, size) > room:
        size -= 0.5
    return size


def cut_to_fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` as is when it fits ``room`` at ``size``, else cut and ended with "…"."""
    if stringWidth(text, font, size) <= room:
        return text
    # The longest prefix that fits with its "…": widths only grow with length, so bisect
    # (cutting one character at a time took minutes for a 10,000-character unit name).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw_page_footer(canvas: Any, page: int, total: int, *, note: str = "") -> None:
    """Page x of y centred at the foot; ``note`` (unit, version, date) at the left.

    A note too long for the room left of the page number gets smaller, down to
    ``FOOTER_NOTE_FLOOR``, and beyond that is cut with "…": it never runs into the number.
    """
    width = canvas._pagesize[0]
    font = register_fonts()
    number = page_number_text(page, total)
    canvas.saveState()
    canvas.setFont(font, FOOTER_SIZE)
    canvas.drawCentredString(width / 2, FOOTER_Y, number)
    if note:
        room = width / 2 - stringWidth(number, font, FOOTER_SIZE) / 2 - FOOTER_GAP - FOOTER_SIDE
        size = shrink_to_fit(note, font, FOOTER_SIZE, room, floor=FOOTER_NOTE_FLOOR)
        if size != FOOTER_SIZE:
            canvas.setFont(font, size)
        canvas.drawString(FOOTER_SIDE, FOOTER_Y, cut_to_fit(note, font, size, room))
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages until ``save`` so each footer knows the page count.

    Subclasses that put the page number elsewhere override ``draw_page_number``.
    """

    footer_note = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Otherwise every page names Helvetica, a font no Chinese printout draws with.
        # (SimpleDocTemplate passes initialFontName=None explicitly.)
        if kwargs.get("initialFontName") is None:
            kwargs["initialFontName"] = register_fonts()
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    @property
    def page_count(self) -> int:
        """Pages finished so far (``showPage`` called)."""
        return len(self._page_states)

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self.draw_page_number(self._pageNumber, total)
            super().showPage()
        super().save()

    def draw_page_number(self, page: int, total: int) -> None:
        """Draw "第 x 页 共 y 页" on the page being finished."""
        draw_page_footer(self, page, total, note=self.footer_note)


def numbered_canvas(note: str = "") -> type[NumberedCanvas]:
    """A ``canvasmaker`` whose footers also carry ``note`` at the left."""
    return type("NumberedCanvasWithNote", (NumberedCanvas,), {"footer_note": note})
