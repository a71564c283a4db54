"""``planmgr ledger export | import`` as a user runs them (DESIGN.md §7)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from planmgr.cli import main
from planmgr.store.database import Database
from tests.exchange.ledger_data import UNITS_HEADER, USCC_CHEM, counts, populate, write_csv, write_xlsx


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def populated(database: Database, db_path: Path) -> Path:
    populate(database)
    database.dispose()
    with database.engine.connect() as conn:  # fold the WAL into the file: byte comparisons mean something
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return db_path


@pytest.mark.parametrize("kind", ["units", "plans", "drills", "filings"])
def test_export_then_import_changes_nothing(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    out_file = tmp_path / f"{kind}.xlsx"
    code, out, _ = run(capsys, "ledger", "export", kind, "--db", str(populated), "-o", str(out_file))
    assert code == 0 and out_file.exists()
    assert "已导出" in out and str(out_file) in out
    before = counts(populated)
    code, out, err = run(capsys, "ledger", "import", kind, str(out_file), "--db", str(populated))
    assert (code, err) == (0, "")
    assert "新增 0，更新 0" in out
    assert counts(populated) == before


def test_rejected_file_exits_2_and_lists_every_bad_cell(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = USCC_CHEM[:-1] + ("0" if USCC_CHEM[-1] != "0" else "1")
    rows = [
        UNITS_HEADER,
        ["开平市人民政府", "县级以上政府"],
        ["新单位甲", "企业", "", "开平市人民政府"],
        ["新单位乙", "市属企业"],
        ["新单位丙", "企业", bad],
    ]
    source = write_xlsx(tmp_path / "units.xlsx", rows)
    errors_out = tmp_path / "units-errors.xlsx"
    digest = _digest(populated)
    code, out, err = run(
        capsys,
        "ledger",
        "import",
        "units",
        str(source),
        "--db",
        str(populated),
        "--errors-out",
        str(errors_out),
    )
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("工作表 单位台账 第 4 行【单位类型】：无法识别“市属企业”")
    assert lines[1] == f"工作表 单位台账 第 5 行【统一社会信用代码】：统一社会信用代码校验位错误：{bad}"
    assert "共 2 处错误，未导入任何数据" in lines[2]
    assert _digest(populated) == digest  # not a byte written
    sheet = openpyxl.load_workbook(errors_out)["单位台账"]
    assert sheet.cell(1, len(UNITS_HEADER) + 1).value == "错误说明"
    assert sheet.cell(5, 3).fill.fgColor.rgb == "FFFFC7CE"


def test_dry_run_reports_without_writing(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(
        tmp_path / "units.csv", [["单位名称", "单位类型"], ["新单位", "其他单位"]], encoding="gbk"
    )
    digest = _digest(populated)
    code, out, _ = run(capsys, "ledger", "import", "units", str(source), "--db", str(populated), "--dry-run")
    assert code == 0
    assert "试导入单位台账（未写入数据库）：共 1 行：新增 1，更新 0，未变 0" in out
    assert "GBK" in out
    assert _digest(populated) == digest
    code, out, _ = run(capsys, "ledger", "import", "units", str(source), "--db", str(populated))
    assert code == 0 and "已导入单位台账：共 1 行：新增 1" in out


def test_database_problem_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("你好\n", encoding="utf-8")
    source = write_csv(tmp_path / "units.csv", [["单位名称", "单位类型"], ["新单位", "其他单位"]])
    code, _, err = run(capsys, "ledger", "import", "units", str(source), "--db", str(not_a_db))
    assert code == 3 and "不是 planmgr 数据库" in err
    code, _, err = run(
        capsys,
        "ledger",
        "export",
        "units",
        "--db",
        str(tmp_path / "none.sqlite"),
        "-o",
        str(tmp_path / "u.xlsx"),
    )
    assert code == 3 and "不存在" in err


def test_bad_usage_exits_2(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "ledger", "export", "units", "--db", str(db_path), "-o", str(tmp_path / "u.xls")
    )
    assert code == 2 and "不支持的导出文件类型" in err
    with pytest.raises(SystemExit) as info:
        main(["ledger", "import", "cards", "x.xlsx", "--db", str(db_path)])
    assert info.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_as_a_process_gbk_csv_and_chinese_errors(db_path: Path, tmp_path: Path) -> None:
    """A real process on a GBK csv from Chinese Windows Excel: exit 2, Chinese lines, no traceback."""
    source = write_csv(
        tmp_path / "单位.csv",
        [UNITS_HEADER, ["赤坎镇人民政府", "乡镇（街道）", "", "不存在的市"]],
        encoding="gbk",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "planmgr", "ledger", "import", "units", str(source), "--db", str(db_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 2
    assert "工作表 单位台账 第 2 行【上级单位】：找不到上级单位“不存在的市”" in proc.stderr
    assert "Traceback" not in proc.stderr
