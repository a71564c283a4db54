"""``drill list`` and ``drill report``: the drills of a unit or year, and their printed forms.

``drill list --json`` prints a list of objects with English keys (``uid, title,
organiser_unit_uid, organiser_unit_name, start, end, status, form, scope, purpose, tags,
plans [{uid, title}], head_count, reported_to_authority, report_required, score_percent``);
``start`` is the drill date (the actual day once done).
``drill report UID -o OUT.pdf`` writes the 演练记录表, with ``--evaluation`` the 演练评估报告.
Exit codes (DESIGN.md §7): 0 ok, 1 failure (e.g. cannot write the file), 2 input rejected
(unknown unit or drill, a drill not yet evaluated), 3 database problem.
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path
from typing import Any

from planmgr.cli.common import EXIT_OK, add_db, db_of, err, paren, print_json, say
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import join, tr


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("drill", help=tr("演练：列出演练、打印演练记录表和评估报告"))
    sub = p.add_subparsers(dest="drill_command", metavar=tr("子命令"), parser_class=type(p))
    sub.required = True

    q = sub.add_parser("list", help=tr("列出演练（按日期）"))
    add_db(q)
    q.add_argument("--unit", metavar="UID", help=tr("只列出该单位组织的演练"))
    q.add_argument("--year", type=_year, metavar="YYYY", help=tr("只列出该年度的演练"))
    q.add_argument("--json", action="store_true", help=tr("输出 JSON（键为英文）"))
    q.set_defaults(func=cmd_list)

    q = sub.add_parser("report", help=tr("生成演练记录表（或评估报告）PDF"))
    q.add_argument("uid", help=tr("演练编号（uid）"))
    add_db(q)
    q.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help=tr("输出的 PDF 文件"))
    q.add_argument("--evaluation", action="store_true", help=tr("生成演练评估报告（默认：演练记录表）"))
    q.set_defaults(func=cmd_report)


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("年度应为四位数字，例如 2025：{text}", text=text)) from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(tr("年度超出范围：{text}", text=text))
    return year


def _to_json(d: Any) -> dict[str, Any]:
    return {
        "uid": d.uid,
        "title": d.title,
        "organiser_unit_uid": d.organiser_unit_uid,
        "organiser_unit_name": d.organiser_unit_name,
        "start": d.start.isoformat(),
        "end": d.end.isoformat() if d.end else None,
        "status": d.status.value,
        "form": d.form.value,
        "scope": d.scope.value,
        "purpose": d.purpose.value,
        "tags": list(d.tags),
        "plans": [{"uid": p.uid, "title": p.title} for p in d.plans],
        "head_count": d.head_count,
        "reported_to_authority": d.reported_to_authority,
        "report_required": d.report_required,
        "score_percent": d.score_percent,
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def cmd_list(args: argparse.Namespace) -> int:
    from planmgr.services.drill_lists import list_drills
    from planmgr.store.database import open_database

    database = open_database(db_of(args))
    try:
        drills = list_drills(database.engine, unit_uid=args.unit, year=args.year)
    finally:
        database.dispose()
    if args.json:
        print_json([_to_json(d) for d in drills])
        return EXIT_OK
    if not drills:
        say(tr("尚无演练记录。"))
        return EXIT_OK
    headers = (tr("日期"), tr("状态"), tr("演练名称"), tr("组织单位"), tr("形式"), tr("演练编号"))
    rows = []
    for d in drills:
        unreported = d.report_required and d.status.value == "done" and not d.reported_to_authority
        rows.append((
            d.start.isoformat(),
            d.status.text + (tr("（未报送）") if unreported else ""),
            d.title,
            d.organiser_unit_name,
            d.form.text + paren(join(d.tags)),
            d.uid,
        ))  # fmt: skip
    widths = [max(_width(r[i]) for r in [headers, *rows]) for i in range(len(headers) - 1)]
    for row in [headers, *rows]:
        say("  ".join([*(_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])), row[-1]]))
    say(tr("合计 {count} 次演练。", count=len(drills)))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from planmgr.reports.drill_forms import drill_evaluation_pdf, drill_record_pdf, missing_in
    from planmgr.services.drill_printing import evaluation_form, record_form
    from planmgr.store.database import open_database

    output: Path = args.output.expanduser()
    if output.suffix.lower() != ".pdf":
        raise ValidationError(tr("输出文件应以 .pdf 结尾：{path}", path=output))
    database = open_database(db_of(args))
    try:
        if args.evaluation:
            form = evaluation_form(database.engine, args.uid)
            data = drill_evaluation_pdf(form)
            what = tr("演练评估报告")
            missing = missing_in(form)
        else:
            record = record_form(database.engine, args.uid)
            data = drill_record_pdf(record)
            what = tr("演练记录表")
            missing = missing_in(record)
    finally:
        database.dispose()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    if missing:
        err(tr("注意：字体中没有这些字符，打印出来会是空白：{chars}", chars=" ".join(missing)))
    say(tr("已生成{what}：{path}", what=what, path=output))
    return EXIT_OK
