"""Plain records of the four ledgers and the error record of a rejected cell.

A record is one ledger row with typed values: references to other rows (上级单位,
编制单位, 关联预案 …) stay as the text the user wrote; the services resolve them against
the same file and the database. Exports build the same records from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    EventType,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.i18n import tr


@dataclass(frozen=True, slots=True)
class LedgerError:
    """One rejected cell (or row, or header): where it is and why (in the interface language).

    ``row`` is the row number as Excel shows it (the header is row 1); ``column`` the
    column's header; ``column_index`` its 1-based position in the file (for highlighting).
    """

    sheet: str
    row: int | None
    column: str | None
    message: str
    column_index: int | None = None

    def __str__(self) -> str:
        at = {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}
        has_row, has_column = self.row is not None, bool(self.column)
        if self.sheet:
            if has_row and has_column:
                return tr("工作表 {sheet} 第 {row} 行【{column}】：{message}", **at)
            if has_row:
                return tr("工作表 {sheet} 第 {row} 行：{message}", **at)
            if has_column:
                return tr("工作表 {sheet}【{column}】：{message}", **at)
            return tr("工作表 {sheet}：{message}", **at)
        if has_row and has_column:
            return tr("文件 第 {row} 行【{column}】：{message}", **at)
        if has_row:
            return tr("文件 第 {row} 行：{message}", **at)
        if has_column:
            return tr("文件【{column}】：{message}", **at)
        return tr("文件：{message}", **at)

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.row or 0, self.column_index or 0)


@dataclass(frozen=True, slots=True)
class UnitRecord:
    row: int
    name: str
    kind: UnitKind
    uscc: str | None = None
    parent: str | None = None  # name, USCC or uid of the parent unit
    region_code: str | None = None
    industry: Industry | None = None
    scale: EnterpriseScale | None = None
    key_enterprise: bool = False
    address: str | None = None
    legal_rep: str | None = None
    contact: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class PlanRecord:
    row: int
    title: str
    category: PlanCategory
    owner: str  # name, USCC or uid of the owner unit
    uid: str | None = None  # 预案编号
    parent: str | None = None  # title or 预案编号 of the parent plan
    event_types: tuple[EventType, ...] = ()
    version_label: str | None = None
    published_date: date | None = None
    status: PlanStatus | None = None
    last_evaluation: date | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class DrillRecord:
    row: int
    title: str
    organiser: str
    plans: str  # one or more plan titles / 预案编号, split by the services
    start: date
    form: DrillForm
    scope: DrillScope | None = None
    purpose: DrillPurpose | None = None
    tags: tuple[str, ...] = ()
    location: str | None = None
    head_count: int | None = None
    conclusion: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FilingRecord:
    row: int
    plan: str  # title (or 预案编号) of the plan
    owner: str  # its owner unit
    authority: str  # 受理部门
    status: FilingStatus
    submitted_date: date | None = None
    filing_number: str | None = None
    registered_date: date | None = None
    note: str | None = None


type LedgerRecord = UnitRecord | PlanRecord | DrillRecord | FilingRecord
