"""Ledger validation: choose the sheet, check the header row, parse every cell into records.

Everything a file alone can tell is checked here (headers, labels, dates, USCCs, required
cells, formulas, merged cells, one row's cells against each other). What needs the
database — references, duplicates after resolving them, matching — is the services'
part (planmgr.services.ledger), which adds its errors to the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from planmgr.domain.enums import FilingStatus, UnitKind
from planmgr.domain.i18n import join, tr
from planmgr.exchange.ledger_columns import (
    ERRORS_HEADER,
    CellProblem,
    CellValue,
    Column,
    LedgerKind,
    cell_text,
    columns_of,
    header_keys,
    is_blank,
    normalise_header,
)
from planmgr.exchange.ledger_read import CellRange, LedgerBook, RawSheet, column_letters
from planmgr.exchange.ledger_records import (
    DrillRecord,
    FilingRecord,
    LedgerError,
    LedgerRecord,
    PlanRecord,
    UnitRecord,
)

_RECORD_TYPES: dict[LedgerKind, Callable[..., LedgerRecord]] = {
    LedgerKind.UNITS: UnitRecord,
    LedgerKind.PLANS: PlanRecord,
    LedgerKind.DRILLS: DrillRecord,
    LedgerKind.FILINGS: FilingRecord,
}

_IDENTITY_FIELDS = frozenset({"name", "uscc", "title", "uid"})
# Required cells whose emptiness is judged with the rest of the row (_check_row).
_CHECKED_BY_ROW = frozenset({"submitted_date"})


def formula_message() -> str:
    """Why a cell holding a formula is refused."""
    return tr("单元格含有公式：本程序不计算公式。请复制该列后用“选择性粘贴 → 数值”替换公式再导入")


@dataclass
class ParsedLedger:
    """A sheet parsed into records, with every problem found so far."""

    kind: LedgerKind
    sheet: str
    records: list[LedgerRecord] = field(default_factory=list)
    errors: list[LedgerError] = field(default_factory=list)
    # field -> 1-based column index in the file, for the columns the file has
    positions: dict[str, int] = field(default_factory=dict)
    data_rows: int = 0
    raw: RawSheet | None = None
    # Names, titles, USCCs and 预案编号 written in rows that have errors: a reference to
    # one of them is not reported again as "not found" (the row itself is).
    rejected: set[str] = field(default_factory=set)

    @property
    def present(self) -> frozenset[str]:
        """Fields whose column is in the file (absent columns leave records untouched)."""
        return frozenset(self.positions)

    def error(self, row: int | None, field_name: str | None, message: str) -> LedgerError:
        """Record an error at a row's cell (by record field) and return it."""
        column = None
        index = None
        if field_name is not None:
            column = _column(self.kind, field_name).header
            index = self.positions.get(field_name)
        found = LedgerError(self.sheet, row, column, message, index)
        self.errors.append(found)
        return found

    def sorted_errors(self) -> list[LedgerError]:
        return sorted(self.errors, key=lambda e: e.sort_key)


def _column(kind: LedgerKind, field_name: str) -> Column:
    for column in columns_of(kind):
        if column.field == field_name:
            return column
    raise KeyError(field_name)


def _matches(headers: list[CellValue], kind: LedgerKind) -> bool:
    keys = {normalise_header(cell_text(h)) for h in headers if not is_blank(h)}
    return all(c.key in keys for c in columns_of(kind) if c.required)


def choose_sheet(book: LedgerBook, kind: LedgerKind) -> str:
    """The sheet to import: the one named for the kind, the only one, or one with its headers."""
    wanted = normalise_header(kind.sheet_name)
    for name in book.sheet_names:
        if normalise_header(name) == wanted:
            return name
    if len(book.visible) == 1:
        return book.visible[0]
    for name in book.visible:
        if _matches(book.first_row(name), kind):
            return name
    return book.visible[0] if book.visible else book.sheet_names[0]


def parse_book(book: LedgerBook, kind: LedgerKind) -> ParsedLedger:
    sheet = read_sheet(book, kind)
    if sheet is None:
        result = ParsedLedger(kind, kind.sheet_name)
        result.error(None, None, tr("工作簿中没有工作表"))
        return result
    return parse_sheet(sheet, kind)


