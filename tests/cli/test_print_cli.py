"""``planmgr print cards | manual`` as a user runs them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from planmgr.cli import main
from planmgr.services import card_drafts, cards
from planmgr.services.cards import CardContactData, CardInput, CardStepData
from planmgr.store.database import open_database
from tests.factories import add_version, make_plan, make_unit

CONTENT = {
    "scope": "装卸站液氨泄漏可能导致人员中毒。",
    "procedure": [
        {"step": "报警", "action": "立即报告班长", "responsible": "操作工", "time_limit": "1分钟内"}
    ],
    "precautions": ["佩戴防毒面具"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path: Path) -> dict[str, str]:
    database = open_database(db_path)
    try:
        unit = make_unit(database, "开平市某化工有限公司", duty_phone="0750-2288001")
        plan = make_plan(database, unit, "装卸站液氨泄漏现场处置方案", "ent_onsite", content=CONTENT)
        add_version(database, plan, label="1.0", published=date(2025, 3, 1), content=CONTENT)
        empty_plan = make_plan(database, unit, "没有处置卡的方案", "ent_onsite")
        for number in (1, 2, 3):
            draft = card_drafts.draft_from_plan(database.engine, plan.uid, post=f"装卸岗{number}")
            cards.create_card(database.engine, CardInput(**{**draft.__dict__, "number": f"ZX-{number:02d}",
                                                            "title": f"装卸站应急处置卡{number}"}))  # fmt: skip
        return {"db": str(db_path), "plan": plan.uid, "plan_id": str(plan.id), "unit": unit.uid,
                "empty_plan": empty_plan.uid}  # fmt: skip
    finally:
        database.dispose()


def test_print_a_plans_cards_four_to_a_page(
    db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    code, stdout, stderr = run(
        capsys, "print", "cards", "--db", db["db"], "--plan", db["plan"], "-o", str(out)
    )
    assert code == 0, stderr
    assert f"已生成 {out}：处置卡 3 张，卡面 3 面，共 1 页。" in stdout
    assert stderr == ""
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "装卸站应急处置卡1" in text and "装卸站应急处置卡3" in text
    assert "《装卸站液氨泄漏现场处置方案》应急处置卡" in text  # the sheet footer names the batch


@pytest.mark.parametrize(("layout", "pages"), [("a6", 3), ("a5-2up", 2), ("a4-4up", 1)])
def test_layouts_and_qr(
    db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str, pages: int
) -> None:
    out = tmp_path / f"{layout}.pdf"
    code, _, stderr = run(capsys, "print", "cards", "--db", db["db"], "--unit", db["unit"], "--layout", layout,
                          "--qr", "-o", str(out))  # fmt: skip
    assert code == 0, stderr
    assert len(pypdf.PdfReader(out).pages) == pages


def test_unknown_uid_or_no_cards_is_rejected_in_chinese(
    db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _, stderr = run(capsys, "print", "cards", "--db", db["db"], "--plan", "no-such-uid", "-o", str(out))
    assert code == 2 and "找不到预案：no-such-uid" in stderr
    code, _, stderr = run(capsys, "print", "cards", "--db", db["db"], "--unit", "no-such-uid", "-o", str(out))
    assert code == 2 and "找不到单位" in stderr
    code, _, stderr = run(
        capsys, "print", "cards", "--db", db["db"], "--plan", db["empty_plan"], "-o", str(out)
    )
    assert code == 2 and "没有可打印的处置卡" in stderr
    code, _, stderr = run(
        capsys, "print", "manual", "--db", db["db"], "--plan", "no-such-uid", "-o", str(out)
    )
    assert code == 2 and "找不到预案" in stderr
    assert not out.exists()


@pytest.mark.parametrize("which", [["--plan", "P", "--all"], ["--plan", "P", "--unit", "U"], []])
def test_plan_unit_and_all_exclude_each_other(
    db: dict[str, str], capsys: pytest.CaptureFixture[str], which: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["print", "cards", "--db", db["db"], *which, "-o", "x.pdf"])
    assert exited.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_stale_cards_and_missing_characters_are_warned_about(
    db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(db["db"])
    try:
        cards.create_card(database.engine, CardInput(
            title="罕见字𠀀处置卡", unit_uid=db["unit"], plan_uid=db["plan"],
            steps=(CardStepData("联系😀"),), contacts=(CardContactData("值班", "0750-2288001"),),
        ))  # fmt: skip
        add_version(database, int(db["plan_id"]), label="2.0", published=date(2025, 9, 1), content=CONTENT)
    finally:
        database.dispose()
    out = tmp_path / "all.pdf"
    code, stdout, stderr = run(capsys, "print", "cards", "--db", db["db"], "--all", "-o", str(out))
    assert code == 0 and out.exists()
    assert "依据的预案已有新版本" in stderr and "（4 项）" in stderr and "装卸站应急处置卡2" in stderr
    assert "“𠀀”（U+20000）见：罕见字𠀀处置卡" in stderr and "“😀”" in stderr
    assert "处置卡 4 张" in stdout


def test_print_manual(db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "manual.pdf"
    code, stdout, stderr = run(
        capsys, "print", "manual", "--db", db["db"], "--plan", db["plan"], "-o", str(out)
    )
    assert code == 0, stderr
    reader = pypdf.PdfReader(out)
    assert f"简明操作手册共 {len(reader.pages)} 页，附处置卡 3 张" in stdout
    assert "装卸站液氨泄漏现场处置方案" in reader.pages[0].extract_text()
    assert "装卸站应急处置卡2" in reader.pages[-1].extract_text()
