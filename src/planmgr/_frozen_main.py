"""Entry script of the PyInstaller bundle (``build_installer.spec``).

``planmgr`` with no arguments opens the GUI; with a subcommand or option it is the CLI
(``planmgr check --db X``); ``planmgr --selftest`` checks that the bundle works: its
resources and migrations are found, a database is created, migrated and checked, the
bundled font loads and every planmgr module (the GUI's too) imports. A later issue
extends the self-test (ledger import, PDF).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path


def selftest() -> int:
    from planmgr import __version__, paths
    from planmgr.domain.enums import UnitKind
    from planmgr.reports.fonts import missing_glyphs, register_fonts
    from planmgr.services.setup import init_database
    from planmgr.store.database import check_database

    print(f"planmgr {__version__} 自检", flush=True)
    print(f"程序资源：{paths.resources_dir()}", flush=True)
    print(f"数据库结构脚本：{paths.migrations_dir()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="planmgr-selftest-") as folder:
        db = Path(folder) / "selftest.sqlite"
        result = init_database(db, unit_name="自检单位", unit_kind=UnitKind.TOWN)
        report = check_database(db)
        if not report.ok or report.revision != report.head:
            print(
                f"自检失败：数据库检查未通过（{report.revision}/{report.head}；{report.problems}）",
                file=sys.stderr,
                flush=True,
            )
            return 1
        print(f"数据库：已创建并升级到结构版本 {report.revision}（本单位：{result.unit_name}）", flush=True)
    font = register_fonts()
    missing = missing_glyphs("应急预案与演练管理")
    if missing:
        print(f"自检失败：字体 {font} 缺少字符 {''.join(missing)}", file=sys.stderr, flush=True)
        return 1
    print(f"字体：{font} 已加载", flush=True)
    broken = _import_all_modules()
    if broken:
        for name, error in broken:
            print(f"自检失败：模块 {name} 无法导入（{error}）", file=sys.stderr, flush=True)
        return 1
    print("自检通过", flush=True)
    return 0


def _import_all_modules() -> list[tuple[str, str]]:
    """Import every planmgr module: catches a module, or a Qt module it needs, left out of
    the bundle (PyInstaller only sees static imports; the GUI is imported lazily)."""
    import importlib
    import pkgutil

    import planmgr

    broken: dict[str, str] = {}
    count = 0

    def package_failed(name: str) -> None:
        broken.setdefault(name, "导入子模块时出错")

    for info in pkgutil.walk_packages(planmgr.__path__, "planmgr.", onerror=package_failed):
        if info.name.endswith("._frozen_main"):
            continue
        try:
            importlib.import_module(info.name)
            count += 1
        except Exception as error:  # report them all, not just the first
            broken[info.name] = f"{type(error).__name__}: {error}"
    print(f"模块：已导入 {count} 个", flush=True)
    return sorted(broken.items())


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--selftest"]:
        return selftest()
    if not args:
        from planmgr.__main__ import gui_main

        return gui_main([])
    from planmgr.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
