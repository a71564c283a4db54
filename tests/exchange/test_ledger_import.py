"""Matching, updating and the import job: what a user sees after importing a ledger."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import text

from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.services.ledger import LedgerImport, Progress, import_ledger
from planmgr.store import search
from planmgr.store.database import Database
from tests.exchange.ledger_data import (
    DRILLS_HEADER,
    FILINGS_HEADER,
    PLANS_HEADER,
    UNITS_HEADER,
    USCC_CHEM,
    USCC_MALL,
    base_units,
    counts,
    populate,
    write_csv,
    write_xlsx,
)
from tests.factories import make_plan, make_unit


def _rows(where: Database | Path, sql: str) -> list[tuple[object, ...]]:
    if isinstance(where, Path):
        conn = sqlite3.connect(where)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    with where.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def _ok(database: Database, kind: str, path: Path, **kwargs: object) -> tuple[int, int, int]:
    report = import_ledger(database.engine, kind, path, **kwargs)
    assert report.errors == (), [str(e) for e in report.errors]
    return report.inserted, report.updated, report.unchanged


def test_units_match_by_uscc_then_name_and_parent(any_database: Database, tmp_path: Path) -> None:
    database = any_database
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "县级以上政府"],
        ["安全生产办公室", "政府部门", "", "赤坎镇人民政府"],  # its parent comes later in the file
        ["赤坎镇人民政府", "乡镇（街道）", "", "开平市人民政府"],
        ["安全生产办公室", "政府部门", "", "蚬冈镇人民政府"],  # same name, another parent: another unit
        ["蚬冈镇人民政府", "乡镇（街道）", "", "开平市人民政府"],
        ["华新化工", "企业", USCC_CHEM, "赤坎镇人民政府", "工贸", "小型", "13800138000"],
    ]
    assert _ok(database, "units", write_xlsx(tmp_path / "a.xlsx", rows)) == (6, 0, 0)
    assert _rows(database, "SELECT count(*) FROM unit WHERE name='安全生产办公室'") == [(2,)]
    audit_before = counts(database)["audit_entry"]

    renamed = [list(r) for r in rows]
    renamed[6][0] = "开平市华新化工有限公司"  # matched by USCC: a rename, not a new unit
    renamed[6][5] = "中型"
    assert _ok(database, "units", write_xlsx(tmp_path / "b.xlsx", renamed)) == (0, 1, 5)
    unit = _rows(
        database,
        "SELECT name, scale, must_file, high_risk, listed_for_review FROM unit WHERE uscc IS NOT NULL",
    )
    assert unit == [("开平市华新化工有限公司", "medium", 0, 0, 1)]
    entries = _rows(
        database, f"SELECT table_name, action, row_uid, changes FROM audit_entry WHERE id > {audit_before}"
    )
    assert len(entries) == 1
    table, action, uid, changes = entries[0]
    assert (table, action) == ("unit", "update") and uid is not None
    assert (changes if isinstance(changes, dict) else json.loads(str(changes))) == {
        "name": ["华新化工", "开平市华新化工有限公司"],
        "scale": ["small", "medium"],
        "listed_for_review": [False, True],  # 中型 is on the ENT Art.21/35 list
    }


def test_a_row_gives_its_uscc_to_the_unit_known_by_name(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    town = make_unit(database, "赤坎镇人民政府", "town")
    make_unit(database, "赤坎商贸城", "enterprise", parent=town)
    rows = [UNITS_HEADER, ["赤坎商贸城", "企业", USCC_MALL, "赤坎镇人民政府", "人员密集场所"]]
    assert _ok(database, "units", write_xlsx(tmp_path / "u.xlsx", rows)) == (0, 1, 0)
    assert _rows(db_path, "SELECT uscc, must_file, high_risk FROM unit WHERE name='赤坎商贸城'") == [
        (USCC_MALL, 1, 1)
    ]


def test_absent_columns_leave_fields_alone_and_empty_cells_clear(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    make_unit(
        database,
        "开平市华新化工有限公司",
        "enterprise",
        uscc=USCC_CHEM,
        phone="13800138000",
        address="工业区",
    )
    path = write_xlsx(
        tmp_path / "u.xlsx",
        [["单位名称", "单位类型", "统一社会信用代码"], ["开平市华新化工有限公司", "企业", USCC_CHEM]],
    )
    assert _ok(database, "units", path) == (0, 0, 1)
    path = write_xlsx(
        tmp_path / "v.xlsx",
        [["单位名称", "单位类型", "联系电话", "地址"], ["开平市华新化工有限公司", "企业", "", "工业区"]],
    )
    assert _ok(database, "units", path) == (0, 1, 0)
    assert _rows(db_path, "SELECT uscc, phone, address FROM unit") == [(USCC_CHEM, None, "工业区")]


def test_unit_parent_loop_is_an_error(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [UNITS_HEADER, ["甲单位", "其他单位", "", "乙单位"], ["乙单位", "其他单位", "", "甲单位"]]
    report = import_ledger(database.engine, "units", write_xlsx(tmp_path / "u.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [(2, "上级单位"), (3, "上级单位")]
    assert "形成循环" in report.errors[0].message
    assert counts(db_path)["unit"] == 0


def test_plans_ledger_creates_versions_evaluations_and_ent_special(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    base_units(database)
    rows = [
        PLANS_HEADER,
        [
            "开平市突发事件总体应急预案",
            "总体应急预案",
            "开平市人民政府",
            "",
            "1.0",
            "2023-05-01",
            "已发布",
            "2025-03-01",
        ],
        [
            "开平市森林火灾专项应急预案",
            "专项应急预案",
            "开平市人民政府",
            "开平市突发事件总体应急预案",
            "1.0",
            "2023-06-01",
        ],
        ["危险化学品泄漏专项应急预案", "专项应急预案", "开平市华新化工有限公司", "华新化工综合应急预案"],
        ["华新化工综合应急预案", "综合应急预案", "开平市华新化工有限公司", "赤坎镇突发事件总体应急预案"],
        [
            "赤坎镇突发事件总体应急预案",
            "乡镇(街道)应急预案",
            "赤坎镇人民政府",
            "开平市突发事件总体应急预案",
            "",
            "",
            "编制中",
        ],
    ]
    assert _ok(database, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账")) == (5, 0, 0)
    plans = dict(_rows(db_path, "SELECT title, category || '/' || status FROM plan"))
    assert plans["开平市森林火灾专项应急预案"] == "special/published"  # 已发布 follows from the version
    assert plans["危险化学品泄漏专项应急预案"] == "ent_special/drafting"
    assert plans["赤坎镇突发事件总体应急预案"] == "town/drafting"
    parents = _rows(
        db_path, "SELECT c.title, p.title FROM plan c JOIN plan p ON p.id = c.parent_id ORDER BY c.id"
    )
    assert ("危险化学品泄漏专项应急预案", "华新化工综合应急预案") in parents
    assert ("华新化工综合应急预案", "赤坎镇突发事件总体应急预案") in parents
    assert _rows(
        db_path,
        "SELECT v.label, v.published_date FROM plan p JOIN plan_version v ON v.id = p.current_version_id "
        "WHERE p.title='开平市突发事件总体应急预案'",
    ) == [("1.0", "2023-05-01")]
    assert _rows(db_path, "SELECT eval_date, method, conclusion FROM evaluation") == [
        ("2025-03-01", "self", "keep")
    ]
    # The new plans are found by the full-text search.
    with database.engine.connect() as conn:
        assert [h.title for h in search.search(conn, "森林火灾")] == ["开平市森林火灾专项应急预案"]

    # A revision: a new 版本号 becomes current, the old version stays; a later evaluation is added.
    rows[1][4:8] = ["2.0", "2025-06-01", "已发布", "2025-09-01"]
    assert _ok(database, "plans", write_xlsx(tmp_path / "p2.xlsx", rows, title="预案台账")) == (0, 1, 4)
    assert _rows(
        db_path,
        "SELECT v.label FROM plan p JOIN plan_version v ON v.plan_id = p.id "
        "WHERE p.title='开平市突发事件总体应急预案' ORDER BY v.id",
    ) == [("1.0",), ("2.0",)]
    assert _rows(
        db_path,
        "SELECT v.label FROM plan p JOIN plan_version v ON v.id = p.current_version_id "
        "WHERE p.title='开平市突发事件总体应急预案'",
    ) == [("2.0",)]
    assert _rows(db_path, "SELECT count(*) FROM evaluation") == [(2,)]


def test_a_published_version_cannot_be_redated(database: Database, db_path: Path, tmp_path: Path) -> None:
    base_units(database)
    rows = [
        PLANS_HEADER,
        ["总体应急预案", "总体应急预案", "开平市人民政府", "", "1.0", "2023-05-01", "已发布"],
    ]
    _ok(database, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账"))
    rows[1][5] = "2023-05-02"
    report = import_ledger(database.engine, "plans", write_xlsx(tmp_path / "q.xlsx", rows, title="预案台账"))
    assert [(e.row, e.column) for e in report.errors] == [(2, "发布日期")]
    assert "版本 1.0 已登记，发布日期为 2023-05-01" in report.errors[0].message


def test_published_plan_needs_a_version(database: Database, tmp_path: Path) -> None:
    base_units(database)
    rows = [
        PLANS_HEADER,
        ["总体应急预案", "总体应急预案", "开平市人民政府", "", "", "", "已发布"],
        ["专项预案", "专项应急预案", "开平市人民政府", "", "", "2024-01-01"],
    ]
    report = import_ledger(database.engine, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账"))
    assert [str(e) for e in report.errors] == [
        "工作表 预案台账 第 2 行【状态】：状态为“已发布”的预案须填写版本号和发布日期",
        "工作表 预案台账 第 3 行【版本号】：填写了发布日期，请同时填写版本号",
    ]


def test_plan_number_is_the_uid_and_allows_renaming(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    base_units(database)
    header = ["预案编号", "预案名称", "预案类别", "编制单位"]
    _ok(
        database,
        "plans",
        write_xlsx(
            tmp_path / "a.xlsx",
            [header, ["KP-2024-01", "旧名称预案", "总体应急预案", "开平市人民政府"]],
            title="预案台账",
        ),
    )
    _ok(
        database,
        "plans",
        write_xlsx(
            tmp_path / "b.xlsx",
            [header, ["KP-2024-01", "新名称预案", "总体应急预案", "开平市人民政府"]],
            title="预案台账",
        ),
    )
    assert _rows(db_path, "SELECT uid, title FROM plan") == [("KP-2024-01", "新名称预案")]


def test_own_plan_numbers_find_plans_already_known_by_title(database: Database, tmp_path: Path) -> None:
    city = make_unit(database, "开平市人民政府", "city")
    overall = make_plan(database, city, "开平市突发事件总体应急预案", "overall", status="drafting")
    header = ["预案编号", "预案名称", "预案类别", "编制单位", "上级预案"]
    rows = [
        header,
        ["KP-01", "开平市突发事件总体应急预案", "总体应急预案", "开平市人民政府"],
        ["KP-02", "开平市地震应急预案", "专项应急预案", "开平市人民政府", "KP-01"],
    ]
    assert _ok(database, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账")) == (1, 0, 1)
    parent = _rows(
        database, "SELECT p.uid FROM plan c JOIN plan p ON p.id = c.parent_id WHERE c.uid = 'KP-02'"
    )
    assert parent == [(overall.uid,)]
    assert _ok(database, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账")) == (0, 0, 2)


def test_drills_link_several_plans_and_take_status_from_the_date(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    populate(database)
    rows = [
        DRILLS_HEADER,
        [
            "防汛桌面推演",
            "赤坎镇人民政府",
            "赤坎镇突发事件总体应急预案、开平市防汛、防台风应急预案",
            "2025-05-20",
            "桌面推演",
            40,
        ],
        [
            "台风实战演练",
            "开平市人民政府",
            "开平市防汛、防台风应急预案;开平市突发事件总体应急预案\n开平市应急管理局部门应急预案",
            date(2025, 7, 1),
            "实战演练",
            "60人",
        ],
        ["年度综合演练", "开平市华新化工有限公司", "华新化工综合应急预案", "2025-12-01", "实战演练"],
    ]
    path = write_xlsx(tmp_path / "d.xlsx", rows, title="演练台账")
    assert _ok(database, "drills", path, today=date(2025, 7, 1)) == (3, 0, 0)
    drills = _rows(
        db_path,
        "SELECT d.title, d.form, d.status, d.head_count, count(dp.id) FROM drill d "
        "JOIN drill_plan dp ON dp.drill_id = d.id WHERE d.start BETWEEN '2025-01-01' AND '2025-12-31' "
        "GROUP BY d.id ORDER BY d.start",
    )
    assert drills == [
        ("防汛桌面推演", "tabletop", "done", 40, 2),
        ("台风实战演练", "field", "planned", 60, 3),  # on the import day: planned
        ("年度综合演练", "field", "planned", None, 1),
    ]
    # A later re-import changes the plans exercised, never the status.
    rows[2][2] = "开平市防汛、防台风应急预案"
    audit_before = counts(db_path)["audit_entry"]
    assert _ok(
        database, "drills", write_xlsx(tmp_path / "e.xlsx", rows, title="演练台账"), today=date(2026, 1, 1)
    ) == (0, 1, 2)
    assert _rows(db_path, "SELECT status FROM drill WHERE title='台风实战演练'") == [("planned",)]
    actions = _rows(
        db_path, f"SELECT table_name, action FROM audit_entry WHERE id > {audit_before} ORDER BY id"
    )
    assert actions == [("drill", "update"), ("drill_plan", "delete"), ("drill_plan", "delete")]


def test_drill_with_an_unknown_plan(database: Database, tmp_path: Path) -> None:
    populate(database)
    rows = [
        DRILLS_HEADER,
        ["演练", "赤坎镇人民政府", "赤坎镇突发事件总体应急预案、不存在的预案", "2025-05-20", "桌面演练"],
    ]
    report = import_ledger(database.engine, "drills", write_xlsx(tmp_path / "d.xlsx", rows, title="演练台账"))
    assert [str(e) for e in report.errors] == [
        "工作表 演练台账 第 2 行【关联预案】：找不到预案“不存在的预案”：请先导入预案台账，或检查预案名称"
    ]


def test_filings_use_the_current_version_and_find_the_authority(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    populate(database)
    rows = [
        FILINGS_HEADER,
        ["商贸城综合应急预案", "赤坎商贸城", "2024-02-10", "开平市应急管理局", "已报送"],
        ["塘美村突发事件应急预案", "塘美村民委员会", "2024-02-10", "赤坎镇人民政府", "已报送"],
        ["储罐区泄漏现场处置方案", "开平市华新化工有限公司", "", "开平市应急管理局", "已备案"],
    ]
    report = import_ledger(
        database.engine, "filings", write_xlsx(tmp_path / "f.xlsx", rows, title="备案台账")
    )
    assert [(e.row, e.column) for e in report.errors] == [(3, "预案名称"), (4, "报送日期")]
    assert "还没有已发布的版本" in report.errors[0].message
    del rows[2:]
    rows[1].append("")
    assert _ok(database, "filings", write_xlsx(tmp_path / "g.xlsx", rows, title="备案台账")) == (1, 0, 0)
    filing = _rows(
        db_path,
        "SELECT f.authority_name, a.name, u.name, v.label FROM filing f "
        "JOIN unit a ON a.id = f.authority_unit_id JOIN unit u ON u.id = f.filing_unit_id "
        "JOIN plan_version v ON v.id = f.plan_version_id WHERE f.submitted_date = '2024-02-10'",
    )
    assert filing == [("开平市应急管理局", "开平市应急管理局", "赤坎商贸城", "1.0")]
    rows[1][4:6] = ["已备案", "440783-2024-0009"]  # registered: the same filing is updated
    assert _ok(database, "filings", write_xlsx(tmp_path / "h.xlsx", rows, title="备案台账")) == (0, 1, 0)
    assert _rows(db_path, "SELECT status, filing_number FROM filing WHERE submitted_date = '2024-02-10'") == [
        ("filed", "440783-2024-0009")
    ]


def test_a_filing_named_exactly_is_never_taken_by_another_row(database: Database, tmp_path: Path) -> None:
    populate(database)
    rows = [
        FILINGS_HEADER,
        ["危险化学品泄漏专项应急预案", "开平市华新化工有限公司", "2024-05-01", "开平市应急管理局", "已报送"],
        ["危险化学品泄漏专项应急预案", "开平市华新化工有限公司", "2024-01-20", "开平市应急管理局", "已报送"],
    ]
    path = write_xlsx(tmp_path / "f.xlsx", rows, title="备案台账")
    assert _ok(database, "filings", path) == (1, 0, 1)


def test_the_sheet_named_for_the_ledger_is_taken(database: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["请按单位台账的格式填写"])
    units = workbook.create_sheet("单位台账")
    units.append(["单位名称", "单位类型"])
    units.append(["开平市人民政府", "县级以上政府"])
    workbook.save(tmp_path / "book.xlsx")
    report = import_ledger(database.engine, "units", tmp_path / "book.xlsx")
    assert (report.sheet, report.inserted, report.errors) == ("单位台账", 1, ())


def test_dry_run_counts_and_writes_nothing(database: Database, db_path: Path, tmp_path: Path) -> None:
    populate(database)
    path = tmp_path / "units.csv"
    rows = [
        ["单位名称", "单位类型", "上级单位"],
        ["开平市人民政府", "县级以上政府"],
        ["新单位", "其他单位", "开平市人民政府"],
    ]
    write_csv(path, rows)
    before = counts(db_path)
    report = import_ledger(database.engine, LedgerKind.UNITS, path, dry_run=True)
    assert (report.inserted, report.updated, report.unchanged, report.dry_run, report.written) == (
        1,
        0,
        1,
        True,
        False,
    )
    assert counts(db_path) == before


def test_import_job_yields_progress_and_can_be_cancelled(any_database: Database, tmp_path: Path) -> None:
    database = any_database
    rows = [UNITS_HEADER] + [[f"单位{i}", "其他单位"] for i in range(5000)]
    path = write_csv(tmp_path / "u.csv", rows)
    cancel = threading.Event()
    job = LedgerImport(database.engine, LedgerKind.UNITS, path)
    seen: list[Progress] = []
    for progress in job.run(cancel=cancel):
        seen.append(progress)
        if progress.stage == "写入数据库" and progress.done > 0:
            cancel.set()  # the user presses 取消 while the first rows are written
    assert [p.stage for p in seen][:2] == ["读取文件", "读取文件"]
    assert any(p.stage == "校验数据" and p.done == p.total == 5000 for p in seen)
    assert job.report.cancelled and not job.report.written
    assert counts(database)["unit"] == 0  # the whole transaction was rolled back

    job = LedgerImport(database.engine, LedgerKind.UNITS, path)
    for _ in job.run():
        pass
    assert job.report.written and job.report.inserted == 5000
    assert counts(database)["unit"] == 5000
    assert _rows(
        database, "SELECT count(*) FROM audit_entry WHERE table_name='unit' AND action='insert'"
    ) == [(5000,)]


def test_validate_then_write_as_two_steps(database: Database, db_path: Path, tmp_path: Path) -> None:
    """The GUI wizard validates, shows the counts, and writes when the user confirms."""
    path = write_csv(tmp_path / "u.csv", [UNITS_HEADER, ["开平市人民政府", "县级以上政府"]])
    job = LedgerImport(database.engine, "units", path)
    list(job.validate())
    assert job.errors == [] and job.report.inserted == 1 and counts(db_path)["unit"] == 0
    list(job.write())
    assert job.report.written and counts(db_path)["unit"] == 1


def test_references_to_deleted_or_ambiguous_units(database: Database, tmp_path: Path) -> None:
    make_unit(database, "安全办", "department")
    make_unit(database, "安全办", "department")
    city = make_unit(database, "开平市人民政府", "city")
    make_plan(database, city, "开平市总体预案", "overall")
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE unit SET deleted_at = CURRENT_TIMESTAMP WHERE name = '开平市人民政府'"))
    rows = [PLANS_HEADER, ["预案一", "部门应急预案", "安全办"], ["预案二", "总体应急预案", "开平市人民政府"]]
    report = import_ledger(database.engine, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账"))
    assert [e.message for e in report.errors] == [
        "有 2 个名为“安全办”的单位，请改填统一社会信用代码",
        "找不到编制单位“开平市人民政府”：请先导入单位台账，或检查名称是否与单位台账一致",
    ]
