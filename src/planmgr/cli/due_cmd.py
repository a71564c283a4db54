"""``due``: what falls due — drills, evaluations, filings, publication, corrective actions.

``--json`` prints the list of DESIGN.md §7 (English keys); the text output is a table in
the interface language grouped by status (逾期 / 即将到期 / 正常).  Exit 0 whatever is due: overdue items
are an answer, not a failure.
"""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date

from planmgr.cli.common import EXIT_OK, add_db, db_of, print_json, say
from planmgr.domain.due import DueReport
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import colon, commas, tr
from planmgr.domain.rules import DueStatus

ESTIMATED_MARK = "*"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("due", help=tr("列出到期和逾期事项（演练、评估、备案、公开、整改）"))
    add_db(p)
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help=tr("按该日期计算状态（默认：今天）"))
    p.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    p.set_defaults(func=cmd_due)


def parse_as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            tr("日期格式不正确：{text}（应为 YYYY-MM-DD，例如 2025-10-09）", text=text)
        ) from None


def cmd_due(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    from planmgr.services.compliance import due_report
    from planmgr.store.database import open_database

    database = open_database(db_of(args))
    try:
        report = due_report(database.engine, as_of)
    finally:
        database.dispose()
    if args.json:
        print_json([item.to_json() for item in report.items])
    else:
        for line in render_text(report):
            say(line)
    return EXIT_OK


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_text(report: DueReport) -> list[str]:
    """The due list as a readable table in the interface language, one block per status."""
    lines = [
        tr(
            "到期事项（截至 {as_of}，{days} 天内到期为“即将到期”）",
            as_of=report.as_of.isoformat(),
            days=report.due_soon_days,
        )
    ]
    if not report.items:
        lines.append(tr("没有到期事项。"))
    headers = (tr("到期日"), tr("单位"), tr("预案"), tr("事项"), tr("依据"))
    for status in (DueStatus.OVERDUE, DueStatus.DUE_SOON, DueStatus.OK):
        items = report.by_status(status)
        if not items:
            continue
        rows = [
            (
                item.due_date.isoformat() + (ESTIMATED_MARK if item.calendar_estimated else ""),
                item.unit_name,
                item.plan_title or tr("（本单位）"),
                colon(item.kind.text, item.rule_title_text) if item.rule_title else item.kind.text,
                item.source_text,
            )
            for item in items
        ]
        widths = [max(_width(r[i]) for r in [headers, *rows]) for i in range(len(headers) - 1)]
        lines.append("")
        lines.append(tr("【{status}】{count} 项", status=status.text, count=len(items)))
        for row in [headers, *rows]:
            cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])]
            lines.append("  " + "  ".join([*cells, row[-1]]).rstrip())
    if report.deemed_filed:
        lines.append("")
        lines.append(
            tr(
                "【视为已经备案】{count} 项（报送后受理部门逾期未答复，按已备案计）",
                count=len(report.deemed_filed),
            )
        )
        for deemed in report.deemed_filed:
            lines.append(
                tr(
                    "  {unit}  {plan}  报送 {submitted}，审查期限 {check_due}{mark}  {source}",
                    unit=deemed.unit_name,
                    plan=deemed.plan_title,
                    submitted=deemed.submitted.isoformat(),
                    check_due=deemed.check_due.isoformat(),
                    mark=ESTIMATED_MARK if deemed.calendar_estimated else "",
                    source=deemed.source_text,
                )
            )
    if report.calendar_estimated:
        lines.append("")
        lines.append(
            tr(
                "注：标 {mark} 的日期涉及尚无节假日安排的年份，工作日按周一至周五估算；"
                "可在“设置”中录入该年的放假安排后重新计算。",
                mark=ESTIMATED_MARK,
            )
        )
    lines.append("")
    counts = commas(f"{s.text} {len(report.by_status(s))}" for s in DueStatus)
    lines.append(tr("合计 {count} 项：{counts}。", count=len(report.items), counts=counts))
    return lines