def read_sheet(book: LedgerBook, kind: LedgerKind) -> RawSheet | None:
    """The sheet to import, read whole (``None`` for a workbook without sheets)."""
    return book.sheet(choose_sheet(book, kind)) if book.sheet_names else None


def parse_sheet(sheet: RawSheet, kind: LedgerKind) -> ParsedLedger:
    """Check the header row, then parse every data row into a record (or errors)."""
    result = ParsedLedger(kind, sheet.name, raw=sheet)
    for _ in parse_steps(sheet, kind, result):
        pass
    return result


def parse_steps(sheet: RawSheet, kind: LedgerKind, result: ParsedLedger, step: int = 5000) -> Iterator[int]:
    """Parse ``sheet`` into ``result``, yielding the number of rows done every ``step`` rows."""
    if not sheet.rows or all(is_blank(c) for row in sheet.rows for c in row):
        result.error(None, None, tr("文件是空的：没有表头，也没有数据"))
        return
    columns = _check_header(sheet, kind, result)
    if columns is None:
        return
    end = len(sheet.rows)
    for start in range(1, end, step):
        stop = min(start + step, end)
        _parse_rows(sheet, kind, columns, result, start, stop)
        yield stop - 1
    if result.data_rows == 0 and not result.errors:
        result.error(None, None, tr("只有表头，没有数据行"))


def _header_error(result: ParsedLedger, col0: int | None, header: str | None, message: str) -> None:
    result.errors.append(LedgerError(result.sheet, 1, header, message, None if col0 is None else col0 + 1))


def _check_header(sheet: RawSheet, kind: LedgerKind, result: ParsedLedger) -> dict[int, Column] | None:
    """Map file columns to ledger columns; ``None`` when rows cannot be read at all."""
    header = sheet.header()
    known = header_keys(kind)
    filled = [(j, cell_text(v)) for j, v in enumerate(header) if not is_blank(v)]
    if not filled:
        _header_error(
            result, None, None, tr("第 1 行应为表头（{columns}），但它是空的", columns=_titles(kind))
        )
        return None
    if len(filled) == 1 and normalise_header(filled[0][1]) not in known:
        _header_error(
            result,
            filled[0][0],
            None,
            tr(
                "第 1 行“{text}”像是标题行：台账的第 1 行必须是表头（{columns}），请删除标题行后再导入",
                text=filled[0][1],
                columns=_titles(kind),
            ),
        )
        return None
    fatal = False
    for (r0, c0), (_r1, c1) in sheet.merged:
        if r0 == 0 and c1 > c0:
            span = f"{column_letters(c0)}1:{column_letters(c1)}1"
            _header_error(
                result, c0, None, tr("表头有合并单元格（{span}）：请取消合并，每一列填写一个表头", span=span)
            )
            fatal = True
    other = _other_kind(header, kind)
    if other is not None:
        _header_error(
            result,
            None,
            None,
            tr(
                "这是一份{other}，不是{wanted}：请选择{wanted}文件，或改为导入{other}",
                other=other.text,
                wanted=kind.text,
            ),
        )
        return None
    columns: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for j, value in enumerate(header):
        if (0, j) in sheet.formulas:
            _header_error(result, j, cell_text(value) or None, formula_message())
            fatal = True
            continue
        if is_blank(value):
            if any(j < len(row) and not is_blank(row[j]) for row in sheet.rows[1:]):
                _header_error(result, j, None, tr("第 {column} 列有数据但没有表头", column=column_letters(j)))
                fatal = True
            continue
        text = cell_text(value)
        key = normalise_header(text)
        if key == ERRORS_HEADER:
            continue  # a corrected errors workbook imports as it is
        column = known.get(key)
        if column is None:
            _header_error(
                result,
                j,
                text,
                tr(
                    "未知的列“{text}”。{ledger}可用的列：{columns}",
                    text=text,
                    ledger=kind.text,
                    columns=_titles(kind),
                ),
            )
            continue
        if key in seen:
            _header_error(
                result,
                j,
                text,
                tr(
                    "列“{header}”重复出现（第 {first} 列和第 {second} 列）",
                    header=column.header,
                    first=column_letters(seen[key]),
                    second=column_letters(j),
                ),
            )
            fatal = True
            continue
        seen[key] = j
        columns[j] = column
        result.positions[column.field] = j + 1
    for column in columns_of(kind):
        if column.required and column.field not in result.positions:
            _header_error(result, None, column.header, tr("缺少必填列“{header}”", header=column.header))
            fatal = True
    return None if fatal else columns


