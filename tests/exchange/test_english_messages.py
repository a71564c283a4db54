"""In an English session the ledger import and the filing package speak English, while the
files stay Chinese: column headers, sheet names and labels are the file format (DESIGN.md §6),
and where a message lists what to type in a cell it lists the Chinese labels as values."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest

from planmgr.domain.enums import UnitKind
from planmgr.domain.i18n import set_language
from planmgr.exchange.ledger_columns import LedgerKind, columns_of
from planmgr.exchange.package import read_package, write_package
from planmgr.exchange.package_schema import PackageRejected
from planmgr.services.ledger import ImportReport, LedgerImport, Stage, export_ledger, import_ledger
from planmgr.store.database import Database
from tests.exchange.ledger_data import PLANS_HEADER, UNITS_HEADER, base_units, counts, write_xlsx
from tests.exchange.test_package import DOC_SHA, DOCUMENT, sample_data
from tests.services.filing_builders import json_entry, rezip

HAN = re.compile(r"[\u3400-\u9fff]")


def english_apart_from(text: str, values: Iterable[str]) -> str:
    """``text`` with the given values (file names, cell text, Chinese labels) cut out; what
    is left is the translation itself and must hold no Chinese."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, "")
    assert not HAN.search(text), text
    return text


def rejected_import(database: Database, path: Path, kind: str = "units") -> ImportReport:
    before = counts(database)
    report = import_ledger(database.engine, kind, path)
    assert report.errors and not report.written
    assert counts(database) == before
    return report


@pytest.mark.usefixtures("english")
def test_a_bad_label_is_explained_in_english_with_the_chinese_labels_to_type(
    database: Database, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "市政府"]])
    (error,) = rejected_import(database, path).errors
    assert error.column == "单位类型"  # the header as the file has it
    assert error.message.startswith('"市政府" is not recognised; allowed: 县级以上政府, 政府部门, ')
    english_apart_from(error.message, ["市政府", *UnitKind.labels()])
    assert str(error) == f"Sheet 单位台账, row 2 [单位类型]: {error.message}"


@pytest.mark.usefixtures("english")
def test_cell_and_row_errors_of_a_file_are_english(database: Database, tmp_path: Path) -> None:
    rows = [
        UNITS_HEADER,
        ["", "企业"],  # required name missing
        ["开平市华新化工有限公司", "企业", "", "", "", "", "12-ab"],  # bad phone
        ["赤坎镇人民政府", "乡镇（街道）", "", "", "危险化学品", "", ""],  # industry for a town
    ]
    report = rejected_import(database, write_xlsx(tmp_path / "u.xlsx", rows))
    by_row = {e.row: e for e in report.errors}
    assert by_row[2].message == "Required: the cell is empty"
    assert by_row[3].message.startswith('Invalid phone number: "12-ab" (one number per cell')
    assert by_row[4].message == "Only an enterprise has an industry and a scale"
    for error in report.errors:
        english_apart_from(str(error), ["单位台账", error.column or "", "12-ab"])


