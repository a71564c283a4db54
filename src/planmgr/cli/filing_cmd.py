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

from planmgr.cli.common import EXIT_INPUT, EXIT_OK, add_db, db_of, err, print_json, say
from planmgr.domain.enums import FilingStatus
from planmgr.domain.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from planmgr.services.filing_stats import TownRate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("filing", help="备案：列表、登记、退回补正、答复文件、统计")
    sub = p.add_subparsers(dest="filing_command", metavar="操作", required=True)

    c = sub.add_parser("list", help="列出备案（逾期未答复的显示为“视为备案”）")
    add_db(c)
    c.add_argument("--status", choices=[s.value for s in FilingStatus], help="只列出该状态")
    c.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="按该日期判断是否视为备案")
    c.add_argument("--json", action="store_true", help="输出 JSON（键为英文）")
    c.set_defaults(func=cmd_list)

    c = sub.add_parser("register", help="登记备案并编号（同一备案包的预案一并登记）")
    c.add_argument("uid", help="备案标识")
    add_db(c)
    c.add_argument("--number", help="备案编号（默认按编号规则生成）")
    c.add_argument("--pdf", type=Path, help="同时输出备案登记表 PDF")
    c.set_defaults(func=cmd_register)

    c = sub.add_parser("return", help="退回补正，一次性告知全部缺少的材料")
    c.add_argument("uid", help="备案标识")
    add_db(c)
    c.add_argument(
        "--missing", nargs="+", default=[], metavar="材料", help="需补正的材料（默认：审查发现的缺项）"
    )
    c.add_argument("--note", help="说明")
    c.add_argument("--pdf", type=Path, help="同时输出一次性告知书 PDF")
    c.set_defaults(func=cmd_return)

    c = sub.add_parser("reply", help="生成答复文件 .planreply（交企业导入）")
    c.add_argument("uid", help="备案标识")
    add_db(c)
    c.add_argument("-o", "--output", required=True, type=Path, help="答复文件 .planreply")
    c.set_defaults(func=cmd_reply)

    c = sub.add_parser("apply-reply", help="导入受理部门的答复文件（企业）")
    c.add_argument("file", type=Path, help="答复文件 .planreply")
    add_db(c)
    c.add_argument("--json", action="store_true", help="输出 JSON（键为英文）")
    c.set_defaults(func=cmd_apply_reply)

    c = sub.add_parser("print", help="打印备案表格 PDF")
    c.add_argument("uid", help="备案标识")
    add_db(c)
    c.add_argument(
        "--form",
        required=True,
        choices=["declaration", "check", "registration", "notice"],
        help="declaration 申报表 / check 形式审查表 / registration 登记表 / notice 一次性告知书",
    )
    c.add_argument("-o", "--output", required=True, type=Path, help="PDF 文件")
    c.set_defaults(func=cmd_print)

    c = sub.add_parser("stats", help="重点企业和应备案企业的备案率（按乡镇）")
    add_db(c)
    c.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="统计日期（默认：今天）")
    c.add_argument("-o", "--output", type=Path, help="导出为 .xlsx")
    c.add_argument("--json", action="store_true", help="输出 JSON（键为英文）")
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


def _write_pdf(engine: Engine, kind: str, uid: str, path: Path | None) -> None:
    from planmgr.services.filing_stats import FORM_KINDS, checked_form_pdf

    if path is not None:
        data, missing = checked_form_pdf(engine, kind, uid)
        path.write_bytes(data)
        say(f"已输出{FORM_KINDS[kind]}：{path}")
        if missing:
            err(f"注意：字体缺少这些字符，它们在{FORM_KINDS[kind]}上印不出来：{'、'.join(missing)}")


def cmd_list(args: argparse.Namespace) -> int:
    from planmgr.services.filing_stats import list_filings

    as_of = _as_of(args.as_of)
    with _engine(args) as engine:
        rows = list_filings(engine, as_of=as_of, status=FilingStatus(args.status) if args.status else None)
    if args.json:
        print_json([row.to_json() for row in rows])
        return EXIT_OK
    if not rows:
        say("没有备案记录。")
    for row in rows:
        status = row.effective_status.label
        if row.effective_status is FilingStatus.DEEMED_FILED and row.check_due:
            status += f"（审查期限 {row.check_due.isoformat()} 已过）"
        elif row.effective_status is FilingStatus.SUBMITTED and row.check_due:
            status += f"（审查期限 {row.check_due.isoformat()}）"
        extra = f"  编号 {row.filing_number}" if row.filing_number else ""
        submitted = row.submitted_date.isoformat() if row.submitted_date else "—"
        plan = f"{row.plan_title}（{_version_text(row.version_label)}）"
        say(f"{row.uid}  {row.unit_name}  {plan}  报送 {submitted}  {status}{extra}")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import register_filing

    with _engine(args) as engine:
        rows = register_filing(engine, args.uid, number=args.number)
        say(f"已登记备案，备案编号：{rows[0].filing_number}")
        for row in rows:
            say(f"  {row.unit_name}  {row.plan_title}（{_version_text(row.version_label)}）")
        _write_pdf(engine, "registration", args.uid, args.pdf)
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import return_filing

    with _engine(args) as engine:
        rows = return_filing(engine, args.uid, args.missing, note=args.note)
        say(f"已退回补正（{len(rows)} 项预案），一次性告知需补正：")
        for item in rows[0].return_notice:
            say(f"  - {item}")
        _write_pdf(engine, "notice", args.uid, args.pdf)
    return EXIT_OK


def cmd_reply(args: argparse.Namespace) -> int:
    from planmgr.services.filing_reply import export_reply

    if args.output.suffix.lower() != ".planreply":
        raise ValidationError(f"答复文件名应以 .planreply 结尾：{args.output.name}")
    with _engine(args) as engine:
        reply = export_reply(engine, args.uid, args.output)
    say(f"已生成答复文件：{args.output}（{FilingStatus(reply.status).label}，{len(reply.filings)} 项预案）")
    return EXIT_OK


def cmd_apply_reply(args: argparse.Namespace) -> int:
    from planmgr.exchange.package import PackageRejected
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
                "message": "已导入答复",
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
    titles = "、".join(result.plan_titles)
    if not result.changed:
        say(f"该答复此前已导入，备案状态未变：{titles}")
    elif result.status is FilingStatus.FILED:
        say(f"已备案：{titles}，备案编号 {result.filing_number}，登记日期 {result.answer_date.isoformat()}")
    else:
        say(f"退回补正：{titles}（{result.answer_date.isoformat()}）。需补正：")
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
    from planmgr.services.filing_stats import filing_statistics, write_statistics_xlsx

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
    say(f"备案率统计（截至 {as_of.isoformat()}；已备案、视为备案均计为已备案）")
    for t in [*stats.towns, stats.total]:
        say(
            f"  {t.town_name}：重点企业 {t.key_filed}/{t.key_total}（{_rate(t.key_rate)}），"
            f"应备案企业 {t.must_filed}/{t.must_total}（{_rate(t.must_rate)}）"
        )
    if stats.missing:
        say("未备案企业：")
        for m in stats.missing:
            say(f"  {m.town_name}  {m.unit_name}  {m.reason}")
    if args.output:
        say(f"已导出：{args.output}")
    return EXIT_OK


def _version_text(label: str) -> str:
    """'2024版' stays as it is; a bare '2.0' reads '第2.0版'."""
    return label if label.endswith("版") else f"第{label}版"