def _titles(kind: LedgerKind) -> str:
    """The column headers (Chinese: what the file must say) as a list in running text."""
    return join(c.title for c in columns_of(kind))


def _other_kind(header: list[CellValue], kind: LedgerKind) -> LedgerKind | None:
    """Another ledger kind whose required headers this file has, when it lacks its own."""
    if _matches(header, kind):
        return None
    for other in LedgerKind:
        if other is not kind and _matches(header, other):
            return other
    return None


def _merged_cells(merged: list[CellRange]) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """Top-left cell -> range name, and every other cell covered by a merged data range."""
    tops: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in merged:
        if r0 == 0:
            continue
        tops[(r0, c0)] = f"{column_letters(c0)}{r0 + 1}:{column_letters(c1)}{r1 + 1}"
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    return tops, covered


def _parse_rows(
    sheet: RawSheet, kind: LedgerKind, columns: dict[int, Column], result: ParsedLedger, start: int, stop: int
) -> None:
    make = _RECORD_TYPES[kind]
    merged_tops, merged_covered = _merged_cells(sheet.merged)
    formulas = sheet.formulas
    items = list(columns.items())
    identity = [(j, c) for j, c in items if c.field in _IDENTITY_FIELDS]
    for i in range(start, stop):
        row = sheet.rows[i]
        if all(is_blank(c) for c in row):
            continue
        result.data_rows += 1
        excel_row = i + 1
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for j, column in items:
            cell = row[j] if j < len(row) else None
            problem = None
            if merged_covered and (i, j) in merged_covered:
                failed.add(column.field)  # reported once, at the merged range's first cell
                continue
            if merged_tops and (i, j) in merged_tops:
                problem = tr("合并单元格（{span}）：请取消合并，并在每一行分别填写", span=merged_tops[(i, j)])
            elif formulas and (i, j) in formulas:
                problem = formula_message()
            else:
                try:
                    value = column.parse(cell)
                except CellProblem as error:
                    problem = error.message
                else:
                    if column.required and value is None and column.field not in _CHECKED_BY_ROW:
                        problem = tr("必填项不能为空")
            if problem is not None:
                result.error(excel_row, column.field, problem)
                failed.add(column.field)
                continue
            values[column.field] = value
        if not _check_row(kind, excel_row, values, failed, result) or failed:
            result.rejected.update(
                cell_text(row[j]) for j, column in identity if j < len(row) and not is_blank(row[j])
            )
            continue
        result.records.append(make(row=excel_row, **values))


def _check_row(
    kind: LedgerKind, row: int, values: dict[str, Any], failed: set[str], result: ParsedLedger
) -> bool:
    """Rules between the cells of one row (each only where its cells parsed)."""
    ok = True

    def rule(*fields: str) -> bool:
        return not failed.intersection(fields)

    if kind is LedgerKind.UNITS and rule("kind", "industry", "scale"):
        if values.get("kind") is not UnitKind.ENTERPRISE:
            for name in ("industry", "scale"):
                if values.get(name) is not None:
                    result.error(row, name, tr("只有企业需要填写行业类型和企业规模"))
                    ok = False
    elif kind is LedgerKind.PLANS and rule("published_date", "version_label"):
        if values.get("published_date") is not None and values.get("version_label") is None:
            result.error(row, "version_label", tr("填写了发布日期，请同时填写版本号"))
            ok = False
    elif kind is LedgerKind.FILINGS:
        submitted = values.get("submitted_date")
        if (
            rule("submitted_date", "status")
            and submitted is None
            and values.get("status") is not FilingStatus.TO_SUBMIT
        ):
            result.error(
                row,
                "submitted_date",
                tr(
                    "必填项不能为空（只有备案状态为“{status}”时可以不填）",
                    status=FilingStatus.TO_SUBMIT.label,
                ),
            )
            ok = False
        registered = values.get("registered_date")
        if registered is not None and submitted is not None and registered < submitted:
            result.error(
                row,
                "registered_date",
                tr(
                    "登记日期 {registered} 早于报送日期 {submitted}",
                    registered=registered.isoformat(),
                    submitted=submitted.isoformat(),
                ),
            )
            ok = False
    return ok
