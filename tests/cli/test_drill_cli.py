"""``planmgr drill list | report`` as a user runs them: output, files, exit codes."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from planmgr.cli import main
from planmgr.services import drill_evaluation as ev
from planmgr.store.database import open_database
from tests.factories import make_drill, make_plan, make_unit


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(db_path: Path) -> dict[str, str]:
    database = open_database(db_path)
    try:
        ent = make_unit(database, "开平市甲化工有限公司", high_risk=True)
        town = make_unit(database, "赤坎镇人民政府", "town")
        comp = make_plan(database, ent, "甲公司综合应急预案", published=date(2024, 1, 5))
        flood = make_plan(database, town, "赤坎镇防汛应急预案", "town", published=date(2024, 4, 1))
        done = make_drill(database, [comp], date(2025, 6, 12), title="液氨泄漏实战演练", form="field",
                          tags=["双盲"], head_count=86)  # fmt: skip
        make_drill(database, [comp], date(2024, 5, 1), title="去年的桌面推演")
        planned = make_drill(database, [flood], date(2025, 7, 1), status="planned", title="防汛转移演练")
    finally:
        database.dispose()
    return {"db": str(db_path), "ent": ent.uid, "done": done.uid, "planned": planned.uid}


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_list_json_by_unit_and_year(capsys: pytest.CaptureFixture[str], data: dict[str, str]) -> None:
    code, out, _ = run(capsys, "drill", "list", "--db", data["db"], "--year", "2025", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["液氨泄漏实战演练", "防汛转移演练"]
    first = rows[0]
    assert set(first) == {"uid", "title", "organiser_unit_uid", "organiser_unit_name", "start", "end", "status",
                          "form", "scope", "purpose", "tags", "plans", "head_count", "reported_to_authority",
                          "report_required", "score_percent"}  # fmt: skip
    assert (first["start"], first["status"], first["form"], first["tags"]) == ("2025-06-12", "done", "field", ["双盲"])
    assert first["plans"][0]["title"] == "甲公司综合应急预案"
    assert first["report_required"] is True and first["reported_to_authority"] is False

    code, out, _ = run(capsys, "drill", "list", "--db", data["db"], "--unit", data["ent"], "--json")
    assert [r["title"] for r in json.loads(out)] == ["去年的桌面推演", "液氨泄漏实战演练"]


def test_list_text(capsys: pytest.CaptureFixture[str], data: dict[str, str]) -> None:
    code, out, _ = run(capsys, "drill", "list", "--db", data["db"], "--year", "2025")
    assert code == 0
    assert "液氨泄漏实战演练" in out and "已完成（未报送）" in out and "计划中" in out
    assert "合计 2 次演练。" in out
    code, out, _ = run(capsys, "drill", "list", "--db", data["db"], "--year", "2030")
    assert code == 0 and "尚无演练记录" in out


def test_list_rejects_bad_input(capsys: pytest.CaptureFixture[str], data: dict[str, str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "drill", "list", "--db", data["db"], "--unit", "no-such-unit")
    assert code == 2 and "找不到单位" in err
    with pytest.raises(SystemExit) as stopped:  # argparse usage errors exit 2 too
        main(["drill", "list", "--db", data["db"], "--year", "二〇二五"])
    assert stopped.value.code == 2 and "年度应为四位数字" in capsys.readouterr().err
    code, _, err = run(capsys, "drill", "list", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 3 and "数据库文件不存在" in err


def test_report_writes_the_record_form(capsys: pytest.CaptureFixture[str], data: dict[str, str],
                                       tmp_path: Path) -> None:  # fmt: skip
    out_pdf = tmp_path / "out" / "记录表.pdf"
    code, out, err = run(capsys, "drill", "report", data["done"], "--db", data["db"], "-o", str(out_pdf))
    assert code == 0, err
    assert "已生成演练记录表" in out
    text = pdf_text(out_pdf)
    for expected in ("演练记录表", "液氨泄漏实战演练", "开平市甲化工有限公司", "2025-06-12", "《甲公司综合应急预案》（1.0）",
                     "86人", "未报送", "第1页共1页"):  # fmt: skip
        assert expected in text, expected


def test_evaluation_report_needs_an_evaluation(capsys: pytest.CaptureFixture[str], data: dict[str, str],
                                               tmp_path: Path) -> None:  # fmt: skip
    out_pdf = tmp_path / "评估报告.pdf"
    code, _, err = run(capsys, "drill", "report", data["done"], "--db", data["db"], "-o", str(out_pdf), "--evaluation")
    assert code == 2 and "尚未评估" in err and not out_pdf.exists()

    database = open_database(data["db"])
    try:
        template = ev.get_template(database.engine, "tabletop")
        scores = {item.key: (True if item.kind == ev.YES_NO else 5) for item in template.items}
        ev.record_evaluation(database.engine, data["done"],
                             ev.EvaluationInput("tabletop", scores, date(2025, 6, 13), conclusion="达到演练目的"))
        ev.record_summary(database.engine, data["done"], ev.SummaryReport("概要", ["疏散路线标识不清"]))
    finally:
        database.dispose()
    code, out, err = run(capsys, "drill", "report", data["done"], "--db", data["db"], "-o", str(out_pdf), "--evaluation")
    assert code == 0, err
    text = pdf_text(out_pdf)
    for expected in ("演练评估报告", "桌面演练评估表", "100.0%（优秀）", "达到演练目的", "疏散路线标识不清"):
        assert expected in text, expected


def test_report_rejects_unknown_drill_and_bad_output(capsys: pytest.CaptureFixture[str], data: dict[str, str],
                                                     tmp_path: Path) -> None:  # fmt: skip
    code, _, err = run(capsys, "drill", "report", "no-such-drill", "--db", data["db"], "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "找不到演练" in err
    code, _, err = run(capsys, "drill", "report", data["done"], "--db", data["db"], "-o", str(tmp_path / "x.docx"))
    assert code == 2 and ".pdf" in err
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "drill", "report", data["done"], "--db", data["db"], "-o", str(blocker / "x.pdf"))
    assert code == 1 and "文件操作失败" in err
