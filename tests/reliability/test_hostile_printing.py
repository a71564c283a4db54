"""Printing adversarial text: markup, control characters, 10,000-character fields, emoji,
CJK Extension B, bidi overrides, zero-width and combining characters — in every field of
the handling cards, the concise manual, the drill forms and the filing forms.

Nothing crashes; the PDF opens; text comes back literally (markup is not interpreted);
characters the font lacks are reported where the report has a place for them (cards,
manual, drill forms). Plan content also arrives from packages of other units, so the
manual is fed random JSON as content too.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planmgr.reports.cards import CardOptions, Layout, PrintCard, PrintContact, PrintStep
from planmgr.reports.drill_forms import (
    ActionLine,
    DrillEvaluationForm,
    DrillRecordForm,
    ScoreLine,
    drill_evaluation_pdf,
    drill_record_pdf,
    missing_in,
)
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
from planmgr.reports.fonts import missing_glyphs
from planmgr.reports.imposition import render_cards
from planmgr.reports.manual import ManualData, render_manual

MARKUP = '<b>粗体</b> <font size="80">大</font> &amp; &lt; <para> <br/> </para> <img src="x"/> ]]>'
CONTROL = "控制\x00字符\x01\x07\x08\x0b\x0c\x1b\x7f之后"
LONG = "".join(chr(0x4E00 + (i * 37) % 20000) for i in range(10_000))
EMOJI = "消防车🚒火🔥👨‍👩‍👧"
EXT_B = "𠀀𠀾𪚥𫠠"  # CJK Extension B–E: names of people and places
ODD = "\u202e反向\u202c\u200b零宽\u0301组合\ufeff\u00ad"
HOSTILE = [MARKUP, CONTROL, LONG, EMOJI, EXT_B, ODD, "", " ", "\n\n\n", "\r\n"]
UNCOVERED = set(missing_glyphs(EMOJI + EXT_B))

FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Random text of a field's ordinary size (the 10,000-character cases are separate tests).
short_text = st.one_of(st.sampled_from([t for t in HOSTILE if t is not LONG]), st.text(max_size=80))
# Forms lay fields out in table cells; line breaks are a separate test.
one_line = short_text.map(lambda t: t.replace("\r", " ").replace("\n", " "))


def text_of(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    return "".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_test_characters_are_really_missing_from_the_font() -> None:
    assert {"🚒", "🔥", "𠀀", "𠀾"} <= UNCOVERED


# ----------------------------------------------------------------------------- cards


def card(**fields: Any) -> PrintCard:
    values: dict[str, Any] = {
        "uid": "00000000-0000-4000-8000-000000000001",
        "title": "储罐区泄漏应急处置卡",
        "unit_name": "开平市某化工有限公司",
        "post": "操作岗",
        "steps": (PrintStep("关闭进料阀", "操作工"),),
        "contacts": (PrintContact("火警", "119", True),),
        "issued_date": date(2025, 3, 1),
    }
    values.update(fields)
    return PrintCard(**values)


def test_a_card_with_hostile_text_in_every_field(tmp_path: Path) -> None:
    hostile = card(
        title=f"卡{MARKUP}{EMOJI}",
        unit_name=f"单位{EXT_B}",
        post=CONTROL,
        place=ODD,
        plan_title=MARKUP,
        risks=LONG,
        # (10,000 characters in the risks; a step that long: tests/reports/test_cards_pdf.py)
        steps=tuple(PrintStep(text, text) for text in HOSTILE if text is not LONG),
        precautions=f"{MARKUP}\n{CONTROL}\n{EMOJI}",
        contacts=(PrintContact(EXT_B, "0750-<b>1</b>"), PrintContact(MARKUP, EMOJI, True)),
        number=MARKUP,
        version_label=EMOJI,
    )
    for layout in Layout:
        out = tmp_path / f"{layout.value}.pdf"
        printed = hostile if layout is Layout.A6 else replace(hostile, risks=MARKUP)
        result = render_cards([printed, card()], out, CardOptions(layout=layout, qr=True, batch_title=MARKUP))
        text = squash(text_of(out.read_bytes()))
        assert squash("<b>粗体</b>") in text and "&amp;" in text  # printed literally
        assert "控制字符" in text and "之后" in text  # control characters dropped, the rest kept
        assert {m.char for m in result.missing} == set(missing_glyphs("\n".join(printed.texts())))
        assert {m.char for m in result.missing} >= UNCOVERED  # emoji and Extension B reported
        assert all(m.where == (hostile.title,) for m in result.missing)
        if layout is Layout.A6:
            assert result.continued == (hostile.title,)  # the 10,000 characters continue on more faces


def test_a_step_with_a_very_long_responsible_post_prints(tmp_path: Path) -> None:
    result = render_cards([card(steps=(PrintStep("关闭进料阀", LONG[:600]),))], tmp_path / "long.pdf")
    assert result.pages >= 1


@FEW
@given(texts=st.lists(short_text, min_size=9, max_size=9), layout=st.sampled_from(list(Layout)))
def test_cards_with_random_text_never_crash(tmp_path_factory: pytest.TempPathFactory, texts: list[str],
                                            layout: Layout) -> None:  # fmt: skip
    title, unit, post, place, plan, risks, precautions, action, phone = texts
    hostile = card(title=title, unit_name=unit, post=post, place=place, plan_title=plan, risks=risks,
                   precautions=precautions, steps=(PrintStep(action, post),), contacts=(PrintContact(unit, phone),))  # fmt: skip
    out = tmp_path_factory.mktemp("cards") / "cards.pdf"
    result = render_cards([hostile], out, CardOptions(layout=layout))
    assert result.pages >= 1 and out.stat().st_size > 0
    assert {m.char for m in result.missing} == set(missing_glyphs("\n".join(hostile.texts())))


# ----------------------------------------------------------------------------- manual



def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(inner, st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4))


# JSON-like values two levels deep (st.recursive warns, flakily, that its extend is unused).
json_values = _nested(
    _nested(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), short_text))
)
CONTENT_KEYS = ["scope", "grading", "response_levels", "work_groups", "procedure", "measures", "precautions",
                "contacts", "resources", "command"]  # fmt: skip


SHORT_HOSTILE = [text for text in HOSTILE if text is not LONG]


def test_a_manual_with_hostile_text_everywhere(tmp_path: Path) -> None:
    rows = [{"name": text, "lead": text, "members": text, "duties": text, "step": text, "action": text,
             "responsible": text, "time_limit": text, "grade": text, "criteria": text, "level": text,
             "condition": text, "role": text, "phone": text, "quantity": text, "location": text, "keeper": text}
            for text in SHORT_HOSTILE]  # fmt: skip
    content: dict[str, Any] = {key: rows for key in CONTENT_KEYS}
    # 10,000 characters where prose goes (long duties and steps: tests/reports/test_manual_pdf.py).
    content["scope"] = f"{MARKUP}\n{LONG}"
    content["measures"] = HOSTILE
    content["precautions"] = HOSTILE
    data = ManualData(title=f"预案{MARKUP}{EMOJI}", unit_name=f"单位{EXT_B}", category_label=CONTROL,
                      version_label=ODD, doc_number=MARKUP, content=content,
                      cards=(card(title=f"卡{EXT_B}", risks=LONG),))  # fmt: skip
    out = tmp_path / "manual.pdf"
    result = render_manual(data, out)
    text = squash(text_of(out.read_bytes()))
    assert squash("<b>粗体</b>") in text and "控制字符" in text
    assert {m.char for m in result.missing} == set(missing_glyphs(EMOJI + EXT_B + ODD + CONTROL))
    assert result.pages > 3


def test_a_manual_with_a_very_long_work_group_name_prints(tmp_path: Path) -> None:
    content = {"work_groups": [{"name": LONG, "lead": "镇应急办", "duties": "协调"}]}
    render_manual(ManualData(title="预案", unit_name="单位", content=content), tmp_path / "manual.pdf")


@FEW
@given(content=st.dictionaries(st.sampled_from(CONTENT_KEYS), json_values, max_size=6), title=short_text)
def test_a_manual_of_any_content_shape_never_crashes(tmp_path_factory: pytest.TempPathFactory,
                                                     content: dict[str, Any], title: str) -> None:  # fmt: skip
    out = tmp_path_factory.mktemp("manual") / "manual.pdf"
    result = render_manual(ManualData(title=title or "预案", unit_name="单位", content=content), out)
    assert result.pages >= 1 and out.stat().st_size > 0


# ----------------------------------------------------------------------------- drill forms


def record(text: str) -> DrillRecordForm:
    return DrillRecordForm(
        title=f"演练{text}", unit_name=text, start=date(2025, 6, 12), end=None, status_label=text,
        form_label=text, scope_label=text, purpose_label=text, record_version=1, printed_on=date(2025, 7, 1),
        location=text, tags=(text, text), plans=(text,), participant_units=(text,), head_count=10,
        scenario=text, log=tuple((text, text) for _ in range(3)), attachments=((text, text),), note=text,
    )  # fmt: skip


def evaluation(text: str) -> DrillEvaluationForm:
    return DrillEvaluationForm(
        record=record(text), template_name=text, template_source=text, eval_date=date(2025, 6, 13),
        evaluators=text, lines=(ScoreLine(text, text, text, text),), score_percent=50.0, grade=text,
        comments=text, self_assessment=text, team_opinion=text, conclusion=text, overview=text,
        problems=(text, text), lessons=text, suggestions=text, actions=(ActionLine(text, text, text, text, text),),
    )  # fmt: skip


SHORT = [MARKUP, CONTROL, EMOJI + EXT_B, ODD]
SHORT_IDS = ["markup", "control", "glyphs", "odd"]


@pytest.mark.parametrize("text", SHORT, ids=SHORT_IDS)
def test_drill_forms_print_any_text_and_report_missing_glyphs(text: str) -> None:
    for form, render in ((record(text), drill_record_pdf), (evaluation(text), drill_evaluation_pdf)):
        printed = squash(text_of(render(form)))  # type: ignore[operator]
        assert set(missing_in(form)) == set(missing_glyphs(text))
        if text is MARKUP:
            assert squash("<b>粗体</b>") in printed
        if text is CONTROL:
            assert "控制字符" in printed


def test_drill_forms_print_10000_characters_of_prose() -> None:
    prose = {"scenario": LONG, "note": LONG}
    form = evaluation("正常")
    form = replace(form, record=replace(form.record, **prose), comments=LONG, lessons=LONG, problems=(LONG,))
    printed = squash(text_of(drill_evaluation_pdf(form)))
    rest = iter(printed)
    assert all(ch in rest for ch in LONG[:3000])
    assert squash(text_of(drill_record_pdf(replace(record("正常"), **prose)))).count(LONG[:50]) == 2


def test_a_drill_record_with_a_very_long_log_entry_prints() -> None:
    drill_record_pdf(replace(record("正常"), log=(("09:00", LONG),)))


@FEW
@given(text=one_line)
def test_drill_forms_with_random_text_never_crash(text: str) -> None:
    assert drill_record_pdf(record(text)).startswith(b"%PDF")
    assert drill_evaluation_pdf(evaluation(text)).startswith(b"%PDF")


# ----------------------------------------------------------------------------- filing forms


def filing_forms(text: str) -> list[bytes]:
    plans = [FormPlan(text, text, text, date(2025, 3, 3), text)] * 3
    materials = [FormMaterial(text, True, text), FormMaterial(text, False)]
    return [
        declaration_pdf(DeclarationForm(text, text, text, date(2025, 3, 10), plans, materials, text, text, text,
                                        text, text, text, text, 100, text, text, text)),
        check_pdf(CheckForm(text, text, date(2025, 3, 10), text, plans, [CheckItem(text, text, None, text)] * 6,
                            materials, text, date(2025, 3, 12))),
        registration_pdf(RegistrationForm(text, text, text, date(2025, 3, 15), plans, text, text, text, text, text,
                                          date(2025, 3, 10))),
        return_notice_pdf(ReturnNotice(text, text, date(2025, 3, 10), date(2025, 3, 12), plans, [text] * 5, text,
                                       text)),
    ]  # fmt: skip


@pytest.mark.parametrize("text", SHORT, ids=SHORT_IDS)
def test_filing_forms_print_any_text(text: str) -> None:
    for data in filing_forms(text):
        printed = squash(text_of(data))
        if text is MARKUP:
            assert squash("<b>粗体</b>") in printed
        if text is CONTROL:
            assert "控制字符" in printed


def test_a_return_notice_prints_10000_characters_of_prose() -> None:
    notice = ReturnNotice(
        "单位", "赤坎镇人民政府", date(2025, 3, 10), date(2025, 3, 12), [], [LONG, "评审意见"], None, LONG
    )
    printed = squash(text_of(return_notice_pdf(notice)))
    rest = iter(printed)
    assert all(ch in rest for ch in LONG[:3000])


def test_a_declaration_with_a_very_long_address_prints() -> None:
    declaration_pdf(DeclarationForm("单位", "赤坎镇人民政府", "3F2A", date(2025, 3, 10), [], address=LONG))


def test_a_declaration_with_line_breaks_in_its_fields_prints() -> None:
    filing_forms("\n\n\n")


@FEW
@given(text=one_line)
def test_filing_forms_with_random_text_never_crash(text: str) -> None:
    assert all(data.startswith(b"%PDF") for data in filing_forms(text))


def test_filing_forms_report_the_characters_the_font_lacks() -> None:
    from planmgr.reports.filing_forms import missing_in

    form = DeclarationForm("单位", f"赤坎镇{EXT_B}化工", "3F2A", date(2025, 3, 10), [], address=f"开平市{EMOJI}")
    assert set(missing_in(form)) == set(missing_glyphs(EXT_B + EMOJI))
    assert missing_in(DeclarationForm("单位", "赤坎镇化工", "3F2A", date(2025, 3, 10), [])) == []
