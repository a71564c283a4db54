"""``package export`` (enterprise) and ``package import`` (office): the filing package.

A rejected package exits 2 and, with ``--json``, prints ``{ok, reason, message, problems}``
(``problems``: every ``{reason, message}`` found); nothing is written then.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planmgr.cli.common import (
    EXIT_DATABASE,
    EXIT_FAILURE,
    EXIT_INPUT,
    EXIT_OK,
    add_db,
    db_of,
    err,
    print_json,
    say,
)
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import join, tr


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("package", help=tr("备案包：企业导出报送，受理部门导入"))
    sub = p.add_subparsers(dest="package_command", metavar=tr("操作"), required=True, parser_class=type(p))

    e = sub.add_parser("export", help=tr("导出备案包（企业）：已发布且尚未报送的预案"))
    add_db(e)
    e.add_argument("--plan", action="append", default=[], metavar="UID", help=tr("只报送这些预案（可重复）"))
    e.add_argument("-o", "--output", required=True, type=Path, help=tr("备案包文件 .planpkg"))
    e.add_argument("--authority", help=tr("受理备案的部门（默认：本单位的上级单位）"))
    e.add_argument(
        "--material",
        action="append",
        default=[],
        metavar=tr("项目=文件"),
        help=tr("附上材料，如 评审意见=评审意见.pdf（可重复）"),
    )
    e.add_argument("--form", type=Path, metavar="PDF", help=tr("同时输出带指纹的备案申报表 PDF"))
    e.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    e.set_defaults(func=cmd_export)

    i = sub.add_parser("import", help=tr("导入备案包（受理部门）：先全部校验，有问题则不写入"))
    i.add_argument("file", type=Path, help=tr("备案包文件 .planpkg"))
    add_db(i)
    i.add_argument("--town", metavar="UID", help=tr("新企业所属的乡镇（街道）单位标识"))
    i.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    i.set_defaults(func=cmd_import)


def _materials(specs: list[str]) -> list[tuple[str, Path]]:
    result = []
    for spec in specs:
        item, sep, name = spec.partition("=")
        if not sep or not item.strip() or not name.strip():
            raise ValidationError(tr("材料参数应写成“项目=文件”：{spec}", spec=spec))
        result.append((item.strip(), Path(name.strip()).expanduser()))
    return result


def cmd_export(args: argparse.Namespace) -> int:
    from planmgr.services.filing_form_data import form_pdf
    from planmgr.services.filings import MaterialInput, export_filing_package
    from planmgr.store.database import open_database

    if args.output.suffix.lower() != ".planpkg":
        raise ValidationError(tr("备案包文件名应以 .planpkg 结尾：{name}", name=args.output.name))
    materials = [
        MaterialInput(item, path.name, path.read_bytes()) for item, path in _materials(args.material)
    ]
    database = open_database(db_of(args))
    try:
        result = export_filing_package(
            database.engine,
            args.output,
            plan_uids=args.plan,
            materials=materials,
            authority_name=args.authority,
        )
        if args.form:
            args.form.write_bytes(form_pdf(database.engine, "declaration", result.filing_uids[0]))
    finally:
        database.dispose()
    if args.json:
        print_json(
            {
                "ok": True,
                "path": str(result.path),
                "package_uid": result.package_uid,
                "fingerprint": result.fingerprint,
                "filing_uids": list(result.filing_uids),
                "plans": list(result.plan_titles),
                "missing_items": list(result.missing_items),
                "previous_package_uid": result.previous_package_uid,
            }
        )
        return EXIT_OK
    say(tr("已导出备案包：{path}（{size} 字节）", path=result.path, size=result.size))
    say(tr("指纹：{fingerprint}（打印在备案申报表上，供受理部门核对）", fingerprint=result.fingerprint))
    say(tr("报送的预案：{plans}", plans=join(result.plan_titles)))
    if result.previous_package_uid:
        say(tr("本次为退回补正后的重新报送（原备案包 {uid}）", uid=result.previous_package_uid))
    if result.missing_items:
        err(tr("注意：以下材料未附文件，受理部门可能退回补正：{items}", items=join(result.missing_items)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from planmgr.exchange.package_schema import PackageRejected
    from planmgr.services.filing_import import import_package
    from planmgr.store.database import open_database
    from planmgr.store.errors import DatabaseProblem

    try:
        database = open_database(db_of(args))
        try:
            result = import_package(database.engine, args.file, town_uid=args.town)
        finally:
            database.dispose()
    except PackageRejected as rejected:
        if args.json:
            print_json(rejected.to_json())
        else:
            err(rejected.message)
        return EXIT_INPUT
    except (DatabaseProblem, ValidationError, OSError) as error:
        if not args.json:
            raise
        reason = "database" if isinstance(error, DatabaseProblem) else "unreadable"
        message = error.message if isinstance(error, ValidationError | DatabaseProblem) else str(error)
        print_json({"ok": False, "reason": reason, "message": message, "problems": []})
        if isinstance(error, DatabaseProblem):
            return EXIT_DATABASE
        return EXIT_INPUT if isinstance(error, ValidationError) else EXIT_FAILURE
    if args.json:
        print_json(result.to_json())
        return EXIT_OK
    created = tr("（新登记）") if result.unit_created else ""
    say(tr("已导入备案包，指纹 {fingerprint}", fingerprint=result.fingerprint))
    say(
        tr(
            "报送单位：{unit}{created}，所属：{town}",
            unit=result.unit_name,
            created=created,
            town=result.town_name or "—",
        )
    )
    say(tr("预案：{plans}", plans=join(result.plan_titles)))
    if result.previous_package_uid:
        say(tr("这是退回补正后的重新报送（原备案包 {uid}）", uid=result.previous_package_uid))
    say(tr("请在 5 个工作日内完成形式审查：planmgr filing register/return"))
    return EXIT_OK
