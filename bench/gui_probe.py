"""The planmgr GUI side of figures 1, 2 and 8, run by bench/run.py as a subprocess (offscreen).

gui_probe.py first-paint DB   start planmgr as `planmgr gui --db DB` does, with the first-paint
                              hook (planmgr.ui.bench_hooks) installed even if app.py does not
                              install it yet; PLANMGR_BENCH_FIRST_PAINT names the file
gui_probe.py page DB [N]      start the GUI on DB, open the plan page, expand the town with the
                              most child plans N times (fresh model each time), the same rows
                              in a bare QTreeView as baseline; print JSON with the timings and
                              the peak RSS (VmHWM) — figure 8 reads it after all that
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def vmhwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def first_paint(db: str) -> int:
    from planmgr.cli import main
    from planmgr.ui import app as app_module
    from planmgr.ui import bench_hooks

    original = app_module._application

    def with_hook(qt_args: list[str]) -> Any:
        application = original(qt_args)
        bench_hooks.install_from_env(application)  # a no-op if app.py installed it already
        return application

    app_module._application = with_hook  # type: ignore[assignment]
    return main(["gui", "--db", db])


def _big_town(db: str) -> tuple[str, str, int]:
    """(town plan uid, its parent's uid, live children) of the town plan with most children."""
    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        uid, parent_uid, count = conn.execute(
            "SELECT t.uid, p.uid, (SELECT count(*) FROM plan c WHERE c.parent_id = t.id "
            "AND c.deleted_at IS NULL) AS n FROM plan t JOIN plan p ON p.id = t.parent_id "
            "WHERE t.category = 'town' AND t.deleted_at IS NULL ORDER BY n DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return str(uid), str(parent_uid), int(count)


def _bare_tree_seconds(db: str, town_uid: str, limit: int) -> float:
    """Baseline: the same first batch of child rows, read with sqlite3 into a QStandardItemModel
    and expanded in a bare QTreeView (query, model, layout, paint)."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    started = time.perf_counter()
    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT c.title, c.category, c.status, u.name, v.label FROM plan c "
        "JOIN unit u ON u.id = c.owner_unit_id LEFT JOIN plan_version v ON v.id = c.current_version_id "
        "WHERE c.parent_id = (SELECT id FROM plan WHERE uid = ?) AND c.deleted_at IS NULL "
        "ORDER BY c.category, c.title LIMIT ?",
        (town_uid, limit),
    ).fetchall()
    conn.close()
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["预案名称", "类别", "状态", "编制单位", "版本"])
    town = QStandardItem("town")
    for row in rows:
        town.appendRow([QStandardItem(str(v or "")) for v in row])
    model.appendRow(town)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(1000, 600)
    view.show()
    view.expand(model.index(0, 0))
    view.doItemsLayout()
    view.viewport().repaint()
    seconds = time.perf_counter() - started
    view.close()
    return seconds


def page(db: str, repeat: int) -> int:
    from PySide6.QtWidgets import QApplication

    from planmgr.ui.app import start

    started = start(["--db", db])
    if isinstance(started, int):
        print(json.dumps({"error": f"start-up stopped with exit code {started}"}))
        return 1
    app, window = started
    app.processEvents()
    window.repaint()
    rss_shown = vmhwm_kb()

    began = time.perf_counter()
    window.show_page("plans")
    window.repaint()
    open_seconds = time.perf_counter() - began

    plans_page: Any = window.pages["plans"]
    view, model = plans_page.view, plans_page.model
    town_uid, parent_uid, children = _big_town(db)
    expands = []
    first_batch = 0
    for _ in range(max(1, repeat)):
        plans_page.refresh()  # a fresh lazy model: nothing fetched yet
        QApplication.processEvents()
        parent = model.index_of_uid(parent_uid)
        if not parent.isValid():  # the town's parent is not a top-level plan: open one level
            for row in range(model.rowCount()):
                view.expand(model.index(row, 0))
            parent = model.index_of_uid(parent_uid)
        assert parent.isValid(), "the town's parent plan is not where the bench expects it"
        view.expand(parent)
        view.doItemsLayout()
        town = model.index_of_uid(town_uid)
        began = time.perf_counter()
        view.expand(town)
        view.doItemsLayout()
        view.viewport().repaint()
        expands.append(time.perf_counter() - began)
        first_batch = model.rowCount(town)
    bare = [_bare_tree_seconds(db, town_uid, first_batch) for _ in range(max(1, repeat))]
    result = {
        "open_page_s": open_seconds,
        "expand_s": expands,
        "expand_median_s": statistics.median(expands),
        "bare_s": bare,
        "bare_median_s": statistics.median(bare),
        "town_children": children,
        "first_batch": first_batch,
        "vmhwm_shown_kb": rss_shown,
        "vmhwm_kb": vmhwm_kb(),
    }
    print(json.dumps(result))
    window.close()
    window.database.dispose()
    return 0


if __name__ == "__main__":
    mode, database = sys.argv[1], sys.argv[2]
    if mode == "first-paint":
        raise SystemExit(first_paint(database))
    raise SystemExit(page(database, int(sys.argv[3]) if len(sys.argv) > 3 else 5))
