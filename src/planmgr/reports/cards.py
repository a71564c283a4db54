"""Handling cards (应急处置卡) as PDF: what is printed and what a print run returns.

Input is plain data (``PrintCard``, ``CardOptions``); the run returns a ``CardsResult``.
Also here, shared with the concise manual: the check for characters the font lacks
(they would print as nothing, DESIGN.md §9, so they print as 〓 and are listed), user
text as Paragraph markup, cancelling, and the PDF written to a temporary name and
renamed when complete, so a cancelled or failed run never leaves half a PDF.

The work is done elsewhere: ``card_layout`` lays out and draws one card on its faces
(fitting, shrinking, continuing on faces marked 续); ``imposition`` places the faces on
A6, A5 2-up or A4 4-up sheets with crop marks and runs the batch job
(``render_cards_job``, ``render_cards``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from planmgr.domain.errors import PlanmgrError
from planmgr.reports.fonts import escape_paragraph_text, missing_glyphs

Progress = tuple[int, int, str]

PLACEHOLDER = "〓"
"""Printed in place of a character the font lacks (the CJK typesetters' 'geta' mark)."""


class PrintCancelled(PlanmgrError):
    def __init__(self) -> None:
        super().__init__("已取消打印，未生成文件")


# --- input and result ------------------------------------------------------------------


@dataclass(frozen=True)
class PrintStep:
    action: str
    responsible: str = ""


@dataclass(frozen=True)
class PrintContact:
    name: str
    phone: str
    external: bool = False


@dataclass(frozen=True)
class PrintCard:
    """Everything printed on a card, as plain text."""

    uid: str
    title: str
    unit_name: str
    post: str = ""
    place: str = ""
    plan_title: str = ""
    risks: str = ""
    steps: tuple[PrintStep, ...] = ()
    precautions: str = ""
    contacts: tuple[PrintContact, ...] = ()
    number: str = ""
    version_label: str = ""
    issued_date: date | None = None
    stale: bool = False

    def texts(self) -> list[str]:
        parts = [
            self.title,
            self.unit_name,
            self.post,
            self.place,
            self.plan_title,
            self.risks,
            self.precautions,
            self.number,
            self.version_label,
        ]
        for step in self.steps:
            parts += [step.action, step.responsible]
        for contact in self.contacts:
            parts += [contact.name, contact.phone]
        return parts


class Layout(StrEnum):
    A6 = "a6"
    A4_4UP = "a4-4up"
    A5_2UP = "a5-2up"

    @property
    def label(self) -> str:
        return {"a6": "A6 单张", "a4-4up": "A4 每页 4 张（带裁切线）", "a5-2up": "A5 每页 2 张（带裁切线）"}[
            self.value
        ]


@dataclass(frozen=True)
class CardOptions:
    layout: Layout = Layout.A4_4UP
    qr: bool = False
    batch_title: str = "应急处置卡"
    """Printed at the foot of every A4/A5 sheet, e.g. the plan or unit the cards belong to."""
    print_date: date = field(default_factory=date.today)


@dataclass(frozen=True)
class MissingGlyph:
    char: str
    where: tuple[str, ...]
    """Titles of the cards (or sections) the character occurs in."""

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"


@dataclass(frozen=True)
class CardsResult:
    path: Path
    cards: int
    faces: int
    pages: int
    missing: tuple[MissingGlyph, ...] = ()
    continued: tuple[str, ...] = ()
    """Cards that needed more than one face (printed with 续)."""
    shrunk: tuple[str, ...] = ()
    """Cards printed below the normal text size to fit on one face."""
    stale: tuple[str, ...] = ()
    """Cards whose plan has a newer version than the one they were drawn from."""


class MissingGlyphCollector:
    """Characters the font lacks, with where they occur, in order of first appearance."""

    def __init__(self) -> None:
        self._where: dict[str, list[str]] = {}

    def check(self, texts: Sequence[str], where: str) -> frozenset[str]:
        missing = missing_glyphs("\n".join(texts))
        for char in missing:
            places = self._where.setdefault(char, [])
            if where not in places:
                places.append(where)
        return frozenset(missing)

    def result(self) -> tuple[MissingGlyph, ...]:
        return tuple(MissingGlyph(char, tuple(where)) for char, where in self._where.items())


def printable(text: str, missing: frozenset[str] = frozenset()) -> str:
    """User text as Paragraph markup: missing glyphs as 〓, markup characters escaped."""
    if missing:
        text = "".join(PLACEHOLDER if ch in missing else ch for ch in text)
    return escape_paragraph_text(text)


# --- the job ---------------------------------------------------------------------------


def _atomic_target(out: Path) -> Path:
    """A new, empty file next to ``out`` to write into and rename over ``out`` when done.

    Same folder, so the rename is atomic; created with ``open(..., "xb")`` so it gets the
    user's usual permissions (``mkstemp`` would make the final PDF private, 0600).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.part")
        try:
            with open(temp, "xb"):
                return temp
        except FileExistsError:
            continue


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary file to write into that replaces ``out`` when the block completes;
    on an error, a cancel or a closed generator it is removed and ``out`` is untouched."""
    temp = _atomic_target(out)
    try:
        yield temp
        os.replace(temp, out)
    finally:
        if temp.exists():
            temp.unlink()


def run_to_end[R](job: Generator[Progress, None, R]) -> R:
    """Drive a print job to the end without looking at its progress; its result."""
    while True:
        try:
            next(job)
        except StopIteration as stop:
            result: R = stop.value
            return result
