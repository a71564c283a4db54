"""A bad file is rejected whole: every bad cell is reported in Chinese, nothing is written."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_records import LedgerError
from planmgr.services.ledger import ImportReport, export_ledger, import_ledger
from planmgr.store.database import Database
from tests.exchange.ledger_data import (
    PLANS_HEADER,
    UNITS_HEADER,
    USCC_CHEM,
    base_units,
    counts,
    write_csv,
    write_xlsx,
)


def _import(database: Database, kind: str, path: Path, **kwargs: object) -> ImportReport:
    """Import and check the all-or-nothing contract: rejected means not one row written."""
    before = counts(database)
    report = import_ledger(database.engine, kind, path, **kwargs)
    if report.errors:
        assert not report.written
        assert counts(database) == before
    return report


def _only(report: ImportReport) -> LedgerError:
    assert len(report.errors) == 1, [str(e) for e in report.errors]
    return report.errors[0]


def test_missing_required_cell(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "县级以上政府"], ["", "企业"]])
    error = _only(_import(database, "units", path))
    assert (error.sheet, error.row, error.column) == ("单位台账", 3, "单位名称")
    assert str(error) == "工作表 单位台账 第 3 行【单位名称】：必填项不能为空"


def test_unknown_label_lists_the_accepted_ones(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "市政府"]])
    error = _only(_import(database, "units", path))
    assert error.column == "单位类型"
    assert "无法识别“市政府”" in error.message and "乡镇（街道）" in error.message


def test_labels_take_half_width_brackets_and_spaces(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "u.xlsx", [UNITS_HEADER, ["赤坎镇人民政府", " 乡镇(街道) "], ["塘美村", "村 （社区）"]]
    )
    report = _import(database, "units", path)
    assert report.errors == () and report.inserted == 2


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2024-13-01", "日期不存在"),
        ("2024.3", "日期格式不正确"),
        ("2023-02-29", "日期不存在"),
        ("去年三月", "日期格式不正确"),
        (45000, "不是日期"),
    ],
)
def test_bad_date(database: Database, db_path: Path, tmp_path: Path, cell: object, message: str) -> None:
    base_units(database)
    row = ["华新化工综合应急预案", "综合应急预案", "开平市华新化工有限公司", "", "1.0", cell, "已发布", ""]
    path = write_xlsx(tmp_path / "p.xlsx", [PLANS_HEADER, row], title="预案台账")
    error = _only(_import(database, "plans", path))
    assert (error.row, error.column) == (2, "发布日期")
    assert message in error.message


def test_dates_in_every_accepted_form(database: Database, db_path: Path, tmp_path: Path) -> None:
    base_units(database)
    rows = [PLANS_HEADER]
    for i, when in enumerate(["2024-03-05", "2024/3/5", "2024年3月5日", date(2024, 3, 5)]):
        rows.append([f"预案{i}", "综合应急预案", "开平市华新化工有限公司", "", "1.0", when, "已发布", ""])
    report = _import(database, "plans", write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账"))
    assert report.errors == () and report.inserted == 4
    exported = tmp_path / "out.csv"
    export_ledger(database.engine, "plans", exported)
    assert exported.read_text(encoding="utf-8-sig").count(",1.0,2024-03-05,已发布") == 4


def test_invalid_uscc(database: Database, db_path: Path, tmp_path: Path) -> None:
    bad = USCC_CHEM[:-1] + ("0" if USCC_CHEM[-1] != "0" else "1")
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市华新化工有限公司", "企业", bad]])
    error = _only(_import(database, "units", path))
    assert str(error) == f"工作表 单位台账 第 2 行【统一社会信用代码】：统一社会信用代码校验位错误：{bad}"


def test_unknown_parent(any_database: Database, tmp_path: Path) -> None:
    database = any_database
    path = write_xlsx(
        tmp_path / "u.xlsx", [UNITS_HEADER, ["赤坎镇人民政府", "乡镇（街道）", "", "恩平市人民政府"]]
    )
    error = _only(_import(database, "units", path))
    assert error.column == "上级单位"
    assert "找不到上级单位“恩平市人民政府”" in error.message


def test_duplicate_rows(any_database: Database, tmp_path: Path) -> None:
    database = any_database
    rows = [
        UNITS_HEADER,
        ["开平市华新化工有限公司", "企业", USCC_CHEM],
        ["开平市人民政府", "县级以上政府"],
        ["华新化工", "企业", USCC_CHEM],
        ["开平市人民政府", "县级以上政府"],
    ]
    report = _import(database, "units", write_xlsx(tmp_path / "u.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [(4, "统一社会信用代码"), (5, "单位名称")]
    assert "与第 2 行的统一社会信用代码重复" in report.errors[0].message
    assert "与第 3 行是同一个单位" in report.errors[1].message


def test_unknown_column(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [[*UNITS_HEADER, "微信号"], ["开平市人民政府", "县级以上政府"]])
    error = _only(_import(database, "units", path))
    assert (error.row, error.column, error.column_index) == (1, "微信号", 8)
    assert error.message.startswith("未知的列“微信号”")


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "文件是空的"), ("单位名称,单位类型\n".encode(), "只有表头")]
)
def test_empty_file(database: Database, db_path: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes(content)
    error = _only(_import(database, "units", path))
    assert message in error.message


def test_a_units_file_given_as_plans(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "县级以上政府"]])
    error = _only(_import(database, "plans", path))
    assert error.message.startswith("这是一份单位台账，不是预案台账")


def test_a_sheet_with_other_headers(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx", [["姓名", "单位名称", "电话"], ["张三", "开平市人民政府", "123"]], title="通讯录"
    )
    report = _import(database, "units", path)
    messages = [str(e) for e in report.errors]
    assert any(
        m.startswith("工作表 通讯录 第 1 行【姓名】：未知的列“姓名”。单位台账可用的列：单位名称*、")
        for m in messages
    )
    assert "工作表 通讯录 第 1 行【单位类型】：缺少必填列“单位类型”" in messages


def test_gbk_csv_is_read_correctly(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "县级以上政府"],
        ["赤坎镇人民政府", "乡镇（街道）", "", "开平市人民政府"],
    ]
    path = write_csv(tmp_path / "u.csv", rows, encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    report = _import(database, "units", path)
    assert report.errors == () and report.inserted == 2
    assert report.encoding == "GBK"
    exported = tmp_path / "out.csv"
    export_ledger(database.engine, "units", exported)
    text = exported.read_text(encoding="utf-8-sig")
    assert "赤坎镇人民政府,乡镇（街道）,,开平市人民政府" in text


def test_utf8_csv_without_bom(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "u.csv", [UNITS_HEADER, ["开平市人民政府", "县级以上政府"]], encoding="utf-8")
    report = _import(database, "units", path)
    assert report.errors == () and report.inserted == 1


def test_formula_cell_is_rejected(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [UNITS_HEADER, ["开平市人民政府", "县级以上政府"], ["赤坎镇人民政府", "乡镇（街道）"]]
    path = write_xlsx(tmp_path / "u.xlsx", rows, formulas={"D3": "=A2"})
    error = _only(_import(database, "units", path))
    assert (error.row, error.column) == (3, "上级单位")
    assert "本程序不计算公式" in error.message


def test_merged_header_cells(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "县级以上政府"]], merge=["F1:G1"]
    )
    report = _import(database, "units", path)
    assert any(e.row == 1 and "表头有合并单元格（F1:G1）" in e.message for e in report.errors)


def test_title_row_above_the_header(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [["开平市单位台账"], UNITS_HEADER, ["开平市人民政府", "县级以上政府"]]
    path = write_xlsx(tmp_path / "u.xlsx", rows, merge=["A1:G1"])
    error = _only(_import(database, "units", path))
    assert "像是标题行" in error.message


def test_merged_data_cells(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "县级以上政府"],
        ["赤坎镇人民政府", "乡镇（街道）", "", "开平市人民政府"],
        ["蚬冈镇人民政府", "乡镇（街道）", "", None],
    ]
    path = write_xlsx(tmp_path / "u.xlsx", rows, merge=["D3:D4"])
    error = _only(_import(database, "units", path))
    assert (error.row, error.column) == (3, "上级单位")
    assert "合并单元格（D3:D4）" in error.message


def test_every_bad_cell_is_reported_at_once(any_database: Database, tmp_path: Path) -> None:
    database = any_database
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "市政府", "", "", "", "", "电话"],
        ["赤坎镇人民政府", "乡镇（街道）", "123", "", "危险化学品"],
        ["", "企业", "", "", "", "超大型"],
    ]
    report = _import(database, "units", write_xlsx(tmp_path / "u.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "单位类型"),
        (2, "联系电话"),
        (3, "统一社会信用代码"),
        (3, "行业类型"),
        (4, "单位名称"),
        (4, "企业规模"),
    ]
    assert "只有企业需要填写行业类型和企业规模" in report.errors[3].message


def test_errors_workbook_marks_the_bad_cells(database: Database, db_path: Path, tmp_path: Path) -> None:
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "县级以上政府"],
        ["赤坎镇人民政府", "乡政府", "", "恩平市人民政府"],
    ]
    source = write_xlsx(tmp_path / "u.xlsx", rows)
    out = tmp_path / "errors.xlsx"
    report = _import(database, "units", source, errors_out=out)
    assert len(report.errors) == 1  # the parent is not looked up for a row already rejected
    sheet = openpyxl.load_workbook(out)["单位台账"]
    header = [c.value for c in sheet[1]]
    assert header == [*UNITS_HEADER, "错误说明"]
    assert (
        sheet.cell(3, 8).value
        == "【单位类型】无法识别“乡政府”，可填：县级以上政府、政府部门、乡镇（街道）、村（社区）、企业、其他单位"
    )
    assert sheet.cell(3, 2).fill.fgColor.rgb == "FFFFC7CE"
    assert sheet.cell(3, 1).fill.fgColor.rgb != "FFFFC7CE"
    assert sheet.cell(2, 8).value is None
    # Fixed in place, the errors workbook imports (its 错误说明 column is ignored).
    sheet.cell(3, 2).value = "乡镇（街道）"
    sheet.cell(3, 4).value = "开平市人民政府"
    sheet.parent.save(out)
    report = _import(database, "units", out)
    assert report.errors == () and report.inserted == 2


def test_errors_workbook_from_csv(database: Database, db_path: Path, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "u.csv", [UNITS_HEADER, ["开平市人民政府", "县级以上政府", "123"]], encoding="gbk"
    )
    out = tmp_path / "errors.xlsx"
    _import(database, "units", source, errors_out=out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "单位台账"
    assert [c.value for c in sheet[2]][:3] == ["开平市人民政府", "县级以上政府", "123"]
    assert sheet.cell(2, 8).value.startswith("【统一社会信用代码】统一社会信用代码应为 18 位")
    assert sheet.cell(2, 3).fill.fgColor.rgb == "FFFFC7CE"


def test_unsupported_and_missing_files(database: Database, db_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "u.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "另存为” .xlsx" in _only(_import(database, "units", old)).message
    assert "找不到文件" in _only(_import(database, "units", tmp_path / "none.xlsx")).message
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert "无法读取该 xlsx 文件" in _only(_import(database, "units", broken)).message


def test_database_file_is_byte_identical_after_a_rejected_import(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    base_units(database)
    database.dispose()
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    rows = [
        PLANS_HEADER,
        ["预案甲", "综合应急预案", "开平市华新化工有限公司"],
        ["预案乙", "综合应急预案", "不存在的公司"],
    ]
    report = import_ledger(
        database.engine, LedgerKind.PLANS, write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账")
    )
    assert [str(e) for e in report.errors] == [
        "工作表 预案台账 第 3 行【编制单位】：找不到编制单位“不存在的公司”：请先导入单位台账，或检查名称是否与单位台账一致"
    ]
    database.dispose()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
