"""``planmgr`` command line (DESIGN.md §7).

Exit codes: 0 ok, 1 failure, 2 input rejected, 3 database problem. Messages, help and tables
speak the interface language: ``--lang zh_CN|en`` before the subcommand, else the
``PLANMGR_LANG`` environment variable, else Chinese (planmgr.domain.i18n); ``--json`` output
keys are English either way. Each command group lives in its own module with a
``register(subparsers)`` function; ``main`` maps expected errors to their exit codes.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence

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
from planmgr.domain import i18n
from planmgr.domain.errors import PlanmgrError
from planmgr.domain.i18n import tr

# Modules that add subcommands; a later feature adds its module here.
COMMAND_MODULES = [
    gui_cmd,
    database_cmds,
    demo_cmd,
    due_cmd,
    drill_cmd,
    ledger_cmd,
    package_cmd,
    filing_cmd,
    print_cmd,
]

LANG_ENV = "PLANMGR_LANG"
LANG_OPTION = "--lang"
_VALUED_OPTIONS = ("--db",)  # global options that take the next word (besides --lang)

log = logging.getLogger("planmgr.cli")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage, which is our 'input rejected' code; keep it, in our words."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        err(tr("参数错误：{message}", message=message))
        raise SystemExit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """The parser in the current language (help texts are translated as they are added)."""
    parser = _Parser(prog="planmgr", description=tr("应急预案与演练管理 planmgr"))
    parser.add_argument("--version", action="version", version=f"planmgr {__version__}")
    parser.add_argument(
        LANG_OPTION,
        dest="lang",
        choices=i18n.LANGUAGES,
        help=tr("界面语言：zh_CN（简体中文，默认）或 en（英文）；也可用环境变量 PLANMGR_LANG 指定"),
    )
    parser.add_argument("--db", help=tr("数据库文件路径或 URL（默认：用户数据目录中的 planmgr.sqlite）"))
    parser.add_argument("--demo", action="store_true", help=tr("打开演示数据库（首次运行时创建）"))
    subparsers = parser.add_subparsers(dest="command", metavar=tr("命令"), parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    _describe_subcommands(parser)
    return parser


def _describe_subcommands(parser: argparse.ArgumentParser) -> None:
    """``planmgr check --help`` opens with what ``planmgr --help`` says of ``check``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                if sub.description is None:
                    sub.description = helps.get(name)
                _describe_subcommands(sub)


def _is_lang_option(name: str) -> bool:
    # ``--lang`` or an abbreviation argparse accepts for it (no other global option starts "--l").
    return len(name) >= 3 and LANG_OPTION.startswith(name)


def scan_language(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The ``--lang`` value among the global options (those before the subcommand; the last
    one wins, as in argparse) and ``argv`` without it.  Read before the parser is built, so
    that the help texts are in that language.  A ``--lang`` with no value is left in place
    for argparse to refuse."""
    lang: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--" or not word.startswith("-"):
            rest += argv[i:]  # the subcommand (or a .planpkg) and everything after it
            break
        name, has_value, value = word.partition("=")
        if _is_lang_option(name) and (has_value or i + 1 < len(argv)):
            lang = value if has_value else argv[i + 1]
            i += 1 if has_value else 2
            continue
        rest.append(word)
        if name in _VALUED_OPTIONS and not has_value and i + 1 < len(argv):
            rest.append(argv[i + 1])
            i += 1
        i += 1
    return lang, rest


class UnknownLanguage(ValueError):
    """A ``--lang`` or ``PLANMGR_LANG`` value planmgr does not speak."""

    def __init__(self, value: str, source: str) -> None:
        super().__init__(value)
        self.value = value
        self.source = source  # LANG_OPTION or LANG_ENV


def refusal(unknown: UnknownLanguage) -> str:
    """One line in both languages: no language is chosen yet when this is said."""
    choices = " / ".join(i18n.LANGUAGES)
    value = unknown.value
    if unknown.source == LANG_ENV:
        zh = f"环境变量 {LANG_ENV} 的值“{value}”不是可用的界面语言（可选：{choices}）"  # zh-only: bilingual
        en = f'{LANG_ENV}="{value}" is not a language planmgr speaks (choose {choices})'
    else:
        zh = f"未知的界面语言“{value}”（可选：{choices}）"  # zh-only: bilingual, before a language is chosen
        en = f'unknown language "{value}" for {LANG_OPTION} (choose {choices})'
    return f"planmgr: {zh} / {en}"


def chosen_language(option: str | None, environ: Mapping[str, str]) -> str | None:
    """The language the user asked for: ``--lang``, else ``PLANMGR_LANG`` (an empty variable
    counts as unset); ``None`` when neither says.  ``UnknownLanguage`` for anything else."""
    if option is not None:
        if option not in i18n.LANGUAGES:
            raise UnknownLanguage(option, LANG_OPTION)
        return option
    variable = environ.get(LANG_ENV, "").strip()
    if not variable:
        return None
    if variable not in i18n.LANGUAGES:
        raise UnknownLanguage(variable, LANG_ENV)
    return variable


def _utf8_streams() -> None:
    # Windows consoles default to the ANSI code page; our messages may be Chinese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    given = list(sys.argv[1:] if argv is None else argv)
    argv_lang, without_lang = scan_language(given)
    try:
        lang = chosen_language(argv_lang, os.environ)
    except UnknownLanguage as unknown:
        err(refusal(unknown))
        return EXIT_INPUT
    previous = i18n.language()
    i18n.set_language(lang or i18n.DEFAULT_LANGUAGE)
    try:
        return _run(given, without_lang, lang)
    finally:
        i18n.set_language(previous)  # a caller in the same process (tests) keeps its own


def _run(given: list[str], without_lang: list[str], lang: str | None) -> int:
    package = without_lang[0] if len(without_lang) == 1 else ""
    if package.lower().endswith(".planpkg") and not package.startswith("-"):
        # A filing package opened from the file manager: the GUI imports it.
        opened = argparse.Namespace(
            sub_db=None, db=None, sub_demo=False, demo=False, sub_lang=None, package=package, lang=lang
        )
        return gui_cmd.run(opened)
    parser = build_parser()
    args = parser.parse_args(given)
    args.lang = lang  # what the user asked for, by option or environment; None: not said
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
        err(tr("已取消"))
        return EXIT_FAILURE
    except OSError as error:
        err(tr("文件操作失败：{reason}（{file}）", reason=error.strerror or error, file=error.filename or ""))
        return EXIT_FAILURE


def entry() -> None:
    raise SystemExit(main())
