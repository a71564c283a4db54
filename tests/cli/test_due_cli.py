"""``planmgr due`` as a user runs it: the JSON contract of DESIGN.md §7 and the Chinese table."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planmgr.cli import main
from planmgr.store.database import Database
from tests.factories import make_action, make_filing, make_plan, make_unit

JSON_KEYS = {
    "unit_uid", "unit_name", "plan_uid", "plan_title", "kind", "due_date", "status",
    "rule_id", "source", "calendar_estimated",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def county(database: Database) -> Database:
    """Two enterprises and a town, with something overdue, due soon, ok and deemed filed."""
    chem = make_unit(database, "乙化工公司", must_file=True, high_risk=True)
    make_plan(database, chem, "综合应急预案", "ent_comprehensive", published=date(2025, 9, 30))
    make_plan(database, chem, "储罐泄漏现场处置方案", "ent_onsite", published=date(2025, 3, 31))
    mill = make_unit(database, "甲机械厂")
    make_plan(database, mill, "车间火灾现场处置方案", "ent_onsite", published=date(2025, 5, 20))
    make_plan(database, mill, "配电房现场处置方案", "ent_onsite", published=date(2025, 5, 20))
    town = make_unit(database, "赤坎镇人民政府", kind="town")
    town_plan = make_plan(database, town, "赤坎镇总体应急预案", "town", issued=date(2025, 9, 1),
                          published=date(2025, 9, 2))
    make_filing(database, town_plan, status="submitted", submitted=date(2025, 9, 20))
    make_action(database, plan=town_plan, due=date(2025, 10, 31), text="补充转移安置点")
    later = make_unit(database, "丙危化品储运公司", must_file=True)
    make_plan(database, later, "综合应急预案", "ent_comprehensive", published=date(2035, 1, 1))
    return database


def test_json_shape_and_order(county: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "--db", str(county.path), "--as-of", "2025-10-20", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert all(set(item) == JSON_KEYS for item in items)
    assert [(i["due_date"], i["unit_name"], i["plan_title"], i["kind"], i["status"]) for i in items] == [
        # 2025-03-31 + 20 working days (清明 04-04 off, Sun 04-27 worked) = 04-28.
        ("2025-04-28", "乙化工公司", "储罐泄漏现场处置方案", "filing", "overdue"),
        ("2025-09-30", "乙化工公司", None, "drill", "overdue"),  # high-risk unit rule, 6 months
        ("2025-09-30", "乙化工公司", "储罐泄漏现场处置方案", "drill", "overdue"),
        ("2025-10-31", "赤坎镇人民政府", "赤坎镇总体应急预案", "action", "due_soon"),
        ("2025-11-04", "乙化工公司", "综合应急预案", "filing", "due_soon"),  # published 09-30
        ("2025-11-20", "甲机械厂", "车间火灾现场处置方案", "drill", "ok"),
        ("2025-11-20", "甲机械厂", "配电房现场处置方案", "drill", "ok"),
        ("2026-09-30", "乙化工公司", None, "drill", "ok"),  # 综合/专项, 12 months
        ("2028-09-02", "赤坎镇人民政府", "赤坎镇总体应急预案", "evaluation", "ok"),
        ("2035-01-29", "丙危化品储运公司", "综合应急预案", "filing", "ok"),
        ("2036-01-01", "丙危化品储运公司", None, "drill", "ok"),
    ]
    # Sorting by unit name puts 乙 (U+4E59) before 甲 (U+7532) — code point order, as stored.
    by_rule = {(i["unit_name"], i["rule_id"]): i for i in items}
    unit_rule = by_rule[("乙化工公司", "high_risk_drill")]
    assert unit_rule["plan_uid"] is None and unit_rule["plan_title"] is None
    assert unit_rule["source"] == "《生产安全事故应急预案管理办法》第三十三条；《生产安全事故应急条例》第八条"
    assert by_rule[("丙危化品储运公司", "ent_filing")]["calendar_estimated"] is True
    assert not any(i["calendar_estimated"] for i in items if i["unit_name"] != "丙危化品储运公司")
    # The town's submission of 09-20 went unanswered past 09-26: deemed filed, not listed.
    assert ("赤坎镇人民政府", "gov_filing") not in by_rule
    assert ("赤坎镇人民政府", "authority_check") not in by_rule


def test_text_table_grouped_by_status(county: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "--db", str(county.path), "--as-of", "2025-10-20")
    assert code == 0, err
    assert out.index("【逾期】3 项") < out.index("【即将到期】2 项") < out.index("【正常】6 项")
    assert "截至 2025-10-20" in out
    overdue_block = out[out.index("【逾期】") : out.index("【即将到期】")]
    assert "储罐泄漏现场处置方案" in overdue_block and "（本单位）" in overdue_block
    assert "《生产安全事故应急预案管理办法》第三十三条" in overdue_block
    assert "车间火灾现场处置方案" not in overdue_block
    assert "备案：企业应急预案备案" in out
    assert "2035-01-29*" in out and "按周一至周五估算" in out
    assert "【视为已经备案】1 项" in out and "报送 2025-09-20" in out
    assert "合计 11 项：逾期 3，即将到期 2，正常 6。" in out


def _display_width(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def test_table_columns_line_up(county: Database, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "due", "--db", str(county.path), "--as-of", "2025-10-20")
    block = out[out.index("【正常】") :].split("\n\n")[0].splitlines()[1:]
    assert block[0].lstrip().startswith("到期日") and len(block) == 7
    plan_cells = ["预案", "车间火灾现场处置方案", "配电房现场处置方案", "（本单位）", "赤坎镇总体应急预案",
                  "综合应急预案", "（本单位）"]
    # The plan column starts at the same display column on every line (CJK = 2 columns).
    starts = {_display_width(line[: line.index(cell)]) for line, cell in zip(block, plan_cells, strict=True)}
    assert len(starts) == 1


def test_nothing_due(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "--db", str(database.path), "--as-of", "2025-10-20")
    assert code == 0 and "没有到期事项" in out
    code, out, _ = run(capsys, "due", "--db", str(database.path), "--json")
    assert code == 0 and json.loads(out) == []


def test_bad_as_of_is_rejected(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "--db", str(database.path), "--as-of", "2025/13/01")
    assert code == 2 and out == ""
    assert "日期格式不正确" in err


def test_missing_database_is_a_database_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "due", "--db", str(tmp_path / "nope.sqlite"))
    assert code == 3 and "数据库文件不存在" in err


def test_json_as_a_process(county: Database) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planmgr", "due", "--db", str(county.path), "--as-of", "2025-10-20", "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    items = json.loads(result.stdout.decode("utf-8"))
    assert len(items) == 11 and items[0]["due_date"] == "2025-04-28"
