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

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from planmgr.reports.fonts import register_fonts

FOOTER_SIZE = 9.0
FOOTER_Y = 10 * mm
"""Baseline of the footer above the bottom edge; keep the bottom margin larger than this."""
FOOTER_SIDE = 20 * mm


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


def draw_page_footer(canvas: Any, page: int, total: int, *, note: str = "") -> None:
    """Page x of y centred at the foot; ``note`` (unit, version, date) at the left."""
    width = canvas._pagesize[0]
    canvas.saveState()
    canvas.setFont(register_fonts(), FOOTER_SIZE)
    canvas.drawCentredString(width / 2, FOOTER_Y, page_number_text(page, total))
    if note:
        canvas.drawString(FOOTER_SIDE, FOOTER_Y, note)
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages until ``save`` so each footer knows the page count."""

    footer_note = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Otherwise every page names Helvetica, a font no Chinese printout draws with.
        # (SimpleDocTemplate passes initialFontName=None explicitly.)
        if kwargs.get("initialFontName") is None:
            kwargs["initialFontName"] = register_fonts()
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            draw_page_footer(self, self._pageNumber, total, note=self.footer_note)
            super().showPage()
        super().save()


def numbered_canvas(note: str = "") -> type[NumberedCanvas]:
    """A ``canvasmaker`` whose footers also carry ``note`` at the left."""
    return type("NumberedCanvasWithNote", (NumberedCanvas,), {"footer_note": note})
