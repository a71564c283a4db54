"""10,000 characters in every field of a printout at once (docs/reliability.md §9).

This used to take minutes (a table row taller than a page is re-wrapped at every page
break; the filing forms' footer was cut one character at a time), and the cards and the
concise manual failed outright. Each form is rendered in a child process that must finish
within ``BUDGET`` seconds — generous: the forms now take a few seconds — so a regression
fails the test instead of hanging the suite. A cell that cannot hold its text prints its
beginning and a mark naming the appendix, where the whole text follows; card headers are
cut with a mark.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest

from planmgr.reports.cards import CardOptions, Layout, PrintContact, PrintStep
from planmgr.reports.drill_forms import drill_evaluation_pdf, drill_record_pdf
from planmgr.reports.filing_forms import (
    CheckForm,
    CheckItem,
    DeclarationForm,
    FormMaterial,
    FormPlan,
    RegistrationForm,
    ReturnNotice,
    check_pdf,
    declaration_pdf,
    registration_pdf,
    return_notice_pdf,
)
from planmgr.reports.imposition import render_cards
from planmgr.reports.manual import ManualData, render_manual
from tests.reliability.test_hostile_printing import CONTENT_KEYS, LONG, card, evaluation, record

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 60  # seconds for one document in the child process
TEXT = "开头" + LONG[:9_990] + "结尾"  # 10,000 characters; the ends are easy to find


def _filing(kind: str, text: str) -> bytes:
    plans = [FormPlan(text, text, text, date(2025, 3, 3), text)] * 3
    materials = [FormMaterial(text, True, text), FormMaterial(text, False)]
    if kind == "declaration":
        return declaration_pdf(DeclarationForm(text, text, text, date(2025, 3, 10), plans, materials, text, text,
                                               text, text, text, text, text, 100, text, text, text))  # fmt: skip
    if kind == "check":
        return check_pdf(CheckForm(text, text, date(2025, 3, 10), text, plans, [CheckItem(text, text, None, text)] * 6,
                                   materials, text, date(2025, 3, 12)))  # fmt: skip
    if kind == "registration":
        return registration_pdf(RegistrationForm(text, text, text, date(2025, 3, 15), plans, text, text, text, text,
                                                 text, date(2025, 3, 10)))  # fmt: skip
    return return_notice_pdf(ReturnNotice(text, text, date(2025, 3, 10), date(2025, 3, 12), plans, [text] * 5, text,
                                          text))  # fmt: skip


def render(kind: str, out: str) -> None:
    """Write the document ``kind`` with TEXT in every field to ``out`` (run in the child)."""
    if kind == "record":
        data = drill_record_pdf(record(TEXT))
    elif kind == "evaluation":
        data = drill_evaluation_pdf(evaluation(TEXT))
    else:
        data = _filing(kind, TEXT)
    Path(out).write_bytes(data)


def render_within_budget(kind: str, out: Path) -> pypdf.PdfReader:
    code = f"from tests.reliability.test_long_fields import render; render({kind!r}, {str(out)!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=BUDGET, check=True)
    return pypdf.PdfReader(io.BytesIO(out.read_bytes()))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_text(reader: pypdf.PdfReader, *numbers: int) -> str:
    return squash("".join(reader.pages[n].extract_text() for n in numbers))


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["record", "evaluation", "declaration", "check", "registration", "notice"])
def test_a_form_with_10000_characters_in_every_field_prints_in_time_and_whole(
    kind: str, tmp_path: Path
) -> None:
    reader = render_within_budget(kind, tmp_path / f"{kind}.pdf")
    # (Reading a few hundred pages back is slow: stop at the first mark, read the last page.)
    assert any(
        "内容过长，表内未印完，全文见文末附录1" in page_text(reader, n) for n in range(len(reader.pages))
    )
    # Nothing lost: the appendix ends the document with the last cut cell printed to its end.
    assert "结尾" in page_text(reader, len(reader.pages) - 1)


def test_short_fields_are_not_cut() -> None:
    data = drill_record_pdf(replace(record("正常"), log=(("09:00", "开始"), ("09:10", LONG[:300]))))
    printed = squash("".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert "内容过长" not in printed and "附录" not in printed
    assert LONG[:300] in printed


@pytest.mark.slow
def test_a_card_with_10000_characters_in_every_field_prints(tmp_path: Path) -> None:
    long_card = card(title=TEXT, unit_name=TEXT, post=TEXT, place=TEXT, plan_title=TEXT, risks=TEXT,
                     steps=(PrintStep(TEXT, TEXT),) * 2, precautions=TEXT, contacts=(PrintContact(TEXT, TEXT),) * 2,
                     number=TEXT, version_label=TEXT)  # fmt: skip
    out = tmp_path / "cards.pdf"  # 4-up: QR code, crop marks and the batch title at the foot
    result = render_cards([long_card], out, CardOptions(layout=Layout.A4_4UP, qr=True, batch_title=TEXT))
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert result.continued == (TEXT,)  # the flowing part continues on more faces, uncut
    first = squash(reader.pages[0].extract_text())
    assert "内容过长，已截断，全文见系统" in first  # the title band and stamp are cut, visibly
    last = squash(reader.pages[-1].extract_text())
    assert "结尾" in last  # the contacts, last of the flowing part, printed to their end


def test_a_manual_with_10000_characters_in_every_field_prints(tmp_path: Path) -> None:
    text = TEXT[:3_000] + "结尾"  # shorter: the manual repeats each field in many places
    row = {key: text for key in ("name", "lead", "members", "duties", "step", "action", "responsible", "time_limit",
                                 "grade", "criteria", "level", "condition", "role", "phone", "quantity", "location",
                                 "keeper")}  # fmt: skip
    content: dict[str, object] = {key: [row] * 2 for key in CONTENT_KEYS}
    content.update(scope=text, measures=[text], precautions=[text])
    data = ManualData(title=text, unit_name=text, category_label=text, version_label=text, doc_number=text,
                      content=content, cards=(card(title=text, risks=text),))  # fmt: skip
    out = tmp_path / "manual.pdf"
    result = render_manual(data, out)
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert result.pages == len(reader.pages)
    assert "结尾第" in squash(reader.pages[-1].extract_text())  # the appendix closes with a whole cell
    assert any("全文见文末附录1" in squash(page.extract_text()) for page in reader.pages)
