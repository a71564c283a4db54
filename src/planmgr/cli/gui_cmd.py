"""``gui`` (also what ``planmgr`` with no subcommand does)."""

from __future__ import annotations

import argparse

from planmgr.domain import i18n
from planmgr.domain.i18n import tr


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("gui", help=tr("打开图形界面（默认）"))
    p.add_argument("--db", dest="sub_db", help=tr("数据库文件路径或 URL"))
    p.add_argument(
        "--demo", dest="sub_demo", action="store_true", help=tr("打开演示数据库（首次运行时创建）")
    )
    p.add_argument("--lang", dest="sub_lang", choices=i18n.LANGUAGES, help=tr("界面语言（默认：设置页所选）"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from planmgr.__main__ import gui_main

    db = getattr(args, "sub_db", None) or getattr(args, "db", None)
    demo = bool(getattr(args, "sub_demo", False) or getattr(args, "demo", False))
    # Only a language the user asked for (``--lang``, ``PLANMGR_LANG``) overrides the one
    # chosen on the GUI's settings page.
    lang = getattr(args, "sub_lang", None) or getattr(args, "lang", None)
    argv = []
    if db:
        argv += ["--db", str(db)]
    if demo:
        argv.append("--demo")
    if lang:
        argv += ["--lang", str(lang)]
    package = getattr(args, "package", None)
    if package:
        argv.append(str(package))  # a .planpkg: the GUI opens the filing page and imports it
    return gui_main(argv)