@pytest.mark.usefixtures("english")
def test_dates_and_references_checked_against_the_database_are_english(
    database: Database, tmp_path: Path
) -> None:
    base_units(database)
    rows = [
        PLANS_HEADER,
        ["预案甲", "综合应急预案", "开平市华新化工有限公司", "", "1.0", "2025-13-40"],
        ["预案乙", "综合应急预案", "不存在的公司"],
        ["预案丙", "综合应急预案", "开平市华新化工有限公司", "", "1.0", "下周"],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", rows, title="预案台账")
    report = rejected_import(database, path, "plans")
    messages = {e.row: e.message for e in report.errors}
    assert messages[2] == 'No such date: "2025-13-40"'
    # The accepted forms: the Chinese one is what a user types in the cell.
    assert messages[4] == 'Invalid date "下周": write 2024-03-05, 2024/3/5 or 2024年3月5日'
    assert messages[3] == (
        'Owner unit "不存在的公司" not found: import the units ledger first, '
        "or check that the name matches the units ledger"
    )
    english_apart_from(messages[3], ["不存在的公司"])


@pytest.mark.usefixtures("english")
def test_a_wrong_header_names_the_ledger_in_english_and_the_columns_in_chinese(
    database: Database, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", [[*UNITS_HEADER, "姓名"], ["开平市人民政府", "县级以上政府"]])
    (error,) = rejected_import(database, path).errors
    titles = [c.title for c in columns_of(LedgerKind.UNITS)]
    assert error.message == f'Unknown column "姓名". The columns of a units ledger are: {", ".join(titles)}'
    english_apart_from(error.message, ["姓名", *titles])


@pytest.mark.usefixtures("english")
def test_a_missing_file_and_the_progress_stages_are_english(database: Database, tmp_path: Path) -> None:
    job = LedgerImport(database.engine, LedgerKind.UNITS, tmp_path / "none.xlsx")
    stages = [(p.step, p.stage) for p in job.validate()]
    assert stages == [(Stage.READ, "Reading the file")]
    (error,) = job.errors
    assert error.message == f"File not found: {tmp_path / 'none.xlsx'}"
    assert str(error) == f"File: {error.message}"


def test_a_label_refused_in_chinese_is_explained_in_english_after_the_switch(
    database: Database, tmp_path: Path
) -> None:
    # The label parser remembers cell texts it has seen: not the language of its message.
    path = write_xlsx(tmp_path / "u.xlsx", [UNITS_HEADER, ["开平市人民政府", "镇政府"]])
    (chinese,) = rejected_import(database, path).errors
    assert chinese.message.startswith("无法识别“镇政府”，可填：县级以上政府、")
    set_language("en")
    try:
        (english,) = rejected_import(database, path).errors
    finally:
        set_language("zh_CN")
    assert english.message.startswith('"镇政府" is not recognised; allowed: 县级以上政府, ')


@pytest.mark.usefixtures("english")
def test_files_written_in_english_keep_the_chinese_file_format(database: Database, tmp_path: Path) -> None:
    base_units(database)
    exported = tmp_path / "units.xlsx"
    export_ledger(database.engine, LedgerKind.UNITS, exported)
    workbook = openpyxl.load_workbook(exported)
    sheet = workbook.active
    assert sheet is not None and sheet.title == "单位台账"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("单位名称*", "单位类型*")
    assert {r[1] for r in rows[1:]} == {"县级以上政府", "乡镇（街道）", "企业"}

    bad = write_xlsx(tmp_path / "bad.xlsx", [UNITS_HEADER, ["", "企业"]])
    out = tmp_path / "bad-errors.xlsx"
    import_ledger(database.engine, LedgerKind.UNITS, bad, errors_out=out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[-1] == "错误说明"  # the file's column: Chinese
    assert sheet.cell(2, len(header)).value == "【单位名称】Required: the cell is empty"


@pytest.fixture
def good_package(tmp_path: Path) -> bytes:
    path = tmp_path / "good.planpkg"
    write_package(path, sample_data(), {DOC_SHA: DOCUMENT})
    return path.read_bytes()


def refused(source: bytes) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        read_package(source)
    return caught.value


@pytest.mark.usefixtures("english")
def test_a_truncated_package_is_refused_in_english(good_package: bytes) -> None:
    error = refused(good_package[: len(good_package) // 2])
    assert error.reason == "truncated_zip"
    assert error.message.splitlines()[0] == (
        "The filing package is incomplete (truncated); copy it again. "
        "The file was not imported; the database is unchanged."
    )
    assert not HAN.search(error.message)
    assert error.to_json()["message"].startswith("The filing package is incomplete (truncated)")


@pytest.mark.usefixtures("english")
def test_schema_problems_of_a_package_name_the_field_in_english(good_package: bytes) -> None:
    data = json_entry(good_package, "data.json")
    data["plans"][0]["category"] = "bogus"
    data["versions"][0]["published_date"] = "2025/03/03"
    del data["sender"]["name"]
    tampered = rezip(good_package, replace={"data.json": json.dumps(data).encode()}, fix_manifest=True)
    error = refused(tampered)
    assert error.reason == "bad_schema"
    messages = [p.message for p in error.problems]
    assert "data.json: sender.name is missing (required)" in messages
    assert "data.json: plans[0].category has an invalid value: bogus" in messages
    assert (
        "data.json: versions[0].published_date has an invalid date (expected YYYY-MM-DD): 2025/03/03"
        in messages
    )
    assert error.summary.endswith(f"({len(messages)} problems in all)")
    assert not HAN.search(error.message)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.txt", 'contains "..", "." or an empty path segment'),
        ("C:/evil.dll", "contains a drive letter"),
    ],
)
def test_an_unsafe_path_in_a_package_is_explained_in_english(
    good_package: bytes, name: str, why: str
) -> None:
    error = refused(rezip(good_package, add=[(name, b"x")]))
    assert error.reason == "path_traversal"
    assert error.problems[0].message == f'The path "{name}" {why} and could write outside the target folder'
