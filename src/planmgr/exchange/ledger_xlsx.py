"""Writing ledgers: exports (xlsx with real types, or csv with a BOM) and errors workbooks.

Exports: dates are date cells, numbers are numbers, the header row is frozen, columns are
as wide as their content (a CJK character counts double), the sheet has the Chinese name
of the ledger. csv is UTF-8 with a BOM so that Excel opens it in the right encoding.

Errors workbook: the input with a 错误说明 column and every bad cell highlighted, so the
user can fix the file where the problems are (the 错误说明 column is ignored on import).
"""

from __future__ import annotations

import contextlib
import csv
import os
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from planmgr.domain.errors import PlanmgrError, ValidationError
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_columns import (
    ERRORS_HEADER,
    Column,
    ExportValue,
    LedgerKind,
    cell_text,
    columns_of,
    normalise_header,
)
from planmgr.exchange.ledger_read import RawSheet
from planmgr.exchange.ledger_records import LedgerError, LedgerRecord

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "FFD9E2F3"
ERROR_FILL = "FFFFC7CE"
MIN_WIDTH = 6
MAX_WIDTH = 60


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK (wide / full-width) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell_width(value: ExportValue) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    text = str(value)
    return max(display_width(line) for line in text.split("\n"))


def record_values(kind: LedgerKind, record: LedgerRecord) -> list[ExportValue]:
    return [column.fmt(getattr(record, column.field)) for column in columns_of(kind)]


def fitted_widths(columns: Sequence[Column], rows: Iterable[Sequence[ExportValue]]) -> list[float]:
    widest = [display_width(c.title) for c in columns]
    for row in rows:
        for j, value in enumerate(row):
            # A text of n characters is at most 2n wide: skip the exact count when that cannot win.
            if value is None or (isinstance(value, str) and 2 * len(value) <= widest[j]):
                continue
            width = _cell_width(value)
            if width > widest[j]:
                widest[j] = width
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, w + 2))) for w in widest]


def _temporary_twin(path: Path) -> Path:
    """A fresh name beside ``path`` to write first (then renamed: the file appears whole).

    Created by the writer itself, so it gets the usual permissions (not mkstemp's 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f".~{path.stem}.{uuid.uuid4().hex[:8]}{path.suffix}")


def _replace(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except PermissionError as error:
        temp.unlink(missing_ok=True)
        # Windows refuses to replace a workbook that Excel has open.
        raise PlanmgrError(
            tr("无法写入 {path}：文件可能正在 Excel 或 WPS 中打开，请关闭后重试", path=path)
        ) from error
    except OSError:
        temp.unlink(missing_ok=True)
        raise


def write_ledger(path: Path, kind: LedgerKind, records: Sequence[LedgerRecord]) -> None:
    """Write ``records`` to ``path`` as xlsx or csv (by suffix); the file appears whole or not at all."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(tr("不支持的导出文件类型“{suffix}”：请使用 .xlsx 或 .csv", suffix=path.suffix))
    rows = [record_values(kind, r) for r in records]
    temp = _temporary_twin(path)
    try:
        if suffix == ".csv":
            _write_csv(temp, kind, rows)
        else:
            _write_xlsx(temp, kind, rows)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _replace(temp, path)


def _write_csv(path: Path, kind: LedgerKind, rows: list[list[ExportValue]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.title for c in columns_of(kind)])
        for row in rows:
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row])


