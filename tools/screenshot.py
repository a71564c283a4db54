"""Screenshots of the main window for the documentation (offscreen, no display needed).

    .venv/bin/python tools/screenshot.py                  # the demo database (created in a temp dir)
    .venv/bin/python tools/screenshot.py --db my.sqlite
    .venv/bin/python tools/screenshot.py --page units -o units.png   # one page only

Opens the window as ``planmgr gui`` does and saves ``QWidget.grab()`` as PNG:
docs/screenshot-main.png (预案体系, the top plans expanded) and docs/screenshots/
dashboard.png (首页看板 with the due list), units.png (单位, a high-risk enterprise selected
with its flags), settings.png (设置, the due rules). The window is 1280×720, what a
1366×768 office screen shows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHOTS_DIR = REPO / "docs" / "screenshots"
PAGES = ("dashboard", "units", "settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database to show (default: a fresh demo database)")
    parser.add_argument("--page", help="only this page (dashboard, plans, units, settings, …), saved to -o")
    parser.add_argument("-o", "--output", type=Path, help="where --page is saved")
    parser.add_argument("--out-dir", type=Path, default=SHOTS_DIR, help="folder of the page screenshots")
    parser.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)

    # Before Qt is imported: render offscreen, and keep the user's own settings out of it.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-shot-")
    os.environ["PLANMGR_HOME"] = home.name

    from planmgr.ui import dialogs

    def to_stderr(parent: object, title: str, text: str, details: str | None = None) -> None:
        print(f"{title}: {text}", file=sys.stderr)

    dialogs.error = to_stderr  # no modal dialogs in a headless run
    dialogs.inform = to_stderr

    db = args.db
    if db is None:
        from planmgr.services.demo import create_demo

        db = Path(home.name) / "demo.sqlite"
        create_demo(db, size="small")
    from planmgr.ui.app import start

    started = start(["--db", str(db), "--lang", args.lang])
    if isinstance(started, int):
        return started
    app, window = started
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    if args.page:
        shots = [(args.page, args.output or REPO / "docs" / f"screenshot-{args.page}.png")]
    else:
        shots = [("plans", REPO / "docs" / "screenshot-main.png")]
        shots += [(page, args.out_dir / f"{page}.png") for page in PAGES]
    code = 0
    for key, output in shots:
        window.show_page(key)
        wait_for(app, lambda: not window.ops.busy)  # a page reads its rows in the background
        PREPARE.get(key, lambda _w, _a: None)(window, app)
        settle(app)
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output)):
            print(f"could not write {output}", file=sys.stderr)
            code = 1
            continue
        print(f"saved {output} ({width}×{height}) from {db}")
    window.close()
    home.cleanup()
    return code


def settle(app: Any, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def wait_for(app: Any, ready: Callable[[], bool], seconds: float = 30) -> None:
    """Process events until ``ready()`` (a page reading in the background)."""
    import time

    end = time.monotonic() + seconds
    while not ready() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def prepare_plans(window: Any, app: Any) -> None:
    """The top level of the plan tree open, the first plan selected (where the page has a tree)."""
    page = window.pages["plans"]
    view, model = getattr(page, "view", None), getattr(page, "model", None)
    if view is None or model is None or not hasattr(model, "rowCount"):
        return
    view.doItemsLayout()
    for row in range(model.rowCount()):
        view.expand(model.index(row, 0))
    if model.rowCount():
        view.setCurrentIndex(model.index(0, 0))


def prepare_dashboard(window: Any, app: Any) -> None:
    page = window.pages["dashboard"]
    wait_for(app, lambda: page.data is not None and not page.busy_label.isVisibleTo(page))
    if page.proxy.rowCount():
        page.table.selectRow(0)


def prepare_units(window: Any, app: Any) -> None:
    """A high-risk enterprise selected: its details show the flags its industry sets."""
    from planmgr.services.units import find_units

    page = window.pages["units"]
    enterprises = [u for u in find_units(window.database.engine) if u.high_risk and u.data.key_enterprise]
    if enterprises:
        page.show_unit(enterprises[0].uid)


def prepare_settings(window: Any, app: Any) -> None:
    page = window.pages["settings"]
    page.tabs.setCurrentIndex(1)  # 到期规则
    page.rules_view.selectRow(page.rules_model.row_of("grassroots_evaluation"))


PREPARE: dict[str, Callable[[Any, Any], None]] = {
    "plans": prepare_plans,
    "dashboard": prepare_dashboard,
    "units": prepare_units,
    "settings": prepare_settings,
}


if __name__ == "__main__":
    raise SystemExit(main())
