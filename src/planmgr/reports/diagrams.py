"""Diagrams of the concise manual, drawn on the canvas: the command structure (boxes and
connecting lines) and the response flowchart (boxes and arrows).

Both are flowables that split across pages: the part that runs on ends in a "接下页"
connector and the next part starts from "接上页", the off-page connector of flowcharts.
Text inside the boxes is user text, already turned into Paragraph markup by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from planmgr.reports.fonts import register_fonts

LINE = colors.HexColor("#333333")
ACCENT = colors.HexColor("#B3261E")
TOP_FILL = colors.HexColor("#FBE9E7")
BOX_FILL = colors.HexColor("#F5F5F5")

_PAD = 5.0
_CONNECTOR_R = 7.0
_CONNECTOR_H = 2 * _CONNECTOR_R + 4.0


@dataclass(frozen=True)
class DiagramStyles:
    name: ParagraphStyle
    text: ParagraphStyle
    small: ParagraphStyle
    marker: ParagraphStyle


def diagram_styles(size: float = 10.0) -> DiagramStyles:
    font = register_fonts()
    text = ParagraphStyle("diagram-text", fontName=font, fontSize=size, leading=size * 1.4, wordWrap="CJK")
    name = ParagraphStyle(
        "diagram-name", parent=text, fontSize=size + 1, leading=(size + 1) * 1.35, alignment=TA_CENTER
    )
    small = ParagraphStyle("diagram-small", parent=text, fontSize=size - 1.5, leading=(size - 1.5) * 1.4)
    marker = ParagraphStyle("diagram-marker", parent=small, textColor=ACCENT)
    return DiagramStyles(name, text, small, marker)


def _connector(canv: Any, x: float, y: float, label: str) -> None:
    """An off-page connector: a circle at (x, y) and its label to the right."""
    canv.saveState()
    canv.setStrokeColor(ACCENT)
    canv.setFillColor(colors.white)
    canv.setLineWidth(1)
    canv.circle(x, y, _CONNECTOR_R, stroke=1, fill=1)
    canv.setFillColor(ACCENT)
    canv.setFont(register_fonts(), 8)
    canv.drawCentredString(x, y - 3, "续")
    canv.drawString(x + _CONNECTOR_R + 4, y - 3, label)
    canv.restoreState()


def _arrow(canv: Any, x: float, y_from: float, y_to: float) -> None:
    canv.saveState()
    canv.setStrokeColor(LINE)
    canv.setFillColor(LINE)
    canv.setLineWidth(1)
    canv.line(x, y_from, x, y_to + 5)
    path = canv.beginPath()
    path.moveTo(x, y_to)
    path.lineTo(x - 3.5, y_to + 6)
    path.lineTo(x + 3.5, y_to + 6)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


class _Box:
    """Paragraphs stacked in a rectangle of a given width."""

    def __init__(self, paragraphs: list[Paragraph], width: float) -> None:
        self.paragraphs = paragraphs
        self.width = width
        self.heights: list[float] = [p.wrap(width - 2 * _PAD, 100_000)[1] for p in paragraphs]
        self.height: float = sum(self.heights) + 2 * _PAD

    def draw(self, canv: Any, x: float, y_top: float, fill: Any, stroke: Any = LINE) -> None:
        canv.saveState()
        canv.setStrokeColor(stroke)
        canv.setFillColor(fill)
        canv.setLineWidth(1)
        canv.roundRect(x, y_top - self.height, self.width, self.height, 3, stroke=1, fill=1)
        canv.restoreState()
        cursor = y_top - _PAD
        for paragraph, height in zip(self.paragraphs, self.heights, strict=True):
            paragraph.drawOn(canv, x + _PAD, cursor - height)
            cursor -= height


# --- command structure -----------------------------------------------------------------


class CommandChart(Flowable):  # type: ignore[misc]
    """应急指挥部 at the top, the work groups below in rows, joined by a trunk and buses."""

    ROW_GAP = 18.0
    BUS_GAP = 24.0
    COLUMN_GAP = 14.0

    def __init__(
        self,
        head: list[Paragraph],
        groups: list[list[Paragraph]],
        *,
        continued: bool = False,
        continues: bool = False,
    ) -> None:
        super().__init__()
        self.head = head
        self.groups = groups
        self.continued = continued
        self.continues = continues
        self._rows: list[list[_Box]] = []
        self._head_box: _Box | None = None

    def _columns(self, width: float) -> int:
        # An even count keeps the trunk (down the middle) in the gap between two boxes.
        if len(self.groups) <= 3:
            return max(1, len(self.groups))
        return 4 if width >= 4 * 95 else 2

    def _layout(self, width: float) -> None:
        columns = self._columns(width)
        gap = self.COLUMN_GAP
        box_w = min((width - (columns - 1) * gap) / columns, 180.0)
        self._rows = [
            [_Box(group, box_w) for group in self.groups[i : i + columns]]
            for i in range(0, len(self.groups), columns)
        ]
        self._gap = gap
        self._box_w = box_w
        self._head_box = None if self.continued else _Box(self.head, min(width * 0.55, 260.0))

    def _top_height(self) -> float:
        return _CONNECTOR_H if self._head_box is None else self._head_box.height

    def _row_height(self, row: list[_Box]) -> float:
        return float(self.BUS_GAP + max(box.height for box in row) + self.ROW_GAP)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        height = self._top_height() + sum(self._row_height(row) for row in self._rows)
        if self.continues:
            height += _CONNECTOR_H
        self.height = height
        return avail_width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._layout(avail_width)
        used = self._top_height() + _CONNECTOR_H
        fitting = 0
        for row in self._rows:
            if used + self._row_height(row) > avail_height:
                break
            used += self._row_height(row)
            fitting += 1
        if fitting == 0 or fitting >= len(self._rows):
            return []
        columns = self._columns(avail_width)
        first, rest = self.groups[: fitting * columns], self.groups[fitting * columns :]
        return [
            CommandChart(self.head, first, continued=self.continued, continues=True),
            CommandChart(self.head, rest, continued=True, continues=self.continues),
        ]

    def draw(self) -> None:
        canv = self.canv
        width = self.width
        centre = width / 2
        top = self.height
        if self._head_box is not None:
            x = centre - self._head_box.width / 2
            self._head_box.draw(canv, x, top, TOP_FILL, ACCENT)
            trunk_top = top - self._head_box.height
        else:
            _connector(canv, centre, top - _CONNECTOR_R - 1, "接上页")
            trunk_top = top - 2 * _CONNECTOR_R - 1
        cursor = top - self._top_height()
        last_bus = trunk_top
        canv.saveState()
        canv.setStrokeColor(LINE)
        canv.setLineWidth(1)
        for row in self._rows:
            bus = cursor - self.BUS_GAP / 2
            row_w = len(row) * self._box_w + (len(row) - 1) * self._gap
            x = centre - row_w / 2
            centres = [x + i * (self._box_w + self._gap) + self._box_w / 2 for i in range(len(row))]
            canv.line(min(centres[0], centre), bus, max(centres[-1], centre), bus)
            box_top = cursor - self.BUS_GAP
            for i, box in enumerate(row):
                canv.line(centres[i], bus, centres[i], box_top)
                box.draw(canv, centres[i] - self._box_w / 2, box_top, BOX_FILL)
            last_bus = bus
            cursor -= self._row_height(row)
        if self.continues:
            last_bus = cursor - _CONNECTOR_R
        canv.line(centre, trunk_top, centre, last_bus)
        canv.restoreState()
        if self.continues:
            _connector(canv, centre, cursor - _CONNECTOR_R - 2, "接下页")


# --- response flowchart ----------------------------------------------------------------


@dataclass(frozen=True)
class FlowStep:
    """One box of the flowchart: heading, text and a small footer line (markup)."""

    heading: str
    text: str
    footer: str = ""
    continued: bool = False
    body: Any = None
    """A Paragraph already split off a longer text (the box shows it instead of ``text``)."""


class Flowchart(Flowable):  # type: ignore[misc]
    """Procedure steps top to bottom, joined by arrows; splits between boxes, and inside a
    box whose text is taller than the page."""

    ARROW = 20.0

    def __init__(
        self,
        steps: list[FlowStep],
        styles: DiagramStyles,
        *,
        page_height: float,
        continued: bool = False,
        continues: bool = False,
    ) -> None:
        super().__init__()
        self.page_height = page_height
        """Height of a whole frame: a step taller than this has its text split."""
        self.steps = steps
        self.styles = styles
        self.continued = continued
        self.continues = continues
        self._boxes: list[_Box] = []

    def _box_width(self, width: float) -> float:
        return min(width * 0.82, 420.0)

    def _body(self, step: FlowStep) -> Paragraph | None:
        if step.body is not None:
            return step.body  # type: ignore[no-any-return]
        return Paragraph(step.text, self.styles.text) if step.text else None

    def _paragraphs(self, step: FlowStep, body: Paragraph | None) -> list[Paragraph]:
        heading = step.heading + ("（续）" if step.continued else "")
        items = [Paragraph(heading, self.styles.name)]
        if body is not None:
            items.append(body)
        if step.footer:
            items.append(Paragraph(step.footer, self.styles.small))
        return items

    def _layout(self, width: float) -> None:
        box_w = self._box_width(width)
        self._boxes = [_Box(self._paragraphs(step, self._body(step)), box_w) for step in self.steps]

    def _height(self, boxes: list[_Box]) -> float:
        height = sum(box.height for box in boxes) + self.ARROW * max(0, len(boxes) - 1)
        if self.continued:
            height += _CONNECTOR_H + self.ARROW
        return float(height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = self._height(self._boxes) + (self.ARROW + _CONNECTOR_H if self.continues else 0)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._layout(avail_width)
        tail = self.ARROW + _CONNECTOR_H
        fitting = 0
        for count in range(1, len(self._boxes) + 1):
            if self._height(self._boxes[:count]) + tail > avail_height:
                break
            fitting = count
        if fitting >= len(self._boxes):
            return []
        used = self._height(self._boxes[:fitting]) + (self.ARROW if fitting else 0)
        pieces = None
        if self._boxes[fitting].height + 2 * tail > self.page_height:
            # This step can never fit a page whole: start it here and split its text by lines.
            pieces = self._split_text(self.steps[fitting], avail_width, avail_height - used - tail)
        if pieces is not None:
            head, rest = pieces
            return [
                self._part([*self.steps[:fitting], head], self.continued, True),
                self._part([rest, *self.steps[fitting + 1 :]], True, self.continues),
            ]
        if fitting:
            return [
                self._part(self.steps[:fitting], self.continued, True),
                self._part(self.steps[fitting:], True, self.continues),
            ]
        return []

    def _part(self, steps: list[FlowStep], continued: bool, continues: bool) -> Flowchart:
        return Flowchart(
            steps, self.styles, page_height=self.page_height, continued=continued, continues=continues
        )

    def _split_text(
        self, step: FlowStep, avail_width: float, room: float
    ) -> tuple[FlowStep, FlowStep] | None:
        body = self._body(step)
        if body is None:
            return None
        text_width = self._box_width(avail_width) - 2 * _PAD
        fixed = sum(p.wrap(text_width, 100_000)[1] for p in self._paragraphs(step, None)) + 2 * _PAD
        if room - fixed < self.styles.text.leading * 3:
            return None
        body.wrap(text_width, room - fixed)
        pieces = body.split(text_width, room - fixed)
        if len(pieces) < 2:
            return None
        return (
            FlowStep(step.heading, "", "", step.continued, pieces[0]),
            FlowStep(step.heading, "", step.footer, True, pieces[1]),
        )

    def draw(self) -> None:
        canv = self.canv
        centre = self.width / 2
        cursor = self.height
        if self.continued:
            _connector(canv, centre, cursor - _CONNECTOR_R - 1, "接上页")
            cursor -= _CONNECTOR_H
            _arrow(canv, centre, cursor, cursor - self.ARROW)
            cursor -= self.ARROW
        for index, box in enumerate(self._boxes):
            box.draw(canv, centre - box.width / 2, cursor, BOX_FILL)
            cursor -= box.height
            if index < len(self._boxes) - 1:
                _arrow(canv, centre, cursor, cursor - self.ARROW)
                cursor -= self.ARROW
        if self.continues:
            _arrow(canv, centre, cursor, cursor - self.ARROW + 2)
            _connector(canv, centre, cursor - self.ARROW - _CONNECTOR_R, "接下页")
