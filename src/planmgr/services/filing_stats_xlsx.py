"""The statistics workbook: filing rates per town and the enterprises not filed, as an
``.xlsx`` for an office (from ``filing_stats.filing_statistics``)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import chinese, tr
from planmgr.services.filing_stats import NO_TOWN, TOTAL, FilingStatistics, plan_state_reason

# The statistics workbook is a Chinese document for an office (column headers, sheet names).
_RATES_HEADER = (  # zh-only: column headers of the office's workbook
    "乡镇（街道）",
    "重点企业数",
    "重点企业已备案",
    "重点企业备案率",
    "应备案企业数",
    "应备案企业已备案",
    "应备案企业备案率",
)
_MISSING_HEADER = ("乡镇（街道）", "企业名称", "重点企业", "应备案企业", "情况")  # zh-only: workbook columns


def _percent(rate: float | None) -> float | str:
    return "—" if rate is None else rate


def write_statistics_xlsx(stats: FilingStatistics, path: Path) -> None:
    """Two sheets: 备案率统计 (per town and in total) and 未备案企业 (who is missing).

    The workbook is a Chinese document for an office whatever the interface language: the
    rows' town names and reasons are written from their codes, in Chinese."""
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(tr("统计表只能保存为 .xlsx 文件：{name}", name=path.name))
    # openpyxl here, not at the top: only writing a workbook pays for its import (~0.1 s).
    from openpyxl import Workbook

    workbook = Workbook()
    rates = workbook.active
    rates.title = "备案率统计"  # zh-only: sheet name of the office's workbook
    rows: list[list[Any]] = [
        [
            NO_TOWN if t.town_uid is None else t.town_name,
            t.key_total,
            t.key_filed,
            _percent(t.key_rate),
            t.must_total,
            t.must_filed,
            _percent(t.must_rate),
        ]
        for t in stats.towns
    ]
    total = stats.total
    rows.append(
        [
            TOTAL,
            total.key_total,
            total.key_filed,
            _percent(total.key_rate),
            total.must_total,
            total.must_filed,
            _percent(total.must_rate),
        ]
    )
    _fill(rates, list(_RATES_HEADER), rows, percent_columns=(4, 7))
    missing = workbook.create_sheet("未备案企业")  # zh-only: sheet name of the office's workbook
    yes, no = "是", "否"  # zh-only: cells of the office's workbook
    with chinese():
        missing_rows = [
            [
                NO_TOWN if m.no_town else m.town_name,
                m.unit_name,
                yes if m.key_enterprise else no,
                yes if m.must_file else no,
                plan_state_reason(m.state),
            ]
            for m in stats.missing
        ]
    _fill(missing, list(_MISSING_HEADER), missing_rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".~" + path.stem, suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _fill(sheet: Any, header: list[str], rows: list[list[Any]], percent_columns: Sequence[int] = ()) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from planmgr.exchange.ledger_xlsx import display_width

    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFD9E2F3")
    for row in rows:
        sheet.append(row)
    for j in percent_columns:
        for r in range(2, len(rows) + 2):
            sheet.cell(r, j).number_format = "0.0%"
    sheet.freeze_panes = "A2"
    for j, title in enumerate(header, start=1):
        widest = max([display_width(title), *(display_width(str(row[j - 1])) for row in rows)])
        sheet.column_dimensions[get_column_letter(j)].width = min(60, max(8, widest + 2))
