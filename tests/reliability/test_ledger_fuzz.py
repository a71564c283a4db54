"""Hostile ledger files (hypothesis): random headers and cells — labels, near-labels, dates
in every shape, formulas, control characters, huge texts, emoji, CJK Extension B — written
as UTF-8, UTF-8 with BOM, GBK or raw bytes, and as xlsx with real cell types and formulas.

Whatever the file holds, an import ends in one of the documented outcomes: rows written,
or every problem listed (``LedgerError`` with a Chinese reason) and nothing written, or a
``ValidationError`` with a Chinese message. Never another exception, never a half import.
"""

from __future__ import annotations

import csv
import io
import itertools
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.errors import ValidationError
from planmgr.exchange.ledger_columns import COLUMNS, LedgerKind
from planmgr.services.ledger import LedgerImport
from planmgr.store.database import Database, check_database, open_database
from tests.exchange.ledger_data import counts, populate

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
XLSX_FUZZ = settings(FUZZ, max_examples=40)

LABELS = [
    m.label
    for enum in (UnitKind, PlanCategory, PlanStatus, DrillForm, DrillScope, DrillPurpose, FilingStatus, Industry,
                 EnterpriseScale)
    for m in enum
]  # fmt: skip
NAMES = ["开平市人民政府", "赤坎镇人民政府", "开平市华新化工有限公司", "赤坎商贸城", "塘美村民委员会",
         "开平市突发事件总体应急预案", "华新化工综合应急预案", "开平市应急管理局", "不存在的单位"]  # fmt: skip
HOSTILE = [
    "=1+1", "=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@SUM(1)", "=HYPERLINK(\"http://x\",\"点我\")",
    "<b>粗体</b>&amp;", "\x00\x07\x1b", "\u202e反向文字", "\ufeff", "𠀀𠀾𪚥", "😀🚒🔥", "  ", "\r\n", "\t",
    "乡镇(街道)应急预案", " 企业 ", "县级以上政府\u3000", "是", "否", "大型", "NaN", "None", "null", "#N/A",
    "0", "-1", "99999999999999999999", "1e308", "3.5", "20250301", "2025-02-30", "2025/3/1", "2025年3月1日",
    "２０２５年３月１日", "1900-01-00", "9999-12-31", "45000", "91440783MA4UJ0X12X", "0750-2212345", "138-0013-8000",
    "a" * 5000, "长" * 10_000, "；".join(["开平市突发事件总体应急预案"] * 50),
]  # fmt: skip

text_cells = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(NAMES),
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))
    .map(
        lambda d: st.sampled_from(
            [d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"]
        )
    )
    .flatmap(lambda s: s),
    st.just(""),
)


def headers(kind: LedgerKind) -> st.SearchStrategy[list[str]]:
    known = [c.title for c in COLUMNS[kind]] + [c.header for c in COLUMNS[kind]]
    extra = st.sampled_from(["错误说明", "未知列", "", "预案名称（全称）", "单位名称*", "=A1", "备注"])
    base = st.permutations([c.title for c in COLUMNS[kind]])
    return st.one_of(
        base,  # the real header in any order
        st.lists(st.one_of(st.sampled_from(known), extra), min_size=1, max_size=14),  # anything
        base.flatmap(lambda h: st.lists(st.sampled_from(h), min_size=1, max_size=len(h))),  # some missing
    )


@st.composite
def sheets(draw: st.DrawFn, cells: st.SearchStrategy[Any] = text_cells) -> tuple[LedgerKind, list[list[Any]]]:
    kind = draw(st.sampled_from(list(LedgerKind)))
    header = draw(headers(kind))
    width = len(header)
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 2), max_size=8))
    return kind, [header, *rows]


@pytest.fixture(scope="module")
def fuzz_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Database:
    """One populated database for the whole module (imports that succeed keep adding to it)."""
    path = tmp_path_factory.mktemp("ledgerfuzz") / "planmgr.sqlite"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    populate(database)
    yield database  # type: ignore[misc]
    database.dispose()
    assert check_database(path).ok


_files = itertools.count()


def outcome(database: Database, kind: LedgerKind, path: Path, dry_run: bool) -> str:
    result = _outcome(database, kind, path, dry_run)
    event(result)  # hypothesis statistics: how the examples ended
    return result


def _outcome(database: Database, kind: LedgerKind, path: Path, dry_run: bool) -> str:
    before = counts(database)
    job = LedgerImport(database.engine, kind, path)
    try:
        for _ in job.run(dry_run=dry_run):
            pass
    except ValidationError as error:  # the documented refusal of a whole file
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message), error.message
        assert counts(database) == before
        return "refused"
    if job.errors:
        for problem in job.errors:
            assert problem.message and any("\u4e00" <= ch <= "\u9fff" for ch in problem.message), problem
        assert not job.written and counts(database) == before  # all or nothing
        return "rejected"
    if dry_run or not job.written:
        assert counts(database) == before
        return "checked"
    return "written"


