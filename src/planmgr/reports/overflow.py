"""Very long text in places of fixed size: form table cells and card headers.

A table row taller than a page is split line by line, and ReportLab re-wraps the rest of
every cell of the row at each page break: 10,000 characters in every field of a form took
minutes to lay out (docs/reliability.md §9). So a cell prints at most ``CELL_LINES`` lines
(estimated from character widths, line breaks counted). When a form cell's text is longer,
the cell prints its beginning and a mark, and the whole text follows in an appendix at the
end of the document, outside the table, where paragraphs split cheaply: nothing is lost.
Card headers (title band, post, stamp) repeat on every face and cannot grow, so there the
text is cut with a mark that says so (``CARD_CUT_MARK``) — the card's own fields are short
by nature; the full text stays in the system.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from planmgr.reports.fonts import escape_paragraph_text

CELL_LINES = 30
"""Most lines a form table cell prints (30 lines of 10.5 pt text: about 60 % of an A4 page)."""
APPENDIX_MARK = "……（内容过长，表内未印完，全文见文末附录{n}）"  # zh-only: printed form text
APPENDIX_TITLE = "附录　表格中未印完的内容全文"  # zh-only: printed form text
APPENDIX_ITEM = "附录{n}"  # zh-only: printed form text
CARD_CUT_MARK = "……（内容过长，已截断，全文见系统）"  # zh-only: printed card text


@lru_cache(maxsize=4096)
def _char_width(char: str, font: str, size: float) -> float:
    return float(stringWidth(char, font, size))


def clip(text: str, *, font: str, size: float, width: float, lines: int) -> str | None:
    """The beginning of ``text`` that fills at most ``lines`` lines of ``width``, or None
    when all of ``text`` fits.

    An estimate from character widths (the wrap itself breaks a little differently), cheap
    enough for 10,000 characters; every line break starts a line.
    """
    width = max(width, size)  # at least one character a line
    used, x = 1, 0.0
    for index, char in enumerate(text):
        if char in "\r\n":
            if char == "\n" and index and text[index - 1] == "\r":
                continue
            used, x = used + 1, 0.0
        else:
            w = _char_width(char, font, size)
            if x + w > width:
                used, x = used + 1, 0.0
            x += w
        if used > lines:
            return text[:index]
    return None


@dataclass(frozen=True)
class Cell:
    """Text for a table cell in a style; the table turns it into a Paragraph once it
    knows the cell's width."""

    text: str
    style: ParagraphStyle


@dataclass
class Overflow:
    """The cells of one document that were too long, for its appendix."""

    lines: int = CELL_LINES
    markup: Callable[[str], str] = escape_paragraph_text
    """Turns user text into Paragraph markup (the manual's also marks missing glyphs)."""
    texts: list[str] = field(default_factory=list)

    def paragraph(self, cell: Cell, width: float) -> Paragraph:
        """``cell`` as a Paragraph at most ``lines`` lines tall in ``width`` (less padding)."""
        style = cell.style
        # Two lines are left for the mark.
        head = clip(cell.text, font=style.fontName, size=style.fontSize, width=width, lines=self.lines - 2)
        if head is None:
            return Paragraph(self.markup(cell.text), style)
        self.texts.append(cell.text)
        mark = APPENDIX_MARK.format(n=len(self.texts))
        return Paragraph(self.markup(head.rstrip() + mark), style)

    def appendix(
        self, heading: ParagraphStyle, label: ParagraphStyle, body: ParagraphStyle
    ) -> list[Flowable]:
        """The appendix with each cut cell's whole text, one paragraph a line; empty when
        nothing was cut."""
        if not self.texts:
            return []
        story: list[Flowable] = [Paragraph(escape_paragraph_text(APPENDIX_TITLE), heading)]
        for n, text in enumerate(self.texts, 1):
            story.append(Paragraph(escape_paragraph_text(APPENDIX_ITEM.format(n=n)), label))
            story.extend(Paragraph(self.markup(line) or "&nbsp;", body) for line in _lines(text))
        return story


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def cell_widths(
    widths: Sequence[float], rows: int, spans: Sequence[tuple[int, int, int, int]]
) -> dict[tuple[int, int], float]:
    """Width of each spanned cell at its top-left position (column, row): the sum of its
    columns. ``spans`` are (first column, first row, last column, last row) as in
    ReportLab's SPAN commands, negative indices counting from the end."""
    columns = len(widths)
    return {
        (c0 % columns, r0 % rows): sum(widths[c0 % columns : c1 % columns + 1]) for c0, r0, c1, _ in spans
    }


def cut_for_card(text: str, *, font: str, size: float, width: float, lines: int) -> str:
    """``text``, or its beginning and ``CARD_CUT_MARK`` when it needs more than ``lines``
    lines of ``width``."""
    head = clip(text, font=font, size=size, width=width, lines=max(lines - 1, 1))
    if head is None:
        return text
    return head.rstrip() + CARD_CUT_MARK
