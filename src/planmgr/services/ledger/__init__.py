"""Ledger (台账) import and export: units, plans, drills, filings (DESIGN.md §6).

Import is all or nothing. ``LedgerImport`` (``job``) is a Qt-free job in two steps
(STYLE.md §6/§7): ``validate()`` reads the file, checks every cell and matches every row
against the database without writing; ``write()`` then applies the changes in one
transaction with SQLAlchemy Core bulk statements (``bulk``; ORM ``add_all`` is ~6× slower,
DESIGN.md §9). Both are generators that yield ``Progress`` and honour a cancel flag;
``import_ledger`` wraps them for the CLI. Any bad cell leaves the database untouched and
every problem is reported.

Matching (re-importing the same ledger changes nothing, writes no audit rows), one module
per kind:
- ``units``: by 统一社会信用代码, else by name + parent unit;
- ``plans``: by 预案编号 (the plan's uid), else by title + owner unit;
- ``drills``: by organiser + title + 演练日期;
- ``filings``: by plan + 受理部门 + 报送日期, else the plan's current-version filing with
  that 受理部门 (its date is corrected), else a new filing of the current version.
A column the file does not have leaves that field alone; an empty cell of a column it
has clears the field — except identity cells (统一社会信用代码, 预案编号) and history
(plan versions, evaluations), which an import never removes.

``export`` writes the database back out as ledgers that import unchanged.
"""

from __future__ import annotations

from planmgr.services.ledger.bulk import CHUNK
from planmgr.services.ledger.export import ExportFilter, ExportResult, export_ledger, ledger_records
from planmgr.services.ledger.job import (
    CancelFlag,
    ImportReport,
    LedgerImport,
    Progress,
    Stage,
    import_ledger,
)

__all__ = [
    "CHUNK",
    "CancelFlag",
    "ExportFilter",
    "ExportResult",
    "ImportReport",
    "LedgerImport",
    "Progress",
    "Stage",
    "export_ledger",
    "import_ledger",
    "ledger_records",
]