def csv_bytes(rows: list[list[Any]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    text = buffer.getvalue()
    if encoding == "gbk":
        return text.encode("gbk", errors="replace")
    if encoding == "utf-16":
        return text.encode("utf-16")
    return text.encode("utf-8-sig" if encoding == "utf-8-sig" else "utf-8", errors="surrogatepass")




@FUZZ
@given(
    sheet=sheets(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"]),
    garbage=st.one_of(st.just(b""), st.binary(max_size=40)),
    dry_run=st.booleans(),
)
def test_any_csv_ledger_ends_in_a_documented_outcome(
    fuzz_db: Database, tmp_path_factory: pytest.TempPathFactory, sheet: tuple[LedgerKind, list[list[Any]]],
    encoding: str, garbage: bytes, dry_run: bool,
) -> None:  # fmt: skip
    kind, rows = sheet
    folder = tmp_path_factory.getbasetemp() / "ledgerfuzz-files"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(_files)}.csv"
    path.write_bytes(csv_bytes(rows, encoding) + garbage)
    outcome(fuzz_db, kind, path, dry_run)


@FUZZ
@given(
    kind=st.sampled_from(list(LedgerKind)),
    raw=st.binary(max_size=300),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_arbitrary_bytes_as_a_ledger_file_are_refused(
    fuzz_db: Database, tmp_path_factory: pytest.TempPathFactory, kind: LedgerKind, raw: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.getbasetemp() / "ledgerfuzz-files"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(_files)}{suffix}"
    path.write_bytes(raw)
    assert outcome(fuzz_db, kind, path, dry_run=False) != "written" or suffix == ".csv"


# Rows that are valid but for what hypothesis changes: they reach matching and writing.
free_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.just(""))
cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=8)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
CHEM, CHEM_PLAN = "开平市华新化工有限公司", "华新化工综合应急预案"
VALID_ROWS: dict[LedgerKind, tuple[list[str], st.SearchStrategy[list[Any]]]] = {
    LedgerKind.UNITS: (
        ["单位名称*", "单位类型*", "上级单位", "行业类型", "企业规模", "联系电话", "地址"],
        st.tuples(cjk.map(lambda t: f"测试{t}有限公司"), st.just("企业"), st.just("开平市人民政府"),
                  st.sampled_from(Industry.labels()), st.sampled_from(EnterpriseScale.labels()),
                  st.integers(2000000, 2999999).map(lambda n: f"0750-{n}"), free_text).map(list),
    ),
    LedgerKind.PLANS: (
        ["预案名称*", "预案类别*", "编制单位*", "版本号", "发布日期", "状态", "备注"],
        st.tuples(cjk.map(lambda t: f"{t}现场处置方案"), st.just("现场处置方案"), st.just(CHEM), st.just("1.0"),
                  dates.map(str), st.sampled_from(PlanStatus.labels()), free_text).map(list),
    ),
    LedgerKind.DRILLS: (
        ["演练名称*", "组织单位*", "关联预案*", "演练日期*", "演练形式*", "参演人数", "备注"],
        st.tuples(cjk.map(lambda t: f"{t}演练"), st.just(CHEM), st.just(CHEM_PLAN), dates.map(str),
                  st.sampled_from(DrillForm.labels()), st.integers(0, 500).map(str), free_text).map(list),
    ),
    LedgerKind.FILINGS: (
        ["预案名称*", "编制单位*", "报送日期*", "受理部门*", "备案状态*", "备案编号"],
        st.tuples(st.just(CHEM_PLAN), st.just(CHEM), dates.map(str), st.just("开平市应急管理局"),
                  st.sampled_from(FilingStatus.labels()), free_text).map(list),
    ),
}  # fmt: skip


@st.composite
def near_valid_sheets(draw: st.DrawFn) -> tuple[LedgerKind, list[list[Any]]]:
    kind = draw(st.sampled_from(list(LedgerKind)))
    header, row = VALID_ROWS[kind]
    rows = draw(st.lists(row, min_size=1, max_size=5))
    for _ in range(draw(st.integers(0, 2))):  # a hostile value in a random cell
        r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, len(header) - 1))
        rows[r][c] = draw(text_cells)
    return kind, [header, *rows]


@FUZZ
@given(sheet=near_valid_sheets(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk"]))
def test_nearly_valid_ledgers_write_all_or_nothing(
    fuzz_db: Database, tmp_path_factory: pytest.TempPathFactory, sheet: tuple[LedgerKind, list[list[Any]]],
    encoding: str,
) -> None:  # fmt: skip
    kind, rows = sheet
    folder = tmp_path_factory.getbasetemp() / "ledgerfuzz-files"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(_files)}.csv"
    path.write_bytes(csv_bytes(rows, encoding))
    outcome(fuzz_db, kind, path, dry_run=False)


xlsx_cells = st.one_of(
    text_cells,
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2200, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2200, 1, 1)),
    st.none(),
)


@XLSX_FUZZ
@given(sheet=sheets(xlsx_cells), merge=st.booleans(), title_row=st.booleans(), dry_run=st.booleans())
def test_any_xlsx_ledger_ends_in_a_documented_outcome(
    fuzz_db: Database, tmp_path_factory: pytest.TempPathFactory, sheet: tuple[LedgerKind, list[list[Any]]],
    merge: bool, title_row: bool, dry_run: bool,
) -> None:  # fmt: skip
    kind, rows = sheet
    workbook = Workbook()
    book_sheet = workbook.active
    assert book_sheet is not None
    book_sheet.title = kind.sheet_name
    if title_row:
        book_sheet.append([f"{kind.sheet_name}（2025年）"])
    for row in rows:
        # Strings starting with "=" become real formula cells in openpyxl; it refuses
        # control characters in cells, so those are left to the csv tests.
        book_sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    if merge and book_sheet.max_row >= 3 and book_sheet.max_column >= 2:
        book_sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=2)
    folder = tmp_path_factory.getbasetemp() / "ledgerfuzz-files"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(_files)}.xlsx"
    try:
        workbook.save(path)
    except (ValueError, TypeError):  # openpyxl refuses some characters in cells: not our file
        return
    outcome(fuzz_db, kind, path, dry_run)


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf\xe5\x8d\x95\x80,x\n", b"\xff\xfe\x00\xd8,\x00"])
def test_a_byte_order_mark_with_invalid_bytes_is_refused(
    fuzz_db: Database, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(data)
    assert _outcome(fuzz_db, LedgerKind.UNITS, path, dry_run=False) == "rejected"
