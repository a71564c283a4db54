"""``demo``: create the demo database (Kaiping City plan system)."""

from __future__ import annotations

import argparse
import time

from planmgr.cli.common import EXIT_OK, add_db, db_of, err, say
from planmgr.domain.i18n import commas, tr

# The demo service (services/demo.py, sample data) names its last progress stage so.
_DONE_STAGE = "完成"  # zh-only: the demo service's stage name, compared, not shown


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("demo", help=tr("创建演示数据库（开平市预案体系）"))
    add_db(p)
    p.add_argument(
        "--size", choices=["small", "large"], default="small", help=tr("small：一个市；large：县级服务器规模")
    )
    p.add_argument("--force", action="store_true", help=tr("覆盖已存在的文件"))
    p.set_defaults(func=cmd_demo)


def _stage(text: str) -> str:
    """A progress stage of the demo service (sample data, named in Chinese) in the interface
    language; one it does not know (or one already translated) as it is."""
    match text:
        case "生成演示数据":  # zh-only: the demo service's stage name
            return tr("生成演示数据")
        case "生成并写入企业数据":  # zh-only: the demo service's stage name
            return tr("生成并写入企业数据")
    return text


def _count(label: str, count: int) -> str:
    """A row count of the demo service's summary (keyed by Chinese labels) in words, "单位 3"."""
    match label:
        case "单位":  # zh-only: the demo service's count label
            return tr("单位 {count}", count=count)
        case "企业":  # zh-only: the demo service's count label
            return tr("企业 {count}", count=count)
        case "预案":  # zh-only: the demo service's count label
            return tr("预案 {count}", count=count)
        case "预案版本":  # zh-only: the demo service's count label
            return tr("预案版本 {count}", count=count)
        case "评估":  # zh-only: the demo service's count label
            return tr("评估 {count}", count=count)
        case "演练":  # zh-only: the demo service's count label
            return tr("演练 {count}", count=count)
        case "处置卡":  # zh-only: the demo service's count label
            return tr("处置卡 {count}", count=count)
        case "备案":  # zh-only: the demo service's count label
            return tr("备案 {count}", count=count)
        case "问题":  # zh-only: the demo service's count label
            return tr("问题 {count}", count=count)
        case "整改措施":  # zh-only: the demo service's count label
            return tr("整改措施 {count}", count=count)
    return f"{label} {count}"


def cmd_demo(args: argparse.Namespace) -> int:
    from planmgr.services.demo import create_demo

    def progress(stage: str, done: int, total: int) -> None:
        if args.size == "large" and stage not in (_DONE_STAGE, tr("完成")):
            err(f"{_stage(stage)} {done}/{total}")

    started = time.perf_counter()
    summary = create_demo(db_of(args), size=args.size, force=args.force, progress=progress)
    seconds = time.perf_counter() - started
    say(
        tr(
            "已创建演示数据库：{database}（用时 {seconds:.1f} 秒）",
            database=summary.database,
            seconds=seconds,
        )
    )
    say(commas(_count(label, count) for label, count in summary.counts.items()))
    return EXIT_OK
