"""``demo``: create the demo database (Kaiping City plan system)."""

from __future__ import annotations

import argparse
import time

from planmgr.cli.common import EXIT_OK, add_db, db_of, err, say


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("demo", help="创建演示数据库（开平市预案体系）")
    add_db(p)
    p.add_argument(
        "--size", choices=["small", "large"], default="small", help="small：一个市；large：县级服务器规模"
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from planmgr.services.demo import create_demo

    def progress(stage: str, done: int, total: int) -> None:
        if args.size == "large" and stage != "完成":
            err(f"{stage} {done}/{total}")

    started = time.perf_counter()
    summary = create_demo(db_of(args), size=args.size, force=args.force, progress=progress)
    say(f"已创建演示数据库：{summary.database}（用时 {time.perf_counter() - started:.1f} 秒）")
    say("，".join(f"{label} {count}" for label, count in summary.counts.items()))
    return EXIT_OK
