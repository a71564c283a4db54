"""``print``: handling cards and the concise manual as PDF (DESIGN.md §5, §7).

    planmgr print cards --db X (--plan UID | --unit UID | --all) [--layout a6|a4-4up|a5-2up] [--qr] -o OUT.pdf
    planmgr print manual --db X --plan UID -o OUT.pdf

Exit 2 for an unknown uid or when there is no card to print. Stale cards (their plan has
a newer version) and characters the font cannot print are warned about on stderr; the
PDF is still written, with 〓 where a character is missing.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from planmgr.cli.common import EXIT_OK, add_db, db_of, err, say
from planmgr.domain.i18n import join, tr

LAYOUTS = ("a6", "a4-4up", "a5-2up")
_LISTED = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("print", help=tr("打印应急处置卡和简明操作手册（PDF）"))
    sub = p.add_subparsers(dest="print_what", metavar=tr("对象"), required=True, parser_class=type(p))

    cards = sub.add_parser("cards", help=tr("打印应急处置卡"))
    add_db(cards)
    which = cards.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", metavar="UID", help=tr("打印该预案的全部处置卡"))
    which.add_argument("--unit", metavar="UID", help=tr("打印该单位的全部处置卡"))
    which.add_argument("--all", action="store_true", help=tr("打印数据库中的全部处置卡"))
    cards.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="a4-4up",
        help=tr("版式：a6 单张；a4-4up 每张 A4 四张（默认）；a5-2up 每张 A5 两张"),
    )
    cards.add_argument("--qr", action="store_true", help=tr("在卡上印二维码（处置卡编号、版本、名称）"))
    cards.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=tr("输出的 PDF 文件"))
    cards.set_defaults(func=cmd_cards)

    manual = sub.add_parser("manual", help=tr("打印预案的简明操作手册"))
    add_db(manual)
    manual.add_argument("--plan", required=True, metavar="UID", help=tr("预案 UID"))
    manual.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=tr("输出的 PDF 文件"))
    manual.set_defaults(func=cmd_manual)


def _warn_list(title: str, items: Sequence[str]) -> None:
    err(tr("警告：{title}（{count} 项）：", title=title, count=len(items)))
    for item in items[:_LISTED]:
        err(f"  {item}")
    if len(items) > _LISTED:
        err(tr("  …… 另有 {count} 项", count=len(items) - _LISTED))


def _warn_missing(missing: Sequence[object]) -> None:
    from planmgr.reports.cards import MissingGlyph

    glyphs = [m for m in missing if isinstance(m, MissingGlyph)]
    if glyphs:
        lines = [
            tr(
                "“{char}”（{codepoint}）见：{places}",
                char=g.char,
                codepoint=g.codepoint,
                places=join(g.where[:3]),
            )
            for g in glyphs
        ]
        _warn_list(tr("字体中没有以下字符，PDF 中以“〓”代替，请改用常用字或手写补上"), lines)


def cmd_cards(args: argparse.Namespace) -> int:
    from planmgr.reports.cards import Layout
    from planmgr.services.card_printing import CardSelection, PrintRequest, print_cards
    from planmgr.store.database import open_database

    out = Path(args.output).expanduser()
    selection = CardSelection(plan_uid=args.plan, unit_uid=args.unit, all_cards=bool(args.all))
    request = PrintRequest(out=out, selection=selection, layout=Layout(args.layout), qr=bool(args.qr))
    database = open_database(db_of(args))
    try:
        result = print_cards(database.engine, request)
    finally:
        database.dispose()
    if result.stale:
        _warn_list(tr("以下处置卡依据的预案已有新版本，内容可能过时，请核对后更新"), list(result.stale))
    _warn_missing(result.missing)
    if result.continued:
        _warn_list(tr("以下处置卡内容较多，已接续印在多张卡面上（标“续”）"), list(result.continued))
    say(
        tr(
            "已生成 {path}：处置卡 {cards} 张，卡面 {faces} 面，共 {pages} 页。",
            path=out,
            cards=result.cards,
            faces=result.faces,
            pages=result.pages,
        )
    )
    return EXIT_OK


def cmd_manual(args: argparse.Namespace) -> int:
    from planmgr.services.card_printing import print_manual
    from planmgr.store.database import open_database

    out = Path(args.output).expanduser()
    database = open_database(db_of(args))
    try:
        result = print_manual(database.engine, args.plan, out)
    finally:
        database.dispose()
    if result.stale_cards:
        _warn_list(tr("手册所附处置卡中以下各张依据的预案已有新版本，请核对后更新"), list(result.stale_cards))
    _warn_missing(result.missing)
    say(
        tr(
            "已生成 {path}：简明操作手册共 {pages} 页，附处置卡 {cards} 张。",
            path=out,
            pages=result.pages,
            cards=result.cards,
        )
    )
    return EXIT_OK
