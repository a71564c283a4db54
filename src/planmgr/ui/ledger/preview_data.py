"""What the ledger wizard's preview shows, read without Qt (and without the database): the
sheet that would be imported, its header with each column recognised or not, the first rows.

The same readers and header rules as the import (``exchange.ledger_read``,
``exchange.ledger_columns``), so a column marked recognised here is one the import takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from planmgr.exchange.ledger_columns import (
    ERRORS_HEADER,
    Column,
    LedgerKind,
    cell_text,
    columns_of,
    header_keys,
    is_blank,
    normalise_header,
)
from planmgr.exchange.ledger_read import LedgerBook, open_book
from planmgr.exchange.ledger_validate import choose_sheet

PREVIEW_ROWS = 20


class ColumnState(Enum):
    KNOWN = "known"  # a column of this ledger
    ERRORS = "errors"  # the 错误说明 column of an errors workbook: ignored on import
    UNKNOWN = "unknown"  # not a column of this ledger: the import refuses it
    BLANK = "blank"  # no header


@dataclass(frozen=True)
class PreviewColumn:
    header: str
    state: ColumnState
    column: Column | None = None


@dataclass(frozen=True)
class LedgerPreview:
    kind: LedgerKind
    sheet: str
    sheets: tuple[str, ...]
    columns: tuple[PreviewColumn, ...]
    rows: tuple[tuple[str, ...], ...]  # the first data rows, as text
    data_rows: int  # non-blank rows under the header
    missing_required: tuple[str, ...]
    encoding: str | None = None
    duplicates: tuple[str, ...] = field(default_factory=tuple)

    @property
    def recognised(self) -> list[PreviewColumn]:
        return [c for c in self.columns if c.state is ColumnState.KNOWN]

    @property
    def unknown(self) -> list[PreviewColumn]:
        return [c for c in self.columns if c.state is ColumnState.UNKNOWN]


def _kind_score(header: list[str], kind: LedgerKind) -> tuple[int, int]:
    keys = {normalise_header(h) for h in header if h}
    known = header_keys(kind)
    required = sum(1 for c in columns_of(kind) if c.required and c.key in keys)
    return required, sum(1 for k in keys if k in known)


def guess_kind(path: Path) -> LedgerKind | None:
    """The ledger a file most likely is (by sheet name, then by header), or ``None``."""
    book: LedgerBook | None = None
    try:
        book = open_book(path, csv_sheet_name="")
        names = {normalise_header(n): n for n in book.sheet_names}
        for kind in LedgerKind:
            if normalise_header(kind.sheet_name) in names:
                return kind
        sheet = book.visible[0] if book.visible else (book.sheet_names[0] if book.sheet_names else None)
        if sheet is None:
            return None
        header = [cell_text(v) for v in book.first_row(sheet) if not is_blank(v)]
    except Exception:  # a guess only: the preview reports what is wrong with the file
        return None
    finally:
        if book is not None:
            book.close()
    scores = {kind: _kind_score(header, kind) for kind in LedgerKind}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best][1] > 0 else None


def read_preview(path: Path, kind: LedgerKind, limit: int = PREVIEW_ROWS) -> LedgerPreview:
    """The sheet an import of ``kind`` would read, its columns and first ``limit`` rows.

    Raises ``LedgerFileError`` (Chinese message) for a file that cannot be read at all."""
    book = open_book(path, csv_sheet_name=kind.sheet_name)
    try:
        sheets = tuple(book.sheet_names)
        if not sheets:
            return LedgerPreview(
                kind, "", (), (), (), 0, tuple(c.header for c in columns_of(kind) if c.required)
            )
        name = choose_sheet(book, kind)
        sheet = book.sheet(name)
        encoding = book.encoding
    finally:
        book.close()
    header = sheet.header()
    known = header_keys(kind)
    columns: list[PreviewColumn] = []
    seen: set[str] = set()
    duplicates: list[str] = []
    for value in header:
        text = cell_text(value)
        key = normalise_header(text)
        if not text:
            columns.append(PreviewColumn("", ColumnState.BLANK))
        elif key == ERRORS_HEADER:
            columns.append(PreviewColumn(text, ColumnState.ERRORS))
        elif key in known:
            if key in seen:
                duplicates.append(text)
            seen.add(key)
            columns.append(PreviewColumn(text, ColumnState.KNOWN, known[key]))
        else:
            columns.append(PreviewColumn(text, ColumnState.UNKNOWN))
    body = [row for row in sheet.rows[1:] if not all(is_blank(c) for c in row)]
    width = len(columns)
    rows = tuple(
        tuple(cell_text(row[j]) if j < len(row) else "" for j in range(width)) for row in body[:limit]
    )
    missing = tuple(c.header for c in columns_of(kind) if c.required and c.key not in seen)
    return LedgerPreview(
        kind, name, sheets, tuple(columns), rows, len(body), missing, encoding, tuple(duplicates)
    )
