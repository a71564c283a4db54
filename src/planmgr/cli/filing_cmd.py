"""``filing``: list filings, register or return them, answer files, forms and statistics.

A filing is answered together with the others of its package (one 备案编号, one notice).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planmgr.cli.common import EXIT_INPUT, EXIT_OK, add_db, db_of, err, paren, print_json, say
from planmgr.domain.enums import FilingStatus
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import join, tr

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from planmgr.services.filing_stats import TownRate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("filing", help=tr("备案：列表、登记、退回补正、答复文件、统计"))
    sub = p.add_subparsers(dest="filing_command", metavar=tr("操作"), required=True, parser_class=type(p))

    c = sub.add_parser("list", help=tr("列出备案（逾期未答复的显示为“视为备案”）"))
    add_db(c)
    c.add_argument("--status", choices=[s.value for s in FilingStatus], help=tr("只列出该状态"))
    c.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help=tr("按该日期判断是否视为备案"))
    c.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    c.set_defaults(func=cmd_list)

    c = sub.add_parser("register", help=tr("登记备案并编号（同一备案包的预案一并登记）"))
    c.add_argument("uid", help=tr("备案标识"))
    add_db(c)
    c.add_argument("--number", help=tr("备案编号（默认按编号规则生成）"))
    c.add_argument("--pdf", type=Path, help=tr("同时输出备案登记表 PDF"))
    c.set_defaults(func=cmd_register)

    c = sub.add_parser("return", help=tr("退回补正，一次性告知全部缺少的材料"))
    c.add_argument("uid", help=tr("备案标识"))
    add_db(c)
    c.add_argument(
        "--missing",
        nargs="+",
        default=[],
        metavar=tr("材料"),
        help=tr("需补正的材料（默认：审查发现的缺项）"),
    )
    c.add_argument("--note", help=tr("说明"))
    c.add_argument("--pdf", type=Path, help=tr("同时输出一次性告知书 PDF"))
    c.set_defaults(func=cmd_return)

    c = sub.add_parser("reply", help=tr("生成答复文件 .planreply（交企业导入）"))
    c.add_argument("uid", help=tr("备案标识"))
    add_db(c)
    c.add_argument("-o", "--output", required=True, type=Path, help=tr("答复文件 .planreply"))
    c.set_defaults(func=cmd_reply)

    c = sub.add_parser("apply-reply", help=tr("导入受理部门的答复文件（企业）"))
    c.add_argument("file", type=Path, help=tr("答复文件 .planreply"))
    add_db(c)
    c.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    c.set_defaults(func=cmd_apply_reply)

    c = sub.add_parser("print", help=tr("打印备案表格 PDF"))
    c.add_argument("uid", help=tr("备案标识"))
    add_db(c)
    c.add_argument(
        "--form",
        required=True,
        choices=["declaration", "check", "registration", "notice"],
        help=tr("declaration 申报表 / check 形式审查表 / registration 登记表 / notice 一次性告知书"),
    )
    c.add_argument("-o", "--output", required=True, type=Path, help=tr("PDF 文件"))
    c.set_defaults(func=cmd_print)

    c = sub.add_parser("stats", help=tr("重点企业和应备案企业的备案率（按乡镇）"))
    add_db(c)
    c.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help=tr("统计日期（默认：今天）"))
    c.add_argument("-o", "--output", type=Path, help=tr("导出为 .xlsx"))
    c.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    c.set_defaults(func=cmd_stats)


@contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Engine]:
    from planmgr.store.database import open_database

    database = open_database(db_of(args))
    try:
        yield database.engine
    finally:
        database.dispose()


def _as_of(text: str | None) -> date:
    from planmgr.cli.due_cmd import parse_as_of

    return parse_as_of(text)


def _form_name(kind: str) -> str:
    """The name of a filing form in the interface language."""
    from planmgr.services.filing_form_data import form_kinds

    return form_kinds().get(kind, kind)


def _write_pdf(engine: Engine, kind: str, uid: str, path: Path | None) -> None:
    from planmgr.services.filing_form_data import checked_form_pdf

    if path is not None:
        data, missing = checked_form_pdf(engine, kind, uid)
        path.write_bytes(data)
        say(tr("已输出{form}：{path}", form=_form_name(kind), path=path))
        if missing:
            err(
                tr(
                    "注意：字体缺少这些字符，它们在{form}上印不出来：{chars}",
                    form=_form_name(kind),
                    chars=join(missing),
                )
            )


def cmd_list(args: argparse.Namespace) -> int:
    from planmgr.services.filing_stats import list_filings

    as_of = _as_of(args.as_of)
    with _engine(args) as engine:
        rows = list_filings(engine, as_of=as_of, status=FilingStatus(args.status) if args.status else None)
    if args.json:
        print_json([row.to_json() for row in rows])
        return EXIT_OK
    if not rows:
        say(tr("没有备案记录。"))
    for row in rows:
        status = row.effective_status.text
        if row.effective_status is FilingStatus.DEEMED_FILED and row.check_due:
            status += tr("（审查期限 {date} 已过）", date=row.check_due.isoformat())
        elif row.effective_status is FilingStatus.SUBMITTED and row.check_due:
            status += tr("（审查期限 {date}）", date=row.check_due.isoformat())
        extra = tr("  编号 {number}", number=row.filing_number) if row.filing_number else ""
        submitted = row.submitted_date.isoformat() if row.submitted_date else "—"
        plan = row.plan_title + paren(_version_text(row.version_label))
        say(
            tr(
                "{uid}  {unit}  {plan}  报送 {submitted}  {status}{extra}",
                uid=row.uid,
                unit=row.unit_name,
                plan=plan,
                submitted=submitted,
                status=status,
                extra=extra,
            )
        )
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import register_filing

    with _engine(args) as engine:
        rows = register_filing(engine, args.uid, number=args.number)
        say(tr("已登记备案，备案编号：{number}", number=rows[0].filing_number))
        for row in rows:
            say(f"  {row.unit_name}  {row.plan_title}{paren(_version_text(row.version_label))}")
        _write_pdf(engine, "registration", args.uid, args.pdf)
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import return_filing

    with _engine(args) as engine:
        rows = return_filing(engine, args.uid, args.missing, note=args.note)
        say(tr("已退回补正（{count} 项预案），一次性告知需补正：", count=len(rows)))
        for item in rows[0].return_notice:
            say(f"  - {item}")
        _write_pdf(engine, "notice", args.uid, args.pdf)
    return EXIT_OK


def cmd_reply(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import export_reply

    if args.output.suffix.lower() != ".planreply":
        raise ValidationError(tr("答复文件名应以 .planreply 结尾：{name}", name=args.output.name))
    with _engine(args) as engine:
        reply = export_reply(engine, args.uid, args.output)
    say(
        tr(
            "已生成答复文件：{path}（{status}，{count} 项预案）",
            path=args.output,
            status=FilingStatus(reply.status).text,
            count=len(reply.filings),
        )
    )
    return EXIT_OK


def cmd_apply_reply(args: argparse.Namespace) -> int:
    from planmgr.exchange.package_schema import PackageRejected
    from planmgr.services.filing_reply import apply_reply

    try:
        with _engine(args) as engine:
            result = apply_reply(engine, args.file)
    except PackageRejected as rejected:
        if args.json:
            print_json(rejected.to_json())
        else:
            err(rejected.message)
        return EXIT_INPUT
    if args.json:
        print_json(
            {
                "ok": True,
                "reason": None,
                "message": tr("已导入答复"),
                "problems": [],
                "filing_uids": list(result.filing_uids),
                "status": result.status.value,
                "filing_number": result.filing_number,
                "date": result.answer_date.isoformat(),
                "missing_items": list(result.missing_items),
                "changed": result.changed,
            }
        )
        return EXIT_OK
    titles = join(result.plan_titles)
    answered = result.answer_date.isoformat()
    if not result.changed:
        say(tr("该答复此前已导入，备案状态未变：{titles}", titles=titles))
    elif result.status is FilingStatus.FILED:
        number = result.filing_number
        say(
            tr(
                "已备案：{titles}，备案编号 {number}，登记日期 {date}",
                titles=titles,
                number=number,
                date=answered,
            )
        )
    else:
        say(tr("退回补正：{titles}（{date}）。需补正：", titles=titles, date=answered))
        for item in result.missing_items:
            say(f"  - {item}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    with _engine(args) as engine:
        _write_pdf(engine, args.form, args.uid, args.output)
    return EXIT_OK


def _rate_json(t: TownRate) -> dict[str, object]:
    return {
        "town_uid": t.town_uid,
        "town_name": t.town_name,
        "key_total": t.key_total,
        "key_filed": t.key_filed,
        "must_total": t.must_total,
        "must_filed": t.must_filed,
    }


def _rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def cmd_stats(args: argparse.Namespace) -> int:
    from planmgr.services.filing_stats import filing_statistics
    from planmgr.services.filing_stats_xlsx import write_statistics_xlsx

    as_of = _as_of(args.as_of)
    with _engine(args) as engine:
        stats = filing_statistics(engine, as_of=as_of)
    if args.output:
        write_statistics_xlsx(stats, args.output)
    if args.json:
        print_json(
            {
                "as_of": as_of.isoformat(),
                "towns": [_rate_json(t) for t in stats.towns],
                "total": _rate_json(stats.total),
                "missing": [
                    {
                        "unit_uid": m.unit_uid,
                        "unit_name": m.unit_name,
                        "town_name": m.town_name,
                        "reason": m.reason,
                    }
                    for m in stats.missing
                ],
            }
        )
        return EXIT_OK
    say(tr("备案率统计（截至 {as_of}；已备案、视为备案均计为已备案）", as_of=as_of.isoformat()))
    for t in [*stats.towns, stats.total]:
        say(
            tr(
                "  {town}：重点企业 {key_filed}/{key_total}（{key_rate}），"
                "应备案企业 {must_filed}/{must_total}（{must_rate}）",
                town=t.town_name,
                key_filed=t.key_filed,
                key_total=t.key_total,
                key_rate=_rate(t.key_rate),
                must_filed=t.must_filed,
                must_total=t.must_total,
                must_rate=_rate(t.must_rate),
            )
        )
    if stats.missing:
        say(tr("未备案企业："))
        for m in stats.missing:
            say(f"  {m.town_name}  {m.unit_name}  {m.reason}")
    if args.output:
        say(tr("已导出：{path}", path=args.output))
    return EXIT_OK


def _version_text(label: str) -> str:
    """'2024版' stays as it is (the user's label); a bare '2.0' reads '第2.0版' ("version 2.0")."""
    named = label.endswith("版")  # zh-only: a version label the user wrote in Chinese
    return label if named else tr("第{label}版", label=label)
