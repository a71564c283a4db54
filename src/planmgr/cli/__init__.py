"""``planmgr`` command line (DESIGN.md §7).

Exit codes: 0 ok, 1 failure, 2 input rejected, 3 database problem. Messages are Chinese;
``--json`` output keys are English. Each command group lives in its own module with a
``register(subparsers)`` function; ``main`` maps expected errors to their exit codes.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from planmgr import __version__
from planmgr.cli import (
    database_cmds,
    demo_cmd,
    drill_cmd,
    due_cmd,
    filing_cmd,
    gui_cmd,
    ledger_cmd,
    package_cmd,
    print_cmd,
)
from planmgr.cli.common import EXIT_FAILURE, EXIT_INPUT, err
from planmgr.domain.errors import PlanmgrError

# Modules that add subcommands; a later feature adds its module here.
COMMAND_MODULES = [gui_cmd, database_cmds, demo_cmd, due_cmd, drill_cmd, ledger_cmd, package_cmd, filing_cmd,
                    print_cmd]

log = logging.getLogger("planmgr.cli")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage, which is our 'input rejected' code; keep it, in Chinese."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        err(f"参数错误：{message}")
        raise SystemExit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planmgr", description="应急预案与演练管理 planmgr")
    parser.add_argument("--version", action="version", version=f"planmgr {__version__}")
    parser.add_argument("--db", help="数据库文件路径或 URL（默认：用户数据目录中的 planmgr.sqlite）")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库（首次运行时创建）")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _utf8_streams() -> None:
    # Windows consoles default to the ANSI code page; our messages are Chinese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    given = list(sys.argv[1:] if argv is None else argv)
    if len(given) == 1 and given[0].lower().endswith(".planpkg") and not given[0].startswith("-"):
        # A filing package opened from the file manager: the GUI imports it.
        opened = argparse.Namespace(sub_db=None, db=None, sub_demo=False, demo=False, package=given[0])
        return gui_cmd.run(opened)
    parser = build_parser()
    args = parser.parse_args(given)
    if args.command is None:
        args.func = gui_cmd.run
    try:
        return int(args.func(args) or 0)
    except PlanmgrError as error:
        err(error.message)
        return error.exit_code
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error worth a message.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stdout for the rest of the run)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err("已取消")
        return EXIT_FAILURE
    except OSError as error:
        err(f"文件操作失败：{error.strerror or error}（{error.filename or ''}）")
        return EXIT_FAILURE


def entry() -> None:
    raise SystemExit(main())
