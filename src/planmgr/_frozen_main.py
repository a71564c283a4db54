"""Entry script of the PyInstaller bundle (``build_installer.spec``).

The bundle has two executables built from this one script: ``planmgr`` (a console
program) and, on Windows, ``planmgr-gui`` (windowed: no console window behind the GUI;
the Start-menu shortcut and the ``.planpkg`` file type start it).

- ``planmgr`` with no arguments opens the GUI; with one argument naming a ``.planpkg``
  file (a filing package, as Explorer passes it) it opens the GUI with that package;
  with a subcommand or option it is the CLI (``planmgr check --db X``).
- ``planmgr-gui`` passes all its arguments to the GUI (it has no console to print to).
- ``planmgr --selftest`` checks that the bundle works, in a temporary folder and without
  touching the user's folders: it creates and migrates a database, imports a units ledger
  (xlsx, written here with openpyxl, read with python-calamine) and a plans ledger (csv),
  creates a handling card for the imported on-site plan and prints it to a PDF with the
  bundled font and a QR code, opens the real GUI start-up path offscreen on that database,
  visits every page, reads the Chinese text back out of the PDF with QtPdf, checks that
  Chinese sorts by pinyin (collation data, trimmed in the Linux bundle), imports every
  planmgr module, and exits 0 only if every step passed and nothing was written to
  stderr or logged as a warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planmgr.domain.i18n import commas, semicolons, tr

if TYPE_CHECKING:
    from sqlalchemy import Engine

PACKAGE_SUFFIX = ".planpkg"
GUI_EXECUTABLE_SUFFIX = "-gui"  # planmgr-gui(.exe): the windowed executable
GUI_TIMEOUT_S = 120.0  # the pages load in the background; a hang fails the self-test instead

SELFTEST_TOWN = "自检镇人民政府"  # zh-only: self-test sample data
SELFTEST_COMPANY = "自检化工有限公司"  # zh-only: self-test sample data
SELFTEST_TOWN_PLAN = "自检镇突发事件总体应急预案"  # zh-only: self-test sample data
SELFTEST_ONSITE_PLAN = "储罐区泄漏现场处置方案"  # zh-only: self-test sample data
SELFTEST_CARD = "储罐区苯乙烯泄漏应急处置卡"  # zh-only: self-test sample data
SELFTEST_STEP = "立即报告当班班长，按下紧急切断按钮"  # zh-only: self-test sample data

# Ledger rows in the contract's columns (DESIGN.md §6): a company below the town (the
# town itself is the database's own unit), then the town's plan and the company's
# on-site plan below it.
UNITS_LEDGER = [  # zh-only: self-test sample data (ledger columns and cells)
    ["单位名称*", "单位类型*", "上级单位", "行业类型", "企业规模", "是否重点企业", "联系人", "联系电话"],
    [SELFTEST_COMPANY, "企业", SELFTEST_TOWN, "危险化学品", "小型", "是", "陈华", "13800138000"],
]
PLANS_LEDGER_CSV = (  # zh-only: self-test sample data (ledger columns and cells)
    "预案名称*,预案类别*,编制单位*,上级预案,事件类型,版本号,发布日期,状态\n"
    f"{SELFTEST_TOWN_PLAN},乡镇（街道）应急预案,{SELFTEST_TOWN},,自然灾害、事故灾难,1.0,2025-03-01,已发布\n"
    f"{SELFTEST_ONSITE_PLAN},现场处置方案,{SELFTEST_COMPANY},{SELFTEST_TOWN_PLAN},"
    "危险化学品事故,1.0,2025年4月1日,已发布\n"
)


class SelftestFailed(Exception):
    """A step found a problem; the message says which (for the person building)."""


@dataclass
class SelftestState:
    folder: Path
    database: Path
    pdf: Path | None = None
    company_uid: str = ""
    plan_uid: str = ""
    warnings: list[str] = field(default_factory=list)


class _WarningCollector(logging.Handler):
    """Every record of WARNING or worse, from our code and from Qt (routed into logging)."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Redirect file descriptor 2 (what C++ code such as Qt prints) and ``sys.stderr``
    into a temporary file; the yielded list holds the text on exit."""
    result: list[str] = []
    if sys.stderr is None:  # the windowed executable has no stderr to check
        yield result
        return
    sys.stderr.flush()
    saved_fd, saved_stream = os.dup(2), sys.stderr
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        sys.stderr = open(os.dup(2), "w", encoding="utf-8", errors="backslashreplace", buffering=1)  # noqa: SIM115
        try:
            yield result
        finally:
            sys.stderr.close()
            sys.stderr = saved_stream
            os.dup2(saved_fd, 2)
            os.close(saved_fd)
            sink.seek(0)
            result.append(sink.read().decode("utf-8", errors="replace"))


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _say(text: str) -> None:
    print(text, flush=True)


def _step(title: str, action: Callable[[], str]) -> None:
    started = time.perf_counter()
    detail = action()
    seconds = time.perf_counter() - started
    _say(tr("{title}：{detail}（{seconds:.1f} 秒）", title=title, detail=detail, seconds=seconds))


# ---------------------------------------------------------------------------- the steps


def _check_database(state: SelftestState) -> str:
    from planmgr.domain.enums import UnitKind
    from planmgr.services.setup import init_database
    from planmgr.store.database import check_database

    result = init_database(state.database, unit_name=SELFTEST_TOWN, unit_kind=UnitKind.TOWN)
    report = check_database(state.database)
    if not report.ok or report.revision != report.head:
        raise SelftestFailed(
            tr(
                "数据库检查未通过（{revision}/{head}；{problems}）",
                revision=report.revision,
                head=report.head,
                problems=report.problems,
            )
        )
    return tr(
        "已创建并升级到结构版本 {revision}（本单位：{unit}）", revision=report.revision, unit=result.unit_name
    )


def _check_english() -> str:
    """The English catalogue travelled with the bundle: a known message reads in English."""
    from planmgr.domain import i18n
    from planmgr.domain.enums import PlanStatus

    entries = len(i18n.catalogue())
    previous = i18n.language()
    chinese = tr("数据库检查未通过（{revision}/{head}；{problems}）", revision=1, head=2, problems="-")
    i18n.set_language("en")
    try:
        sample = tr("数据库检查未通过（{revision}/{head}；{problems}）", revision=1, head=2, problems="-")
        label = PlanStatus.PUBLISHED.text
    finally:
        i18n.set_language(previous)
    if not entries or sample == chinese or label != "Published":
        raise SelftestFailed(tr("英文界面文字缺失（{count} 条）", count=entries))
    return tr("英文消息 {count} 条", count=entries)


def _check_font() -> str:
    from planmgr.reports.fonts import missing_glyphs, register_fonts

    font = register_fonts()
    text = SELFTEST_CARD + SELFTEST_STEP + "应急预案与演练管理第页共"  # zh-only: glyphs the card prints
    missing = missing_glyphs(text)
    if missing:
        raise SelftestFailed(tr("字体 {font} 缺少字符 {chars}", font=font, chars="".join(missing)))
    return tr("{font} 已加载", font=font)


def _import_ledgers(state: SelftestState, engine: Engine) -> str:
    from openpyxl import Workbook

    from planmgr.services.ledger import import_ledger

    units_file = state.folder / "单位台账.xlsx"  # zh-only: self-test sample data
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "单位台账"  # zh-only: ledger sheet name (file format)
    for row in UNITS_LEDGER:
        sheet.append(row)
    workbook.save(units_file)
    plans_file = state.folder / "预案台账.csv"  # zh-only: self-test sample data
    plans_file.write_text(PLANS_LEDGER_CSV, encoding="utf-8-sig")
    parts = []
    for kind, source, expected in (("units", units_file, 1), ("plans", plans_file, 2)):
        report = import_ledger(engine, kind, source)
        if not report.ok or not report.written or report.inserted != expected:
            problems = semicolons(
                tr("第 {row} 行 {column} {message}", row=e.row, column=e.column or "", message=e.message)
                for e in report.errors
            )
            raise SelftestFailed(
                tr(
                    "{file} 导入失败（新增 {inserted} 条，应为 {expected} 条）{problems}",
                    file=source.name,
                    inserted=report.inserted,
                    expected=expected,
                    problems=problems,
                )
            )
        parts.append(tr("{file} 新增 {count} 条", file=source.name, count=report.inserted))
    return commas(parts)


def _print_card(state: SelftestState, engine: Engine) -> str:
    from planmgr.reports.cards import Layout
    from planmgr.services.card_printing import CardSelection, PrintRequest, print_cards
    from planmgr.services.card_queries import plan_choices, unit_choices
    from planmgr.services.cards import CardContactData, CardInput, CardStepData, create_card

    company = next((u for u in unit_choices(engine) if u.name == SELFTEST_COMPANY), None)
    if company is None:
        raise SelftestFailed(tr("导入的单位“{name}”不在单位列表中", name=SELFTEST_COMPANY))
    plan = next((p for p in plan_choices(engine, company.uid) if p.title == SELFTEST_ONSITE_PLAN), None)
    if plan is None or not plan.in_force:
        raise SelftestFailed(tr("导入的预案“{title}”不在该单位的已发布预案中", title=SELFTEST_ONSITE_PLAN))
    state.company_uid, state.plan_uid = company.uid, plan.uid
    card = create_card(
        engine,
        CardInput(
            title=SELFTEST_CARD,
            unit_uid=company.uid,
            plan_uid=plan.uid,
            post="储罐区操作工",  # zh-only: self-test sample data
            place="罐区 T-101 至 T-104",  # zh-only: self-test sample data
            risks="苯乙烯泄漏，遇明火可能引发火灾爆炸",  # zh-only: self-test sample data
            precautions="佩戴空气呼吸器，站在上风向",  # zh-only: self-test sample data
            steps=(
                CardStepData(SELFTEST_STEP, "当班操作工"),  # zh-only: self-test sample data
                CardStepData("启动围堰收集，用沙土覆盖泄漏物", "应急小组"),  # zh-only: self-test sample data
                CardStepData("疏散下风向人员，拨打 119", "班长"),  # zh-only: self-test sample data
            ),
            contacts=(CardContactData("陈华", "13800138000"),),  # zh-only: self-test sample data
        ),
    )
    state.pdf = state.folder / "处置卡.pdf"  # zh-only: self-test sample data
    result = print_cards(
        engine,
        PrintRequest(out=state.pdf, selection=CardSelection(uids=(card.uid,)), layout=Layout.A4_4UP, qr=True),
    )
    if result.missing:
        raise SelftestFailed(tr("处置卡 PDF 缺少字形：{missing}", missing=result.missing))
    head = state.pdf.read_bytes()[:5]
    if head != b"%PDF-" or result.pages < 1:
        raise SelftestFailed(tr("处置卡 PDF 无效：{path}", path=state.pdf))
    return tr(
        "{cards} 张卡、{pages} 页，{size:,} 字节",
        cards=result.cards,
        pages=result.pages,
        size=state.pdf.stat().st_size,
    )


PINYIN_SAMPLE = ["上海", "北京", "广州"]  # zh-only: self-test sample data (code-point order)
PINYIN_ORDER = ["北京", "广州", "上海"]  # zh-only: self-test sample data (bei, guang, shang)


def _open_gui(state: SelftestState) -> str:
    """The real start-up path (``planmgr gui --db``), offscreen; every page shown once; the
    card PDF read back with QtPdf; Chinese sorted by pinyin, as users expect in every table
    (Qt's collation: ICU on Linux, whose data the bundle trims; Windows' own elsewhere)."""
    from planmgr.ui.selftest import run_gui

    assert state.pdf is not None
    run = run_gui(state.database, state.pdf, PINYIN_SAMPLE, GUI_TIMEOUT_S)
    if run.exit_code is not None:
        raise SelftestFailed(tr("主窗口未能打开（退出码 {code}）", code=run.exit_code))
    if run.timed_out:
        raise SelftestFailed(tr("界面后台操作 {seconds:.0f} 秒内未完成", seconds=GUI_TIMEOUT_S))
    if run.page_not_shown is not None:
        raise SelftestFailed(tr("无法切换到页面 {page}", page=run.page_not_shown))
    if run.pdf_text is None:
        raise SelftestFailed(tr("QtPdf 无法打开 {path}", path=state.pdf))
    compact = "".join(run.pdf_text.split())
    for expected in (SELFTEST_CARD, "".join(SELFTEST_STEP.split()), SELFTEST_COMPANY):
        if expected not in compact:
            raise SelftestFailed(
                tr("处置卡 PDF 中读不出“{expected}”（读出：{text}…）", expected=expected, text=compact[:80])
            )
    if run.sorted_sample != PINYIN_ORDER:
        raise SelftestFailed(
            tr("中文排序不是拼音顺序：{ordered}（缺少中文排序规则数据）", ordered=run.sorted_sample)
        )
    if run.errors:
        raise SelftestFailed(tr("界面运行时出现异常：\n{errors}", errors="\n".join(run.errors)))
    if run.dialog_open:
        raise SelftestFailed(tr("界面弹出了对话框"))
    return tr(
        "“{title}”已打开，{pages} 个页面已显示；QtPdf 读回卡片文字 {chars} 字；中文按拼音排序",
        title=run.title,
        pages=run.pages,
        chars=len(compact),
    )


def _import_all_modules() -> str:
    """Import every planmgr module: catches a module, or a library it needs, left out of
    the bundle (the GUI and most commands import lazily inside functions)."""
    import importlib
    import pkgutil

    import planmgr

    broken: dict[str, str] = {}
    count = 0

    def package_failed(name: str) -> None:
        broken.setdefault(name, tr("导入子模块时出错"))

    for info in pkgutil.walk_packages(planmgr.__path__, "planmgr.", onerror=package_failed):
        if info.name.endswith("._frozen_main"):
            continue
        try:
            importlib.import_module(info.name)
            count += 1
        except Exception as error:  # report them all, not just the first
            broken[info.name] = f"{type(error).__name__}: {error}"
    if broken:
        modules = "\n".join(f"  {name}: {error}" for name, error in sorted(broken.items()))
        raise SelftestFailed(tr("以下模块无法导入：\n{modules}", modules=modules))
    return tr("已导入 {count} 个", count=count)


def _run_steps(state: SelftestState) -> None:
    from planmgr import paths
    from planmgr.store.database import open_database

    _say(tr("程序资源：{path}", path=paths.resources_dir()))
    _say(tr("数据库结构脚本：{path}", path=paths.migrations_dir()))
    _step(tr("数据库"), lambda: _check_database(state))
    _step(tr("字体"), _check_font)
    _step(tr("英文"), _check_english)
    database = open_database(state.database)
    try:
        _step(tr("台账导入"), lambda: _import_ledgers(state, database.engine))
        _step(tr("处置卡 PDF"), lambda: _print_card(state, database.engine))
    finally:
        database.dispose()
    _step(tr("主窗口"), lambda: _open_gui(state))
    _step(tr("模块"), _import_all_modules)


def selftest() -> int:
    """Run every step in a temporary folder; 0 only if all pass with a clean stderr."""
    from planmgr import __version__, logs

    _utf8_streams()
    started = time.perf_counter()
    if getattr(sys, "frozen", False):
        _say(tr("planmgr {version} 自检（打包程序）", version=__version__))
    else:
        _say(tr("planmgr {version} 自检（源代码）", version=__version__))
    failure: str | None = None
    warnings: list[str] = []
    collector = _WarningCollector(warnings)
    root = logging.getLogger()
    with tempfile.TemporaryDirectory(prefix="planmgr-selftest-") as name:
        folder = Path(name)
        state = SelftestState(folder=folder, database=folder / "selftest.sqlite", warnings=warnings)
        # The user's folders stay untouched: settings, logs and data go to the temporary one.
        with (
            _environment(PLANMGR_HOME=str(folder / "home"), QT_QPA_PLATFORM="offscreen"),
            captured_stderr() as stderr,
        ):
            root.addHandler(collector)
            try:
                _run_steps(state)
            except SelftestFailed as error:
                failure = str(error)
            except Exception:
                failure = tr("意外错误：\n{traceback}", traceback=traceback.format_exc())
            finally:
                root.removeHandler(collector)
                logs.shutdown_logging()  # Windows cannot delete an open log file
    stray = "".join(stderr).strip()
    if failure is None and stray:
        failure = tr("运行时向标准错误输出了内容：\n{output}", output=stray)
    if failure is None and warnings:
        failure = tr("运行时记录了警告：\n{warnings}", warnings="\n".join(warnings))
    if failure is not None:
        print(tr("自检失败：{failure}", failure=failure), file=sys.stderr, flush=True)
        return 1
    _say(tr("自检通过（共 {seconds:.1f} 秒）", seconds=time.perf_counter() - started))
    return 0


def _utf8_streams() -> None:
    # A Windows console or a pipe may default to the ANSI code page; our messages may be Chinese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------------------- dispatch


def is_gui_executable(executable: str | None = None) -> bool:
    """``planmgr-gui(.exe)``: the windowed executable, which only ever starts the GUI."""
    return Path(executable or sys.executable).stem.lower().endswith(GUI_EXECUTABLE_SUFFIX)


def is_package_argument(args: Sequence[str]) -> bool:
    """One argument naming a filing package: what Explorer passes on a double click."""
    return len(args) == 1 and args[0].lower().endswith(PACKAGE_SUFFIX) and not args[0].startswith("-")


def main(argv: Sequence[str] | None = None, *, executable: str | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--selftest"]:
        return selftest()
    if is_gui_executable(executable) or not args or is_package_argument(args):
        from planmgr.__main__ import gui_main

        # The GUI receives a package as its positional argument (see docs/windows-build.md).
        return gui_main(args)
    from planmgr.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
