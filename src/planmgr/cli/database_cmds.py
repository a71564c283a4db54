"""``init``, ``check``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from planmgr.cli.common import EXIT_DATABASE, EXIT_OK, add_db, db_of, err, say
from planmgr.domain.enums import DatabaseMode, Industry, UnitKind
from planmgr.domain.errors import ValidationError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("init", help="新建数据库并登记本单位")
    add_db(p)
    p.add_argument("--unit-name", required=True, help="本单位名称")
    p.add_argument(
        "--unit-kind", required=True, choices=[k.value for k in UnitKind], help="本单位类型"
    )
    p.add_argument("--uscc", help="统一社会信用代码（企业）")
    p.add_argument("--industry", help="行业类型，如 危险化学品")
    p.add_argument("--mode", choices=[m.value for m in DatabaseMode], help="office 或 enterprise")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("check", help="检查数据库完整性和结构版本")
    add_db(p)
    p.set_defaults(func=cmd_check)

    p = subparsers.add_parser("backup", help="备份数据库")
    add_db(p)
    p.add_argument("--to", type=Path, help="备份到该文件夹（默认：用户数据目录 backups）")
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser("restore", help="从备份恢复数据库（被替换的文件会先保留一份）")
    p.add_argument("backup", type=Path, help="备份文件")
    add_db(p)
    p.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    from planmgr.services.setup import init_database

    industry = None
    if args.industry:
        try:
            industry = Industry.from_label(args.industry)
        except ValueError:
            raise ValidationError(
                f"未知的行业类型：{args.industry}（可选：{'、'.join(Industry.labels())}）"
            ) from None
    result = init_database(
        db_of(args),
        unit_name=args.unit_name,
        unit_kind=UnitKind(args.unit_kind),
        uscc=args.uscc,
        industry=industry,
        mode=DatabaseMode(args.mode) if args.mode else None,
    )
    say(f"已创建数据库：{result.database}")
    say(f"本单位：{result.unit_name}（{result.mode.label}模式）")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from planmgr.store.database import check_database

    report = check_database(db_of(args))
    say(f"结构版本：{report.revision}（程序支持的最新版本：{report.head}）")
    if report.revision != report.head:
        say("结构版本较旧：下次用本程序打开时会先自动备份，再升级。")
    say(
        "记录数："
        + "，".join(f"{_TABLE_LABELS.get(k, k)} {v}" for k, v in report.counts.items())
    )
    if not report.ok:
        for problem in report.problems:
            err(f"问题：{problem}")
        return EXIT_DATABASE
    say("检查通过：数据库完整。")
    return EXIT_OK


_TABLE_LABELS = {
    "unit": "单位",
    "plan": "预案",
    "plan_version": "预案版本",
    "drill": "演练",
    "handling_card": "处置卡",
    "filing": "备案",
}


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
        parts += ["--clean", f"--dbname={parsed.database or ''}", "备份文件.dump"]
    return " ".join(p for p in parts if p)


def cmd_backup(args: argparse.Namespace) -> int:
    from planmgr.store.backup import backup_file
    from planmgr.store.database import open_database
    from planmgr.store.engine import database_url, sqlite_path

    url = database_url(db_of(args))
    if sqlite_path(url) is None:
        # The app copies SQLite files only; a server's backups are its administrator's.
        raise ValidationError(
            "数据库服务器（PostgreSQL）上的数据库不能用本命令备份，"
            "请由服务器管理员用 pg_dump 备份，例如：\n  "
            + _pg_tool_hint(url, "pg_dump")
        )
    database = open_database(url)
    try:
        target = backup_file(database.engine, args.to)
    finally:
        database.dispose()
    say(f"已备份到：{target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from planmgr.store.backup import restore_file
    from planmgr.store.database import check_database, inspect_revision
    from planmgr.store.engine import database_url, sqlite_path
    from planmgr.store.errors import DatabaseProblem

    target = sqlite_path(database_url(db_of(args)))
    if target is None:
        raise ValidationError(
            "恢复备份只适用于本机数据库文件；数据库服务器（PostgreSQL）上的数据库请由服务器管理员用 "
            "pg_restore 从 pg_dump 的备份恢复，例如：\n  "
            + _pg_tool_hint(database_url(db_of(args)), "pg_restore")
        )
    # Refuse a backup from a newer program before touching the current file.
    revision, _ = inspect_revision(database_url(args.backup))
    if revision is None:
        raise DatabaseProblem(f"该文件不是 planmgr 数据库备份：{args.backup}")
    check_database(args.backup)
    result = restore_file(args.backup, target)
    if result.previous_kept_as is not None:
        say(f"原数据库已保留为：{result.previous_kept_as}")
    say(f"已从 {result.restored_from} 恢复到 {result.database}")
    return EXIT_OK