def _write_xlsx(path: Path, kind: LedgerKind, rows: list[list[ExportValue]]) -> None:
    columns = columns_of(kind)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(kind.sheet_name)
    sheet.freeze_panes = "A2"
    for j, width in enumerate(fitted_widths(columns, rows), start=1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = bold
        cell.fill = fill
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    workbook.save(path)


def _xlsx_cell(sheet: Any, value: ExportValue) -> Any:
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


# ------------------------------------------------------------------- errors workbook


def _messages_by_row(errors: Sequence[LedgerError]) -> dict[int, list[str]]:
    by_row: dict[int, list[str]] = {}
    for error in sorted(errors, key=lambda e: e.sort_key):
        text = f"【{error.column}】{error.message}" if error.column else error.message
        by_row.setdefault(error.row or 1, []).append(text)
    return by_row


def write_errors_workbook(
    path: Path, source: Path, sheet: RawSheet | None, sheet_name: str, errors: Sequence[LedgerError]
) -> None:
    """The input with a 错误说明 column and the bad cells highlighted (xlsx, openpyxl)."""
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(tr("错误报告只能保存为 .xlsx 文件：{name}", name=path.name))
    workbook = None
    if source.suffix.lower() in (".xlsx", ".xlsm") and sheet is not None:
        try:
            workbook = load_workbook(source)
        except Exception:  # a file calamine reads but openpyxl cannot: rebuild from the grid
            workbook = None
    if workbook is not None and sheet_name in workbook.sheetnames:
        target = workbook[sheet_name]
        workbook.active = workbook.sheetnames.index(sheet_name)
    else:
        workbook = Workbook()
        target = workbook.active
        target.title = sheet_name[:31] or "台账"  # zh-only: sheet name (file format)
        for row in sheet.rows if sheet is not None else []:
            target.append(list(_grid_values(row)))
        for r, row in enumerate(sheet.rows if sheet is not None else [], start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, date):
                    target.cell(r, c).number_format = DATE_FORMAT
    _annotate(target, errors)
    temp = _temporary_twin(path)
    try:
        workbook.save(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _replace(temp, path)


def _grid_values(row: Sequence[Any]) -> Iterator[Any]:
    for value in row:
        if isinstance(value, datetime | date | int | float | bool) or value is None:
            yield value
        else:
            yield cell_text(value) if not isinstance(value, str) else value


def _annotate(target: Any, errors: Sequence[LedgerError]) -> None:
    highlight = PatternFill("solid", fgColor=ERROR_FILL)
    no_fill = PatternFill(fill_type=None)
    errors_col = None
    for cell in target[1] if target.max_row >= 1 else []:
        if isinstance(cell.value, str) and normalise_header(cell.value) == ERRORS_HEADER:
            errors_col = cell.column
    if errors_col is None:
        errors_col = target.max_column + 1 if target.max_row > 0 and target.max_column else 1
        if target.max_row == 1 and target.max_column == 1 and target.cell(1, 1).value is None:
            errors_col = 1
    else:
        # An errors workbook imported again: clear the earlier notes and highlights.
        for row in target.iter_rows():
            for cell in row:
                if cell.column == errors_col and cell.row > 1:
                    _set(cell, "value", None)
                elif getattr(cell.fill, "fgColor", None) is not None and cell.fill.fgColor.rgb == ERROR_FILL:
                    _set(cell, "fill", no_fill)
    header = target.cell(1, errors_col)
    header.value = ERRORS_HEADER
    header.font = Font(bold=True, color="FFC00000")
    for error in errors:
        if error.row is not None and error.column_index is not None:
            _set(target.cell(error.row, error.column_index), "fill", highlight)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, messages in _messages_by_row(errors).items():
        cell = target.cell(row, errors_col)
        if row == 1:
            # The header cell keeps its title (so the file can be imported again once
            # fixed); header-level problems are its comment.
            cell.comment = Comment("\n".join(messages), "planmgr", width=400, height=200)
            cell.fill = highlight
            continue
        cell.value = "\n".join(messages)
        cell.alignment = wrap
        cell.fill = highlight
    target.column_dimensions[get_column_letter(errors_col)].width = MAX_WIDTH
    target.freeze_panes = "A2"


def _set(cell: Any, attribute: str, value: Any) -> None:
    # Merged cells other than the top-left one cannot be styled or written; skip them.
    with contextlib.suppress(AttributeError):
        setattr(cell, attribute, value)
