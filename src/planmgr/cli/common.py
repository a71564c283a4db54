"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from planmgr import paths
from planmgr.domain.i18n import is_english, tr

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INPUT = 2
EXIT_DATABASE = 3


def say(text: str = "") -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def paren(text: str) -> str:
    """An aside after a word: "（…）" in Chinese, " (…)" in English; nothing for no text."""
    if not text:
        return ""
    return f" ({text})" if is_english() else f"（{text}）"


def add_db(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--db`` on a subcommand (also accepted before the subcommand)."""
    parser.add_argument(
        "--db",
        dest="sub_db",
        required=False,
        help=tr("数据库文件路径，或 postgresql+psycopg://用户@主机/库名"),
    )
    parser.set_defaults(db_required=required)


def db_of(args: argparse.Namespace) -> str:
    """The database the user named (subcommand ``--db`` wins), else the default file."""
    db = getattr(args, "sub_db", None) or getattr(args, "db", None)
    if db:
        return str(db)
    if getattr(args, "db_required", False):
        from planmgr.domain.errors import ValidationError

        raise ValidationError(tr("请用 --db 指定数据库文件"))
    return str(paths.default_database())


def existing_file(text: str) -> Path:
    return Path(text).expanduser()
