"""Screenshots of the 演练 page and its dialogs on the demo database (offscreen, no display needed).

    .venv/bin/python tools/screens_drills.py                 # docs/screenshots/drills-*.png
    .venv/bin/python tools/screens_drills.py --db my.sqlite --out /tmp/shots

Opens the window as ``planmgr gui`` does at an office-screen size, shows the drill plan,
the month calendar, the corrective actions, and the drill editor's tabs on the demo's
improvement-loop drill, then the evaluation templates dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVALUATED = "危险化学品泄漏事故应急演练"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database to show (default: a fresh demo database)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument(
        "--size", default="1366x728", help="window size, WIDTHxHEIGHT (1366×768 less a task bar)"
    )
    args = parser.parse_args(argv)

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

    started = start(["--db", str(db)])
    if isinstance(started, int):
        return started
    app, window = started
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        deadline = time.monotonic() + 30
        while window.ops.busy and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    def save(widget: object, name: str) -> None:
        settle()
        path = args.out / f"drills-{name}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise SystemExit(f"could not write {path}")
        print(f"saved {path}")

    window.show_page("drills")
    settle()
    page = window.pages["drills"]
    page.table.selectRow(0)
    save(window, "plan")

    page.tabs.setCurrentWidget(page.month)
    with_drills = max(
        page.month.calendar.by_day,
        key=lambda d: (d.month == page.today.month, len(page.month.calendar.by_day[d])),
        default=None,
    )
    if with_drills is not None:
        page.month.calendar.setCurrentPage(with_drills.year, with_drills.month)
        page.month.show_day(with_drills)
    save(window, "month")

    page.tabs.setCurrentWidget(page.actions_panel)
    page.actions_panel.show_closed.setChecked(True)
    panel = page.actions_panel
    overdue = [panel.proxy.mapFromSource(panel.model.index(row, 0)).row()
               for row, action in enumerate(panel.model.items()) if action.overdue(page.today)]  # fmt: skip
    panel.view.selectRow(overdue[0] if overdue else 0)
    save(window, "actions")
    page.actions_panel.show_closed.setChecked(False)
    page.tabs.setCurrentIndex(0)

    from planmgr.services import actions, drill_lists

    engine = window.database.engine
    everything = drill_lists.list_drills(engine)
    # The drill whose finding led to an action closed by a plan version (the demo's loop).
    findings = {f.uid: f for f in actions.list_findings(engine)}
    closed = [
        a for a in actions.list_actions(engine) if a.closed_by_version_uid and a.finding_uid in findings
    ]
    loop_uid = next(
        (findings[a.finding_uid].drill_uid for a in closed if findings[a.finding_uid].drill_uid), None
    )
    evaluated = next((d for d in everything if EVALUATED in d.title and d.score_percent is not None), None)
    evaluated = evaluated or next((d for d in everything if d.score_percent is not None), None)
    if evaluated is not None:
        page.open_drill(evaluated.uid)
        editor = page.editor
        for name, tab in (("plan-data", editor.tabs.widget(0)), ("record", editor.record),
                          ("evaluation", editor.evaluation), ("summary", editor.summary)):  # fmt: skip
            editor.tabs.setCurrentWidget(tab)
            save(editor, f"editor-{name}")
        editor.evaluation.templates_button.click()
        save(editor.dialog, "templates")
        editor.dialog.close()
    if loop_uid is not None:
        page.open_drill(loop_uid)
        editor = page.editor
        editor.tabs.setCurrentWidget(editor.improvement)
        editor.improvement.finding_view.selectRow(0)
        editor.improvement.actions.view.selectRow(0)
        save(editor, "editor-improvement")
        editor.close()

    # A new drill of the first enterprise with plans: the organiser's plans to tick.
    page.tabs.setCurrentIndex(0)
    page.new_action.trigger()
    editor = page.editor
    enterprise = next(
        (i for i in range(editor.form.unit.count()) if "有限公司" in editor.form.unit.itemText(i)), 0
    )
    editor.form.unit.setCurrentIndex(enterprise)
    editor.form.title.setText("2026年下半年综合应急演练")
    if editor.form.plans.rowCount():
        editor.form.plans.set_checked(editor.form.plans.item_at(0).uid)
    editor.form.tag_boxes["双盲"].setChecked(True)
    save(editor, "new")
    editor.discard()  # the filled-in form was only for the picture

    # Closing an action by a plan version: the open action of the demo, with its plan's versions.
    page.tabs.setCurrentWidget(page.actions_panel)
    page.actions_panel.view.selectRow(0)
    if page.actions_panel.close_button.isEnabled():
        page.actions_panel.close_by_version()
        save(page.actions_panel.dialog, "close-action")
        page.actions_panel.dialog.close()

    window.close()
    home.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
