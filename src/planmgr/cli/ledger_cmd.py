"""``ledger export | import``: 台账 (units, plans, drills, filings) in and out (DESIGN.md §6, §7).

Exit codes: 0 ok; 2 the file was rejected (every bad cell printed on stderr, nothing
written); 3 a database problem.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planmgr.cli.common import EXIT_FAILURE, EXIT_INPUT, EXIT_OK, add_db, db_of, err, say
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_columns import LedgerKind

_KINDS = [k.value for k in LedgerKind]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kind_help = tr("units（单位台账）| plans（预案台账）| drills（演练台账）| filings（备案台账）")
    ledger = subparsers.add_parser("ledger", help=tr("导入、导出台账（xlsx / csv）"))
    actions = ledger.add_subparsers(
        dest="ledger_action", metavar=tr("操作"), required=True, parser_class=type(ledger)
    )

    p = actions.add_parser("export", help=tr("导出台账"))
    p.add_argument("kind", choices=_KINDS, help=kind_help)
    add_db(p)
    p.add_argument("-o", "--output", required=True, type=Path, help=tr("导出到该文件（.xlsx 或 .csv）"))
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("import", help=tr("导入台账：全部校验通过才写入，有任何错误都不写入"))
    p.add_argument("kind", choices=_KINDS, help=kind_help)
    p.add_argument("file", type=Path, help=tr("台账文件（.xlsx 或 .csv，csv 可以是 UTF-8 或 GBK 编码）"))
    add_db(p)
    p.add_argument("--dry-run", action="store_true", help=tr("只校验并统计将新增、更新的记录，不写入数据库"))
    p.add_argument(
        "--errors-out", type=Path, help=tr("有错误时另存一份 xlsx：原表加“错误说明”列，错误单元格标红")
    )
    p.set_defaults(func=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from planmgr.services.ledger import export_ledger
    from planmgr.store.database import open_database

    kind = LedgerKind(args.kind)
    if args.output.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError(
            tr("不支持的导出文件类型“{suffix}”：请使用 .xlsx 或 .csv", suffix=args.output.suffix)
        )
    database = open_database(db_of(args))
    try:
        result = export_ledger(database.engine, kind, args.output)
    finally:
        database.dispose()
    say(
        tr(
            "已导出{ledger} {count} 行：{path}",
            ledger=kind.text,
            count=result.rows,
            path=result.path,
        )
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from planmgr.services.ledger import import_ledger
    from planmgr.store.database import open_database

    kind = LedgerKind(args.kind)
    if args.errors_out is not None and args.errors_out.suffix.lower() != ".xlsx":
        raise ValidationError(tr("错误报告只能保存为 .xlsx 文件：{path}", path=args.errors_out))
    database = open_database(db_of(args))
    try:
        report = import_ledger(
            database.engine, kind, args.file, dry_run=args.dry_run, errors_out=args.errors_out
        )
    finally:
        database.dispose()
    if report.errors:
        for error in report.errors:
            err(str(error))
        err(tr("共 {count} 处错误，未导入任何数据。请改正后重新导入。", count=len(report.errors)))
        if args.errors_out is not None:
            err(tr("已另存标出错误的文件：{path}", path=args.errors_out))
        return EXIT_INPUT
    if report.cancelled:
        err(tr("导入已取消，未写入任何数据。"))
        return EXIT_FAILURE
    counts = tr(
        "共 {count} 行：新增 {inserted}，更新 {updated}，未变 {unchanged}",
        count=report.rows,
        inserted=report.inserted,
        updated=report.updated,
        unchanged=report.unchanged,
    )
    ledger = kind.text
    if report.dry_run:
        say(tr("试导入{ledger}（未写入数据库）：{counts}", ledger=ledger, counts=counts))
    else:
        say(
            tr(
                "已导入{ledger}：{counts}（用时 {seconds:.2f} 秒）",
                ledger=ledger,
                counts=counts,
                seconds=report.seconds,
            )
        )
    if report.encoding and not report.encoding.startswith("UTF-8"):
        say(tr("文件编码：{encoding}（已自动识别）", encoding=report.encoding))
    return EXIT_OK
