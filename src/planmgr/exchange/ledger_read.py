"""Reading ledger files: xlsx with python-calamine, csv in UTF-8 (with or without BOM) or GBK.

A sheet comes back as a grid whose row ``i`` is Excel row ``i + 1``, with the cells that
hold a formula (we do not evaluate formulas: calamine only sees the value Excel cached,
and a workbook written by another program may have none) and the merged ranges.
Excel on Chinese Windows saves csv in GBK; the encoding is detected, not asked.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import python_calamine

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_columns import CellValue

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")


class LedgerFileError(ValidationError):
    """The file as a whole cannot be read (missing, wrong format, damaged, unknown encoding)."""


type CellRange = tuple[tuple[int, int], tuple[int, int]]  # ((row0, col0), (row1, col1)), 0-based, inclusive


@dataclass
class RawSheet:
    """One sheet's cells as read. Rows and columns are 0-based here; Excel's are +1."""

    name: str
    rows: list[list[CellValue]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    merged: list[CellRange] = field(default_factory=list)

    def header(self) -> list[CellValue]:
        return self.rows[0] if self.rows else []


@dataclass
class LedgerBook:
    """An opened ledger file: its sheets (one for csv) read on demand."""

    path: Path
    file_format: str  # "xlsx" | "csv"
    sheet_names: list[str]
    visible: list[str]
    encoding: str | None = None
    _workbook: Any = None
    _csv_sheet: RawSheet | None = None

    def sheet(self, name: str) -> RawSheet:
        if self._csv_sheet is not None:
            return self._csv_sheet
        try:
            calamine_sheet = self._workbook.get_sheet_by_name(name)
            rows = [list(r) for r in calamine_sheet.to_python(skip_empty_area=False)]
            merged = [((a[0], a[1]), (b[0], b[1])) for a, b in (calamine_sheet.merged_cell_ranges or [])]
        except python_calamine.CalamineError as error:
            raise LedgerFileError(tr("无法读取工作表“{name}”：{error}", name=name, error=error)) from error
        return RawSheet(name, _trim(rows), _formula_cells(self.path, name), merged)

    def first_row(self, name: str) -> list[CellValue]:
        """The header row of a sheet (to choose the sheet before reading it all)."""
        if self._csv_sheet is not None:
            return self._csv_sheet.header()
        try:
            calamine_sheet = self._workbook.get_sheet_by_name(name)
            rows = calamine_sheet.to_python(skip_empty_area=False, nrows=1)
        except python_calamine.CalamineError:
            return []
        return list(rows[0]) if rows else []

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None


def open_book(path: Path, *, csv_sheet_name: str) -> LedgerBook:
    """Open ``path`` (xlsx or csv); a csv file's single sheet is called ``csv_sheet_name``."""
    if not path.exists():
        raise LedgerFileError(tr("找不到文件：{path}", path=path))
    if path.is_dir():
        raise LedgerFileError(tr("这是一个文件夹，不是台账文件：{path}", path=path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise LedgerFileError(tr("不支持旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"))
    if suffix in CSV_SUFFIXES:
        sheet, encoding = read_csv(path, csv_sheet_name)
        return LedgerBook(path, "csv", [sheet.name], [sheet.name], encoding, _csv_sheet=sheet)
    if suffix not in XLSX_SUFFIXES:
        raise LedgerFileError(tr("不支持的文件类型“{suffix}”：请使用 .xlsx 或 .csv 文件", suffix=path.suffix))
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own classes and plain OSError/ValueError
        raise LedgerFileError(
            tr("无法读取该 xlsx 文件（文件已损坏，或不是 Excel 文件）：{name}", name=path.name)
        ) from error
    metadata = workbook.sheets_metadata
    names = [m.name for m in metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
    visible = [
        m.name
        for m in metadata
        if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        and m.visible == python_calamine.SheetVisibleEnum.Visible
    ]
    return LedgerBook(path, "xlsx", names, visible or names, _workbook=workbook)


def _trim(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    """Drop blank rows at the end (formatting often stretches the used range)."""
    end = len(rows)
    while end and all(c is None or c == "" for c in rows[end - 1]):
        end -= 1
    return rows[:end]


# ------------------------------------------------------------------------------ csv


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of csv bytes: UTF-8 with/without BOM, UTF-16 with BOM, else GBK.

    The encoding name is shown to the user (import report), in the interface language."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), tr("UTF-8（带 BOM）")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "UTF-16"
    except UnicodeDecodeError as error:  # a byte-order mark, then bytes of another encoding
        raise LedgerFileError(
            tr(
                "csv 文件开头标明为 Unicode 编码，但第 {position} 个字节起内容不是该编码："
                "请重新保存为 UTF-8 或 GBK",
                position=error.start + 1,
            )
        ) from None
    try:
        return data.decode("utf-8", errors="strict"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK (what Excel on Chinese Windows writes).
        return data.decode("gb18030", errors="strict"), "GBK"
    except UnicodeDecodeError:
        raise LedgerFileError(
            tr("无法识别 csv 文件的编码：请保存为 UTF-8 或 GBK 编码的 csv，或直接使用 .xlsx")
        ) from None


def read_csv(path: Path, sheet_name: str) -> tuple[RawSheet, str]:
    text, encoding = decode_csv(path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        rows: list[list[CellValue]] = [
            list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise LedgerFileError(tr("csv 文件格式不正确：{error}", error=error)) from error
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return RawSheet(sheet_name, _trim(rows)), encoding


# ------------------------------------------------------------------- xlsx formulas

_FORMULA_PRESENT = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column_index(letters: str) -> int:
    """0-based index of an Excel column name (A -> 0, AA -> 26)."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def column_letters(index: int) -> str:
    """Excel column name of a 0-based index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The zip member holding sheet ``name`` (workbook.xml + its relationships)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rid = None
    for element in workbook.iter():
        if element.tag.endswith("}sheet") and element.get("name") == name:
            rid = element.get(f"{{{_REL_NS}}}id")
            break
    if rid is None:
        return None
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


def _formula_cells(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """(row0, col0) of every cell with a formula; a quick byte scan skips formula-free sheets."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return set()
            data = archive.read(part)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return set()
    if not _FORMULA_PRESENT.search(data):
        return set()
    found: set[tuple[int, int]] = set()
    for match in _CELL.finditer(data):
        body = match.group(2)
        if body is None or not _FORMULA_PRESENT.search(body):
            continue
        ref = _CELL_REF.search(match.group(1))
        if ref is not None:
            found.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode())))
    return found
