"""Cutting text to a number of lines for table cells and card headers (reports/overflow.py)."""

from __future__ import annotations

from planmgr.reports.fonts import register_fonts
from planmgr.reports.overflow import CARD_CUT_MARK, Cell, Overflow, clip, cut_for_card
from planmgr.reports.styles import report_styles

SIZE = 10.0
WIDTH = 100.0  # ten full-width characters a line at 10 pt


def cut(text: str, lines: int) -> str | None:
    return clip(text, font=register_fonts(), size=SIZE, width=WIDTH, lines=lines)


def test_text_that_fits_is_not_cut() -> None:
    assert cut("一二三四五六七八九十" * 3, 3) is None
    assert cut("", 1) is None


def test_text_is_cut_after_the_last_line_that_fits() -> None:
    assert cut("一二三四五六七八九十" * 3 + "多", 3) == "一二三四五六七八九十" * 3


def test_line_breaks_count_as_lines() -> None:
    assert cut("一\n二\r\n三\r四", 3) == "一\n二\r\n三"
    assert cut("\n" * 10_000, 30) == "\n" * 29


def test_narrow_latin_text_fits_more_characters_a_line() -> None:
    assert cut("a" * 18, 1) is None  # "a" is about half as wide as 一
    assert cut("一" * 18, 1) == "一" * 10


def test_a_long_card_field_is_cut_with_a_visible_mark() -> None:
    text = "储罐区泄漏" * 100
    short = cut_for_card(text, font=register_fonts(), size=SIZE, width=WIDTH, lines=3)
    assert short.endswith(CARD_CUT_MARK) and text.startswith(short.removesuffix(CARD_CUT_MARK))
    assert cut_for_card("储罐区", font=register_fonts(), size=SIZE, width=WIDTH, lines=3) == "储罐区"


def test_a_cut_cell_keeps_its_whole_text_for_the_appendix() -> None:
    overflow = Overflow(lines=5)
    style = report_styles().body
    assert overflow.paragraph(Cell("短", style), 200).getPlainText() == "短"
    long = "长" * 5_000
    printed = overflow.paragraph(Cell(long, style), 200).getPlainText()
    assert printed.endswith("（内容过长，表内未印完，全文见文末附录1）") and len(printed) < 200
    assert overflow.texts == [long]
    appendix = overflow.appendix(style, style, style)
    assert "表格中未印完的内容全文" in appendix[0].getPlainText()
    assert [p.getPlainText() for p in appendix[1:]] == ["附录1", long]
    assert Overflow().appendix(style, style, style) == []
