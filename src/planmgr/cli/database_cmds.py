"""``init``, ``check``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from planmgr.cli.common import EXIT_DATABASE, EXIT_OK, add_db, db_of, err, say
from planmgr.domain.enums import DatabaseMode, Industry, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import commas, is_english, join, tr


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("init", help=tr("新建数据库并登记本单位"))
    add_db(p)
    p.add_argument("--unit-name", required=True, help=tr("本单位名称"))
    p.add_argument("--unit-kind", required=True, choices=[k.value for k in UnitKind], help=tr("本单位类型"))
    p.add_argument("--uscc", help=tr("统一社会信用代码（企业）"))
    p.add_argument("--industry", help=tr("行业类型，如 危险化学品"))
    p.add_argument("--mode", choices=[m.value for m in DatabaseMode], help=tr("office 或 enterprise"))
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("check", help=tr("检查数据库完整性和结构版本"))
    add_db(p)
    p.set_defaults(func=cmd_check)

    p = subparsers.add_parser("backup", help=tr("备份数据库"))
    add_db(p)
    p.add_argument("--to", type=Path, help=tr("备份到该文件夹（默认：用户数据目录 backups）"))
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser("restore", help=tr("从备份恢复数据库（被替换的文件会先保留一份）"))
    p.add_argument("backup", type=Path, help=tr("备份文件"))
    add_db(p)
    p.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    from planmgr.services.setup import init_database

    industry = None
    if args.industry:
        try:
            industry = Industry.from_label(args.industry)
        except ValueError:
            # A label or a value is accepted: an English user is shown the values.
            choices = join(m.value for m in Industry) if is_english() else join(Industry.labels())
            raise ValidationError(
                tr("未知的行业类型：{industry}（可选：{choices}）", industry=args.industry, choices=choices)
            ) from None
    result = init_database(
        db_of(args),
        unit_name=args.unit_name,
        unit_kind=UnitKind(args.unit_kind),
        uscc=args.uscc,
        industry=industry,
        mode=DatabaseMode(args.mode) if args.mode else None,
    )
    say(tr("已创建数据库：{database}", database=result.database))
    say(tr("本单位：{unit}（{mode}模式）", unit=result.unit_name, mode=result.mode.text))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from planmgr.store.database import check_database

    report = check_database(db_of(args))
    say(tr("结构版本：{revision}（程序支持的最新版本：{head}）", revision=report.revision, head=report.head))
    if report.revision != report.head:
        say(tr("结构版本较旧：下次用本程序打开时会先自动备份，再升级。"))
    counts = commas(_table_count(table, rows) for table, rows in report.counts.items())
    say(tr("记录数：{counts}", counts=counts))
    if not report.ok:
        for problem in report.problems:
            err(tr("问题：{problem}", problem=problem))
        return EXIT_DATABASE
    say(tr("检查通过：数据库完整。"))
    return EXIT_OK


def _table_count(table: str, rows: int) -> str:
    """The rows of ``table`` counted in words, "单位 3" (the table name if it has no words)."""
    match table:
        case "unit":
            return tr("单位 {count}", count=rows)
        case "plan":
            return tr("预案 {count}", count=rows)
        case "plan_version":
            return tr("预案版本 {count}", count=rows)
        case "drill":
            return tr("演练 {count}", count=rows)
        case "handling_card":
            return tr("处置卡 {count}", count=rows)
        case "filing":
            return tr("备案 {count}", count=rows)
    return f"{table} {rows}"


def _pg_tool_hint(url: str, tool: str) -> str:
    """The ``pg_dump`` / ``pg_restore`` command for a server URL (no password in it)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    parts = [tool]
    if tool == "pg_dump":
        parts.append("--format=custom")
    for option, value in (("--host", parsed.host), ("--port", parsed.port), ("--username", parsed.username)):
        if value:
            parts.append(f"{option}={value}")
    if tool == "pg_dump":
        parts += [f"--file={parsed.database or 'planmgr'}.dump", parsed.database or ""]
    else:
        parts += ["--clean", f"--dbname={parsed.database or ''}", tr("备份文件.dump")]
    return " ".join(p for p in parts if p)


def cmd_backup(args: argparse.Namespace) -> int:
    from planmgr.store.backup import backup_file
    from planmgr.store.database import open_database
    from planmgr.store.engine import database_url, sqlite_path

    url = database_url(db_of(args))
    if sqlite_path(url) is None:
        # The app copies SQLite files only; a server's backups are its administrator's.
        raise ValidationError(
            tr(
                "数据库服务器（PostgreSQL）上的数据库不能用本命令备份，"
                "请由服务器管理员用 pg_dump 备份，例如：\n  {command}",
                command=_pg_tool_hint(url, "pg_dump"),
            )
        )
    database = open_database(url)
    try:
        target = backup_file(database.engine, args.to)
    finally:
        database.dispose()
    say(tr("已备份到：{path}", path=target))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from planmgr.store.backup import restore_file
    from planmgr.store.database import check_database, inspect_revision
    from planmgr.store.engine import database_url, sqlite_path
    from planmgr.store.errors import DatabaseProblem

    target = sqlite_path(database_url(db_of(args)))
    if target is None:
        raise ValidationError(
            tr(
                "恢复备份只适用于本机数据库文件；数据库服务器（PostgreSQL）上的数据库请由服务器管理员用 "
                "pg_restore 从 pg_dump 的备份恢复，例如：\n  {command}",
                command=_pg_tool_hint(database_url(db_of(args)), "pg_restore"),
            )
        )
    # Refuse a backup from a newer program before touching the current file.
    revision, _ = inspect_revision(database_url(args.backup))
    if revision is None:
        raise DatabaseProblem(tr("该文件不是 planmgr 数据库备份：{path}", path=args.backup))
    check_database(args.backup)
    result = restore_file(args.backup, target)
    if result.previous_kept_as is not None:
        say(tr("原数据库已保留为：{path}", path=result.previous_kept_as))
    say(tr("已从 {source} 恢复到 {database}", source=result.restored_from, database=result.database))
    return EXIT_OK
