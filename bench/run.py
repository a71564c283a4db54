"""``make bench``: planmgr on the county-scale demo set, each figure against a baseline measured
in the same run, written to bench/RESULTS.md with a description of the machine.

    .venv/bin/python bench/run.py [--only 1,3,8] [--repeat N] [--strict]

The dataset (``planmgr demo --size large``) is generated once into bench/out/large.sqlite and
again only when the demo code or its seed data is newer than the file. Figures that write
work on a scratch copy. Subprocesses (start-up, GUI) run offscreen with their own user folder
under bench/out and with byte-code caching on (in bench/out/pycache), as an installed app has.
See bench/README.md for what each figure measures and why its baseline is what it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
DATASET = OUT / "large.sqlite"
RESULTS = BENCH / "RESULTS.md"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(BENCH))

import data_figures as data  # noqa: E402


@dataclass
class Figure:
    number: int
    name: str
    ours: str
    baseline: str
    ratio: float | None
    target: str
    met: bool
    note: str = ""


def say(text: str) -> None:
    print(text, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def sec(seconds: float) -> str:
    return f"{seconds:.2f} s"


# --------------------------------------------------------------------------- set-up


def demo_sources() -> list[Path]:
    services = ROOT / "src" / "planmgr" / "services"
    return [
        *services.glob("demo*.py"),
        *(ROOT / "db" / "seed").rglob("*"),
        *(ROOT / "db" / "migrations").rglob("*.py"),
    ]


def ensure_dataset() -> None:
    newest = max(p.stat().st_mtime for p in demo_sources() if p.is_file())
    if DATASET.exists() and DATASET.stat().st_mtime >= newest:
        say(f"数据集：{DATASET}（已存在，比演示数据代码新）")
        return
    say("生成县级演示数据集（planmgr demo --size large），约需 30–120 秒……")
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "planmgr", "demo", "--size", "large", "--force", "--db", str(DATASET)],
        check=True,
        env=child_env(),
        stderr=subprocess.DEVNULL,
    )
    say(f"数据集已生成：{DATASET}（{time.perf_counter() - started:.0f} 秒）")


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from cached byte code
    env.update(
        PYTHONPYCACHEPREFIX=str(OUT / "pycache"),
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.qpa.*=false",
        PLANMGR_HOME=str(OUT / "home"),
    )
    return env


def machine() -> dict[str, str]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    memory = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "日期": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "CPU": cpu,
        "nproc": str(cores),
        "内存": memory,
        "系统": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Qt / PySide6": f"{qVersion()} / {pyside}",
        "SQLite": sqlite3.sqlite_version,
        "开始时负载（1/5/15 分钟）": load,
    }


def dataset_counts() -> str:
    conn = data.raw(DATASET)
    try:
        counts = {
            label: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for label, table in (("单位", "unit"), ("预案", "plan"), ("演练", "drill"),
                                 ("处置卡", "handling_card"),
                                 ("备案", "filing"))
        }  # fmt: skip
    finally:
        conn.close()
    size = DATASET.stat().st_size / 1024 / 1024
    return "，".join(f"{k} {v:,}" for k, v in counts.items()) + f"；文件 {size:.0f} MB"


# --------------------------------------------------------------------------- 1. start-up


def _first_paint_seconds(argv: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "painted"
        env = {**env, "PLANMGR_BENCH_FIRST_PAINT": str(stamp)}
        started = time.time()
        subprocess.run(
            argv, env=env, check=True, timeout=300, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if not stamp.exists():
            raise RuntimeError(f"no first-paint time written by {argv}")
        return float(stamp.read_text()) - started


def app_has_hook() -> bool:
    return "bench_hooks" in (ROOT / "src" / "planmgr" / "ui" / "app.py").read_text(encoding="utf-8")


def fig_startup(repeat: int) -> Figure:
    env = child_env()
    bare = [sys.executable, str(BENCH / "bare_window.py"), "first-paint", "{stamp}"]
    if app_has_hook():
        ours_argv = [sys.executable, "-m", "planmgr", "gui", "--db", str(DATASET)]
        how = (
            "planmgr gui --db；首帧是打开数据库之前画出的真实主窗口外框（标题、菜单、导航、"
            "状态栏“正在打开数据库……”），数据库和首页随后填入"
        )
    else:
        ours_argv = [sys.executable, str(BENCH / "gui_probe.py"), "first-paint", str(DATASET)]
        how = "gui_probe.py（app.py 尚未安装首帧钩子，经由 planmgr gui 的同一入口启动）"

    def bare_run() -> float:
        with tempfile.TemporaryDirectory() as folder:
            stamp = Path(folder) / "painted"
            argv = [a.replace("{stamp}", str(stamp)) for a in bare]
            started = time.time()
            subprocess.run(
                argv, env=env, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            return float(stamp.read_text()) - started

    _first_paint_seconds(ours_argv, env)  # warm-up: byte-code cache, OS file cache
    bare_run()
    ours, base = [], []
    for _ in range(repeat):
        ours.append(_first_paint_seconds(ours_argv, env))
        base.append(bare_run())
    o, b = statistics.median(ours), statistics.median(base)
    ratio = o / b
    return Figure(
        1,
        "启动到主窗口首次绘制（大数据集）",
        sec(o),
        f"{sec(b)}（空白 PySide6 QMainWindow）",
        ratio,
        "≤ 3×",
        ratio <= 3,
        f"{repeat} 次中位数；planmgr 各次 {', '.join(f'{x:.2f}' for x in ours)} s；{how}",
    )


# --------------------------------------------------------------------------- 2, 8. GUI probe


def gui_probe(repeat: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "gui_probe.py"), "page", str(DATASET), str(repeat)],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"gui_probe failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def fig_plan_page(probe: dict[str, Any]) -> Figure:
    expand, bare = probe["expand_median_s"], probe["bare_median_s"]
    first = probe["expand_s"][0]
    return Figure(
        2,
        f"打开预案体系页并展开有 {probe['town_children']} 个下级预案的乡镇",
        f"展开 {ms(expand)}",
        f"{ms(bare)}（sqlite3 读同样的 {probe['first_batch']} 行"
        " + 空白 QTreeView/QStandardItemModel 展开并绘制）",
        expand / bare,
        "≤ 50 ms",
        expand <= 0.050,
        f"打开页面（含顶层读取和绘制）{ms(probe['open_page_s'])}；首次展开（冷缓存）{ms(first)}；"
        f"各次 {', '.join(f'{x * 1000:.0f}' for x in probe['expand_s'])} ms",
    )


def fig_rss(probe: dict[str, Any]) -> Figure:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bare_window.py"), "rss"],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    bare = json.loads(proc.stdout.strip().splitlines()[-1])["vmhwm_kb"] / 1024
    ours = probe["vmhwm_kb"] / 1024
    return Figure(
        8,
        "打开大数据库的图形界面峰值内存（VmHWM）",
        f"{ours:.0f} MB",
        f"{bare:.0f} MB（空白 PySide6 QMainWindow）",
        ours / bare,
        "≤ 400 MB",
        ours <= 400,
        f"主窗口显示后 {probe['vmhwm_shown_kb'] / 1024:.0f} MB；再打开预案体系页并展开乡镇后 {ours:.0f} MB",
    )


# --------------------------------------------------------------------------- in-process figures


def fig_search() -> list[Figure]:
    figures = []
    for length, m in data.search_latency(DATASET).items():
        x = m.extra
        figures.append(
            Figure(
                3,
                f"搜索 {length} 个字（p50 / p95）",
                f"{ms(x['p50'])} / {ms(x['p95'])}",
                f"{ms(x['base_p50'])} / {ms(x['base_p95'])}（sqlite3 直接执行 FTS5 MATCH … LIMIT 200）",
                x["p95"] / x["base_p95"],
                "p95 ≤ 50 ms",
                x["p95"] <= 0.050,
                f"{x['samples']} 次，命中中位数 {x['median_hits']:.0f} 条（上限 200），"
                f"如 {'、'.join(x['examples'])}",
            )
        )
    return figures


def fig_due(repeat: int) -> Figure:
    m = data.due_list(DATASET, repeat)
    return Figure(
        4,
        "全县到期事项清单",
        sec(m.ours),
        f"{sec(m.base)}（sqlite3 执行同样的 {m.extra['queries']} 条 SQL，读 {m.extra['rows_read']:,} 行）",
        m.ours / m.base,
        "≤ 1 s",
        m.ours <= 1.0,
        f"{m.extra['items']:,} 项",
    )


def fig_cards(repeat: int) -> Figure:
    from bench_cards import baseline, interleaved, make_cards

    from planmgr.reports.card_layout import layout_card
    from planmgr.reports.cards import CardOptions, CardsResult, Layout
    from planmgr.reports.imposition import render_cards, sheet_for

    cards = make_cards(1000)
    sheet = sheet_for(Layout.A4_4UP)
    sizes = [layout_card(c, sheet.face, inset=sheet.border_inset, with_qr=False).size for c in cards]
    with tempfile.TemporaryDirectory() as folder:
        base_pdf, ours_pdf = Path(folder) / "baseline.pdf", Path(folder) / "planmgr.pdf"
        options = CardOptions(layout=Layout.A4_4UP, qr=False)
        (bare, _), (ours, result) = interleaved(
            repeat,
            lambda: baseline(cards, sizes, base_pdf, False),
            lambda: render_cards(cards, ours_pdf, options),
        )
    assert isinstance(result, CardsResult)
    ratio = ours / bare
    return Figure(
        5,
        "1,000 张处置卡（A4 每页 4 张）",
        sec(ours),
        f"{sec(bare)}（ReportLab 直接绘制同样内容，bench/bench_cards.py）",
        ratio,
        "≤ 1.5× 且 ≤ 15 s",
        ratio <= 1.5 and ours <= 15,
        f"{result.pages} 页，{repeat} 轮取最好",
    )


def fig_ledger(repeat: int) -> Figure:
    m = data.ledger_import(DATASET, OUT / "scratch", repeat)
    return Figure(
        6,
        "导入 10,000 行预案台账（xlsx，写入县级数据库副本）",
        sec(m.ours),
        f"{sec(m.base)}（pandas.read_excel(engine='calamine') 读同一文件）",
        m.ours / m.base,
        "≤ 2×",
        m.ours / m.base <= 2,
        f"新增 {m.extra['inserted']:,} 条预案（及版本、评估）",
    )


def fig_package(repeat: int) -> Figure:
    m = data.package_import(DATASET, OUT / "scratch", repeat)
    return Figure(
        7,
        f"导入含 {m.extra['plans']} 个预案的备案包（县级数据库副本）",
        sec(m.ours),
        f"{ms(m.base)}（只打开 ZIP、校验每个文件的 SHA-256、解析 JSON）",
        m.ours / m.base,
        "≤ 2 s",
        m.ours <= 2,
        f"备案包 {m.extra['package_kb']} KB",
    )


# --------------------------------------------------------------------------- report

# Why a figure still misses its target (as last analysed; shown only when it misses).
MISS_NOTES = {
    1: "首帧之前只应导入 PySide6 和 planmgr.ui 的外框（tests/ui/test_startup_order.py 检查"
    "SQLAlchemy、SQLModel、数据模型、qtawesome 和各页面模块都还没有导入）；若又未达标，"
    "先用 python -X importtime 找出首帧之前新进来的导入。",
    3: "p95 贴近 50 ms，随机器负载变化（同一天几次运行：1 个字 p95 30–51 ms，p50 14–26 ms）。"
    "已做：命中超过 500 条时不做 bm25 排序、标题命中在前（原来 ORDER BY rank 单独就要 70–220 ms）；"
    "摘录在 Python 里截取（FTS5 snippet() 对 200 个文档逐个重新分词要 35–65 ms）。"
    "其余时间在 plan_queries.search_plans 把处置卡归到预案、读结果表的 200 行（约 5–12 ms）。",
    4: "9 条集合查询读 12 万行，单是 sqlite3 执行它们就占了一半以上（其中按计划取最近一次演练的查询"
    "要扫描 7.2 万行演练，试过覆盖索引反而更慢）；其余是 domain/due.py 对 2.6 万个预案逐条套用规则。"
    "贴近 1 s，随机器负载变化（同一天几次运行 0.90–1.27 s）。",
    6: "基准只读单元格；导入还要逐格校验、把 1 万行与全县 2.6 万个预案逐一匹配（读入约 0.9 s），"
    "并在一个落盘事务里写入 1 万个预案、1 万个版本、5 千条评估、2.5 万条审计记录和 1 万个检索文档。"
    "本次已从 7.4 s 降到约 4 s（检索索引一次扫描删除、审计记录免去逐值 JSON 试探）；"
    "每行都要审计和建索引时，2× 做不到。",
}


def render(figures: list[Figure], info: dict[str, str], counts: str, seconds: float) -> str:
    lines = [
        "# planmgr 性能基准（make bench）",
        "",
        "由 `bench/run.py` 生成，请勿手工修改；说明见 `bench/README.md`。"
        "比值 = planmgr ÷ 同一次运行中测得的基准。",
        "",
        "## 机器",
        "",
        *(f"- {k}：{v}" for k, v in info.items()),
        f"- 数据集：`planmgr demo --size large`（{counts}）",
        f"- 本次运行用时：{seconds:.0f} 秒",
        "",
        "## 结果",
        "",
        "| # | 项目 | planmgr | 基准 | 比值 | 目标 | 达标 |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        lines.append(
            f"| {f.number} | {f.name} | {f.ours} | {f.baseline} | {ratio} | {f.target} "
            f"| {'是' if f.met else '**否**'} |"
        )
    lines += ["", "## 说明", ""]
    lines += [f"- {f.number}. {f.name}：{f.note}" for f in figures if f.note]
    missed = [f for f in figures if not f.met]
    lines += ["", "## 未达标", ""]
    lines += [
        f"- {f.number}. {f.name}：{f.ours}（目标 {f.target}）。{MISS_NOTES.get(f.number, '')}".rstrip()
        for f in missed
    ] or ["- 无"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="只测这些项目，如 1,3,8")
    parser.add_argument("--repeat", type=int, default=5, help="启动、界面各测几次（默认 5）")
    parser.add_argument("--strict", action="store_true", help="有项目未达标时退出码为 1")
    parser.add_argument("--no-write", action="store_true", help="不写 bench/RESULTS.md")
    args = parser.parse_args()
    wanted = {int(x) for x in args.only.split(",")} if args.only else set(range(1, 9))
    started = time.perf_counter()
    ensure_dataset()
    info = machine()
    figures: list[Figure] = []

    def add(*made: Figure) -> None:
        for figure in made:
            figures.append(figure)
            ratio = f"{figure.ratio:.2f}×" if figure.ratio is not None else ""
            mark = "达标" if figure.met else "未达标"
            say(f"[{figure.number}] {figure.name}：{figure.ours}，基准 {figure.baseline}，{ratio}，"
                f"目标 {figure.target}：{mark}")  # fmt: skip

    if 1 in wanted:
        add(fig_startup(args.repeat))
    if wanted & {2, 8}:
        probe = gui_probe(args.repeat)
        if 2 in wanted:
            add(fig_plan_page(probe))
        if 8 in wanted:
            add(fig_rss(probe))
    if 3 in wanted:
        add(*fig_search())
    if 4 in wanted:
        add(fig_due(3))
    if 5 in wanted:
        add(fig_cards(2))
    if 6 in wanted:
        add(fig_ledger(2))
    if 7 in wanted:
        add(fig_package(2))
    figures.sort(key=lambda f: f.number)
    if hasattr(os, "getloadavg"):
        info["结束时负载（1/5/15 分钟）"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if not args.no_write:
        RESULTS.write_text(
            render(figures, info, dataset_counts(), time.perf_counter() - started), encoding="utf-8"
        )
        say(f"已写入 {RESULTS}")
    missed = [f.number for f in figures if not f.met]
    say(f"未达标：{missed}" if missed else "全部达标")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
